// Proves `ledger.history` through createLedger (memory store, a clock moved by hand): the rows of
// deposits, instant and manual payments (payer out, payee in, counterparty, channel), a refused
// payment's `failed` row with its reason, a withdrawal from `pending` to `completed` and `reversed`,
// newest first; the asset, channel and status filters; a cursor that keeps its filters across pages
// and ignores rows added after it; and every rejection (`invalid_input` with `details.path`,
// `account_not_found`).
import { describe, expect, it } from 'vitest'
import type { HistoryEntry, Ledger } from '../ledger/types.js'
import { leftOf, rightOf, workflowLedger } from '../workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../workflows/__fixtures__/workflowLedger.js'
import {
  fundedAccount,
  requested,
  submitted,
} from '../workflows/__fixtures__/withdrawalFixtures.js'

const SECOND_MS = 1000

/** Alice (100.00 USD), bob and the merchant 'shop', opened; the clock one second on. */
const cast = async (): Promise<WorkflowLedger> => {
  const fixture = await workflowLedger()
  await fundedAccount(fixture, 'alice', '100.00')
  rightOf(await fixture.ledger.openAccount({ accountId: 'bob', kind: 'user' }))
  rightOf(await fixture.ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
  fixture.advance(SECOND_MS)
  return fixture
}

type PayFields = {
  channel?: 'merchant_qr' | 'online' | 'p2p' | 'bill'
  payee?: string
  asset?: string
  capture?: 'instant' | 'manual'
}

/** Alice pays `amount` (USD to the shop by QR unless told otherwise); returns the answer. */
const pay = (ledger: Ledger, amount: string, key: string, fields: PayFields = {}) =>
  ledger.pay({
    channel: fields.channel ?? 'merchant_qr',
    payer: 'alice',
    payee: fields.payee ?? 'shop',
    asset: fields.asset ?? 'USD',
    amount,
    ...(fields.capture === undefined ? {} : { capture: fields.capture }),
    idempotencyKey: key,
  })

/** Every row of an account's history, newest first (one page of 500). */
const rowsOf = async (ledger: Ledger, accountId: string): Promise<HistoryEntry[]> => {
  const page = rightOf(await ledger.history(accountId, { limit: 500 }))
  expect(page.next).toBeUndefined()
  return page.entries
}

const rowOf = (rows: readonly HistoryEntry[], id: string): HistoryEntry => {
  const row = rows.find((entry) => entry.id === id)
  if (row === undefined) throw new Error(`no row ${id} in ${JSON.stringify(rows)}`)
  return row
}

describe('history rows', () => {
  it('shows a deposit as a completed row in, with its journal entry', async () => {
    const fixture = await cast()
    const [deposit, ...rest] = await rowsOf(fixture.ledger, 'alice')
    expect(rest).toEqual([])
    expect(deposit).toMatchObject({
      kind: 'deposit',
      direction: 'in',
      asset: 'USD',
      amount: '100.00',
      status: 'completed',
      at: '2025-03-03T09:00:00.000Z',
    })
    expect(deposit?.journalEntryId).toEqual(expect.any(String))
  })

  it('shows an instant payment on both sides: payer out, payee in, each the other as counterparty', async () => {
    const fixture = await cast()
    const { paymentId } = rightOf(await pay(fixture.ledger, '10.00', 'p1'))
    const payer = await rowsOf(fixture.ledger, 'alice')
    const payee = await rowsOf(fixture.ledger, 'shop')
    const common = {
      kind: 'payment',
      asset: 'USD',
      amount: '10.00',
      status: 'completed',
      channel: 'merchant_qr',
      paymentId,
      at: '2025-03-03T09:00:01.000Z',
    }
    expect(payer.map((row) => row.kind)).toEqual(['payment', 'deposit'])
    expect(payer[0]).toMatchObject({ ...common, direction: 'out', counterparty: 'shop' })
    expect(payee).toHaveLength(1)
    expect(payee[0]).toMatchObject({ ...common, direction: 'in', counterparty: 'alice' })
    expect(payer[0]?.journalEntryId).toBe(payee[0]?.journalEntryId)
    expect(payer[0]?.id).not.toBe(payee[0]?.id)
  })

  it("shows a refused payment as failed in the payer's history, with its reason, and nowhere else", async () => {
    const fixture = await cast()
    const refused = leftOf(
      await pay(fixture.ledger, '500.00', 'p1', { channel: 'p2p', payee: 'bob' }),
    )
    expect(refused.code).toBe('insufficient_balance')
    const paymentId = refused.details?.['paymentId']
    expect(paymentId).toEqual(expect.any(String))
    const [failed] = await rowsOf(fixture.ledger, 'alice')
    expect(failed).toMatchObject({
      kind: 'payment',
      direction: 'out',
      asset: 'USD',
      amount: '500.00',
      status: 'failed',
      failureReason: 'insufficient_balance',
      counterparty: 'bob',
      channel: 'p2p',
      paymentId,
    })
    expect(failed?.journalEntryId).toBeUndefined()
    expect(await rowsOf(fixture.ledger, 'bob')).toEqual([])
    expect(rightOf(await fixture.ledger.balances('alice'))['USD']?.total).toBe('100.00')
  })

  it('shows a manual payment as one row: pending when authorized, completed when captured', async () => {
    const fixture = await cast()
    const { ledger } = fixture
    const { paymentId } = rightOf(
      await pay(ledger, '5.00', 'p1', { channel: 'online', capture: 'manual' }),
    )
    const [pending] = await rowsOf(ledger, 'alice')
    expect(pending).toMatchObject({
      status: 'pending',
      amount: '5.00',
      channel: 'online',
      paymentId,
    })
    expect(await rowsOf(ledger, 'shop')).toEqual([])
    fixture.advance(SECOND_MS)
    rightOf(await ledger.capturePayment({ paymentId, amount: '4.00' }))
    const rows = await rowsOf(ledger, 'alice')
    expect(rows.map((row) => row.kind)).toEqual(['payment', 'deposit'])
    expect(rows[0]).toMatchObject({
      id: pending?.id,
      status: 'completed',
      amount: '4.00',
      direction: 'out',
      counterparty: 'shop',
      at: '2025-03-03T09:00:02.000Z',
    })
    expect((await rowsOf(ledger, 'shop'))[0]).toMatchObject({ status: 'completed', amount: '4.00' })
  })

  it('shows a cancelled manual payment as cancelled, with no money moved', async () => {
    const fixture = await cast()
    const { paymentId } = rightOf(
      await pay(fixture.ledger, '5.00', 'p1', { channel: 'online', capture: 'manual' }),
    )
    rightOf(await fixture.ledger.cancelPayment({ paymentId }))
    const [cancelled] = await rowsOf(fixture.ledger, 'alice')
    expect(cancelled).toMatchObject({ paymentId, status: 'cancelled' })
    expect(cancelled?.journalEntryId).toBeUndefined()
  })

  it('shows a withdrawal pending until paid out, then completed, then reversed by a return', async () => {
    const fixture = await cast()
    const { ledger } = fixture
    const { withdrawalId } = await requested(fixture, 'alice', '20.00', 'w1', '1.00')
    const [pending] = await rowsOf(ledger, 'alice')
    expect(pending).toMatchObject({
      kind: 'withdrawal',
      direction: 'out',
      amount: '21.00',
      status: 'pending',
      withdrawalId,
    })
    await submitted(fixture, withdrawalId)
    expect((await rowsOf(ledger, 'alice'))[0]).toMatchObject({ id: pending?.id, status: 'pending' })
    fixture.advance(SECOND_MS)
    rightOf(await ledger.completeWithdrawal({ withdrawalId }))
    const [completed] = await rowsOf(ledger, 'alice')
    expect(completed).toMatchObject({ id: pending?.id, status: 'completed', amount: '21.00' })
    fixture.advance(SECOND_MS)
    rightOf(await ledger.returnWithdrawal({ withdrawalId, reason: 'account closed' }))
    const rows = await rowsOf(ledger, 'alice')
    expect(rows.map((row) => [row.kind, row.status])).toEqual([
      ['withdrawal_return', 'completed'],
      ['withdrawal', 'reversed'],
      ['deposit', 'completed'],
    ])
    expect(rows[0]).toMatchObject({ direction: 'in', amount: '20.00', withdrawalId })
    // The reversed row keeps the instant its money moved.
    expect(rowOf(rows, completed?.id ?? '').at).toBe(completed?.at)
  })
})

describe('history rows of withdrawals that do not pay out', () => {
  it('shows a rejected withdrawal as failed and one cancelled by a freeze as cancelled', async () => {
    const fixture = await cast()
    const { ledger } = fixture
    const rejected = await requested(fixture, 'alice', '10.00', 'w1')
    rightOf(
      await ledger.verifyWithdrawalIdentity({ withdrawalId: rejected.withdrawalId, passed: false }),
    )
    fixture.advance(SECOND_MS)
    const cancelled = await requested(fixture, 'alice', '20.00', 'w2')
    fixture.advance(SECOND_MS)
    rightOf(await ledger.freezeAccount({ accountId: 'alice', reason: 'phone stolen' }))
    const rows = await rowsOf(ledger, 'alice')
    expect(rows).toEqual([
      expect.objectContaining({
        withdrawalId: cancelled.withdrawalId,
        status: 'cancelled',
        failureReason: expect.any(String),
      }),
      expect.objectContaining({
        withdrawalId: rejected.withdrawalId,
        status: 'failed',
        failureReason: 'rejected',
      }),
      expect.objectContaining({ kind: 'deposit', status: 'completed' }),
    ])
    expect(rows[0]?.at).toBe('2025-03-03T09:00:03.000Z')
    expect(rightOf(await ledger.balances('alice'))['USD']?.available).toBe('100.00')
  })
})

/** Alice's history: deposits in USD and BTC, payments by QR, p2p and online, one refused. */
const mixed = async (): Promise<WorkflowLedger> => {
  const fixture = await cast()
  const { ledger } = fixture
  const source = { type: 'crypto', reference: 'tx1', network: 'bitcoin' } as const
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'BTC',
      amount: '0.5',
      source,
      idempotencyKey: 'b',
    }),
  )
  rightOf(await pay(ledger, '1.00', 'p1'))
  rightOf(await pay(ledger, '2.00', 'p2', { channel: 'p2p', payee: 'bob' }))
  rightOf(await pay(ledger, '0.1', 'p3', { channel: 'p2p', payee: 'bob', asset: 'BTC' }))
  leftOf(await pay(ledger, '900.00', 'p4', { channel: 'p2p', payee: 'bob' }))
  rightOf(await pay(ledger, '3.00', 'p5', { channel: 'online', capture: 'manual' }))
  return fixture
}

