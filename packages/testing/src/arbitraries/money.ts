// Money arbitraries: assets of every scale, canonical amounts up to the limits, every form of bad
// amount a caller can send, and rates within the Rate codec's bounds. Amounts are bigint minor
// units or decimal strings, never JS numbers.
import fc from 'fast-check'
import { BUILT_IN_ASSETS, formatMinor, limits } from '@wallet-ledger/domain'
import type { AmountErrorCode, Asset, DecimalString, Money } from '@wallet-ledger/domain'

// ---------------------------------------------------------------- types

/** A bad amount, the code `parseAmount` must reject it with, and which kind of bad it is. */
export type InvalidAmountCase = {
  readonly amount: string
  readonly code: AmountErrorCode
  readonly kind: InvalidAmountKind
}

/** The families of bad amounts `arbInvalidAmountCase` draws from. */
export type InvalidAmountKind =
  | 'too_many_decimals'
  | 'signed'
  | 'exponent'
  | 'not_a_number'
  | 'empty'
  | 'whitespace'
  | 'leading_dot'
  | 'trailing_dot'
  | 'leading_zero'
  | 'separator'
  | 'too_many_integer_digits'
  | 'too_many_chars'

/** Bounds for `arbMoney`, in minor units, inclusive. */
export type MoneyBounds = { readonly minMinor?: bigint; readonly maxMinor?: bigint }

/** An exact fraction, for checking rounding against exact arithmetic in tests. */
export type ExactFraction = { readonly numerator: bigint; readonly denominator: bigint }

// ---------------------------------------------------------------- helpers

const BUILT_IN_CODES: ReadonlySet<string> = new Set(BUILT_IN_ASSETS.map((asset) => asset.code))
const ASSET_CODE = new RegExp(`^[A-Z][A-Z0-9]{1,${limits.ASSET_CODE_LENGTH_MAX - 1}}$`)

/** 10^exponent as a bigint. */
const tenTo = (exponent: number): bigint => 10n ** BigInt(exponent)

/** The largest amount of an asset in minor units: every integer digit a 9, every decimal a 9. */
export const maxMinorOf = (asset: Pick<Asset, 'scale'>): bigint =>
  tenTo(limits.AMOUNT_INTEGER_DIGITS_MAX + asset.scale) - 1n

const clamp = (value: bigint, min: bigint, max: bigint): bigint =>
  value < min ? min : value > max ? max : value

/** Digits strings of exactly `length` characters, the first one not '0' when `length` > 1. */
const arbDigits = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc
    .integer({ min: minLength, max: maxLength })
    .chain((length) =>
      fc.bigInt({ min: length === 1 ? 0n : tenTo(length - 1), max: tenTo(length) - 1n }),
    )
    .map((value) => value.toString())

const arbFractionDigits = (length: number): fc.Arbitrary<string> =>
  fc
    .bigInt({ min: 0n, max: tenTo(length) - 1n })
    .map((value) => value.toString().padStart(length, '0'))

// ---------------------------------------------------------------- assets

/** A registered (non built-in) asset of any scale from 0 to 18. */
export const arbRegisteredAsset = (): fc.Arbitrary<Asset> =>
  fc.record({
    code: fc.stringMatching(ASSET_CODE).filter((code) => !BUILT_IN_CODES.has(code)),
    scale: fc.integer({ min: limits.ASSET_SCALE_MIN, max: limits.ASSET_SCALE_MAX }),
  })

/** A built-in asset (CNY/2, USD/2, USDT/6, BTC/8, ETH/18) or a registered one of scale 0..18. */
export const arbAsset = (): fc.Arbitrary<Asset> =>
  fc.oneof(fc.constantFrom(...BUILT_IN_ASSETS), arbRegisteredAsset())

/** Two assets with different codes (a pair to convert between). */
export const arbAssetPair = (): fc.Arbitrary<readonly [Asset, Asset]> =>
  fc.tuple(arbAsset(), arbAsset()).filter(([source, target]) => source.code !== target.code)

// ---------------------------------------------------------------- amounts

