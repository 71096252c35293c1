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
  const problem: { path: string; reason: string }[] = []
  const json = write(value, '$', 0, problem)
  const first = problem[0]
  if (first !== undefined) return { ok: false, path: first.path, reason: first.reason }
  assert(json !== undefined, 'a JSON-safe value has a canonical text')
  return { ok: true, json }
}

/** The canonical JSON text of a value known to be JSON-safe (asserts it is). */
export const canonicalJson = (value: JsonValue): string => {
  const result = toCanonicalJson(value)
  if (!result.ok) assert(false, `not JSON-safe at ${result.path}: ${result.reason}`)
  return result.json
}

// ---------------------------------------------------------------- helpers

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

// Returns undefined only after recording a problem.
const write = (
  value: unknown,
  path: string,
  depth: number,
  problems: { path: string; reason: string }[],
): string | undefined => {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (Number.isFinite(value)) return JSON.stringify(value)
      problems.push({ path, reason: `non-finite number ${String(value)}` })
      return undefined
    case 'object':
      if (depth >= JSON_DEPTH_MAX) {
        problems.push({ path, reason: `nested deeper than ${JSON_DEPTH_MAX} (or cyclic)` })
        return undefined
      }
      return Array.isArray(value)
        ? writeArray(value, path, depth, problems)
        : writeObject(value, path, depth, problems)
    default:
      problems.push({ path, reason: `a ${typeof value} is not JSON` })
      return undefined
  }
}

const writeArray = (
  items: readonly unknown[],
  path: string,
  depth: number,
  problems: { path: string; reason: string }[],
): string | undefined => {
  const parts: string[] = []
  for (let index = 0; index < items.length; index += 1) {
    // A hole or undefined would become null in JSON: the data would change silently.
    if (!(index in items) || items[index] === undefined) {
      problems.push({ path: `${path}[${index}]`, reason: 'undefined or a hole in an array' })
      return undefined
    }
    const part = write(items[index], `${path}[${index}]`, depth + 1, problems)
    if (part === undefined) return undefined
    parts.push(part)
  }
  return `[${parts.join(',')}]`
}

const writeObject = (
  object: object,
  path: string,
  depth: number,
  problems: { path: string; reason: string }[],
): string | undefined => {
  if (!isPlainObject(object)) {
    problems.push({ path, reason: `a ${object.constructor?.name ?? 'class'} instance is not JSON` })
    return undefined
  }
  const record = object as Readonly<Record<string, unknown>>
  const parts: string[] = []
  // The default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  for (const key of Object.keys(record).sort()) {
    const item = record[key]
    if (item === undefined) continue
    const part = write(item, `${path}.${key}`, depth + 1, problems)
    if (part === undefined) return undefined
    parts.push(`${JSON.stringify(key)}:${part}`)
  }
  return `{${parts.join(',')}}`
}
