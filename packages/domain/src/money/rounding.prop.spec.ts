// Proves the rounding helpers against exact rational arithmetic in bigints, over generated amounts,
// rates and percentages: each rule rounds exactly once as named, `applyRate` with 'down' never
// credits more than the exact product and reports the exact remainder, priced remainders never
// exceed it, largest-remainder parts always sum exactly, and a user's global decimal.js settings
// change none of these results.
import fc from 'fast-check'
// eslint-disable-next-line no-restricted-imports -- this spec must change the global decimal.js settings to prove our private clone ignores them; nothing else here uses decimal.js.
import { Decimal as GlobalDecimal } from 'decimal.js'
import { afterEach, describe, expect, it } from 'vitest'
import { arbAsset, arbMoney, arbRate, exactFraction } from '@wallet-ledger/testing'
import type { RoundingRule } from './decimal.js'
import {
  applyRate,
  isRate,
  percentOfMinor,
  splitByLargestRemainder,
  targetFractionToSourceMinor,
} from './rounding.js'
import { RATE_DIGITS_MAX } from '../limits.js'

const RUNS = 300
const RULES: readonly RoundingRule[] = ['down', 'halfEven', 'up']

// ---------------------------------------------------------------- exact arithmetic

/** num / den rounded by a rule, for num >= 0 and den > 0, in bigints only. */
const roundExact = (num: bigint, den: bigint, rule: RoundingRule): bigint => {
  const floor = num / den
  const rest = num % den
  if (rest === 0n || rule === 'down') return floor
  if (rule === 'up') return floor + 1n
  if (2n * rest !== den) return 2n * rest > den ? floor + 1n : floor
  return floor % 2n === 0n ? floor : floor + 1n
}

/** A signed plain decimal ("-0.655") as a fraction. */
const signedFraction = (text: string) => {
  const negative = text.startsWith('-')
  const { numerator, denominator } = exactFraction(negative ? text.slice(1) : text)
  return { numerator: negative ? -numerator : numerator, denominator }
}

const arbPercent = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('0', '0.5', '1', '2.5', '12.345678', '50', '99.999999', '100'),
    fc.bigInt({ min: 0n, max: 100_000_000n }).map((micro) => {
      const text = `${micro / 1_000_000n}.${(micro % 1_000_000n).toString().padStart(6, '0')}`
      return text.replace(/\.?0+$/, '') || '0'
    }),
  )

const arbConversionInput = () =>
  fc
    .tuple(arbAsset(), arbAsset(), arbRate())
    .chain(([source, target, rate]) => arbMoney(source).map((amount) => ({ amount, target, rate })))

// ---------------------------------------------------------------- the checks, reused below

const checkPercent = (minor: bigint, percent: string, rule: RoundingRule): void => {
  const { numerator, denominator } = exactFraction(percent)
  expect(percentOfMinor(minor, percent, rule)).toBe(
    roundExact(minor * numerator, denominator * 100n, rule),
  )
}

const checkApplyRate = (
  input: { amount: { minor: bigint; scale: number }; target: { scale: number }; rate: string },
  rule: RoundingRule,
): void => {
  const { amount, target, rate } = input
  const r = exactFraction(rate)
  const exactNum = amount.minor * r.numerator * 10n ** BigInt(target.scale)
  const exactDen = 10n ** BigInt(amount.scale) * r.denominator
  const result = applyRate(amount.minor, amount.scale, rate, target.scale, rule)
  expect(result.minor).toBe(roundExact(exactNum, exactDen, rule))
  // The remainder is exactly what rounding dropped: exact − minor, as a fraction.
  const remainder = signedFraction(result.remainder)
  expect(remainder.numerator * exactDen).toBe(
    (exactNum - result.minor * exactDen) * remainder.denominator,
  )
  if (rule === 'down') {
    // Never more than amount × rate: credited × 10^s × rateDen <= amount × rateNum × 10^t.
    expect(result.minor * exactDen <= exactNum).toBe(true)
    expect((result.minor + 1n) * exactDen > exactNum).toBe(true)
  }
}

