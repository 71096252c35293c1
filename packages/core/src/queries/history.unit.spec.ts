// Proves `ledger.history` rows through createLedger (memory store, a clock moved by hand): the rows
// of deposits, instant and manual payments (payer out, payee in, counterparty, channel), a refused
// payment's `failed` row with its reason, a cancelled authorization, a withdrawal from `pending` to
// `completed` and `reversed`, and withdrawals rejected or cancelled by a freeze, newest first.
import { describe, expect, it } from 'vitest'
import { leftOf, rightOf } from '../../test/workflows/__fixtures__/workflowLedger.js'
import { requested, submitted } from '../../test/workflows/__fixtures__/withdrawalFixtures.js'
import {
  SECOND_MS,
  cast,
  pay,
  rowOf,
  rowsOf,
} from '../../test/queries/__fixtures__/historyLedger.js'

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
