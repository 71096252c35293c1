// Proves merchant settlement: gross captured, merchant fees net of the fee shares refunds and
// disputes return, refunds, what disputes took from the merchant and what the platform covered,
// and a net equal to what the merchant's account received; payments to people are not settled.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import { balancesOf, balancesProjection } from './balances.js'
import { foldProjection } from './projection.js'
import { merchantSettlement, merchantSettlements, settlementProjection } from './settlement.js'

const story = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('bob')
  sim.open('shop', 'merchant', '2.5')
  sim.deposit('d1', 'alice', 'USD', '500.00')
  sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '100.00' })
  sim.pay({
    paymentId: 'p2',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount: '40.00',
    capture: 'manual',
  })
  sim.capture('p2', '30.00')
  sim.pay({
    paymentId: 'p3',
    payer: 'alice',
    payee: 'bob',
    asset: 'USD',
    amount: '10.00',
    channel: 'p2p',
  })
  return sim
}

describe('merchantSettlement', () => {
  it('adds captured payments and their fees', () => {
    const state = foldProjection(settlementProjection, story().log)
    expect(merchantSettlement(state, 'shop')).toEqual({
      USD: {
        grossCaptured: '130.00',
        fees: '3.25',
        refunds: '0.00',
        disputesRefunded: '0.00',
        disputesCovered: '0.00',
        net: '126.75',
      },
    })
    expect(merchantSettlement(state, 'bob')).toEqual({})
  })

  it('takes refunds back and returns their share of the fee', () => {
    const sim = story()
    sim.refund('p1', 'r1', '40.00')
    const state = foldProjection(settlementProjection, sim.log)
    expect(merchantSettlement(state, 'shop')).toEqual({
      USD: {
        grossCaptured: '130.00',
        fees: '2.25',
        refunds: '40.00',
        disputesRefunded: '0.00',
        disputesCovered: '0.00',
        net: '87.75',
      },
    })
  })

  it('counts what a dispute took from the merchant and what the platform covered when it was short', () => {
    const sim = story()
    sim.requestWithdrawal('w1', 'shop', 'USD', '120.00')
    sim.openDispute('x1', 'p1', '2026-03-20T00:00:00.000Z', '20.00')
    sim.escalateDispute('x1')
    sim.resolveDispute('x1', 'payer')
    const state = foldProjection(settlementProjection, sim.log)
    // 20.00 back to alice: the fee's share 0.50 from the fees account, the shop's 19.50 from its
    // hold (6.75) and the platform (12.75, owed as a receivable).
    expect(merchantSettlements(state)).toEqual({
      shop: {
        USD: {
          grossCaptured: '130.00',
          fees: '2.75',
          refunds: '0.00',
          disputesRefunded: '7.25',
          disputesCovered: '12.75',
          net: '120.00',
        },
      },
    })
    const balances = balancesOf(foldProjection(balancesProjection, sim.log), 'shop')
    expect(balances['USD']).toEqual({ available: '0.00', held: '120.00', total: '120.00' })
  })

  it('counts a dispute whose refund takes nothing from a merchant that had nothing', () => {
    const sim = story()
    sim.requestWithdrawal('w1', 'shop', 'USD', '126.75')
    sim.openDispute('x1', 'p1', '2026-03-20T00:00:00.000Z', '20.00')
    sim.escalateDispute('x1')
    sim.resolveDispute('x1', 'payer')
    const state = foldProjection(settlementProjection, sim.log)
    expect(merchantSettlement(state, 'shop')).toEqual({
      USD: {
        grossCaptured: '130.00',
        fees: '2.75',
        refunds: '0.00',
        disputesRefunded: '0.50',
        disputesCovered: '19.50',
        net: '126.75',
      },
    })
  })
})
