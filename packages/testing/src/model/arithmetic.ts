// The model's own money arithmetic, written from DESIGN.md and STYLE.md section 6 without the
// domain's helpers: reading a caller's decimal string, writing canonical amounts, a percentage
// rounded half-even, and the largest-remainder share of a refund. If the engine and the model
// disagree, one of the two readings of the rules is wrong.

// ---------------------------------------------------------------- reading and writing amounts

const PLAIN_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/
/** Integer digits an amount may have (DESIGN: bounded amounts). */
export const MODEL_INTEGER_DIGITS_MAX = 20

/** A caller's amount read by the model: minor units, or the code the ledger must answer. */
export type ModelAmount =
  | { readonly minor: bigint }
  | { readonly code: 'invalid_input' | 'amount_precision_exceeded' | 'amount_too_large' }

/** Reads a caller's amount at a scale: plain unsigned decimals only, never rounded. */
export const readAmount = (text: string, scale: number): ModelAmount => {
  // Forty digits are a plain decimal, too large: the shape is read first, then the size.
  if (!PLAIN_DECIMAL.test(text)) return { code: 'invalid_input' }
  const [whole = '', fraction = ''] = text.split('.')
  if (fraction.length > scale) return { code: 'amount_precision_exceeded' }
  if (whole.length > MODEL_INTEGER_DIGITS_MAX) return { code: 'amount_too_large' }
  return { minor: BigInt(whole + fraction.padEnd(scale, '0')) }
}

/** The canonical string of minor units: exactly `scale` decimals. */
export const canonical = (minor: bigint, scale: number): string => {
  if (minor < 0n) return `-${canonical(-minor, scale)}`
  if (scale === 0) return minor.toString()
  const digits = minor.toString().padStart(scale + 1, '0')
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

// ---------------------------------------------------------------- rounding

/** `minor × percent / 100`, rounded half to even, for a percent string such as "2.5". */
export const percentHalfEven = (minor: bigint, percent: string): bigint => {
  const [whole = '0', fraction = ''] = percent.split('.')
  const numerator = minor * BigInt(whole + fraction)
  const denominator = 100n * 10n ** BigInt(fraction.length)
  const quotient = numerator / denominator
  const twiceRest = 2n * (numerator % denominator)
  if (twiceRest > denominator) return quotient + 1n
  if (twiceRest < denominator) return quotient
  return quotient % 2n === 0n ? quotient : quotient + 1n
}

/**
 * The first of two parts of `total` split in proportion to `first : second` by largest
 * remainder (the leftover unit goes to the larger remainder, the first part on a tie).
 */
export const firstShare = (total: bigint, first: bigint, second: bigint): bigint => {
  const sum = first + second
  if (sum === 0n) return 0n
  const base = (total * first) / sum
  const leftover = total - base - (total * second) / sum
  if (leftover === 0n) return base
  return (total * first) % sum >= (total * second) % sum ? base + 1n : base
}

/**
 * The fee taken back by a refund that brings a payment's refunded total from `before` to `after`:
 * the difference of cumulative shares, so the parts of any sequence of refunds sum to the fee.
 */
export const refundFeeShare = (
  captured: bigint,
  fee: bigint,
  before: bigint,
  after: bigint,
): bigint => firstShare(after, fee, captured - fee) - firstShare(before, fee, captured - fee)

// ---------------------------------------------------------------- time

/** The UTC calendar date of an instant ("2025-03-03"), the ledger's local date in UTC. */
export const utcDateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** A stable text for a set of caller fields: keys sorted, undefined left out. */
export const fieldsKey = (fields: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(fields)
      .sort()
      .filter((key) => fields[key] !== undefined)
      .map((key) => [key, fields[key]]),
  )
