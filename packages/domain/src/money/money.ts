// Amounts: decimal strings outside, bigint minor units inside (STYLE.md section 6).
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import { domainError } from '../errors.js'
import type { DomainError } from '../errors.js'
import type { DecimalString } from '../codecs/common.js'
import { AMOUNT_CHARS_MAX, AMOUNT_INTEGER_DIGITS_MAX, ASSET_SCALE_MAX } from '../limits.js'

// ---------------------------------------------------------------- types

/** An amount of one asset as an integer count of its minor units, with the asset's scale beside it. */
export type Money = { readonly asset: string; readonly scale: number; readonly minor: bigint }

/** The asset facts parsing needs. */
export type AssetScale = { readonly code: string; readonly scale: number }

/** Errors an amount can be rejected with. */
export type AmountErrorCode =
  'invalid_input' | 'amount_precision_exceeded' | 'amount_not_positive' | 'amount_too_large'

// A plain unsigned decimal: no sign, no exponent, no leading zeros, at least one digit each side.
const UNSIGNED_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/
const TEN = 10n

// ---------------------------------------------------------------- constructors

/**
 * Parses a caller's amount for an asset. Rejects anything but a plain unsigned decimal string
 * (NaN, infinities, exponents, signs, `-0`), more decimals than the asset's scale (never rounds),
 * and more than `AMOUNT_INTEGER_DIGITS_MAX` integer digits. Zero is allowed; use
 * `parsePositiveAmount` where it is not. `field` names the caller's field in messages.
 */
export const parseAmount = (
  text: unknown,
  asset: AssetScale,
  field = 'amount',
): Either<DomainError<AmountErrorCode>, Money> => {
  if (typeof text !== 'string') {
    return left(
      domainError(
        'invalid_input',
        `${field}: must be a decimal number like 12.30 written as text`,
        {
          path: field,
        },
      ),
    )
  }
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
  // The shape first, then the size: forty digits are a well-formed amount, too large.
  if (!UNSIGNED_DECIMAL.test(text)) {
    return left(
      domainError(
        'invalid_input',
        `${field}: must be a decimal number like 12.30 (digits and one optional '.', no sign, ` +
          `no exponent, no leading zeros), got ${JSON.stringify(shown)}`,
        { path: field },
      ),
    )
  }
  const [integerPart = '', fractionPart = ''] = text.split('.')
  if (fractionPart.length > asset.scale) {
    return left(
      domainError(
        'amount_precision_exceeded',
        `${field}: at most ${asset.scale} decimals for ${asset.code}, got ${JSON.stringify(shown)}`,
        { path: field, asset: asset.code, scale: asset.scale },
      ),
    )
  }
  if (integerPart.length > AMOUNT_INTEGER_DIGITS_MAX) {
    return left(
      domainError(
        'amount_too_large',
        `${field}: at most ${AMOUNT_INTEGER_DIGITS_MAX} digits before the decimal point, got ${integerPart.length}`,
        { path: field, integerDigitsMax: AMOUNT_INTEGER_DIGITS_MAX },
      ),
    )
  }
  assert(text.length <= AMOUNT_CHARS_MAX, `parseAmount: ${field} longer than any amount`)
  const minor = BigInt(integerPart + fractionPart.padEnd(asset.scale, '0'))
  return right({ asset: asset.code, scale: asset.scale, minor })
}

/** Like `parseAmount`, and rejects zero with `amount_not_positive`. */
export const parsePositiveAmount = (
  text: unknown,
  asset: AssetScale,
  field = 'amount',
): Either<DomainError<AmountErrorCode>, Money> => {
  const parsed = parseAmount(text, asset, field)
  if (parsed._tag === 'Right' && parsed.right.minor === 0n) {
    return left(
      domainError('amount_not_positive', `${field}: must be greater than zero`, { path: field }),
    )
  }
  return parsed
}

/** Money from minor units. */
export const money = (asset: AssetScale, minor: bigint): Money => {
  assert(minor >= 0n, `money: negative amount ${minor} of ${asset.code}`)
  assert(asset.scale >= 0 && asset.scale <= ASSET_SCALE_MAX, `money: bad scale ${asset.scale}`)
  return { asset: asset.code, scale: asset.scale, minor }
}

/** Zero of an asset. */
export const zero = (asset: AssetScale): Money => money(asset, 0n)

/**
 * Reads a canonical amount (exactly `scale` decimals, as `formatMoney` writes it and as events
 * store it), so a stored event needs no asset registry to be replayed.
 */
export const moneyFromCanonical = (asset: string, amount: string): Money => {
  assert(UNSIGNED_DECIMAL.test(amount), `stored amount is not a decimal: "${amount}"`)
  const point = amount.indexOf('.')
  const scale = point < 0 ? 0 : amount.length - point - 1
  const minor = BigInt(point < 0 ? amount : amount.slice(0, point) + amount.slice(point + 1))
  return { asset, scale, minor }
}

// ---------------------------------------------------------------- operations

/** Canonical decimal string: exactly `scale` decimals ("12.30", "0.00000001", "7"). */
export const formatMinor = (minor: bigint, scale: number): DecimalString => {
  assert(minor >= 0n, `formatMinor: negative amount ${minor}`)
  if (scale === 0) return minor.toString() as DecimalString
  const digits = minor.toString().padStart(scale + 1, '0')
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}` as DecimalString
}

/** Canonical decimal string of money. */
export const formatMoney = (amount: Money): DecimalString => formatMinor(amount.minor, amount.scale)

/** Formats a signed minor amount ("-3.50"); used only for balances of world accounts. */
export const formatSignedMinor = (minor: bigint, scale: number): string =>
  minor < 0n ? `-${formatMinor(-minor, scale)}` : formatMinor(minor, scale)

const assertSameAsset = (a: Money, b: Money): void => {
  assert(a.asset === b.asset, `asset mismatch: ${a.asset} and ${b.asset}`)
  assert(a.scale === b.scale, `scale mismatch for ${a.asset}: ${a.scale} and ${b.scale}`)
}

/** a + b of one asset. */
export const addMoney = (a: Money, b: Money): Money => {
  assertSameAsset(a, b)
  return { asset: a.asset, scale: a.scale, minor: a.minor + b.minor }
}

/** a − b of one asset; asserts the result is not negative. */
export const subtractMoney = (a: Money, b: Money): Money => {
  assertSameAsset(a, b)
  assert(a.minor >= b.minor, `subtractMoney: ${a.minor} - ${b.minor} would be negative`)
  return { asset: a.asset, scale: a.scale, minor: a.minor - b.minor }
}

/** -1, 0 or 1. */
export const compareMoney = (a: Money, b: Money): -1 | 0 | 1 => {
  assertSameAsset(a, b)
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0
}

/** The smaller of two amounts of one asset. */
export const minMoney = (a: Money, b: Money): Money => (compareMoney(a, b) <= 0 ? a : b)

/** 10^exponent as a bigint. */
export const powerOfTen = (exponent: number): bigint => {
  assert(Number.isInteger(exponent) && exponent >= 0, `powerOfTen: bad exponent ${exponent}`)
  return TEN ** BigInt(exponent)
}