/**
 * Valid money of `asset`, from `minMinor` (default 0) to `maxMinor` (default the largest amount
 * the limits allow: 20 integer digits). Biased toward small amounts, one minor unit, and the
 * largest amounts, where off-by-one and overflow bugs live.
 */
export const arbMoney = (asset: Asset, bounds: MoneyBounds = {}): fc.Arbitrary<Money> => {
  const min = bounds.minMinor ?? 0n
  const max = bounds.maxMinor ?? maxMinorOf(asset)
  if (min > max) throw new RangeError(`arbMoney: empty range ${min}..${max}`)
  const small = clamp(tenTo(asset.scale + 4), min, max)
  const minor = fc.oneof(
    { arbitrary: fc.bigInt({ min, max: small }), weight: 4 },
    { arbitrary: fc.bigInt({ min, max }), weight: 3 },
    { arbitrary: fc.constantFrom(min, clamp(min + 1n, min, max), max), weight: 1 },
    {
      arbitrary: fc.bigInt({ min: clamp(max - tenTo(asset.scale + 2), min, max), max }),
      weight: 1,
    },
  )
  return minor.map((value) => ({ asset: asset.code, scale: asset.scale, minor: value }))
}

/** Valid money of `asset` greater than zero. */
export const arbPositiveMoney = (asset: Asset, bounds: MoneyBounds = {}): fc.Arbitrary<Money> =>
  arbMoney(asset, {
    ...bounds,
    minMinor: (bounds.minMinor ?? 1n) > 1n ? (bounds.minMinor ?? 1n) : 1n,
  })

/** A canonical amount string of `asset` (exactly its scale in decimals), as events store it. */
export const arbCanonicalAmount = (
  asset: Asset,
  bounds: MoneyBounds = {},
): fc.Arbitrary<DecimalString> =>
  arbMoney(asset, bounds).map((amount) => formatMinor(amount.minor, amount.scale))

/**
 * An amount as a caller may type it: the canonical form with some trailing fraction zeros
 * dropped ("12.3" for 12.30 USD, "5" for 5.00), paired with the minor units it must parse to.
 */
export const arbAmountInput = (
  asset: Asset,
  bounds: MoneyBounds = {},
): fc.Arbitrary<{ readonly text: string; readonly money: Money }> =>
  fc
    .tuple(arbMoney(asset, bounds), fc.nat({ max: limits.ASSET_SCALE_MAX }))
    .map(([amount, drop]) => {
      const canonical: string = formatMinor(amount.minor, amount.scale)
      const point = canonical.indexOf('.')
      if (point < 0) return { text: canonical, money: amount }
      const fraction = canonical.slice(point + 1)
      const trimmable = fraction.length - fraction.replace(/0+$/, '').length
      const kept = fraction.slice(0, fraction.length - Math.min(drop, trimmable))
      return {
        text:
          kept.length === 0 ? canonical.slice(0, point) : `${canonical.slice(0, point)}.${kept}`,
        money: amount,
      }
    })

/**
 * A bad amount for `asset` with the code `parseAmount` must reject it with: too many decimals
 * (`amount_precision_exceeded`), more than 20 integer digits (`amount_too_large`), and every
 * malformed form (`invalid_input`): signs, '-0', exponents, NaN, Infinity, empty, whitespace,
 * a leading or trailing dot, leading zeros, separators, and long malformed text.
 */
