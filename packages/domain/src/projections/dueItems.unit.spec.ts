// Proves the due-items projection: authorizations fall due at their expiry and disputes at their
// response deadline, `now` is inclusive, items come earliest first, and a capture, cancellation,
// expiry, response, escalation or resolution removes them.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import { dueAt, dueItemsProjection, waitingItems } from './dueItems.js'
import type { ProjectionInput } from './projection.js'
import { foldProjection } from './projection.js'

const stateOf = (log: readonly ProjectionInput[]) => foldProjection(dueItemsProjection, log)

const story = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('shop', 'merchant')
  sim.deposit('d1', 'alice', 'USD', '100.00')
  sim.pay({
    paymentId: 'late',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount: '5.00',
    capture: 'manual',
    expiresAt: '2026-03-05T00:00:00.000Z',
  })
  sim.pay({
    paymentId: 'soon',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount: '5.00',
    capture: 'manual',
    expiresAt: '2026-03-03T00:00:00.000Z',
  })
  sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '20.00' })
  sim.openDispute('x1', 'p1', '2026-03-04T00:00:00.000Z')
  return sim
}

describe('dueItems', () => {
  it('lists what is due at or before now, earliest first', () => {
    const state = stateOf(story().log)
    expect(dueAt(state, '2026-03-02T23:59:59.999Z')).toEqual([])
    expect(dueAt(state, '2026-03-03T00:00:00.000Z')).toEqual([
      {
        kind: 'payment_expiry',
        id: 'soon',
        stream: 'payment-soon',
        dueAt: '2026-03-03T00:00:00.000Z',
      },
    ])
    expect(dueAt(state, '2026-03-09T00:00:00.000Z').map((item) => item.id)).toEqual([
      'soon',
      'x1',
      'late',
    ])
    expect(waitingItems(state).map((item) => item.kind)).toEqual([
      'payment_expiry',
      'dispute_response',
      'payment_expiry',
    ])
  })

  it('forgets an authorization once captured, cancelled or expired', () => {
    const sim = story()
    sim.capture('late')
    sim.expire('soon', '2026-03-03T00:00:00.000Z')
    expect(waitingItems(stateOf(sim.log)).map((item) => item.id)).toEqual(['x1'])
  })

  it('forgets a cancelled authorization', () => {
    const sim = story()
    sim.cancel('soon')
    expect(waitingItems(stateOf(sim.log)).map((item) => item.id)).toEqual(['x1', 'late'])
  })

  it('forgets a dispute once the payee responds or it is escalated', () => {
    const contested = story()
    contested.respondToDispute('x1', 'contest')
    expect(waitingItems(stateOf(contested.log)).map((item) => item.id)).toEqual(['soon', 'late'])
    const overdue = story()
    overdue.escalateDispute('x1', 'ExpireDisputeResponse', '2026-03-04T00:00:00.001Z')
    expect(waitingItems(stateOf(overdue.log)).map((item) => item.id)).toEqual(['soon', 'late'])
    const accepted = story()
    accepted.respondToDispute('x1', 'accept')
    expect(waitingItems(stateOf(accepted.log)).map((item) => item.id)).toEqual(['soon', 'late'])
  })
})
