// The rates a caller may send, bounded to what a wallet can honour and made canonical ('7.10' is
// '7.1'), so a retry that writes a rate differently is the same command and no stored rate can
// later make a payment's or a conversion's entry one that projections cannot read.
import * as t from 'io-ts'
import { MERCHANT_FEE_PERCENT_MAX, PERCENT_CHARS_MAX, RATE_DIGITS_MAX } from '../limits.js'
import { RATE_EXPONENT_MAX } from '../limits.js'
import { Decimal } from '../money/decimal.js'
import { isPercent, isRate } from '../money/rounding.js'
import type { Percent, Rate } from './common.js'

// ---------------------------------------------------------------- operations

/** A plain unsigned decimal without trailing fraction zeros ('7.10' -> '7.1', '5.0' -> '5'). */
export const canonicalDecimal = (text: string): string =>
  text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text

/** True when `text` is a merchant fee rate: a percentage from 0 to `MERCHANT_FEE_PERCENT_MAX`. */
export const isMerchantFeeRate = (text: string): boolean =>
  text.length <= PERCENT_CHARS_MAX &&
  isPercent(text) &&
  new Decimal(text).lte(MERCHANT_FEE_PERCENT_MAX)

/** True when `text` is a percent discount: above 0 and below 100 (the payer always pays something). */
export const isDiscountPercent = (text: string): boolean =>
  text.length <= PERCENT_CHARS_MAX &&
  isPercent(text) &&
  new Decimal(text).gt(0) &&
  new Decimal(text).lt(100)

/**
 * True when `text` is a conversion rate: positive, at most `RATE_DIGITS_MAX` significant digits,
 * from 10^-RATE_EXPONENT_MAX to 10^RATE_EXPONENT_MAX (beyond them no two assets of scale 0..18
 * trade a whole minor unit for a sane amount).
 */
export const isConversionRate = (text: string): boolean => {
  if (text.length > RATE_DIGITS_MAX * 2 || !isRate(text, RATE_DIGITS_MAX)) return false
  const rate = new Decimal(text)
  const bound = new Decimal(10).pow(RATE_EXPONENT_MAX)
  return rate.gte(new Decimal(1).div(bound)) && rate.lte(bound)
}

// ---------------------------------------------------------------- codecs

// A plain unsigned decimal as a caller may write it: digits, then an optional fraction.
const PLAIN_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/

// A string codec that accepts a plain decimal of at most `charsMax` characters whose canonical
// form `isValid` allows, and outputs that canonical form: trailing zeros never make a rate invalid
// nor a different command.
const canonicalRate = <A extends string>(
  name: string,
  charsMax: number,
  isValid: (text: string) => boolean,
) => {
  const canonicalOf = (u: unknown): string | undefined =>
    typeof u === 'string' &&
    u.length <= charsMax &&
    PLAIN_DECIMAL.test(u) &&
    isValid(canonicalDecimal(u))
      ? canonicalDecimal(u)
      : undefined
  return new t.Type<A, string, unknown>(
    name,
    (u): u is A => canonicalOf(u) === u,
    (u, c) => {
      const canonical = canonicalOf(u)
      return canonical === undefined ? t.failure(u, c) : t.success(canonical as A)
    },
    (a) => a,
  )
}

/** A merchant fee rate a caller sends: a percentage from 0 to 10, canonical ('0.60' -> '0.6'). */
export const MerchantFeeRate = canonicalRate<Percent>(
  `a percentage from 0 to ${MERCHANT_FEE_PERCENT_MAX}`,
  PERCENT_CHARS_MAX,
  isMerchantFeeRate,
)

/** A percent discount a caller sends: above 0 and below 100, canonical. */
export const DiscountPercent = canonicalRate<Percent>(
  'a percentage above 0 and below 100',
  PERCENT_CHARS_MAX,
  isDiscountPercent,
)

/** A conversion rate a caller sends (see `isConversionRate`), canonical ('7.10' -> '7.1'). */
export const ConversionRate = canonicalRate<Rate>(
  `a positive rate from 1e-${RATE_EXPONENT_MAX} to 1e${RATE_EXPONENT_MAX}, at most ${RATE_DIGITS_MAX} significant digits`,
  RATE_DIGITS_MAX * 2,
  isConversionRate,
)
