// Proves the history projection's withdrawal, dispute and conversion rows on real logs (simulated
// ledger): pending rows and how each ends (completed, failed with its reason, cancelled), the
// reversal of a returned withdrawal with its own return row, a dispute refund that takes nothing
// from the payee, and a conversion's two rows.
import { describe, expect, it } from 'vitest'
import {
  fundedLedger as funded,
  historyRowOf as rowOf,
  historyRowsOf as rowsOf,
} from '@wallet-ledger/testing'

describe('history: withdrawals', () => {
  it('shows a withdrawal pending until completed, then reversed when the bank returns it', () => {
    const sim = funded()
    sim.requestWithdrawal('w1', 'alice', 'USD', '50.00', '1.00')
    expect(rowOf(sim.log, 'alice', 'withdrawal:w1')).toMatchObject({
      status: 'pending',
      amount: '51.00',
      withdrawalId: 'w1',
    })
    sim.verifyWithdrawal('w1', true)
    sim.submitWithdrawal('w1')
    expect(rowOf(sim.log, 'alice', 'withdrawal:w1')).toMatchObject({ status: 'pending' })
    sim.completeWithdrawal('w1')
    expect(rowOf(sim.log, 'alice', 'withdrawal:w1')).toMatchObject({
      status: 'completed',
      journalEntryId: 'w1:payout',
    })
    sim.returnWithdrawal('w1')
    const rows = rowsOf(sim.log, 'alice')
    expect(rows[0]).toMatchObject({
      kind: 'withdrawal_return',
      direction: 'in',
      amount: '50.00',
      status: 'completed',
      withdrawalId: 'w1',
    })
    expect(rowOf(sim.log, 'alice', 'withdrawal:w1')).toMatchObject({
      status: 'reversed',
      amount: '51.00',
    })
  })

  it('shows refused, rejected and failed withdrawals as failed, cancelled ones as cancelled', () => {
    const sim = funded()
    sim.requestWithdrawal('w1', 'alice', 'USD', '500.00')
    sim.requestWithdrawal('w2', 'alice', 'USD', '5.00')
    sim.verifyWithdrawal('w2', false)
    sim.requestWithdrawal('w3', 'alice', 'USD', '5.00')
    sim.verifyWithdrawal('w3', true)
    sim.submitWithdrawal('w3')
    sim.endWithdrawal('w3', 'FailWithdrawal')
    sim.requestWithdrawal('w4', 'alice', 'USD', '5.00')
    sim.endWithdrawal('w4', 'CancelWithdrawal')
    expect(rowOf(sim.log, 'alice', 'withdrawal:w1')).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_balance',
    })
    expect(rowOf(sim.log, 'alice', 'withdrawal:w2')).toMatchObject({
      status: 'failed',
      failureReason: 'rejected',
    })
    expect(rowOf(sim.log, 'alice', 'withdrawal:w3')).toMatchObject({
      status: 'failed',
      failureReason: 'bank refused',
    })
    expect(rowOf(sim.log, 'alice', 'withdrawal:w4')).toMatchObject({ status: 'cancelled' })
  })
})

describe('history: disputes and conversions', () => {
  const disputed = () => {
    const sim = funded()
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '40.00' })
    sim.openDispute('x1', 'p1', '2026-03-20T00:00:00.000Z', '30.00')
    return sim
  }

  it('shows an open dispute pending on both sides, then the refund for the payer', () => {
    const sim = disputed()
    expect(rowOf(sim.log, 'alice', 'dispute:x1:payer')).toMatchObject({
      status: 'pending',
      direction: 'in',
      amount: '30.00',
      paymentId: 'p1',
      disputeId: 'x1',
      channel: 'merchant_qr',
    })
    expect(rowOf(sim.log, 'shop', 'dispute:x1:payee')).toMatchObject({
      status: 'pending',
      direction: 'out',
      amount: '30.00',
    })
    sim.escalateDispute('x1')
    sim.resolveDispute('x1', 'payer', '20.00')
    expect(rowOf(sim.log, 'alice', 'dispute:x1:payer')).toMatchObject({
      status: 'completed',
      amount: '20.00',
      journalEntryId: 'x1:refund',
    })
    // The shop's fee (2.5 % of 40.00 is 1.00) comes back pro rata: 0.50 from the fees account.
    expect(rowOf(sim.log, 'shop', 'dispute:x1:payee')).toMatchObject({
      status: 'completed',
      amount: '19.50',
    })
  })

  it('shows a dispute the payee won as failed for the payer and cancelled for the payee', () => {
    const sim = disputed()
    sim.escalateDispute('x1')
    sim.resolveDispute('x1', 'payee')
    expect(rowOf(sim.log, 'alice', 'dispute:x1:payer')).toMatchObject({
      status: 'failed',
      failureReason: 'resolved_payee',
    })
    expect(rowOf(sim.log, 'shop', 'dispute:x1:payee')).toMatchObject({ status: 'cancelled' })
  })

  it("cancels the payee's pending row when the refund is all the fee's share", () => {
    // 0.60 to the shop (fee 2.5 %: 0.02); 0.14 refunded takes no fee back, 0.15 takes 0.01: a
    // dispute of the 0.01 between them takes nothing from the shop, whose hold goes back whole.
    const sim = funded()
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '0.60' })
    sim.refund('p1', 'r1', '0.14')
    sim.openDispute('x1', 'p1', '2026-03-20T00:00:00.000Z', '0.01')
    sim.respondToDispute('x1', 'accept')
    expect(rowOf(sim.log, 'shop', 'dispute:x1:payee')).toMatchObject({
      status: 'cancelled',
      failureReason: 'resolved_payer',
    })
    expect(rowOf(sim.log, 'alice', 'dispute:x1:payer')).toMatchObject({
      status: 'completed',
      amount: '0.01',
    })
    expect(rowsOf(sim.log, 'system:fees')[0]).toMatchObject({
      kind: 'dispute',
      direction: 'out',
      amount: '0.01',
    })
  })

  it('shows a conversion as two rows and a refused one as failed', () => {
    const sim = funded()
    sim.convert(
      'c1',
      'alice',
      { asset: 'USD', amount: '10.00' },
      { asset: 'USDT', scale: 6 },
      '0.998731',
    )
    sim.convert(
      'c2',
      'alice',
      { asset: 'USD', amount: '900.00' },
      { asset: 'USDT', scale: 6 },
      '0.998731',
    )
    const rows = rowsOf(sim.log, 'alice')
    expect(
      rows
        .filter((row) => row.conversionId === 'c1')
        .map((row) => [row.direction, row.asset, row.amount]),
    ).toEqual([
      ['in', 'USDT', '9.987310'],
      ['out', 'USD', '10.00'],
    ])
    expect(rowOf(sim.log, 'alice', 'conversion:c2')).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_balance',
    })
  })
})
