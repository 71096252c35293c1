// Proves the rate codecs (issue 7 items 1 and 9) with fast-check: every rate a codec accepts comes
// out canonical and decodes to itself, however many trailing zeros it was written with; a merchant
// fee rate is accepted exactly when it is a percentage of at most 10; and no accepted fee rate can
// take a whole payment, so every merchant payment keeps a payee leg.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MERCHANT_FEE_PERCENT_MAX } from '../limits.js'
import { Decimal } from '../money/decimal.js'
import { merchantFeeOf } from '../payment/postings.js'
import { ConversionRate, DiscountPercent, MerchantFeeRate, canonicalDecimal } from './rates.js'

const NUM_RUNS = 500

/** A plain decimal: 0..199 with 0..6 decimals, sometimes with trailing zeros added. */
const arbDecimal = fc
  .tuple(fc.nat({ max: 199 }), fc.nat({ max: 999_999 }), fc.nat({ max: 6 }), fc.nat({ max: 3 }))
  .map(([whole, fraction, decimals, zeros]) => {
    const digits = String(fraction).padStart(6, '0').slice(0, decimals)
    const padded = digits + '0'.repeat(decimals === 0 ? 0 : zeros)
    return padded === '' ? String(whole) : `${whole}.${padded}`
  })

type RateCodec = typeof MerchantFeeRate | typeof ConversionRate
const CODECS: readonly RateCodec[] = [MerchantFeeRate, DiscountPercent, ConversionRate]

describe('rate codecs', () => {
  it('output the canonical form, which decodes to itself', () => {
    fc.assert(
      fc.property(arbDecimal, fc.constantFrom(...CODECS), (text, codec) => {
        const first = codec.decode(text)
        if (first._tag === 'Left') return
        expect(first.right).toBe(canonicalDecimal(text))
        expect(new Decimal(first.right).eq(text)).toBe(true)
        expect(codec.decode(first.right)).toEqual(first)
        expect(codec.is(first.right)).toBe(true)
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('accept a merchant fee rate exactly when it is at most the bound', () => {
    fc.assert(
      fc.property(arbDecimal, (text) => {
        const isAccepted = MerchantFeeRate.decode(text)._tag === 'Right'
        expect(isAccepted).toBe(new Decimal(text).lte(MERCHANT_FEE_PERCENT_MAX))
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('never let an accepted fee rate take a whole payment', () => {
    fc.assert(
      fc.property(arbDecimal, fc.bigInt({ min: 1n, max: 10n ** 20n }), (text, gross) => {
        const rate = MerchantFeeRate.decode(text)
        if (rate._tag === 'Left') return
        expect(merchantFeeOf(gross, rate.right)).toBeLessThan(gross)
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('refuse what is not a plain decimal string', () => {
    for (const bad of ['1e1', '-1', '+1', ' 1', '1.', '.5', '01', '0x10', '', '１', 'NaN']) {
      expect(MerchantFeeRate.decode(bad)._tag).toBe('Left')
      expect(ConversionRate.decode(bad)._tag).toBe('Left')
    }
    expect(MerchantFeeRate.decode(1)._tag).toBe('Left')
  })
})
