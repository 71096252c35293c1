// Proves the history projection's payment rows on real logs (simulated ledger): both parties' rows,
// the pending row a capture takes over, the reasons of refused and expired payments, refunds, rows
// booked before their entry was recorded, and a budget's discount voided for a payment never recorded.
import { describe, expect, it } from 'vitest'
import {
  fundedLedger as funded,
  historyRowOf as rowOf,
  historyRowsOf as rowsOf,
} from '@wallet-ledger/testing'

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

describe('history: voided discounts', () => {
  it('shows a discount of a lost payment reversed on the budget, with the credit back, then the retry', () => {
    const sim = funded()
    sim.createPromotion('spring', 'USD', '50.00', { percent: '10' })
    const lost = { paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '20.00' }
    sim.payLost({ ...lost, promotionId: 'spring' })
    const budget = 'system:promotion:spring'
    const ids = { paymentId: 'p1', promotionId: 'spring' }
    expect(rowOf(sim.log, budget, 'p1:capture:1')).toEqual(
      expect.objectContaining({ kind: 'discount', direction: 'out', amount: '2.00', ...ids }),
    )
    expect(rowOf(sim.log, budget, 'p1:capture:1').status).toBe('reversed')
    expect(rowOf(sim.log, budget, 'p1:capture:1:void')).toEqual(
      expect.objectContaining({ kind: 'discount_void', direction: 'in', status: 'completed' }),
    )
    expect(rowsOf(sim.log, 'alice').some((row) => row.paymentId === 'p1')).toBe(false)
    // The caller's retry records the payment: its budget row is the payment's, not a transfer.
    sim.pay({ ...lost, promotionId: 'spring' })
    expect(rowOf(sim.log, budget, 'p1:capture:1#2')).toEqual(
      expect.objectContaining({ kind: 'payment', paymentId: 'p1', status: 'completed' }),
    )
  })
})
