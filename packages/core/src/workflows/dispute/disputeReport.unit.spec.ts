// Proves reportUnauthorized through createLedger: it freezes the account ('reported stolen'),
// cancels its unsubmitted withdrawals, opens an 'unauthorized' dispute on each named payment the
// account paid (not on those it received, which it names in `refused` with code not_payer), refuses bad ids before anything is written, and a
// re-run returns the same dispute ids and writes nothing.
import { describe, expect, it } from 'vitest'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import {
  fundedAccount,
  positionOf,
  requested,
  usd,
} from '../../../test/workflows/__fixtures__/withdrawalFixtures.js'
import { aliceAndShop, opened, paid } from '../../../test/workflows/__fixtures__/disputeFixtures.js'
import { orThrow } from '../../ledger/result.js'

const START = '2026-03-02T10:00:00.000Z'

/** Alice paid the shop twice and received one payment from bob. */
const stolenPhone = async (fixture: WorkflowLedger) => {
  await aliceAndShop(fixture)
  await fundedAccount(fixture, 'bob', '50.00')
  const first = await paid(fixture, 'alice', 'shop', '30.00', 'p1')
  const second = await paid(fixture, 'alice', 'shop', '20.00', 'p2')
  const received = await paid(fixture, 'bob', 'alice', '5.00', 'p3')
  return { first, second, received }
}

describe('reportUnauthorized', () => {
  it('freezes the account and disputes each payment it made', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    const { first, second, received } = await stolenPhone(fixture)
    const withdrawal = await requested(fixture, 'alice', '10.00', 'w1')
    const report = { accountId: 'alice', paymentIds: [first, received, second] }
    const { disputeIds, refused } = rightOf(await ledger.reportUnauthorized(report))
    expect(disputeIds).toHaveLength(2)
    // Issue 7 item 9: the payment alice received is named, with why it was not disputed.
    expect(refused).toEqual([
      { paymentId: received, code: 'not_payer', message: expect.stringContaining(received) },
    ])
    expect(rightOf(await ledger.account('alice')).status).toBe('frozen')
    expect(rightOf(await ledger.withdrawal(withdrawal.withdrawalId)).status).toBe('cancelled')
    const disputes = await Promise.all(
      disputeIds.map(async (id) => rightOf(await ledger.dispute(id))),
    )
    expect(disputes.map((dispute) => [dispute.paymentId, dispute.status])).toEqual([
      [first, 'open'],
      [second, 'open'],
    ])
    expect(disputes.map((dispute) => (dispute as { reason?: string }).reason)).toEqual([
      'unauthorized',
      'unauthorized',
    ])
    expect(await usd(fixture, 'shop')).toEqual({ available: '0.00', held: '50.00', total: '50.00' })
    expect((await usd(fixture, 'alice')).held).toBe('0.00')
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it("names every payment that is not the reporter's, even when none is", async () => {
    const fixture = await workflowLedger({}, START)
    const { received } = await stolenPhone(fixture)
    const report = { accountId: 'alice', paymentIds: [received] }
    const answer = rightOf(await fixture.ledger.reportUnauthorized(report))
    expect(answer.disputeIds).toEqual([])
    expect(answer.refused.map(({ paymentId, code }) => [paymentId, code])).toEqual([
      [received, 'not_payer'],
    ])
    expect(answer.refused[0]?.message).toContain('alice')
    expect(rightOf(await fixture.ledger.account('alice')).status).toBe('frozen')
  })

  it('returns the same ids on a re-run and writes nothing', async () => {
    const fixture = await workflowLedger({}, START)
    const { first, second } = await stolenPhone(fixture)
    const report = { accountId: 'alice', paymentIds: [first, second] }
    const once = rightOf(await fixture.ledger.reportUnauthorized(report))
    const before = await positionOf(fixture)
    expect(rightOf(await fixture.ledger.reportUnauthorized(report))).toEqual(once)
    expect(await positionOf(fixture)).toBe(before)
  })

  it('finishes a report cut short: a payment already disputed keeps its dispute', async () => {
    const fixture = await workflowLedger({}, START)
    const { first, second } = await stolenPhone(fixture)
    const earlier = await opened(fixture, first)
    const report = { accountId: 'alice', paymentIds: [first, second] }
    const { disputeIds } = rightOf(await fixture.ledger.reportUnauthorized(report))
    expect(disputeIds[0]).toBe(earlier.disputeId)
    expect(disputeIds).toHaveLength(2)
  })

  it('refuses an unknown payment with payment_not_found before anything is written', async () => {
    const fixture = await workflowLedger({}, START)
    const { first } = await stolenPhone(fixture)
    const before = await positionOf(fixture)
    const report = { accountId: 'alice', paymentIds: [first, 'no-such-payment'] }
    const refused = leftOf(await fixture.ledger.reportUnauthorized(report))
    expect(refused.code).toBe('payment_not_found')
    expect(refused.details).toMatchObject({ path: 'paymentIds.1' })
    expect(await positionOf(fixture)).toBe(before)
    expect(rightOf(await fixture.ledger.account('alice')).status).toBe('active')
  })

  it('refuses an unknown or closed account and a payment that cannot be disputed, writing nothing', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    const { first } = await stolenPhone(fixture)
    rightOf(await ledger.refund({ paymentId: first, idempotencyKey: 'r1' }))
    rightOf(await ledger.openAccount({ accountId: 'carol', kind: 'user' }))
    rightOf(await ledger.closeAccount({ accountId: 'carol' }))
    const before = await positionOf(fixture)
    const cases: [string, unknown][] = [
      ['account_not_found', { accountId: 'nobody', paymentIds: [first] }],
      ['account_closed', { accountId: 'carol', paymentIds: [] }],
      ['invalid_transition', { accountId: 'alice', paymentIds: [first] }],
      ['invalid_input', { accountId: 'alice', paymentIds: 'all' }],
      [
        'invalid_input',
        { accountId: 'alice', paymentIds: Array.from({ length: 51 }, (_, i) => `p${i}`) },
      ],
    ]
    for (const [code, report] of cases) {
      const refused = leftOf(await ledger.reportUnauthorized(report as never))
      expect(refused.code, JSON.stringify(report).slice(0, 60)).toBe(code)
    }
    expect(await positionOf(fixture)).toBe(before)
    expect(rightOf(await ledger.account('alice')).status).toBe('active')
  })
})
