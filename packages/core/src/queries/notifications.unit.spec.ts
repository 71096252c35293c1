// Proves `ledger.subscribe` through createLedger (memory store, a clock moved by hand): events
// written before and after subscribing arrive once each, in global order (catch-up, then live); a
// subscriber resuming from a position gets that position first and nothing twice; a types filter
// passes only those types; notifications carry the workflow ids, the accounts involved and the
// status, and nothing else (no sealed contact, no destination: the serialised notifications are
// searched for the email, phone and bank account number the test used); bad options (a position,
// an unknown event type, a retry policy) are an invalid_input Left naming the field.
// Deliveries are awaited through a collector that resolves when a count is reached, never a sleep.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import type { Notification } from '../ledger/types.js'
import { iterateAll } from '../store/paging.js'
import { aliceAndShop, opened, paid } from '../../test/workflows/__fixtures__/disputeFixtures.js'
import { rightOf, workflowLedger } from '../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../test/workflows/__fixtures__/workflowLedger.js'
import { BANK, requested, submitted } from '../../test/workflows/__fixtures__/withdrawalFixtures.js'
import { orThrow } from '../ledger/result.js'

const EMAIL = 'carol.private@example.com'
const PHONE = '+8613800138000'
const NOTIFICATION_FIELDS = new Set([
  'type',
  'position',
  'at',
  'paymentId',
  'withdrawalId',
  'disputeId',
  'accountIds',
  'status',
])

/** A handler that keeps what it gets, and a promise for the moment it has `count` of them. */
const collector = () => {
  const seen: Notification[] = []
  const waiting: { count: number; resolve: () => void }[] = []
  const handler = (notification: Notification): void => {
    seen.push(notification)
    for (const wait of waiting.filter((w) => seen.length >= w.count)) wait.resolve()
  }
  const until = (count: number): Promise<Notification[]> =>
    new Promise<void>((resolve) => {
      if (seen.length >= count) resolve()
      else waiting.push({ count, resolve })
    }).then(() => seen)
  return { seen, handler, until }
}

/** How many events the store holds. */
const headOf = async (fixture: WorkflowLedger): Promise<number> =>
  Number((await fixture.context.store.readHead()).nextPosition)

/** Every stored event's position and type, in global order. */
const storedOf = async (fixture: WorkflowLedger) => {
  const stored: { position: string; type: string }[] = []
  for await (const event of iterateAll(fixture.context.store))
    stored.push({ position: event.position.toString(), type: event.type })
  return stored
}

const positionsAndTypes = (notifications: readonly Notification[]) =>
  notifications.map(({ position, type }) => ({ position, type }))

