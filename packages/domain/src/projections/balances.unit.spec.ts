// Proves the balances projection on real logs (every event decided by its aggregate through the
// simulated ledger): credits, debits, holds placed, captured in part and released, promotion budget
// bookings (a voided discount credited back), point-in-time answers by instant (inclusive) and by position, and the assertions that
// catch a corrupt log.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import { AssertionError } from '../assert.js'
import { balancesAsOf, balancesOf, balancesProjection, totalsByAsset } from './balances.js'
import type { ProjectionInput } from './projection.js'
import { foldProjection } from './projection.js'

const balancesAfter = (log: readonly ProjectionInput[], accountId: string) =>
  balancesOf(foldProjection(balancesProjection, log), accountId)

const funded = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('bob')
  sim.open('shop', 'merchant', '2.5')
  sim.deposit('d1', 'alice', 'USD', '100.00', '2026-03-02T10:00:00.000Z')
  return sim
}

const usd = (available: string, held: string, total: string) => ({
  USD: { available, held, total },
})

describe('balances', () => {
  it('credits a deposit and debits the world account it came from', () => {
    const sim = funded()
    expect(balancesAfter(sim.log, 'alice')).toEqual(usd('100.00', '0.00', '100.00'))
    expect(balancesAfter(sim.log, 'world:bank-inflow')).toEqual(usd('-100.00', '0.00', '-100.00'))
  })

  it('moves an instant payment from the payer to the payee and the fee to the platform', () => {
    const sim = funded()
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '40.00' })
    expect(balancesAfter(sim.log, 'alice')).toEqual(usd('60.00', '0.00', '60.00'))
    expect(balancesAfter(sim.log, 'shop')).toEqual(usd('39.00', '0.00', '39.00'))
    expect(balancesAfter(sim.log, 'system:fees')).toEqual(usd('1.00', '0.00', '1.00'))
  })

  it('holds an authorization, then captures part of it and releases the rest', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '30.00',
      capture: 'manual',
    })
    expect(balancesAfter(sim.log, 'alice')).toEqual(usd('70.00', '30.00', '100.00'))
    sim.capture('p1', '20.00')
    expect(balancesAfter(sim.log, 'alice')).toEqual(usd('80.00', '0.00', '80.00'))
    expect(balancesAfter(sim.log, 'shop')).toEqual(usd('19.50', '0.00', '19.50'))
  })

  it('gives a cancelled authorization back to available', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '30.00',
      capture: 'manual',
    })
    sim.cancel('p1')
    expect(balancesAfter(sim.log, 'alice')).toEqual(usd('100.00', '0.00', '100.00'))
  })

  it('books a promotion budget from its own stream: funding, discount, and a refund giving part back', () => {
    const sim = funded()
    sim.createPromotion('spring', 'USD', '50.00', { percent: '10' })
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'bob',
      asset: 'USD',
      amount: '20.00',
      promotionId: 'spring',
      channel: 'p2p',
    })
    expect(balancesAfter(sim.log, 'system:promotion:spring')).toEqual(usd('48.00', '0.00', '48.00'))
    expect(balancesAfter(sim.log, 'alice')).toEqual(usd('82.00', '0.00', '82.00'))
    sim.refund('p1', 'r1')
    expect(balancesAfter(sim.log, 'system:promotion:spring')).toEqual(usd('50.00', '0.00', '50.00'))
    expect(balancesAfter(sim.log, 'world:marketing-fund')).toEqual(usd('-50.00', '0.00', '-50.00'))
    const totals = totalsByAsset(foldProjection(balancesProjection, sim.log))
    expect(totals.get('USD')).toBe(0n)
  })

  it('gives a budget back the discount of a payment never recorded, once it is voided', () => {
    const sim = funded()
    sim.createPromotion('spring', 'USD', '50.00', { percent: '10' })
    const lost = { paymentId: 'p1', payer: 'alice', payee: 'bob', asset: 'USD', amount: '20.00' }
    sim.payLost({ ...lost, promotionId: 'spring' }, false)
    const applied = sim.log.length
    expect(balancesAfter(sim.log, 'system:promotion:spring')).toEqual(usd('48.00', '0.00', '48.00'))
    sim.payLost({ ...lost, paymentId: 'p2', promotionId: 'spring' })
    expect(sim.log.slice(applied).map((input) => input.event.type)).toEqual([
      'DiscountApplied',
      'DiscountVoided',
    ])
    expect(balancesAfter(sim.log, 'system:promotion:spring')).toEqual(usd('48.00', '0.00', '48.00'))
    expect(balancesAfter(sim.log, 'alice')).toEqual(usd('100.00', '0.00', '100.00'))
  })

  it('answers as of an instant, inclusive of events at that very instant', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'bob',
      asset: 'USD',
      amount: '25.00',
      channel: 'p2p',
      at: '2026-03-02T11:00:00.000Z',
    })
    const stream = sim.log.filter((input) => input.stream === 'account-alice')
    expect(balancesAsOf(stream, 'alice', { at: '2026-03-02T10:59:59.999Z' })).toEqual(
      usd('100.00', '0.00', '100.00'),
    )
    expect(balancesAsOf(stream, 'alice', { at: '2026-03-02T11:00:00.000Z' })).toEqual(
      usd('75.00', '0.00', '75.00'),
    )
    expect(balancesAsOf(stream, 'alice', { at: '2026-03-01T00:00:00.000Z' })).toEqual({})
  })

  it('answers as of a global position, inclusive', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'bob',
      asset: 'USD',
      amount: '25.00',
      channel: 'p2p',
    })
    const debit = sim.log.find(
      (input) => input.event.type === 'FundsDebited' && input.stream === 'account-alice',
    )
    if (debit === undefined) throw new Error('no debit')
    const stream = sim.log.filter((input) => input.stream === 'account-alice')
    expect(balancesAsOf(stream, 'alice', { position: debit.position - 1n })).toEqual(
      usd('100.00', '0.00', '100.00'),
    )
    expect(balancesAsOf(stream, 'alice', { position: debit.position })).toEqual(
      usd('75.00', '0.00', '75.00'),
    )
  })

  it('skips events of types it does not know', () => {
    const sim = funded()
    const unknown: ProjectionInput = {
      position: 999n,
      stream: 'x-1',
      recordedAt: '2026-03-02T12:00:00.000Z',
      event: { type: 'SomethingNew', schemaVersion: 1, data: {} },
    }
    expect(balancesAfter([...sim.log, unknown], 'alice')).toEqual(usd('100.00', '0.00', '100.00'))
  })

  it('asserts on a capture of a hold that is not open (a corrupt log)', () => {
    const capture: ProjectionInput = {
      position: 1n,
      stream: 'account-alice',
      recordedAt: '2026-03-02T12:00:00.000Z',
      event: {
        type: 'HoldCaptured',
        schemaVersion: 1,
        data: {
          accountId: 'alice',
          holdId: 'h1',
          amount: '1.00',
          entryId: 'e1',
          leg: 0,
          released: '0.00',
          at: '2026-03-02T12:00:00.000Z',
        },
      },
    }
    expect(() => foldProjection(balancesProjection, [capture])).toThrow(AssertionError)
  })

  it('asserts when positions do not increase (a slice fed twice)', () => {
    const sim = funded()
    expect(() => foldProjection(balancesProjection, [...sim.log, ...sim.log])).toThrow(
      AssertionError,
    )
  })
})