export const arbInvalidAmountCase = (asset: Asset): fc.Arbitrary<InvalidAmountCase> => {
  const valid = arbCanonicalAmount(asset, { maxMinor: tenTo(asset.scale + 12) }).map(String)
  const malformed = (kind: InvalidAmountKind, amount: fc.Arbitrary<string>) =>
    amount.map((text): InvalidAmountCase => ({ amount: text, code: 'invalid_input', kind }))
  return fc.oneof(
    fc
      .tuple(arbDigits(1, 10), fc.integer({ min: asset.scale + 1, max: asset.scale + 3 }))
      .chain(([integer, decimals]) =>
        arbFractionDigits(decimals).map((fraction) => `${integer}.${fraction}`),
      )
      .map((text): InvalidAmountCase => ({
        amount: text,
        code: 'amount_precision_exceeded',
        kind: 'too_many_decimals',
      })),
    fc
      .integer({ min: limits.AMOUNT_INTEGER_DIGITS_MAX + 1, max: limits.AMOUNT_CHARS_MAX + 20 })
      .chain((length) => arbDigits(length, length))
      .map((text): InvalidAmountCase => ({
        amount: text,
        code: 'amount_too_large',
        kind: 'too_many_integer_digits',
      })),
    // Forty digits are a well-formed amount that is too large; forty characters of a malformed one
    // are still malformed.
    malformed(
      'too_many_chars',
      arbDigits(limits.AMOUNT_CHARS_MAX + 1, limits.AMOUNT_CHARS_MAX + 20).map(
        (text) => `${text}.`,
      ),
    ),
    malformed(
      'signed',
      fc.oneof(
        fc.constantFrom('-0', '+0', '-0.0', '-0.00'),
        fc.tuple(fc.constantFrom('-', '+'), valid).map(([sign, text]) => sign + text),
      ),
    ),
    malformed(
      'exponent',
      fc
        .tuple(arbDigits(1, 4), fc.constantFrom('e', 'E', 'e-', 'e+', 'E-'), arbDigits(1, 2))
        .map((parts) => parts.join('')),
    ),
    malformed(
      'not_a_number',
      fc.constantFrom(
        'NaN',
        'nan',
        'Infinity',
        '-Infinity',
        '+Infinity',
        'undefined',
        'null',
        '0x10',
        'abc',
      ),
    ),
    malformed('empty', fc.constant('')),
    malformed(
      'whitespace',
      fc
        .tuple(valid, fc.constantFrom(' ', '\t', '\n', '\u00a0'), fc.boolean())
        .map(([text, space, before]) => (before ? space + text : text + space)),
    ),
    malformed(
      'leading_dot',
      arbDigits(1, 6).map((digits) => `.${digits}`),
    ),
    malformed(
      'trailing_dot',
      arbDigits(1, 6).map((digits) => `${digits}.`),
    ),
    malformed(
      'leading_zero',
      arbDigits(1, 6).map((digits) => `0${digits}`),
    ),
    malformed(
      'separator',
      fc
        .tuple(arbDigits(1, 3), fc.constantFrom(',', '_', "'", ' '), fc.constantFrom('000', '500'))
        .map((parts) => parts.join('')),
    ),
  )
}

/** A bad amount string for `asset` (see `arbInvalidAmountCase` for the forms and codes). */
export const arbInvalidAmount = (asset: Asset): fc.Arbitrary<string> =>
  arbInvalidAmountCase(asset).map((invalid) => invalid.amount)

// ---------------------------------------------------------------- rates

/**
 * A rate the `Rate` codec accepts: a positive plain decimal with at most `RATE_DIGITS_MAX`
 * significant digits, from tiny (BTC per CNY) to large (USD per BTC), plus typical quotes.
 */
export const arbRate = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      arbitrary: fc.constantFrom(
        '1',
        '7.1234',
        '0.1405',
        '65000.12',
        '0.00001538',
        '2.5',
        '0.000000000001',
      ),
      weight: 1,
    },
    { arbitrary: arbRateFromParts(4, 6), weight: 3 },
    { arbitrary: arbRateFromParts(limits.RATE_DIGITS_MAX, limits.RATE_DIGITS_MAX - 2), weight: 2 },
  )

/** `mantissa / 10^decimals` with at most `digitsMax` mantissa digits, written in plain notation. */
const arbRateFromParts = (digitsMax: number, decimalsMax: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.bigInt({ min: 1n, max: tenTo(digitsMax) - 1n }), fc.nat({ max: decimalsMax }))
    .map(([mantissa, decimals]) => formatMinor(mantissa, decimals))

/** A plain decimal string ("12.5", "0.001") as an exact fraction of bigints. */
export const exactFraction = (text: string): ExactFraction => {
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text))
    throw new RangeError(`exactFraction: not a plain decimal "${text}"`)
  const [integer = '', fraction = ''] = text.split('.')
  return { numerator: BigInt(integer + fraction), denominator: tenTo(fraction.length) }
}
