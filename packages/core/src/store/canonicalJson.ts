// Canonical JSON: one byte sequence per JSON value, so a hash computed when an event is written
// equals the hash recomputed from any adapter's copy (SQL JSON columns reorder keys). It follows
// RFC 8785 (JCS) for the values we store: keys sorted by UTF-16 code units, JSON.stringify's number
// and string forms, no whitespace.
import { assert } from '@wallet-ledger/domain'
import type { JsonValue } from '../ports/eventStore.js'

// ---------------------------------------------------------------- types

/** Either the canonical text of a value or the first reason it is not JSON-safe. */
export type CanonicalResult =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly path: string; readonly reason: string }

// Nesting depth of stored data. The recursion below is bounded by it, so a cyclic or hostile value
// is rejected instead of overflowing the stack (the reason behind STYLE.md's "no recursion").
const JSON_DEPTH_MAX = 32

// ---------------------------------------------------------------- operations

/**
 * Canonicalizes a value that should be JSON-safe: `null`, booleans, finite numbers, strings,
 * arrays and plain objects, nested at most 32 deep. Object properties whose value is `undefined`
 * are omitted (as JSON does); anything else (bigint, Date, NaN, a hole) is reported with its path.
 */
export const toCanonicalJson = (value: unknown): CanonicalResult => {
  const problem: Problem = { reason: undefined, segments: [] }
  const json = write(value, 0, problem)
  if (json === undefined) {
    assert(problem.reason !== undefined, 'a value without a canonical text has a reason')
    // Segments were collected from the failing value outwards.
    return { ok: false, path: `$${problem.segments.reverse().join('')}`, reason: problem.reason }
  }
  return { ok: true, json }
}

/**
 * A string as JSON text, exactly as `JSON.stringify` writes it. Most strings need no escape, and
 * for them the quotes are added directly: `JSON.stringify` on every string and key was the largest
 * cost of canonicalising an event.
 */
export const jsonString = (text: string): string =>
  NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`

/** The canonical JSON text of a value known to be JSON-safe (asserts it is). */
export const canonicalJson = (value: JsonValue): string => {
  const result = toCanonicalJson(value)
  if (!result.ok) assert(false, `not JSON-safe at ${result.path}: ${result.reason}`)
  return result.json
}

// ---------------------------------------------------------------- helpers

// What JSON.stringify escapes: a quote, a backslash, control characters, and lone surrogates (it
// writes well-formed JSON). Any surrogate sends the text to JSON.stringify, which keeps pairs.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

// Object keys repeat (every event of a type has the same ones), so their JSON text is kept. The
// map is emptied when full, which bounds it whatever keys callers send.
const QUOTED_KEYS_MAX = 1_024
const quotedKeys = new Map<string, string>()

const quotedKey = (key: string): string => {
  const known = quotedKeys.get(key)
  if (known !== undefined) return known
  if (quotedKeys.size >= QUOTED_KEYS_MAX) quotedKeys.clear()
  const quoted = jsonString(key)
  quotedKeys.set(key, quoted)
  return quoted
}

// The first reason a value is not JSON-safe, and the path to it as segments (".key", "[3]")
// pushed while the failure unwinds: a value that is JSON-safe builds no path at all.
type Problem = { reason: string | undefined; readonly segments: string[] }

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

// Records the reason; the callers on the way out add their segments. Always returns undefined.
const fail = (problem: Problem, reason: string): undefined => {
  problem.reason = reason
  return undefined
}

// Returns undefined only after recording a problem.
const write = (value: unknown, depth: number, problem: Problem): string | undefined => {
  switch (typeof value) {
    case 'string':
      return jsonString(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      return Number.isFinite(value)
        ? JSON.stringify(value)
        : fail(problem, `non-finite number ${String(value)}`)
    case 'object':
      if (value === null) return 'null'
      if (depth >= JSON_DEPTH_MAX) {
        return fail(problem, `nested deeper than ${JSON_DEPTH_MAX} (or cyclic)`)
      }
      return Array.isArray(value)
        ? writeArray(value, depth, problem)
        : writeObject(value, depth, problem)
    default:
      return fail(problem, `a ${typeof value} is not JSON`)
  }
}

// Parts are joined, not concatenated one by one: `+=` would build a rope of every small piece,
// and the store keeps this text for good.
const writeArray = (
  items: readonly unknown[],
  depth: number,
  problem: Problem,
): string | undefined => {
  const parts: string[] = []
  for (let index = 0; index < items.length; index += 1) {
    // A hole or undefined would become null in JSON: the data would change silently.
    const part =
      !(index in items) || items[index] === undefined
        ? fail(problem, 'undefined or a hole in an array')
        : write(items[index], depth + 1, problem)
    if (part === undefined) {
      problem.segments.push(`[${index}]`)
      return undefined
    }
    parts.push(part)
  }
  return `[${parts.join(',')}]`
}

const writeObject = (object: object, depth: number, problem: Problem): string | undefined => {
  if (!isPlainObject(object)) {
    return fail(problem, `a ${object.constructor?.name ?? 'class'} instance is not JSON`)
  }
  const record = object as Readonly<Record<string, unknown>>
  // The default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  const keys = Object.keys(record).sort()
  const parts: string[] = []
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    const part = write(item, depth + 1, problem)
    if (part === undefined) {
      problem.segments.push(`.${key}`)
      return undefined
    }
    parts.push(`${quotedKey(key)}:${part}`)
  }
  return `{${parts.join(',')}}`
}