describe('history filters', () => {
  it('keeps only the rows of the asset, channel or status asked for', async () => {
    const { ledger } = await mixed()
    const amounts = async (options: Parameters<Ledger['history']>[1]) =>
      rightOf(await ledger.history('alice', options)).entries.map((row) => row.amount)
    expect(await amounts({ asset: 'BTC' })).toEqual(['0.10000000', '0.50000000'])
    expect(await amounts({ channel: 'p2p' })).toEqual(['900.00', '0.10000000', '2.00'])
    expect(await amounts({ status: 'failed' })).toEqual(['900.00'])
    expect(await amounts({ status: 'pending' })).toEqual(['3.00'])
    expect(await amounts({ asset: 'USD', channel: 'p2p', status: 'completed' })).toEqual(['2.00'])
    expect(await amounts({ asset: 'ETH' })).toEqual([])
  })
})

describe('history pages', () => {
  it('pages newest first with a cursor that keeps the filters of the first page', async () => {
    const { ledger } = await mixed()
    const first = rightOf(await ledger.history('alice', { channel: 'p2p', limit: 2 }))
    expect(first.entries.map((row) => row.amount)).toEqual(['900.00', '0.10000000'])
    expect(first.next).toEqual(expect.any(String))
    // The second page names no filter: the cursor carries `channel: 'p2p'`.
    const second = rightOf(await ledger.history('alice', { limit: 2, after: first.next ?? '' }))
    expect(second.entries.map((row) => row.amount)).toEqual(['2.00'])
    expect(second.next).toBeUndefined()
    // Repeating the cursor's own filter is allowed.
    const same = rightOf(
      await ledger.history('alice', { channel: 'p2p', limit: 2, after: first.next ?? '' }),
    )
    expect(same).toEqual(second)
  })

  it('gives no next cursor when the last page is exactly full', async () => {
    const { ledger } = await mixed()
    const all = rightOf(await ledger.history('alice', { status: 'completed' })).entries
    const page = rightOf(await ledger.history('alice', { status: 'completed', limit: all.length }))
    expect(page.entries).toEqual(all)
    expect(page.next).toBeUndefined()
  })

  it('shows rows recorded after the first page on a new first page, never on the next ones', async () => {
    const fixture = await mixed()
    const { ledger } = fixture
    const before = await rowsOf(ledger, 'alice')
    const first = rightOf(await ledger.history('alice', { limit: 3 }))
    fixture.advance(SECOND_MS)
    rightOf(await pay(ledger, '4.00', 'p6'))
    const rest: HistoryEntry[] = []
    let after = first.next
    while (after !== undefined) {
      const page = rightOf(await ledger.history('alice', { limit: 3, after }))
      rest.push(...page.entries)
      after = page.next
    }
    expect([...first.entries, ...rest]).toEqual(before)
    expect((await rowsOf(ledger, 'alice'))[0]?.amount).toBe('4.00')
  })

  it('answers an account without rows with an empty page', async () => {
    const fixture = await cast()
    expect(rightOf(await fixture.ledger.history('bob'))).toEqual({ entries: [] })
  })
})

