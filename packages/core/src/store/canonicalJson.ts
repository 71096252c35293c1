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
  const tokens: string[] = []
  if (!write(value, 0, tokens, problem)) {
    assert(problem.reason !== undefined, 'a value without a canonical text has a reason')
    // Segments were collected from the failing value outwards.
    return { ok: false, path: `$${problem.segments.reverse().join('')}`, reason: problem.reason }
  }
  // One join: the text is one flat string (the store keeps it), built without a string per level.
  return { ok: true, json: tokens.join('') }
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

// A key's JSON text followed by the colon, as written before its value.
const quotedKey = (key: string): string => {
  const known = quotedKeys.get(key)
  if (known !== undefined) return known
  if (quotedKeys.size >= QUOTED_KEYS_MAX) quotedKeys.clear()
  const quoted = `${jsonString(key)}:`
  quotedKeys.set(key, quoted)
  return quoted
}

// Keys up to this many are sorted in place by insertion (no allocation: the built-in sort copies
// into a work array, which was a tenth of everything a transfer allocated); longer lists, which
// only a caller's data can have, use the built-in O(n log n) sort.
const INSERTION_SORT_KEYS_MAX = 16

// Sorts by UTF-16 code units, as RFC 8785 asks: the order of `<` on strings and of `sort()`.
const sortKeys = (keys: string[]): void => {
  if (keys.length > INSERTION_SORT_KEYS_MAX) {
    keys.sort()
    return
  }
  for (let index = 1; index < keys.length; index += 1) {
    const key = keys[index]!
    let at = index
    while (at > 0 && keys[at - 1]! > key) {
      keys[at] = keys[at - 1]!
      at -= 1
    }
    keys[at] = key
  }
}

// The first reason a value is not JSON-safe, and the path to it as segments (".key", "[3]")
// pushed while the failure unwinds: a value that is JSON-safe builds no path at all.
type Problem = { reason: string | undefined; readonly segments: string[] }

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

// Records the reason; the callers on the way out add their segments. Always returns false.
const fail = (problem: Problem, reason: string): false => {
  problem.reason = reason
  return false
}

// Appends the value's canonical text to `tokens`; false only after recording a problem.
const write = (value: unknown, depth: number, tokens: string[], problem: Problem): boolean => {
  switch (typeof value) {
    case 'string':
      tokens.push(jsonString(value))
      return true
    case 'boolean':
      tokens.push(value ? 'true' : 'false')
      return true
    case 'number':
      if (!Number.isFinite(value)) return fail(problem, `non-finite number ${String(value)}`)
      tokens.push(JSON.stringify(value))
      return true
    case 'object':
      if (value === null) {
        tokens.push('null')
        return true
      }
      if (depth >= JSON_DEPTH_MAX) {
        return fail(problem, `nested deeper than ${JSON_DEPTH_MAX} (or cyclic)`)
      }
      return Array.isArray(value)
        ? writeArray(value, depth, tokens, problem)
        : writeObject(value, depth, tokens, problem)
    default:
      return fail(problem, `a ${typeof value} is not JSON`)
  }
}

const writeArray = (
  items: readonly unknown[],
  depth: number,
  tokens: string[],
  problem: Problem,
): boolean => {
  tokens.push('[')
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0) tokens.push(',')
    // A hole or undefined would become null in JSON: the data would change silently.
    const isWritten =
      !(index in items) || items[index] === undefined
        ? fail(problem, 'undefined or a hole in an array')
        : write(items[index], depth + 1, tokens, problem)
    if (!isWritten) {
      problem.segments.push(`[${index}]`)
      return false
    }
  }
  tokens.push(']')
  return true
}

const writeObject = (
  object: object,
  depth: number,
  tokens: string[],
  problem: Problem,
): boolean => {
  if (!isPlainObject(object)) {
    return fail(problem, `a ${object.constructor?.name ?? 'class'} instance is not JSON`)
  }
  const record = object as Readonly<Record<string, unknown>>
  const keys = Object.keys(record)
  sortKeys(keys)
  tokens.push('{')
  let isFirst = true
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    if (!isFirst) tokens.push(',')
    isFirst = false
    tokens.push(quotedKey(key))
    if (!write(item, depth + 1, tokens, problem)) {
      problem.segments.push(`.${key}`)
      return false
    }
  }
  tokens.push('}')
  return true
}
