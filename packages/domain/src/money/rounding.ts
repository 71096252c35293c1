// Rates, percentages and shares: where rounding cannot be avoided, round once by a named rule.
import { assert } from '../assert.js'
import { Decimal, ROUNDING } from './decimal.js'
import type { RoundingRule } from './decimal.js'
import { powerOfTen } from './money.js'

const PERCENT_PATTERN = /^(0|[1-9][0-9]{0,2})(\.[0-9]{1,6})?$/
const RATE_PATTERN = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/

/** True when `text` is a percentage from 0 to 100 with at most 6 decimals ("2.5"). */
export const isPercent = (text: string): boolean =>
  PERCENT_PATTERN.test(text) && new Decimal(text).lte(100)

/** True when `text` is a positive plain decimal with at most `digitsMax` significant digits. */
export const isRate = (text: string, digitsMax: number): boolean => {
  if (!RATE_PATTERN.test(text)) return false
  const rate = new Decimal(text)
  return rate.gt(0) && rate.sd(true) <= digitsMax
}

/** `minor × percent / 100`, rounded once by `rule`, in the same minor units. */
export const percentOfMinor = (minor: bigint, percent: string, rule: RoundingRule): bigint => {
  assert(minor >= 0n, 'percentOfMinor: negative base')
  assert(isPercent(percent), `percentOfMinor: bad percent "${percent}"`)
  const exact = new Decimal(minor.toString()).mul(percent).div(100)
  return BigInt(exact.toDecimalPlaces(0, ROUNDING[rule]).toFixed(0))
}

/** The exact result of a rate applied to an amount, as minor units of the target, unrounded. */
export type RatedAmount = {
  /** Target minor units, rounded once by the rule given. */
  readonly minor: bigint
  /** What rounding dropped, in target minor units (a fraction below one unit for `down`). */
  readonly remainder: string
}

/**
 * Converts `sourceMinor` (at `sourceScale`) by `rate` (target units per one source unit) to the
 * target scale, rounding once by `rule`. The result never exceeds the exact product for `down`.
 */
export const applyRate = (
  sourceMinor: bigint,
  sourceScale: number,
  rate: string,
  targetScale: number,
  rule: RoundingRule,
): RatedAmount => {
  assert(sourceMinor >= 0n, 'applyRate: negative source')
  const exactTargetMinor = new Decimal(sourceMinor.toString())
    .mul(rate)
    .mul(powerOfTen(targetScale).toString())
    .div(powerOfTen(sourceScale).toString())
  const rounded = exactTargetMinor.toDecimalPlaces(0, ROUNDING[rule])
  const remainder = exactTargetMinor.minus(rounded)
  if (rule === 'down')
    assert(remainder.gte(0) && remainder.lt(1), 'applyRate: remainder out of range')
  return { minor: BigInt(rounded.toFixed(0)), remainder: remainder.toFixed() }
}

/**
 * Converts a target-unit fraction back to source minor units by `rate`, rounded once by `rule`.
 * Used to price a rounding remainder in the source asset.
 */
export const targetFractionToSourceMinor = (
  targetMinorFraction: string,
  targetScale: number,
  rate: string,
  sourceScale: number,
  rule: RoundingRule,
): bigint => {
  const source = new Decimal(targetMinorFraction)
    .div(rate)
    .mul(powerOfTen(sourceScale).toString())
    .div(powerOfTen(targetScale).toString())
  return BigInt(source.toDecimalPlaces(0, ROUNDING[rule]).toFixed(0))
}

/**
 * Splits `total` in proportion to `weights` by the largest-remainder rule: each part is the floor
 * of its exact share, then the leftover units go one each to the largest fractional remainders
 * (ties to the earlier index). The parts always sum to `total` exactly.
 */
export const splitByLargestRemainder = (total: bigint, weights: readonly bigint[]): bigint[] => {
  assert(total >= 0n, 'splitByLargestRemainder: negative total')
  assert(weights.length > 0, 'splitByLargestRemainder: no weights')
  assert(
    weights.every((w) => w >= 0n),
    'splitByLargestRemainder: negative weight',
  )
  const weightSum = weights.reduce((sum, w) => sum + w, 0n)
  assert(weightSum > 0n, 'splitByLargestRemainder: weights sum to zero')
  const parts = weights.map((w) => (total * w) / weightSum)
  const remainders = weights.map((w, index) => ({ index, remainder: (total * w) % weightSum }))
  let leftover = total - parts.reduce((sum, p) => sum + p, 0n)
  assert(
    leftover >= 0n && leftover < BigInt(weights.length),
    'splitByLargestRemainder: leftover out of range',
  )
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )
  for (const { index } of remainders) {
    if (leftover === 0n) break
    parts[index] = (parts[index] ?? 0n) + 1n
    leftover -= 1n
  }
  assert(
    parts.reduce((sum, p) => sum + p, 0n) === total,
    'splitByLargestRemainder: parts do not sum',
  )
  return parts
}
