// Proves the amount rules of DESIGN.md section 2 on hand-picked cases: canonical strings parse to
// exact minor units, bad forms are rejected with the code and the caller's field name, nothing is
// ever rounded, and the arithmetic helpers assert instead of producing a wrong amount.
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../assert.js'
import { AMOUNT_CHARS_MAX, AMOUNT_INTEGER_DIGITS_MAX } from '../limits.js'
import {
  addMoney,
  compareMoney,
  formatMinor,
  formatMoney,
  formatSignedMinor,
  minMoney,
  money,
  moneyFromCanonical,
  parseAmount,
  parsePositiveAmount,
  powerOfTen,
  subtractMoney,
  zero,
} from './money.js'
import type { AssetScale, Money } from './money.js'

const USD: AssetScale = { code: 'USD', scale: 2 }
const BTC: AssetScale = { code: 'BTC', scale: 8 }
const ETH: AssetScale = { code: 'ETH', scale: 18 }
const POINTS: AssetScale = { code: 'POINTS', scale: 0 }

const usd = (minor: bigint): Money => money(USD, minor)

/** The parsed money, or a failed expectation naming the error. */
const parsed = (text: unknown, asset: AssetScale): Money => {
  const result = parseAmount(text, asset)
  if (result._tag === 'Left')
    expect.fail(`expected "${String(text)}" to parse, got ${result.left.code}`)
  return result.right
}

/** The error code and path of a rejected amount. */
const rejection = (text: unknown, asset: AssetScale, field?: string) => {
  const result = field === undefined ? parseAmount(text, asset) : parseAmount(text, asset, field)
  if (result._tag === 'Right') expect.fail(`expected "${String(text)}" to be rejected`)
  return {
    code: result.left.code,
    path: result.left.details?.['path'],
    message: result.left.message,
  }
}

describe('parseAmount', () => {
  it('reads canonical and shorter forms into exact minor units', () => {
    expect(parsed('12.30', USD)).toEqual({ asset: 'USD', scale: 2, minor: 1230n })
    expect(parsed('12.3', USD).minor).toBe(1230n)
    expect(parsed('12', USD).minor).toBe(1200n)
    expect(parsed('0', USD).minor).toBe(0n)
    expect(parsed('0.00000001', BTC).minor).toBe(1n)
    expect(parsed('1', ETH).minor).toBe(10n ** 18n)
    expect(parsed('42', POINTS)).toEqual({ asset: 'POINTS', scale: 0, minor: 42n })
  })

  it('reads the largest amount the limits allow without losing a digit', () => {
    const largest = `${'9'.repeat(AMOUNT_INTEGER_DIGITS_MAX)}.${'9'.repeat(18)}`
    expect(largest.length).toBe(AMOUNT_CHARS_MAX)
    expect(parsed(largest, ETH).minor).toBe(10n ** 38n - 1n)
    expect(formatMoney(parsed(largest, ETH))).toBe(largest)
  })

  it('rejects more decimals than the scale with amount_precision_exceeded, never rounding', () => {
    expect(rejection('1.234', USD)).toMatchObject({
      code: 'amount_precision_exceeded',
      path: 'amount',
    })
    expect(rejection('1.000', USD).code).toBe('amount_precision_exceeded')
    expect(rejection('0.000000001', BTC).code).toBe('amount_precision_exceeded')
    expect(rejection('1.0', POINTS).code).toBe('amount_precision_exceeded')
    expect(rejection('1.234', USD).message).toBe('amount: at most 2 decimals for USD, got "1.234"')
  })

  it('rejects forty digits with amount_too_large, not as malformed (issue 7)', () => {
    const forty = '1'.repeat(40)
    expect(rejection(forty, USD)).toMatchObject({ code: 'amount_too_large', path: 'amount' })
    expect(rejection(forty, USD).message).toBe(
      `amount: at most ${AMOUNT_INTEGER_DIGITS_MAX} digits before the decimal point, got 40`,
    )
  })

  it('rejects more than the allowed integer digits with amount_too_large', () => {
    const tooLarge = `1${'0'.repeat(AMOUNT_INTEGER_DIGITS_MAX)}`
    expect(rejection(tooLarge, USD)).toMatchObject({ code: 'amount_too_large', path: 'amount' })
    expect(parsed('9'.repeat(AMOUNT_INTEGER_DIGITS_MAX), USD).minor).toBe(10n ** 22n - 100n)
  })

  it.each([
    ['-1.00', 'a minus sign'],
    ['+1.00', 'a plus sign'],
    ['-0', 'minus zero'],
    ['1e5', 'an exponent'],
    ['1.5E-2', 'a negative exponent'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['-Infinity', 'minus Infinity'],
    ['', 'an empty string'],
    [' 1.00', 'leading whitespace'],
    ['1.00 ', 'trailing whitespace'],
    ['.5', 'a leading dot'],
    ['5.', 'a trailing dot'],
    ['01.00', 'a leading zero'],
    ['1,000.00', 'a thousands separator'],
    ['0x10', 'hexadecimal'],
    [`${'1'.repeat(AMOUNT_CHARS_MAX + 1)}.`, 'long and malformed'],
  ])('rejects "%s" (%s) with invalid_input naming the field', (text) => {
    expect(rejection(text, USD, 'from.amount')).toMatchObject({
      code: 'invalid_input',
      path: 'from.amount',
    })
    expect(rejection(text, USD, 'from.amount').message.startsWith('from.amount: ')).toBe(true)
  })

  it('rejects values that are not strings with invalid_input, never reading a JS number', () => {
    // A JS number already lost precision before it reached us, so it is refused, not converted.
    for (const value of [12.3, 12n, null, undefined, {}, ['1']]) {
      expect(rejection(value, USD, 'minReceived')).toMatchObject({
        code: 'invalid_input',
        path: 'minReceived',
      })
    }
  })
})

describe('parsePositiveAmount', () => {
  it('rejects zero in every written form with amount_not_positive', () => {
    for (const text of ['0', '0.0', '0.00']) {
      const result = parsePositiveAmount(text, USD, 'from.amount')
      expect(result).toMatchObject({
        _tag: 'Left',
        left: { code: 'amount_not_positive', details: { path: 'from.amount' } },
      })
    }
  })

  it('accepts the smallest positive amount and keeps the other rejections of parseAmount', () => {
    expect(parsePositiveAmount('0.01', USD)).toEqual({ _tag: 'Right', right: usd(1n) })
    expect(parsePositiveAmount('-0', USD)).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input' },
    })
    expect(parsePositiveAmount('0.001', USD)).toMatchObject({
      _tag: 'Left',
      left: { code: 'amount_precision_exceeded' },
    })
  })
})

