// Proves the history projection's rows and statuses on real logs (simulated ledger): each workflow's
// rows on each account, the pending row a booked leg takes over, the reasons of failed rows, the
// reversal of a returned withdrawal, and rows booked before their entry was recorded.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import type { HistoryEntry } from './historyTypes.js'
import { historyProjection } from './history.js'
import { historyPage } from './historyPage.js'
import type { ProjectionInput } from './projection.js'
import { foldProjection } from './projection.js'

const rowsOf = (log: readonly ProjectionInput[], accountId: string): readonly HistoryEntry[] => {
  const page = historyPage(foldProjection(historyProjection, log), accountId, { limit: 500 })
  if (page._tag === 'Left') throw new Error(page.left.message)
  return page.right.entries
}

const rowOf = (log: readonly ProjectionInput[], accountId: string, id: string): HistoryEntry => {
  const row = rowsOf(log, accountId).find((entry) => entry.id === id)
  if (row === undefined) throw new Error(`no row ${id} on ${accountId}`)
  return row
}

const funded = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('bob')
  sim.open('shop', 'merchant', '2.5')
  sim.deposit('d1', 'alice', 'USD', '100.00')
  return sim
}

describe('history: payments', () => {
  it('shows an instant payment to both parties and its fee to the platform, newest first', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '40.00',
      at: '2026-03-02T12:00:00.000Z',
    })
    const rows = rowsOf(sim.log, 'alice')
    expect(rows.map((row) => row.kind)).toEqual(['payment', 'deposit'])
    expect(rows[0]).toEqual({
      id: 'payment:p1:payer',
      journalEntryId: 'p1:capture',
      at: '2026-03-02T12:00:00.000Z',
      kind: 'payment',
      direction: 'out',
      asset: 'USD',
      amount: '40.00',
      status: 'completed',
      counterparty: 'shop',
      channel: 'merchant_qr',
      paymentId: 'p1',
    })
    expect(rowOf(sim.log, 'shop', 'payment:p1:payee')).toMatchObject({
      direction: 'in',
      amount: '39.00',
      counterparty: 'alice',
      status: 'completed',
    })
    expect(rowsOf(sim.log, 'system:fees')[0]).toMatchObject({
      kind: 'payment',
      direction: 'in',
      amount: '1.00',
      paymentId: 'p1',
    })
  })

  it('shows a refused payment in the payer history as failed with its reason', () => {
    const sim = funded()
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '400.00' })
    expect(rowOf(sim.log, 'alice', 'payment:p1:payer')).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_balance',
      amount: '400.00',
      direction: 'out',
    })
    expect(rowsOf(sim.log, 'shop')).toEqual([])
  })

  it('shows a manual authorization pending, then completed with the captured amount when captured', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '30.00',
      capture: 'manual',
    })
    expect(rowOf(sim.log, 'alice', 'payment:p1:payer')).toMatchObject({
      status: 'pending',
      amount: '30.00',
      channel: 'online',
    })
    sim.capture('p1', '20.00', '2026-03-02T15:00:00.000Z')
    const rows = rowsOf(sim.log, 'alice')
    expect(rows[0]).toMatchObject({
      id: 'payment:p1:payer',
      status: 'completed',
      amount: '20.00',
      at: '2026-03-02T15:00:00.000Z',
      journalEntryId: 'p1:capture',
    })
    expect(rows.filter((row) => row.paymentId === 'p1')).toHaveLength(1)
  })

  it('shows a cancelled authorization as cancelled and an expired one as failed (expired)', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      capture: 'manual',
    })
    sim.pay({
      paymentId: 'p2',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      capture: 'manual',
      expiresAt: '2026-03-03T00:00:00.000Z',
    })
    sim.cancel('p1')
    sim.expire('p2', '2026-03-03T00:00:00.000Z')
    expect(rowOf(sim.log, 'alice', 'payment:p1:payer')).toMatchObject({ status: 'cancelled' })
    expect(rowOf(sim.log, 'alice', 'payment:p2:payer')).toMatchObject({
      status: 'failed',
      failureReason: 'expired',
      at: '2026-03-03T00:00:00.000Z',
    })
  })

  it('shows a refund as its own rows, payer in and payee out, with the channel of the payment', () => {
    const sim = funded()
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '40.00' })
    sim.refund('p1', 'r1', '10.00')
    expect(rowsOf(sim.log, 'alice')[0]).toMatchObject({
      kind: 'refund',
      direction: 'in',
      amount: '10.00',
      refundId: 'r1',
      paymentId: 'p1',
      channel: 'merchant_qr',
      counterparty: 'shop',
    })
    expect(rowsOf(sim.log, 'shop')[0]).toMatchObject({
      kind: 'refund',
      direction: 'out',
      amount: '9.75',
      counterparty: 'alice',
    })
  })
})

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
    expect(rowOf(sim.log, 'shop', 'dispute:x1:payee')).toMatchObject({
      status: 'completed',
      amount: '20.00',
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

describe('history: order of the log', () => {
  it('enriches legs booked before their entry was recorded and drops the pending row they replace', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '30.00',
      capture: 'manual',
    })
    const before = sim.log.length
    sim.capture('p1')
    // Move the workflow's event after its account events, renumbering positions.
    const tail = sim.log.slice(before)
    const reordered = [...sim.log.slice(0, before), ...tail.slice(1), tail[0]!].map(
      (input, index) => ({ ...input, position: BigInt(index + 1) }),
    )
    const rows = rowsOf(reordered, 'alice')
    expect(rows.filter((row) => row.paymentId === 'p1')).toEqual([
      expect.objectContaining({
        id: 'p1:capture:0',
        kind: 'payment',
        status: 'completed',
        channel: 'online',
        counterparty: 'shop',
      }),
    ])
  })
})
