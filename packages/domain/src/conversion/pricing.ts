// Pricing a conversion: the one rounding (down, to the target scale), the desk's spread, and the
// journal entry against the market (DESIGN.md section 3, Conversion).
import { assert } from '../assert.js'
import { buildJournalEntry } from '../journal/journal.js'
import type { JournalEntry } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS } from '../journal/systemAccounts.js'
import { money, powerOfTen, subtractMoney } from '../money/money.js'
import type { AssetScale, Money } from '../money/money.js'
import { applyRate, targetFractionToSourceMinor } from '../money/rounding.js'
import { RemainderFraction } from './codecs.js'

// ---------------------------------------------------------------- types

/** What a conversion moves, before any check on the sender. */
export type ConversionPrice = {
  /** amount × rate rounded down once to the target scale: what the account receives. */
  readonly credited: Money
  /** The dropped remainder priced back in the source asset, rounded down: the desk's share. */
  readonly spread: Money
  /** The exact fraction of one target minor unit that rounding dropped ("0.345"). */
  readonly remainder: RemainderFraction
}

/** An exact fraction of bigints. */
type Fraction = { readonly numerator: bigint; readonly denominator: bigint }

// ---------------------------------------------------------------- operations

/**
 * Prices `from` at `rate` (target units per one source unit) in the `target` asset. Rule: the
 * credit is rounded down once to the target scale, so it never exceeds amount × rate; the desk
 * keeps what was dropped, priced in the source asset and rounded down, so the spread is never
 * negative and never worth more than the remainder. The credit may be zero or above the amount
 * limit: the caller refuses those.
 */
export const priceConversion = (from: Money, rate: string, target: AssetScale): ConversionPrice => {
  assert(from.minor > 0n, 'priceConversion: nothing to convert')
  const rated = applyRate(from.minor, from.scale, rate, target.scale, 'down')
  const remainder = rated.remainder
  assert(
    RemainderFraction.is(remainder),
    `conversion remainder "${remainder}" is not a fraction below one`,
  )
  const spreadMinor = targetFractionToSourceMinor(remainder, target.scale, rate, from.scale, 'down')
  const price = {
    credited: money(target, rated.minor),
    spread: money({ code: from.asset, scale: from.scale }, spreadMinor),
    remainder,
  }
  assertExactness(from, rate, price)
  return price
}

/**
 * The journal entry of an executed conversion, five postings: the account pays `from`, the market
 * receives `from − spread` and the desk `spread` (dropped when zero), the market pays `credited`
 * and the account receives it. Both assets sum to zero (asserted by `buildJournalEntry`). Account
 * events find their legs with `legsOf(entry, account)`: indexes shift when the spread is zero.
 */
export const conversionEntry = (
  entryId: string,
  accountId: string,
  from: Money,
  price: ConversionPrice,
): JournalEntry => {
  assert(price.credited.minor > 0n, 'conversionEntry: nothing credited')
  assert(price.spread.minor < from.minor, 'conversionEntry: the spread takes the whole amount')
  return buildJournalEntry(entryId, [
    { account: accountId, amount: from, direction: 'debit' },
    {
      account: SYSTEM_ACCOUNTS.market,
      amount: subtractMoney(from, price.spread),
      direction: 'credit',
    },
    { account: SYSTEM_ACCOUNTS.deskSpread, amount: price.spread, direction: 'credit' },
    { account: SYSTEM_ACCOUNTS.market, amount: price.credited, direction: 'debit' },
    { account: accountId, amount: price.credited, direction: 'credit' },
  ])
}

// ---------------------------------------------------------------- helpers

/** A plain unsigned decimal string as an exact fraction. */
const fractionOf = (text: string): Fraction => {
  const point = text.indexOf('.')
  if (point < 0) return { numerator: BigInt(text), denominator: 1n }
  const decimals = text.length - point - 1
  return {
    numerator: BigInt(text.slice(0, point) + text.slice(point + 1)),
    denominator: powerOfTen(decimals),
  }
}

/**
 * Re-checks the decimal arithmetic with bigint cross-multiplication, so a rounding bug cannot
 * credit more than amount × rate nor hand the desk more than was dropped.
 */
const assertExactness = (from: Money, rate: string, price: ConversionPrice): void => {
  const r = fractionOf(rate)
  const targetUnit = powerOfTen(price.credited.scale)
  const sourceUnit = powerOfTen(from.scale)
  // exact = from × rate × 10^targetScale / 10^sourceScale, in target minor units.
  const exactNumerator = from.minor * r.numerator * targetUnit
  const exactDenominator = sourceUnit * r.denominator
  const dropped = fractionOf(price.remainder)
  assert(
    price.credited.minor * exactDenominator * dropped.denominator +
      dropped.numerator * exactDenominator ===
      exactNumerator * dropped.denominator,
    'conversion: credited + remainder is not exactly amount × rate',
  )
  assert(
    price.credited.minor * exactDenominator <= exactNumerator,
    'conversion: credited more than amount × rate',
  )
  assert(price.spread.minor >= 0n, 'conversion: negative spread')
  assert(
    price.spread.minor * r.numerator * targetUnit * dropped.denominator <=
      dropped.numerator * sourceUnit * r.denominator,
    'conversion: the spread is worth more than the remainder',
  )
}