describe('formatting', () => {
  it('writes exactly the scale in decimals', () => {
    expect(formatMinor(1230n, 2)).toBe('12.30')
    expect(formatMinor(0n, 2)).toBe('0.00')
    expect(formatMinor(1n, 8)).toBe('0.00000001')
    expect(formatMinor(7n, 0)).toBe('7')
    expect(formatMinor(0n, 0)).toBe('0')
    expect(formatMinor(10n ** 18n, 18)).toBe('1.000000000000000000')
    expect(formatMoney(usd(5n))).toBe('0.05')
  })

  it('writes a sign only through formatSignedMinor, for world account balances', () => {
    expect(formatSignedMinor(-350n, 2)).toBe('-3.50')
    expect(formatSignedMinor(350n, 2)).toBe('3.50')
    expect(formatSignedMinor(0n, 2)).toBe('0.00')
  })

  it('asserts on a negative amount instead of writing one', () => {
    expect(() => formatMinor(-1n, 2)).toThrow(AssertionError)
  })

  it('reads a canonical string back with the scale taken from its decimals', () => {
    expect(moneyFromCanonical('USD', '12.30')).toEqual(usd(1230n))
    expect(moneyFromCanonical('POINTS', '7')).toEqual({ asset: 'POINTS', scale: 0, minor: 7n })
    expect(moneyFromCanonical('BTC', '0.00000000')).toEqual({ asset: 'BTC', scale: 8, minor: 0n })
    expect(() => moneyFromCanonical('USD', '1e5')).toThrow(AssertionError)
    expect(() => moneyFromCanonical('USD', '-1.00')).toThrow(AssertionError)
  })
})

describe('arithmetic', () => {
  it('adds, subtracts, compares and picks the smaller amount of one asset', () => {
    expect(addMoney(usd(150n), usd(250n))).toEqual(usd(400n))
    expect(subtractMoney(usd(400n), usd(150n))).toEqual(usd(250n))
    expect(subtractMoney(usd(150n), usd(150n))).toEqual(zero(USD))
    expect(compareMoney(usd(1n), usd(2n))).toBe(-1)
    expect(compareMoney(usd(2n), usd(2n))).toBe(0)
    expect(compareMoney(usd(3n), usd(2n))).toBe(1)
    expect(minMoney(usd(3n), usd(2n))).toEqual(usd(2n))
  })

  it('asserts when a subtraction would go negative', () => {
    expect(() => subtractMoney(usd(1n), usd(2n))).toThrow(AssertionError)
  })

  it('asserts when two assets, or two scales of one asset, are mixed', () => {
    expect(() => addMoney(usd(1n), money(BTC, 1n))).toThrow(AssertionError)
    expect(() => compareMoney(usd(1n), { asset: 'USD', scale: 3, minor: 1n })).toThrow(
      AssertionError,
    )
  })

  it('asserts on a negative amount or a scale outside 0..18', () => {
    expect(() => money(USD, -1n)).toThrow(AssertionError)
    expect(() => money({ code: 'XYZ', scale: 19 }, 1n)).toThrow(AssertionError)
    expect(() => money({ code: 'XYZ', scale: -1 }, 1n)).toThrow(AssertionError)
  })

  it('computes powers of ten exactly and refuses fractional exponents', () => {
    expect(powerOfTen(0)).toBe(1n)
    expect(powerOfTen(18)).toBe(1_000_000_000_000_000_000n)
    expect(() => powerOfTen(1.5)).toThrow(AssertionError)
    expect(() => powerOfTen(-1)).toThrow(AssertionError)
  })
})