describe('history rejections', () => {
  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ limit: '10' }, 'limit'],
    [{ channel: 'cash' }, 'channel'],
    [{ status: 'done' }, 'status'],
    [{ after: 'not a cursor' }, 'after'],
    [{ after: 'h1,99999999999999999999,alice,,,' }, 'after'],
    [{ after: '%E0%A4%A' }, 'after'],
    [{ asset: 7 }, 'asset'],
  ])('refuses %j with invalid_input at %s', async (options, path) => {
    const { ledger } = await mixed()
    const error = leftOf(await ledger.history('alice', options as never))
    expect(error.code).toBe('invalid_input')
    expect(error.details?.['path']).toBe(path)
  })

  it("refuses another account's cursor and a cursor with other filters", async () => {
    const { ledger } = await mixed()
    const { next } = rightOf(await ledger.history('alice', { channel: 'p2p', limit: 1 }))
    const after = next ?? ''
    const elsewhere = leftOf(await ledger.history('shop', { limit: 1, after }))
    expect(elsewhere).toMatchObject({ code: 'invalid_input', details: { path: 'after' } })
    const otherFilter = leftOf(await ledger.history('alice', { channel: 'online', after }))
    expect(otherFilter).toMatchObject({ code: 'invalid_input', details: { path: 'after' } })
  })

  it('refuses an account that was never opened, and an empty account id', async () => {
    const fixture = await cast()
    expect(leftOf(await fixture.ledger.history('nobody')).code).toBe('account_not_found')
    expect(leftOf(await fixture.ledger.history('')).code).toBe('invalid_input')
    expect(leftOf(await fixture.ledger.history(undefined as never)).code).toBe('invalid_input')
    expect(leftOf(await fixture.ledger.balances(7 as never)).code).toBe('invalid_input')
  })
})
