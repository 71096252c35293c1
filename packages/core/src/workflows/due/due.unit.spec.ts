// Proves runDue through createLedger (memory store, a clock moved by hand; authorizations last an
// hour, payees have a day to answer a dispute): a manual-capture authorization expires at its
// expiry instant (inclusive, as the payment decider decides) and its hold is released at that same
// instant; a dispute whose payee has not answered is escalated once its deadline has passed (the
// payee may still answer at the deadline itself); what was captured, cancelled or answered never
// expires; a second run expires nothing and writes nothing; the counts are exact; `now` defaults
// to the ledger's clock, must parse and must not be later than the clock.
import { describe, expect, it } from 'vitest'
import type { Ledger } from '../../ledger/types.js'
import { aliceAndShop, opened, paid } from '../../../test/workflows/__fixtures__/disputeFixtures.js'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { usd } from '../../../test/workflows/__fixtures__/withdrawalFixtures.js'
import { orThrow } from '../../ledger/result.js'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS
const START = '2025-03-03T09:00:00.000Z'
const at = (ms: number): string => new Date(Date.parse(START) + ms).toISOString()

/** Moves the clock on to `now` (runDue refuses a `now` ahead of it), then runs what is due. */
const runDueAt = (fixture: WorkflowLedger, now: string | Date) => {
  const ahead = new Date(now).getTime() - fixture.now().getTime()
  if (ahead > 0) fixture.advance(ahead)
  return fixture.ledger.runDue({ now }).then(orThrow)
}

/** Alice (100.00 USD) and the shop, on a ledger whose authorizations last an hour. */
const ledgerWithCast = async (
  executor: 'atomic' | 'stepwise' = 'atomic',
): Promise<WorkflowLedger> => {
  const fixture = await workflowLedger({
    authorizationTtlMs: HOUR_MS,
    disputeResponseMs: DAY_MS,
    executor,
  })
  await aliceAndShop(fixture)
  return fixture
}

/** Alice authorizes `amount` to the shop for manual capture; returns the payment id. */
const authorized = async (ledger: Ledger, amount: string, key: string): Promise<string> => {
  const view = rightOf(
    await ledger.pay({
      channel: 'online',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount,
      capture: 'manual',
      idempotencyKey: key,
    }),
  )
  expect(view.status).toBe('authorized')
  return view.paymentId
}

