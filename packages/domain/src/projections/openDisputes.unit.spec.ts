// Proves the open-disputes projection: undecided disputes by id and by payment with their status,
// gone once resolved, and what resolved disputes refunded per payment.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import {
  disputeRefundedOf,
  hasOpenDispute,
  openDisputeById,
  openDisputesOfPayment,
  openDisputesProjection,
} from './openDisputes.js'
import type { ProjectionInput } from './projection.js'
import { foldProjection } from './projection.js'

const stateOf = (log: readonly ProjectionInput[]) => foldProjection(openDisputesProjection, log)

const story = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('shop', 'merchant')
  sim.deposit('d1', 'alice', 'USD', '100.00')
  sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '40.00' })
  sim.openDispute('x1', 'p1', '2026-03-20T00:00:00.000Z', '10.00', '2026-03-02T12:00:00.000Z')
  return sim
}

describe('openDisputes', () => {
  it('finds an open dispute by id and by payment', () => {
    const state = stateOf(story().log)
    const expected = {
      disputeId: 'x1',
      paymentId: 'p1',
      stream: 'dispute-x1',
      status: 'open',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      openedAt: '2026-03-02T12:00:00.000Z',
      responseDueAt: '2026-03-20T00:00:00.000Z',
    }
    expect(openDisputeById(state, 'x1')).toEqual(expected)
    expect(openDisputesOfPayment(state, 'p1')).toEqual([expected])
    expect(hasOpenDispute(state, 'p1')).toBe(true)
    expect(hasOpenDispute(state, 'p2')).toBe(false)
  })

  it('follows its status while undecided, including a referral to legal', () => {
    const sim = story()
    sim.respondToDispute('x1', 'contest')
    expect(openDisputeById(stateOf(sim.log), 'x1')?.status).toBe('responded')
    sim.escalateDispute('x1')
    expect(openDisputeById(stateOf(sim.log), 'x1')?.status).toBe('escalated')
    sim.resolveDispute('x1', 'legal')
    expect(openDisputeById(stateOf(sim.log), 'x1')?.status).toBe('referred_legal')
    expect(hasOpenDispute(stateOf(sim.log), 'p1')).toBe(true)
  })

  it('forgets a resolved dispute and adds up what disputes refunded on the payment', () => {
    const sim = story()
    sim.respondToDispute('x1', 'accept')
    sim.openDispute('x2', 'p1', '2026-03-25T00:00:00.000Z', '5.00')
    sim.escalateDispute('x2')
    sim.resolveDispute('x2', 'payer', '2.50')
    const state = stateOf(sim.log)
    expect(openDisputeById(state, 'x1')).toBeUndefined()
    expect(hasOpenDispute(state, 'p1')).toBe(false)
    expect(disputeRefundedOf(state, 'p1')).toBe('12.50')
  })

  it('records no refund when the payee wins', () => {
    const sim = story()
    sim.escalateDispute('x1')
    sim.resolveDispute('x1', 'payee')
    expect(disputeRefundedOf(stateOf(sim.log), 'p1')).toBeUndefined()
  })
})
