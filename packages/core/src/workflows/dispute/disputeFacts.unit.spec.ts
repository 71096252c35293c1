// Proves that disputesOfPayment finds a payment's disputes by their derived ids, in order, and
// reports the open one, what resolved ones refunded, and the next id: disputes are recorded through
// the dispute decider on a ledger whose payments are made through `createLedger`.
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import { disputesOfPayment } from './disputeFacts.js'
import {
  recordDispute,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { disputeIdOf } from '../shared/ids.js'

const paidPayment = async (fixture: WorkflowLedger): Promise<string> => {
  const { ledger } = fixture
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '100.00',
      source: { type: 'bank_transfer', reference: 'r1' },
      idempotencyKey: 'd1',
    }),
  )
  const paid = rightOf(
    await ledger.pay({
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '40.00',
      idempotencyKey: 'p1',
    }),
  )
  return paid.paymentId
}

describe('disputesOfPayment', () => {
  it('reports no dispute and the first derived id for an undisputed payment', async () => {
    const fixture = await workflowLedger()
    const paymentId = await paidPayment(fixture)
    const facts = await disputesOfPayment(fixture.context, paymentId)
    expect(facts).toEqual({
      disputes: [],
      hasOpenDispute: false,
      refunded: '0.00',
      nextDisputeId: disputeIdOf(fixture.context, paymentId, 0),
    })
  })

  it('reports an open dispute and the next id after it', async () => {
    const fixture = await workflowLedger()
    const paymentId = await paidPayment(fixture)
    const disputeId = await recordDispute(fixture, paymentId, 0)
    const facts = await disputesOfPayment(fixture.context, paymentId)
    expect(facts.disputes.map((dispute) => [dispute.disputeId, dispute.status])).toEqual([
      [disputeId, 'open'],
    ])
    expect(facts.hasOpenDispute).toBe(true)
    expect(facts.refunded).toBe('0.00')
    expect(facts.nextDisputeId).toBe(disputeIdOf(fixture.context, paymentId, 1))
  })

  it('sums what resolved disputes refunded, and no longer reports one open', async () => {
    const fixture = await workflowLedger()
    const paymentId = await paidPayment(fixture)
    await recordDispute(fixture, paymentId, 0, '10.00')
    await recordDispute(fixture, paymentId, 1, '2.50')
    const facts = await disputesOfPayment(fixture.context, paymentId)
    expect(facts.disputes.map((dispute) => dispute.status)).toEqual([
      'resolved_payer',
      'resolved_payer',
    ])
    expect(facts.hasOpenDispute).toBe(false)
    expect(facts.refunded).toBe('12.50')
    expect(facts.nextDisputeId).toBe(disputeIdOf(fixture.context, paymentId, 2))
  })

  it('has no next id once the payment has DISPUTES_PER_PAYMENT_MAX disputes', async () => {
    const fixture = await workflowLedger()
    const paymentId = await paidPayment(fixture)
    for (let ordinal = 0; ordinal < limits.DISPUTES_PER_PAYMENT_MAX; ordinal += 1) {
      await recordDispute(fixture, paymentId, ordinal, '0.01')
    }
    const facts = await disputesOfPayment(fixture.context, paymentId)
    expect(facts.disputes).toHaveLength(limits.DISPUTES_PER_PAYMENT_MAX)
    expect(facts.nextDisputeId).toBeUndefined()
    expect(facts.refunded).toBe('0.10')
  })

  it('derives different ids per payment and per ordinal', async () => {
    const fixture = await workflowLedger()
    const ids = new Set([
      disputeIdOf(fixture.context, 'p-a', 0),
      disputeIdOf(fixture.context, 'p-a', 1),
      disputeIdOf(fixture.context, 'p-b', 0),
    ])
    expect(ids.size).toBe(3)
    expect(() => disputeIdOf(fixture.context, 'p-a', limits.DISPUTES_PER_PAYMENT_MAX)).toThrow()
  })

  it('reports nothing for a payment that does not exist', async () => {
    const fixture = await workflowLedger()
    const facts = await disputesOfPayment(fixture.context, 'missing')
    expect(facts.disputes).toEqual([])
    expect(facts.hasOpenDispute).toBe(false)
  })
})
