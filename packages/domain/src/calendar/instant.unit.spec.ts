// Proves that instants are compared as times, to the nanosecond, whatever their fraction's length,
// and that the caller's range runs from the epoch to the last millisecond of 9999, inclusive.
import { describe, expect, it } from 'vitest'
import { INSTANT_MAX, INSTANT_MIN } from '../limits.js'
import { compareInstants, instantNanos, isInstantInRange } from './instant.js'

describe('compareInstants', () => {
  it('orders instants as times, not as text', () => {
    expect(compareInstants('2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00.123456789Z')).toBe(1)
    expect(compareInstants('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000000000Z')).toBe(0)
    expect(compareInstants('2026-01-01T00:00:00.000000001Z', '2026-01-01T00:00:00Z')).toBe(1)
    expect(compareInstants('2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00Z')).toBe(-1)
    expect(compareInstants(INSTANT_MAX, '2026-01-01T00:00:00Z')).toBe(1)
  })

  it('counts nanoseconds from the epoch', () => {
    expect(instantNanos(INSTANT_MIN)).toBe(0n)
    expect(instantNanos('1970-01-01T00:00:01.000000002Z')).toBe(1_000_000_002n)
  })

  it('asserts on text that is not a stored instant', () => {
    expect(() => instantNanos('+275760-09-13T00:00:00.000Z')).toThrow(/not a stored instant/)
  })
})

describe('isInstantInRange', () => {
  it('runs from the epoch to the last millisecond of 9999, inclusive', () => {
    expect(isInstantInRange(Date.parse(INSTANT_MIN))).toBe(true)
    expect(isInstantInRange(Date.parse(INSTANT_MAX))).toBe(true)
    expect(isInstantInRange(-1)).toBe(false)
    expect(isInstantInRange(Date.parse(INSTANT_MAX) + 1)).toBe(false)
    expect(isInstantInRange(8.64e15)).toBe(false)
    expect(isInstantInRange(Number.NaN)).toBe(false)
  })
})
