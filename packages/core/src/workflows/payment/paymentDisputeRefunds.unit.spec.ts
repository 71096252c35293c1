// Proves a payment shows what its disputes gave back: after a dispute refunds 80.00 of 100.00,
// payment() says refunded 80.00 (disputeRefunded 80.00, partially_refunded), and a refund of the
// rest makes it refunded 100.00, in the refund's answer and in payment() alike.
import { describe, expect, it } from 'vitest'
import {
  aliceAndShop,
  escalated,
  paid,
} from '../../../test/workflows/__fixtures__/disputeFixtures.js'
import { rightOf, workflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'

describe('dispute refunds on the payment', () => {
  it('counts a dispute refund in refunded and the status', async () => {
    const fixture = await workflowLedger()
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '100.00', 'p1')
    const disputeId = await escalated(fixture, paymentId)
    const resolved = rightOf(
      await fixture.ledger.resolveDispute({ disputeId, outcome: 'payer', amount: '80.00' }),
    )
    expect(resolved).toMatchObject({ status: 'resolved_payer', refunded: '80.00', held: '0.00' })
    expect(rightOf(await fixture.ledger.payment(paymentId))).toMatchObject({
      status: 'partially_refunded',
      refunded: '80.00',
      disputeRefunded: '80.00',
      captured: '100.00',
    })
    const refund = rightOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r1' }))
    expect(refund).toMatchObject({ status: 'refunded', refunded: '100.00' })
    expect(rightOf(await fixture.ledger.payment(paymentId))).toEqual(refund)
  })

  it('shows no dispute part on a payment no dispute refunded', async () => {
    const fixture = await workflowLedger()
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '30.00', 'p1')
    const view = rightOf(await fixture.ledger.payment(paymentId))
    expect(view).toMatchObject({ status: 'completed', refunded: '0.00' })
    expect(view).not.toHaveProperty('disputeRefunded')
  })
})
