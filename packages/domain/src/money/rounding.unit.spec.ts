// Proves the rounding helpers on hand-worked cases: each named rule (down, halfEven, up) rounds
// once and as named, a rate's dropped fraction is reported exactly and priced back in the source
// asset, largest-remainder splits sum exactly with ties to the earlier part, and bad input asserts.
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../assert.js'
import {
  applyRate,
  isPercent,
  isRate,
  percentOfMinor,
  splitByLargestRemainder,
  targetFractionToSourceMinor,
} from './rounding.js'

describe('percentOfMinor', () => {
  it('is exact when the share is a whole number of minor units', () => {
    expect(percentOfMinor(1000n, '2.5', 'down')).toBe(25n)
    expect(percentOfMinor(1000n, '2.5', 'up')).toBe(25n)
    expect(percentOfMinor(12345n, '100', 'halfEven')).toBe(12345n)
    expect(percentOfMinor(12345n, '0', 'up')).toBe(0n)
    expect(percentOfMinor(0n, '50', 'up')).toBe(0n)
  })

  it('rounds 30.85 minor units down to 30, up to 31, half-even to 31', () => {
    expect(percentOfMinor(1234n, '2.5', 'down')).toBe(30n)
    expect(percentOfMinor(1234n, '2.5', 'up')).toBe(31n)
    expect(percentOfMinor(1234n, '2.5', 'halfEven')).toBe(31n)
  })

  it('sends exact halves to the even neighbour under halfEven', () => {
    expect(percentOfMinor(50n, '1', 'halfEven')).toBe(0n) // 0.5
    expect(percentOfMinor(150n, '1', 'halfEven')).toBe(2n) // 1.5
    expect(percentOfMinor(250n, '1', 'halfEven')).toBe(2n) // 2.5
    expect(percentOfMinor(250n, '1', 'up')).toBe(3n)
    expect(percentOfMinor(250n, '1', 'down')).toBe(2n)
  })

  it('asserts on a percent outside 0..100 or a negative base', () => {
    expect(() => percentOfMinor(100n, '100.5', 'down')).toThrow(AssertionError)
    expect(() => percentOfMinor(100n, '-1', 'down')).toThrow(AssertionError)
    expect(() => percentOfMinor(100n, '1e1', 'down')).toThrow(AssertionError)
    expect(() => percentOfMinor(-1n, '1', 'down')).toThrow(AssertionError)
  })
})

describe('isPercent and isRate', () => {
  it('accepts percentages from 0 to 100 with at most 6 decimals', () => {
    for (const text of ['0', '2.5', '100', '100.000000', '99.999999'])
      expect(isPercent(text)).toBe(true)
    for (const text of ['100.000001', '101', '-1', '1e2', '.5', '2.', '0.1234567', '', 'NaN']) {
      expect(isPercent(text)).toBe(false)
    }
  })

  it('accepts positive plain decimals within the significant digits allowed', () => {
    for (const text of ['7.1234', '0.00001538', '65000.12', '1'])
      expect(isRate(text, 30)).toBe(true)
    expect(isRate('1'.repeat(30), 30)).toBe(true)
    expect(isRate(`0.${'0'.repeat(20)}${'1'.repeat(30)}`, 30)).toBe(true)
    expect(isRate('1'.repeat(31), 30)).toBe(false)
    expect(isRate(`1.${'1'.repeat(30)}`, 30)).toBe(false)
    for (const text of ['0', '0.000', '-1', '1e3', 'Infinity', '.5', ''])
      expect(isRate(text, 30)).toBe(false)
  })
})

