// Proves statements: opening and closing totals (available + held) around a range inclusive of both
// instants, the rows in between oldest first, holds never changing a total, other assets left out,
// and `invalid_input` for a bad range.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import { historyProjection } from './history.js'
import { foldProjection } from './projection.js'
import type { StatementQuery } from './statement.js'
import { statement } from './statement.js'

const story = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('shop', 'merchant', '2.5')
  sim.deposit('d1', 'alice', 'USD', '100.00', '2026-03-01T09:00:00.000Z')
  sim.deposit('d2', 'alice', 'USDT', '5.000000', '2026-03-01T09:30:00.000Z')
  sim.pay({
    paymentId: 'p1',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount: '10.00',
    at: '2026-03-02T10:00:00.000Z',
  })
  sim.pay({
    paymentId: 'p2',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount: '30.00',
    capture: 'manual',
    at: '2026-03-02T11:00:00.000Z',
  })
  sim.pay({
    paymentId: 'p3',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount: '500.00',
    at: '2026-03-02T12:00:00.000Z',
  })
  sim.capture('p2', '25.00', '2026-03-03T10:00:00.000Z')
  sim.refund('p1', 'r1', '4.00', '2026-03-04T10:00:00.000Z')
  return foldProjection(historyProjection, sim.log)
}

const statementOf = (query: StatementQuery, accountId = 'alice') => {
  const result = statement(story(), accountId, query)
  if (result._tag === 'Left') throw new Error(result.left.message)
  return result.right
}

describe('statement', () => {
  it('opens with what came before and closes with what the rows in range add', () => {
    const result = statementOf({
      asset: 'USD',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T23:59:59.999Z',
    })
    expect(result.opening).toBe('100.00')
    expect(result.closing).toBe('65.00')
    expect(result.entries.map((entry) => [entry.paymentId, entry.status, entry.amount])).toEqual([
      ['p1', 'completed', '10.00'],
      ['p3', 'failed', '500.00'],
      ['p2', 'completed', '25.00'],
    ])
  })

  it('includes rows at exactly `from` and exactly `to`', () => {
    const result = statementOf({
      asset: 'USD',
      from: '2026-03-02T10:00:00.000Z',
      to: '2026-03-03T10:00:00.000Z',
    })
    expect(result.entries.map((entry) => entry.paymentId)).toEqual(['p1', 'p3', 'p2'])
    expect(result.opening).toBe('100.00')
    expect(result.closing).toBe('65.00')
  })

  it('does not count a pending authorization: a hold leaves the total as it was', () => {
    const sim = createLedgerSimulator()
    sim.open('alice')
    sim.open('shop', 'merchant')
    sim.deposit('d1', 'alice', 'USD', '100.00', '2026-03-01T09:00:00.000Z')
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '30.00',
      capture: 'manual',
      at: '2026-03-02T11:00:00.000Z',
    })
    const result = statement(foldProjection(historyProjection, sim.log), 'alice', {
      asset: 'USD',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-02T23:00:00.000Z',
    })
    expect(result).toMatchObject({
      _tag: 'Right',
      right: {
        opening: '100.00',
        closing: '100.00',
        entries: [expect.objectContaining({ status: 'pending' })],
      },
    })
  })

  it('keeps to its asset', () => {
    const result = statementOf({
      asset: 'USDT',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-09T00:00:00.000Z',
    })
    expect(result).toEqual({
      opening: '0.000000',
      closing: '5.000000',
      entries: [expect.objectContaining({ asset: 'USDT' })],
    })
  })

  it('formats an untouched asset with the scale given, or none', () => {
    expect(
      statementOf({
        asset: 'BTC',
        scale: 8,
        from: '2026-03-01T00:00:00.000Z',
        to: '2026-03-09T00:00:00.000Z',
      }),
    ).toEqual({ opening: '0.00000000', closing: '0.00000000', entries: [] })
    expect(
      statementOf(
        { asset: 'BTC', from: '2026-03-01T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
        'nobody',
      ),
    ).toEqual({ opening: '0', closing: '0', entries: [] })
  })

  it('rejects instants that do not parse and a range that ends before it starts', () => {
    const state = story()
    expect(
      statement(state, 'alice', {
        asset: 'USD',
        from: 'yesterday',
        to: '2026-03-09T00:00:00.000Z',
      }),
    ).toMatchObject({ left: { code: 'invalid_input', details: { path: 'from' } } })
    expect(
      statement(state, 'alice', { asset: 'USD', from: '2026-03-09T00:00:00.000Z', to: 'never' }),
    ).toMatchObject({ left: { code: 'invalid_input', details: { path: 'to' } } })
    expect(
      statement(state, 'alice', {
        asset: 'USD',
        from: '2026-03-09T00:00:00.000Z',
        to: '2026-03-01T00:00:00.000Z',
      }),
    ).toMatchObject({ left: { code: 'invalid_input', details: { path: 'to' } } })
  })
})
