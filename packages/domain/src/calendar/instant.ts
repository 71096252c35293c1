// Instants are compared as times, never as text: '+275760-09-13T00:00:00.000Z' sorts before
// '2026-...' as a string. Callers may send instants from INSTANT_MIN to INSTANT_MAX only, so every
// stored instant has a four-digit year and its codec decodes it again.
import { assert } from '../assert.js'
import { INSTANT_MAX, INSTANT_MIN } from '../limits.js'

const INSTANT_MIN_MS = Date.parse(INSTANT_MIN)
const INSTANT_MAX_MS = Date.parse(INSTANT_MAX)
// An ISO-8601 UTC instant as the codecs store it: seconds, then an optional fraction of 1..9 digits.
const STORED_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/

/** True when `ms` (milliseconds since the epoch) lies from INSTANT_MIN to INSTANT_MAX, inclusive. */
export const isInstantInRange = (ms: number): boolean =>
  Number.isFinite(ms) && ms >= INSTANT_MIN_MS && ms <= INSTANT_MAX_MS

/** Nanoseconds since the epoch of a stored ISO-8601 UTC instant; asserts its shape. */
export const instantNanos = (instant: string): bigint => {
  const match = STORED_INSTANT.exec(instant)
  assert(match !== null, `not a stored instant: "${instant}"`)
  const seconds = Date.parse(`${match[1] ?? ''}Z`)
  assert(!Number.isNaN(seconds), `not a stored instant: "${instant}"`)
  return BigInt(seconds) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'))
}

/** Negative, zero or positive as instant `a` is before, at or after `b` (exact to the nanosecond). */
export const compareInstants = (a: string, b: string): number => {
  const difference = instantNanos(a) - instantNanos(b)
  return difference < 0n ? -1 : difference > 0n ? 1 : 0
}