describe.each(['atomic', 'stepwise'] as const)('runDue on the %s executor', (executor) => {
  it('expires an authorization at its expiry instant (inclusive) and releases the hold', async () => {
    const fixture = await ledgerWithCast(executor)
    const { ledger } = fixture
    const paymentId = await authorized(ledger, '5.00', 'p1')
    expect(await usd(fixture, 'alice')).toEqual({
      available: '95.00',
      held: '5.00',
      total: '100.00',
    })
    expect(await runDueAt(fixture, at(HOUR_MS - 1))).toEqual({ expired: 0 })
    expect(rightOf(await ledger.payment(paymentId)).status).toBe('authorized')
    expect(await runDueAt(fixture, at(HOUR_MS))).toEqual({ expired: 1 })
    expect(rightOf(await ledger.payment(paymentId))).toMatchObject({
      status: 'failed',
      failureReason: 'expired',
    })
    expect(await usd(fixture, 'alice')).toEqual({
      available: '100.00',
      held: '0.00',
      total: '100.00',
    })
    const [row] = rightOf(await ledger.history('alice')).entries
    expect(row).toMatchObject({ paymentId, status: 'failed', failureReason: 'expired' })
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it('escalates an unanswered dispute after its deadline, keeping the hold', async () => {
    const fixture = await ledgerWithCast(executor)
    const paymentId = await paid(fixture, 'alice', 'shop', '30.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId)
    expect(await runDueAt(fixture, at(DAY_MS + 1))).toEqual({ expired: 1 })
    expect(rightOf(await fixture.ledger.dispute(disputeId)).status).toBe('escalated')
    expect((await usd(fixture, 'shop')).held).toBe('30.00')
    expect(orThrow(await fixture.ledger.audit()).violations).toEqual([])
  })
})

describe('runDue: manual-capture authorizations', () => {
  it('records the expiry and the release at the instant runDue was given', async () => {
    const fixture = await ledgerWithCast()
    const { ledger } = fixture
    await authorized(ledger, '5.00', 'p1')
    fixture.advance(2 * HOUR_MS)
    // The clock says two hours; runDue is asked to act at the expiry, which is earlier.
    expect(await runDueAt(fixture, at(HOUR_MS))).toEqual({ expired: 1 })
    const before = rightOf(await ledger.balances('alice', { asOf: at(HOUR_MS - 1) }))
    expect(before['USD']).toEqual({ available: '95.00', held: '5.00', total: '100.00' })
    const after = rightOf(await ledger.balances('alice', { asOf: at(HOUR_MS) }))
    expect(after['USD']).toEqual({ available: '100.00', held: '0.00', total: '100.00' })
    const [row] = rightOf(await ledger.history('alice')).entries
    expect(row?.at).toBe(at(HOUR_MS))
  })

  it("uses the ledger's clock when no `now` is given", async () => {
    const fixture = await ledgerWithCast()
    const paymentId = await authorized(fixture.ledger, '5.00', 'p1')
    fixture.advance(HOUR_MS - 1)
    expect(orThrow(await fixture.ledger.runDue())).toEqual({ expired: 0 })
    fixture.advance(1)
    expect(orThrow(await fixture.ledger.runDue())).toEqual({ expired: 1 })
    const capture = leftOf(await fixture.ledger.capturePayment({ paymentId }))
    expect(capture.code).toBe('invalid_transition')
  })

  it('expires nothing the second time, and writes nothing', async () => {
    const fixture = await ledgerWithCast()
    await authorized(fixture.ledger, '5.00', 'p1')
    await authorized(fixture.ledger, '6.00', 'p2')
    expect(await runDueAt(fixture, at(DAY_MS))).toEqual({ expired: 2 })
    const written = await eventCount(fixture)
    expect(await runDueAt(fixture, at(DAY_MS))).toEqual({ expired: 0 })
    expect(await runDueAt(fixture, at(2 * DAY_MS))).toEqual({ expired: 0 })
    expect(await eventCount(fixture)).toBe(written)
    expect((await usd(fixture, 'alice')).available).toBe('100.00')
  })

  it('leaves captured and cancelled authorizations alone', async () => {
    const fixture = await ledgerWithCast()
    const { ledger } = fixture
    const captured = await authorized(ledger, '5.00', 'p1')
    const cancelled = await authorized(ledger, '6.00', 'p2')
    rightOf(await ledger.capturePayment({ paymentId: captured }))
    rightOf(await ledger.cancelPayment({ paymentId: cancelled }))
    const written = await eventCount(fixture)
    expect(await runDueAt(fixture, at(DAY_MS))).toEqual({ expired: 0 })
    expect(await eventCount(fixture)).toBe(written)
    expect(rightOf(await ledger.payment(captured)).status).toBe('completed')
    expect(rightOf(await ledger.payment(cancelled)).status).toBe('cancelled')
  })
})

describe('runDue: dispute deadlines', () => {
  it('escalates a dispute the payee did not answer, once the deadline has passed', async () => {
    const fixture = await ledgerWithCast()
    const { ledger } = fixture
    const paymentId = await paid(fixture, 'alice', 'shop', '30.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId)
    expect((await usd(fixture, 'shop')).held).toBe('30.00')
    // The payee may still answer at the deadline itself, so nothing is due then.
    expect(await runDueAt(fixture, at(DAY_MS))).toEqual({ expired: 0 })
    expect(rightOf(await ledger.dispute(disputeId)).status).toBe('open')
    expect(await runDueAt(fixture, at(DAY_MS + 1))).toEqual({ expired: 1 })
    expect(rightOf(await ledger.dispute(disputeId)).status).toBe('escalated')
    expect((await usd(fixture, 'shop')).held).toBe('30.00')
    expect(await runDueAt(fixture, at(2 * DAY_MS))).toEqual({ expired: 0 })
  })

  it('leaves a dispute the payee answered in time alone', async () => {
    const fixture = await ledgerWithCast()
    const { ledger } = fixture
    const paymentId = await paid(fixture, 'alice', 'shop', '30.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId)
    fixture.advance(DAY_MS)
    rightOf(await ledger.respondToDispute({ disputeId, response: 'contest' }))
    expect(await runDueAt(fixture, at(2 * DAY_MS))).toEqual({ expired: 0 })
    expect(rightOf(await ledger.dispute(disputeId)).status).toBe('responded')
  })
})

describe('runDue: counts and input', () => {
  it('counts every item it expired in one run, payments and disputes together', async () => {
    const fixture = await ledgerWithCast()
    const { ledger } = fixture
    const paymentId = await paid(fixture, 'alice', 'shop', '30.00', 'p1')
    await opened(fixture, paymentId)
    await authorized(ledger, '5.00', 'p2')
    await authorized(ledger, '6.00', 'p3')
    expect(await runDueAt(fixture, at(HOUR_MS))).toEqual({ expired: 2 })
    await authorized(ledger, '7.00', 'p4')
    expect(await runDueAt(fixture, new Date(at(2 * DAY_MS)))).toEqual({ expired: 2 })
  })

  it('answers a `now` that is not an instant with a Left invalid_input naming `now`', async () => {
    const fixture = await ledgerWithCast()
    expect(await fixture.ledger.runDue({ now: 'tomorrow' })).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path: 'now' } },
    })
  })

  // Issue 7 item 9: a `now` ahead of the clock wrote events dated a month ahead.
  it('refuses a `now` later than the ledger clock, naming `now`, and writes nothing', async () => {
    const fixture = await ledgerWithCast()
    await authorized(fixture.ledger, '5.00', 'p1')
    const written = await eventCount(fixture)
    expect(await fixture.ledger.runDue({ now: at(30 * DAY_MS) })).toMatchObject({
      _tag: 'Left',
      left: {
        code: 'invalid_input',
        message: expect.stringContaining('now'),
        details: { path: 'now' },
      },
    })
    expect(await eventCount(fixture)).toBe(written)
    expect(orThrow(await fixture.ledger.runDue({ now: fixture.now() }))).toEqual({ expired: 0 })
  })
})
