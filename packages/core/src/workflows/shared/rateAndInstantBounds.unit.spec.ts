// Proves issue 7 items 1, 2 and 9 (rates) through createLedger on a memory store: every rate a
// caller sends is bounded (merchant fee 0..10 %, percent discount above 0 and below 100, conversion
// rate 1e-18..1e18) and refused with `invalid_input` naming its path and writing nothing; rates are
// canonical, so '7.1' and '7.10' are one command; every instant a caller sends lies from 1970 to
// 9999 (invalid_input naming the path); and a quote's expiry is compared as a time.
import { describe, expect, it } from 'vitest'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../ledger/result.js'

const PAST_9999 = new Date(8.64e15)
const BEFORE_1970 = new Date(-1)

/** Alice with 100.00 USD and 1 BTC, on a fresh ledger. */
const withAlice = async (): Promise<WorkflowLedger> => {
  const fixture = await workflowLedger()
  const { ledger } = fixture
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  const source = { type: 'bank_transfer' as const, reference: 'seed' }
  for (const [asset, amount] of [
    ['USD', '100.00'],
    ['BTC', '1'],
  ] as const)
    rightOf(
      await ledger.deposit({ accountId: 'alice', asset, amount, source, idempotencyKey: asset }),
    )
  return fixture
}

/** Expects `invalid_input` at `path` and no event written by `run`. */
const expectRefused = async (
  fixture: WorkflowLedger,
  path: string,
  run: () => Promise<Parameters<typeof leftOf>[0]>,
): Promise<void> => {
  const written = await eventCount(fixture)
  const error = leftOf(await run())
  expect(error.code).toBe('invalid_input')
  expect(error.details?.['path']).toBe(path)
  expect(error.message).toContain(path)
  expect(await eventCount(fixture)).toBe(written)
}

const promotion = (discount: { percent: string } | { fixed: string }, extra = {}) => ({
  promotionId: 'spring',
  asset: 'USD',
  budget: '10.00',
  discount,
  ...extra,
})

const conversion = (rate: string, extra = {}) => ({
  accountId: 'alice',
  from: { asset: 'USD', amount: '10.00' },
  to: { asset: 'BTC' },
  rate,
  idempotencyKey: 'c1',
  ...extra,
})

describe('rate bounds at the boundary', () => {
  it.each(['60', '100', '10.000001', '50'])(
    'refuses a merchant fee rate of %s %%',
    async (rate) => {
      const fixture = await withAlice()
      await expectRefused(fixture, 'merchantFeeRate', () =>
        fixture.ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: rate }),
      )
    },
  )

  it('accepts a fee rate of 10 % and pays the merchant something on the smallest payment', async () => {
    const fixture = await withAlice()
    const { ledger } = fixture
    const shop = { accountId: 'shop', kind: 'merchant' as const, merchantFeeRate: '10.00' }
    rightOf(await ledger.openAccount(shop))
    for (const [key, amount] of [
      ['p1', '0.01'],
      ['p2', '0.15'],
      ['p3', '0.05'],
    ] as const) {
      const payment = { payer: 'alice', payee: 'shop', asset: 'USD', amount, idempotencyKey: key }
      rightOf(await ledger.pay({ channel: 'merchant_qr', ...payment }))
    }
    // Fees rounded half-even: 0.001 -> 0, 0.015 -> 0.02, 0.005 -> 0; the shop keeps the rest.
    expect(rightOf(await ledger.balances('shop'))['USD']?.available).toBe('0.19')
    expect(orThrow(await ledger.audit()).ok).toBe(true)
  })

  it.each(['100', '0', '0.0', '100.5'])('refuses a percent discount of %s', async (percent) => {
    const fixture = await withAlice()
    await expectRefused(fixture, 'discount.percent', () =>
      fixture.ledger.createPromotion(promotion({ percent })),
    )
  })

  it.each(['0.0000000000000000001', '1000000000000000000.5', '10000000000000000000'])(
    'refuses a conversion rate of %s',
    async (rate) => {
      const fixture = await withAlice()
      await expectRefused(fixture, 'rate', () => fixture.ledger.convert(conversion(rate)))
    },
  )

  // Issue 7 item 9: '7.1' and '7.10' were two different commands under one key.
  it('treats rates written with trailing zeros as the same command', async () => {
    const fixture = await withAlice()
    const { ledger } = fixture
    const first = rightOf(await ledger.convert(conversion('0.0000123')))
    const again = rightOf(await ledger.convert(conversion('0.00001230')))
    expect(again).toEqual(first)
    expect(first).toMatchObject({ rate: '0.0000123' })
    expect(leftOf(await ledger.convert(conversion('0.0000124'))).code).toBe(
      'idempotency_key_reused',
    )
  })
})

describe('instant bounds at the boundary', () => {
  // Issue 7 item 2: a date past 9999 was stored as "+275760-...Z" and no longer decoded.
  it.each([
    ['validUntil', PAST_9999],
    ['validUntil', '+275760-09-13T00:00:00.000Z'],
    ['validFrom', BEFORE_1970],
    ['validUntil', '10000-01-01T00:00:00Z'],
  ])('refuses %s = %s on a promotion', async (field, value) => {
    const fixture = await withAlice()
    await expectRefused(fixture, field, () =>
      fixture.ledger.createPromotion(promotion({ percent: '10' }, { [field]: value })),
    )
  })

  it('refuses a quote expiring past 9999 instead of calling it expired', async () => {
    const fixture = await withAlice()
    await expectRefused(fixture, 'quoteExpiresAt', () =>
      fixture.ledger.convert(conversion('0.0000123', { quoteExpiresAt: PAST_9999 })),
    )
  })

  it('compares a quote expiry as a time: the last instant of 9999 is not expired', async () => {
    const fixture = await withAlice()
    const { ledger } = fixture
    const quoteExpiresAt = '9999-12-31T23:59:59.999Z'
    expect(
      rightOf(await ledger.convert(conversion('0.0000123', { quoteExpiresAt }))),
    ).toMatchObject({ status: 'executed' })
    const offset = { quoteExpiresAt: '2025-03-03T09:59:59.999+01:00', idempotencyKey: 'c2' }
    expect(leftOf(await ledger.convert(conversion('0.0000123', offset))).code).toBe('quote_expired')
  })

  it('refuses statement and balance instants out of range, naming them', async () => {
    const fixture = await withAlice()
    const { ledger } = fixture
    const range = { asset: 'USD', from: '1970-01-01T00:00:00Z', to: PAST_9999 }
    expect(leftOf(await ledger.statement('alice', range)).details?.['path']).toBe('to')
    const asOf = leftOf(await ledger.balances('alice', { asOf: BEFORE_1970 }))
    expect(asOf).toMatchObject({ code: 'invalid_input', details: { path: 'asOf' } })
    const last = { asset: 'USD', from: '1970-01-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' }
    expect(rightOf(await ledger.statement('alice', last)).closing).toBe('100.00')
  })
})
