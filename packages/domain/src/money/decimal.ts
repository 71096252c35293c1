// The only module that imports decimal.js (lint enforces it). A private clone keeps a user's
// global Decimal settings from ever changing our arithmetic.
// The named export: decimal.mjs's default export has no `.Decimal` property under ESM.
import { Decimal as DecimalJs } from 'decimal.js'
import { assert } from '../assert.js'
import { AMOUNT_CHARS_MAX, RATE_DIGITS_MAX } from '../limits.js'

/** Significant digits: enough that amount × rate is exact before the one rounding after it. */
const PRECISION_DIGITS = 160

/** A private Decimal constructor: exact products, plain notation, no user settings. */
export const Decimal = DecimalJs.clone({
  precision: PRECISION_DIGITS,
  rounding: DecimalJs.ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
})
export type Decimal = InstanceType<typeof Decimal>

assert(PRECISION_DIGITS >= 2 * (AMOUNT_CHARS_MAX + RATE_DIGITS_MAX), 'decimal precision too small')

/** Named rounding rules; each rounding site picks one by name and rounds once. */
export const ROUNDING = {
  /** Toward zero: what we credit a customer when a fraction cannot be paid. */
  down: DecimalJs.ROUND_DOWN,
  /** Banker's rounding: fees and percentages, unbiased over many postings. */
  halfEven: DecimalJs.ROUND_HALF_EVEN,
  /** Away from zero. */
  up: DecimalJs.ROUND_UP,
} as const
/** The name of a rounding rule of `ROUNDING`. */
export type RoundingRule = keyof typeof ROUNDING
