// Proves createPromotion through createLedger: the budget is funded from the marketing fund (the
// world still sums to zero with the budget counted), the same terms again write nothing, other terms
// or bad input are refused without a write, and a discounted QR payment charges the payer the
// amount less the discount while the payee gets the full amount less its fee.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
  worldTotals,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'

const promotion = {
  promotionId: 'spring',
  asset: 'USD',
  budget: '50',
  discount: { percent: '10' },
} as const

const remainingOf = async (fixture: WorkflowLedger, promotionId: string): Promise<bigint> => {
  const loaded = await fixture.context.repository.load(
    fixture.context.definitions.promotion,
    promotionId,
  )
  if (loaded.state.status !== 'active') throw new Error(`promotion ${promotionId} not created`)
  return loaded.state.remaining
}

const withShopper = async (fixture: WorkflowLedger): Promise<void> => {
  const { ledger } = fixture
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '1' }))
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '100.00',
      source: { type: 'bank_transfer', reference: 'r1' },
      idempotencyKey: 'd1',
    }),
  )
}

describe('createPromotion', () => {
  it('funds the budget from the marketing fund, and the world still sums to zero', async () => {
    const fixture = await workflowLedger()
    rightOf(await fixture.ledger.createPromotion(promotion))
    const fund = rightOf(await fixture.ledger.balances(SYSTEM_ACCOUNTS.marketingFund))
    expect(fund['USD']).toEqual({ available: '-50.00', held: '0.00', total: '-50.00' })
    expect(await remainingOf(fixture, 'spring')).toBe(5000n)
    expect(await worldTotals(fixture)).toEqual({ USD: 0n })
  })

  it('writes nothing when the same promotion is created again with the same terms', async () => {
    const fixture = await workflowLedger()
    rightOf(await fixture.ledger.createPromotion(promotion))
    const before = await eventCount(fixture)
    fixture.advance(60_000)
    // '50.00' is the canonical form of '50': the same terms.
    rightOf(await fixture.ledger.createPromotion({ ...promotion, budget: '50.00' }))
    expect(await eventCount(fixture)).toBe(before)
  })

  it('refuses the same id with other terms (promotion_already_exists)', async () => {
    const fixture = await workflowLedger()
    rightOf(await fixture.ledger.createPromotion(promotion))
    const before = await eventCount(fixture)
    const refused = leftOf(await fixture.ledger.createPromotion({ ...promotion, budget: '60' }))
    expect(refused.code).toBe('promotion_already_exists')
    expect(await eventCount(fixture)).toBe(before)
  })

  it('keeps validity dates given as a Date or a string, as ISO instants', async () => {
    const fixture = await workflowLedger()
    rightOf(
      await fixture.ledger.createPromotion({
        ...promotion,
        discount: { fixed: '2.5' },
        capPerAccount: '5',
        validFrom: new Date('2025-03-01T00:00:00Z'),
        validUntil: '2025-03-31T23:59:59+08:00',
      }),
    )
    const loaded = await fixture.context.repository.load(
      fixture.context.definitions.promotion,
      'spring',
    )
    expect(loaded.state.status === 'active' && loaded.state.terms).toEqual({
      asset: 'USD',
      budget: '50.00',
      discount: { fixed: '2.50' },
      capPerAccount: '5.00',
      validFrom: '2025-03-01T00:00:00.000Z',
      validUntil: '2025-03-31T15:59:59.000Z',
    })
  })

  it.each([
    ['unknown_asset', { asset: 'XYZ' }, 'asset'],
    ['amount_precision_exceeded', { budget: '1.234' }, 'budget'],
    ['amount_not_positive', { budget: '0' }, 'budget'],
    ['invalid_input', { discount: { percent: '100' } }, 'discount.percent'],
    ['invalid_input', { discount: { fixed: '60' } }, 'discount.fixed'],
    ['amount_precision_exceeded', { discount: { fixed: '0.001' } }, 'discount.fixed'],
    ['invalid_input', { discount: { percent: '5', fixed: '1' } }, 'discount'],
    ['invalid_input', { validFrom: 'soon' }, 'validFrom'],
    [
      'invalid_input',
      { validFrom: '2025-03-02T00:00:00Z', validUntil: '2025-03-01T00:00:00Z' },
      'validUntil',
    ],
    ['invalid_input', { promotionId: 'has space' }, 'promotionId'],
  ])('refuses bad terms with %s (%j) and writes nothing', async (code, change, path) => {
    const fixture = await workflowLedger()
    const refused = leftOf(await fixture.ledger.createPromotion({ ...promotion, ...change }))
    expect(refused.code).toBe(code)
    expect(String(refused.details?.['path'])).toContain(path)
    expect(await eventCount(fixture)).toBe(0n)
  })
})

describe('a discounted QR payment', () => {
  it('charges the payer the amount less the discount and pays the payee the amount less its fee', async () => {
    const fixture = await workflowLedger()
    await withShopper(fixture)
    rightOf(await fixture.ledger.createPromotion(promotion))
    const paid = rightOf(
      await fixture.ledger.pay({
        channel: 'merchant_qr',
        payer: 'alice',
        payee: 'shop',
        asset: 'USD',
        amount: '40.00',
        promotionId: 'spring',
        idempotencyKey: 'p1',
      }),
    )
    expect(paid).toMatchObject({ status: 'completed', amount: '40.00', charged: '36.00' })
    const total = async (accountId: string) =>
      rightOf(await fixture.ledger.balances(accountId))['USD']?.total
    expect(await total('alice')).toBe('64.00')
    expect(await total('shop')).toBe('39.60')
    expect(await total(SYSTEM_ACCOUNTS.fees)).toBe('0.40')
    expect(await remainingOf(fixture, 'spring')).toBe(4600n)
    expect(await worldTotals(fixture)).toEqual({ USD: 0n })
  })
})
