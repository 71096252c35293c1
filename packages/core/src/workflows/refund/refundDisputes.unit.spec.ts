// Proves that refunds and disputes share one payment through createLedger, with the real dispute
// workflow: no refund while a dispute is open, and what a dispute gave back counts toward the
// captured amount, so refunds after it stop at exactly the rest; balances and the audit agree.
import { describe, expect, it } from 'vitest'
import { aliceAndShop, opened, paid } from '../../../test/workflows/__fixtures__/disputeFixtures.js'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
  worldTotals,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../ledger/result.js'

const total = async (fixture: WorkflowLedger, accountId: string) =>
  rightOf(await fixture.ledger.balances(accountId))['USD']?.total

describe('refunds of a disputed payment', () => {
  it('refuses a refund while the dispute is open (dispute_open), and writes nothing', async () => {
    const fixture = await workflowLedger()
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    await opened(fixture, paymentId, '10.00')
    const before = await eventCount(fixture)
    const refused = leftOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r1' }))
    expect(refused).toMatchObject({ code: 'dispute_open', details: { paymentId } })
    expect(await eventCount(fixture)).toBe(before)
  })

  it('refunds only what the dispute did not give back', async () => {
    const fixture = await workflowLedger()
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId, '15.00')
    rightOf(await fixture.ledger.respondToDispute({ disputeId, response: 'accept' }))
    const over = leftOf(
      await fixture.ledger.refund({ paymentId, amount: '25.01', idempotencyKey: 'r1' }),
    )
    expect(over).toMatchObject({
      code: 'refund_exceeds_captured',
      details: { refundable: '25.00' },
    })
    rightOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r2' }))
    expect(await total(fixture, 'alice')).toBe('100.00')
    expect(await total(fixture, 'shop')).toBe('0.00')
    expect(await worldTotals(fixture)).toEqual({ USD: 0n })
    const report = orThrow(await fixture.ledger.audit())
    expect(report.violations).toEqual([])
  })
})