describe('subscribe', () => {
  it('delivers what was written before and after subscribing, once each, in order', async () => {
    const fixture = await workflowLedger()
    await aliceAndShop(fixture)
    const { handler, until, seen } = collector()
    const subscription = rightOf(await fixture.ledger.subscribe(handler))
    await until(await headOf(fixture))
    await paid(fixture, 'alice', 'shop', '10.00', 'p1')
    await paid(fixture, 'alice', 'shop', '15.00', 'p2')
    await until(await headOf(fixture))
    await subscription.close()
    expect(positionsAndTypes(seen)).toEqual(await storedOf(fixture))
  })

  it('resumes from a position: that event first, nothing before it, nothing twice', async () => {
    const fixture = await workflowLedger()
    await aliceAndShop(fixture)
    const first = collector()
    const firstSubscription = rightOf(await fixture.ledger.subscribe(first.handler))
    const lastSeen = (await first.until(await headOf(fixture))).at(-1)
    await firstSubscription.close()
    await paid(fixture, 'alice', 'shop', '10.00', 'p1')
    const resumed = collector()
    const fromPosition = (BigInt(lastSeen?.position ?? '0') + 1n).toString()
    const subscription = rightOf(await fixture.ledger.subscribe(resumed.handler, { fromPosition }))
    const head = await headOf(fixture)
    await resumed.until(head - Number(fromPosition))
    await paid(fixture, 'alice', 'shop', '11.00', 'p2')
    await resumed.until((await headOf(fixture)) - Number(fromPosition))
    await subscription.close()
    const all = await storedOf(fixture)
    expect(positionsAndTypes([...first.seen, ...resumed.seen])).toEqual(all)
    expect(resumed.seen[0]?.position).toBe(fromPosition)
  })

  it('passes only the types asked for', async () => {
    const fixture = await workflowLedger()
    await aliceAndShop(fixture)
    await paid(fixture, 'alice', 'shop', '10.00', 'p1')
    const { handler, until, seen } = collector()
    const subscription = rightOf(
      await fixture.ledger.subscribe(handler, { types: ['PaymentCaptured', 'AccountOpened'] }),
    )
    await until(1)
    await paid(fixture, 'alice', 'shop', '11.00', 'p2')
    const wanted = (await storedOf(fixture)).filter((event) =>
      ['PaymentCaptured', 'AccountOpened'].includes(event.type),
    )
    await until(wanted.length)
    await subscription.close()
    expect(positionsAndTypes(seen)).toEqual(wanted)
    expect(wanted.filter((event) => event.type === 'PaymentCaptured')).toHaveLength(2)
  })

  it('refuses a bad position, types that are not a list of event types, and a bad retry', async () => {
    const fixture = await workflowLedger()
    const refused = async (options: object, path: string) => {
      const result = await fixture.ledger.subscribe(() => undefined, options as never)
      expect(result).toMatchObject({
        _tag: 'Left',
        left: { code: 'invalid_input', details: { path } },
      })
    }
    for (const fromPosition of ['-1', 'x', '01', '', 5])
      await refused({ fromPosition }, 'fromPosition')
    for (const types of ['PaymentCaptured', {}]) await refused({ types }, 'types')
    await refused({ types: [7] }, 'types.0')
    await refused({ types: ['PaymentCaptured', 'PaymentCapturd'] }, 'types.1')
    await refused({ types: ['toString'] }, 'types.0')
    await refused({ retry: { attempts: 0, backoffMs: 0 } }, 'retry.attempts')
    await refused({ retry: { attempts: 2, backoffMs: -1 } }, 'retry.backoffMs')
    await refused({ onError: 'log' }, 'onError')
    expect(await headOf(fixture)).toBe(0)
  })
})