const checkRemainderPricing = (input: {
  amount: { minor: bigint; scale: number }
  target: { scale: number }
  rate: string
}): void => {
  const { amount, target, rate } = input
  const { remainder } = applyRate(amount.minor, amount.scale, rate, target.scale, 'down')
  const spread = targetFractionToSourceMinor(remainder, target.scale, rate, amount.scale, 'down')
  const r = exactFraction(rate)
  const dropped = exactFraction(remainder)
  // spread × rate, in target minor units, is at most the remainder, and one more unit is not.
  const worth = (units: bigint) =>
    units * r.numerator * 10n ** BigInt(target.scale) * dropped.denominator
  const limit = dropped.numerator * 10n ** BigInt(amount.scale) * r.denominator
  expect(spread >= 0n).toBe(true)
  expect(worth(spread) <= limit).toBe(true)
  expect(worth(spread + 1n) > limit).toBe(true)
  expect(spread <= amount.minor).toBe(true)
}

// ---------------------------------------------------------------- properties

describe('percentOfMinor', () => {
  it('rounds minor × percent / 100 once, exactly as each rule names', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 38n }),
        arbPercent(),
        fc.constantFrom(...RULES),
        checkPercent,
      ),
      { numRuns: RUNS },
    )
  })
})

describe('applyRate', () => {
  it('rounds amount × rate once by the rule and reports the exact remainder', () => {
    fc.assert(fc.property(arbConversionInput(), fc.constantFrom(...RULES), checkApplyRate), {
      numRuns: RUNS,
    })
  })

  it("prices the 'down' remainder in the source asset without ever exceeding it", () => {
    fc.assert(fc.property(arbConversionInput(), checkRemainderPricing), { numRuns: RUNS })
  })
})

describe('splitByLargestRemainder', () => {
  const arbSplit = fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 38n }),
      fc.array(fc.bigInt({ min: 0n, max: 10n ** 20n }), { minLength: 1, maxLength: 20 }),
    )
    .filter(([, weights]) => weights.some((weight) => weight > 0n))

  it('sums exactly, keeps each part within one unit above its floor share, and is monotonic', () => {
    fc.assert(
      fc.property(arbSplit, ([total, weights]) => {
        const parts = splitByLargestRemainder(total, weights)
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0n)
        expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(total)
        weights.forEach((weight, index) => {
          const part = parts[index] ?? -1n
          const floor = (total * weight) / weightSum
          expect(part === floor || part === floor + 1n).toBe(true)
          if (weight === 0n) expect(part).toBe(0n)
          weights.forEach((other, otherIndex) => {
            if (weight > other) expect(part >= (parts[otherIndex] ?? 0n)).toBe(true)
          })
        })
      }),
      { numRuns: RUNS },
    )
  })
})

describe("a user's global decimal.js settings", () => {
  afterEach(() => {
    GlobalDecimal.set({ defaults: true })
  })

  it('change none of our results', () => {
    GlobalDecimal.set({ precision: 5, rounding: GlobalDecimal.ROUND_UP, toExpNeg: -2, toExpPos: 2 })
    // The settings did take hold globally: five digits, rounded up, exponent notation.
    expect(new GlobalDecimal('1.23456789').plus(0).toString()).toBe('1.2346')
    expect(new GlobalDecimal('0.001').toString()).toBe('1e-3')
    fc.assert(
      fc.property(
        arbConversionInput(),
        fc.constantFrom(...RULES),
        arbPercent(),
        (input, rule, percent) => {
          checkApplyRate(input, rule)
          checkRemainderPricing(input)
          checkPercent(input.amount.minor, percent, rule)
          expect(isRate(input.rate, RATE_DIGITS_MAX)).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })
})
