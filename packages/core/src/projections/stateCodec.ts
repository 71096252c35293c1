// The JSON of a projection's working state: plain JSON plus the three things projections keep that
// JSON lacks (bigint, Map, Set), tagged. A plain object's own key starting with `$` gets one more
// `$`, so data that happens to look like a tag (a metadata key "$map") never decodes as one.
import { assert } from '@wallet-ledger/domain'

// ---------------------------------------------------------------- constants

// Projection states nest a few levels (a map of books of maps of balances); deeper is a bug.
const DEPTH_MAX = 32

// ---------------------------------------------------------------- operations

/** The JSON text of a state value. */
export const encodeState = (value: unknown): string => JSON.stringify(toJson(value, 0))

/** The value `encodeState` wrote. */
export const decodeState = (text: string): unknown => fromJson(JSON.parse(text) as unknown, 0)

// ---------------------------------------------------------------- helpers

const toJson = (value: unknown, depth: number): unknown => {
  assert(depth <= DEPTH_MAX, 'projection state nests too deep')
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  assert(typeof value !== 'number' || Number.isFinite(value), 'projection state: a bad number')
  if (value === null || typeof value !== 'object') {
    assert(typeof value !== 'function' && typeof value !== 'symbol', 'projection state: no code')
    return value
  }
  if (value instanceof Map) {
    return {
      $map: [...value].map(([key, item]) => [toJson(key, depth + 1), toJson(item, depth + 1)]),
    }
  }
  if (value instanceof Set) return { $set: [...value].map((item) => toJson(item, depth + 1)) }
  if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1))
  // fromEntries, not assignment: a key may be "__proto__". Undefined fields stay absent, as
  // JSON.stringify would have them.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key.startsWith('$') ? `$${key}` : key, toJson(item, depth + 1)]),
  )
}

const fromJson = (value: unknown, depth: number): unknown => {
  assert(depth <= DEPTH_MAX, 'projection state nests too deep')
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => fromJson(item, depth + 1))
  const record = value as Record<string, unknown>
  const tags = Object.keys(record)
  if (tags.length === 1 && typeof record['$bigint'] === 'string') return BigInt(record['$bigint'])
  if (tags.length === 1 && Array.isArray(record['$map'])) {
    return new Map(
      (record['$map'] as [unknown, unknown][]).map(([key, item]) => [
        fromJson(key, depth + 1),
        fromJson(item, depth + 1),
      ]),
    )
  }
  if (tags.length === 1 && Array.isArray(record['$set'])) {
    return new Set((record['$set'] as unknown[]).map((item) => fromJson(item, depth + 1)))
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => {
      assert(!/^\$[a-z]/.test(key), `projection state: unknown tag ${key}`)
      return [key.startsWith('$$') ? key.slice(1) : key, fromJson(item, depth + 1)]
    }),
  )
}