describe('notification contents', () => {
  /** Carol (with a contact) deposits, pays the shop, disputes it, and withdraws to the bank. */
  const everyWorkflow = async (fixture: WorkflowLedger) => {
    const { ledger } = fixture
    rightOf(
      await ledger.openAccount({
        accountId: 'carol',
        kind: 'user',
        contact: { email: EMAIL, phone: PHONE },
      }),
    )
    rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
    const source = { type: 'bank_transfer' as const, reference: 'dep-carol' }
    rightOf(
      await ledger.deposit({
        accountId: 'carol',
        asset: 'USD',
        amount: '100.00',
        source,
        idempotencyKey: 'd1',
      }),
    )
    const paymentId = await paid(fixture, 'carol', 'shop', '30.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId)
    const { withdrawalId } = await requested(fixture, 'carol', '20.00', 'w1', '1.00')
    await submitted(fixture, withdrawalId)
    return { paymentId, disputeId, withdrawalId }
  }

  it('carries workflow ids, accounts and status, and never a contact or a destination', async () => {
    const fixture = await workflowLedger()
    const ids = await everyWorkflow(fixture)
    const { handler, until } = collector()
    const subscription = rightOf(await fixture.ledger.subscribe(handler))
    const seen = await until(await headOf(fixture))
    await subscription.close()
    const byType = (type: string) => seen.filter((n) => n.type === type)
    expect(byType('PaymentCaptured')).toEqual([
      expect.objectContaining({
        paymentId: ids.paymentId,
        status: 'completed',
        accountIds: expect.arrayContaining(['carol', 'shop']),
      }),
    ])
    expect(byType('DisputeOpened')).toEqual([
      expect.objectContaining({
        disputeId: ids.disputeId,
        paymentId: ids.paymentId,
        status: 'open',
      }),
    ])
    expect(byType('WithdrawalRequested')).toEqual([
      expect.objectContaining({
        withdrawalId: ids.withdrawalId,
        status: 'requested',
        accountIds: ['carol'],
      }),
    ])
    expect(byType('WithdrawalSubmitted')[0]?.status).toBe('submitted')
    expect(byType('FundsDeposited')[0]?.accountIds).toEqual(
      expect.arrayContaining(['carol', SYSTEM_ACCOUNTS.bankInflow]),
    )
    expect(byType('AccountOpened').map((n) => n.accountIds)).toEqual(
      expect.arrayContaining([['carol'], ['shop']]),
    )
    for (const notification of seen) {
      expect(Object.keys(notification).filter((key) => !NOTIFICATION_FIELDS.has(key))).toEqual([])
      expect(notification.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    }
    const serialised = JSON.stringify(seen)
    for (const secret of [EMAIL, PHONE, BANK.accountNumber, BANK.bank]) {
      expect(serialised).not.toContain(secret)
    }
  })

  it("gives each workflow's last status as its view shows it", async () => {
    const fixture = await workflowLedger({ authorizationTtlMs: 60_000 })
    const { ledger } = fixture
    const ids = await everyWorkflow(fixture)
    const pay = (amount: string, key: string, capture?: 'manual') =>
      ledger.pay({
        channel: 'online',
        payer: 'carol',
        payee: 'shop',
        asset: 'USD',
        amount,
        ...(capture === undefined ? {} : { capture }),
        idempotencyKey: key,
      })
    const refused = await pay('900.00', 'refused')
    const cancelled = rightOf(await pay('1.00', 'cancelled', 'manual')).paymentId
    rightOf(await ledger.cancelPayment({ paymentId: cancelled }))
    const expired = rightOf(await pay('2.00', 'expired', 'manual')).paymentId
    const authorized = rightOf(await pay('3.00', 'authorized', 'manual')).paymentId
    fixture.advance(60_000)
    expect(orThrow(await ledger.runDue({ now: fixture.now() }))).toEqual({ expired: 2 })
    rightOf(await ledger.escalateDispute({ disputeId: ids.disputeId }))
    const { handler, until } = collector()
    const subscription = rightOf(await ledger.subscribe(handler))
    const seen = await until(await headOf(fixture))
    await subscription.close()
    // The last status among the workflow's own events (a dispute's events name its payment too).
    const lastStatus = (
      prefix: string,
      field: 'paymentId' | 'withdrawalId' | 'disputeId',
      id: string,
    ) =>
      seen
        .filter((n) => n.type.startsWith(prefix) && n[field] === id && n.status !== undefined)
        .at(-1)?.status
    const paymentIds = [ids.paymentId, cancelled, expired, authorized]
    if (refused._tag === 'Left') paymentIds.push(String(refused.left.details?.['paymentId']))
    expect(paymentIds).toHaveLength(5)
    for (const paymentId of paymentIds) {
      const view = rightOf(await ledger.payment(paymentId))
      expect(lastStatus('Payment', 'paymentId', paymentId), view.failureReason ?? view.status).toBe(
        view.status,
      )
    }
    const withdrawal = rightOf(await ledger.withdrawal(ids.withdrawalId))
    expect(lastStatus('Withdrawal', 'withdrawalId', ids.withdrawalId)).toBe(withdrawal.status)
    const dispute = rightOf(await ledger.dispute(ids.disputeId))
    expect(lastStatus('Dispute', 'disputeId', ids.disputeId)).toBe(dispute.status)
  })
})