describe('applyRate', () => {
  it('converts 100.00 USD at 7.1234 to exactly 712.34 CNY with nothing dropped', () => {
    expect(applyRate(10000n, 2, '7.1234', 2, 'down')).toEqual({ minor: 71234n, remainder: '0' })
  })

  it('drops 0.345 of a fen when 1.00 USD at 7.12345 is rounded down, and reports it', () => {
    expect(applyRate(100n, 2, '7.12345', 2, 'down')).toEqual({ minor: 712n, remainder: '0.345' })
    expect(applyRate(100n, 2, '7.12345', 2, 'halfEven')).toEqual({
      minor: 712n,
      remainder: '0.345',
    })
    expect(applyRate(100n, 2, '7.12345', 2, 'up')).toEqual({ minor: 713n, remainder: '-0.655' })
  })

  it('moves between scales: 0.01 CNY at 0.00001538 BTC per CNY is 15.38 satoshi, 15 credited', () => {
    expect(applyRate(1n, 2, '0.00001538', 8, 'down')).toEqual({ minor: 15n, remainder: '0.38' })
    expect(applyRate(100n, 2, '0.00001538', 8, 'down')).toEqual({ minor: 1538n, remainder: '0' })
  })

  it('writes a tiny remainder in plain notation, never an exponent', () => {
    expect(applyRate(1n, 18, '3000', 2, 'down')).toEqual({
      minor: 0n,
      remainder: '0.0000000000003',
    })
  })

  it('stays exact for the largest amount at a 30-digit rate', () => {
    const largest = 10n ** 38n - 1n
    const rate = `1.${'9'.repeat(29)}`
    // largest × (2 − 10^-29) = 2·largest − 10^9 + 10^-29: the credit is 2·largest − 10^9, and
    // exactly 10^-29 of a minor unit is dropped, a digit precision loss would erase.
    expect(applyRate(largest, 18, rate, 18, 'down')).toEqual({
      minor: 2n * largest - 10n ** 9n,
      remainder: `0.${'0'.repeat(28)}1`,
    })
  })

  it('asserts on a negative source amount', () => {
    expect(() => applyRate(-1n, 2, '1', 2, 'down')).toThrow(AssertionError)
  })
})

describe('targetFractionToSourceMinor', () => {
  it('prices a dropped fraction of the target back in source minor units', () => {
    // 0.345 fen at 7.12345 CNY per USD is 0.0484… cent: nothing whole to move down, one cent up.
    expect(targetFractionToSourceMinor('0.345', 2, '7.12345', 2, 'down')).toBe(0n)
    expect(targetFractionToSourceMinor('0.345', 2, '7.12345', 2, 'up')).toBe(1n)
    // 0.06500012 cent at 65000.12 USD per BTC is exactly one satoshi.
    expect(targetFractionToSourceMinor('0.06500012', 2, '65000.12', 8, 'down')).toBe(1n)
    expect(targetFractionToSourceMinor('0', 2, '65000.12', 8, 'up')).toBe(0n)
  })
})

describe('splitByLargestRemainder', () => {
  it('gives leftover units to the largest remainders, ties to the earlier part', () => {
    expect(splitByLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n])
    expect(splitByLargestRemainder(1n, [1n, 1n])).toEqual([1n, 0n])
    expect(splitByLargestRemainder(10n, [1n, 2n, 7n])).toEqual([1n, 2n, 7n])
    expect(splitByLargestRemainder(10n, [1n, 1n, 4n])).toEqual([2n, 2n, 6n])
    expect(splitByLargestRemainder(0n, [3n, 7n])).toEqual([0n, 0n])
    expect(splitByLargestRemainder(5n, [0n, 1n])).toEqual([0n, 5n])
  })

  it('asserts on no weights, a negative weight, weights summing to zero, a negative total', () => {
    expect(() => splitByLargestRemainder(1n, [])).toThrow(AssertionError)
    expect(() => splitByLargestRemainder(1n, [2n, -1n])).toThrow(AssertionError)
    expect(() => splitByLargestRemainder(1n, [0n, 0n])).toThrow(AssertionError)
    expect(() => splitByLargestRemainder(-1n, [1n])).toThrow(AssertionError)
  })
})
