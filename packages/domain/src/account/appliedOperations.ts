// The money steps an account has applied, so a replayed step is a no-op. Bounded: the most recent
// APPLIED_OPERATIONS_REMEMBERED_MAX keys (limits.ts says why that is safe). Kept in fixed-size
// chunks so that remembering one key copies at most one chunk, not the whole window: debits and
// credits are the hot path of every payment.
import { assert } from '../assert.js'
import { APPLIED_OPERATIONS_REMEMBERED_MAX } from '../limits.js'

// ---------------------------------------------------------------- types

/**
 * Remembered keys with their outcome marker, oldest chunk first. Every chunk but the last holds
 * exactly `APPLIED_CHUNK_SIZE` keys; a key may appear in several chunks, the newest one wins.
 */
export type AppliedOperations = { readonly chunks: readonly ReadonlyMap<string, string>[] }

/** Keys per chunk. */
export const APPLIED_CHUNK_SIZE = 64
const CHUNKS_MAX = APPLIED_OPERATIONS_REMEMBERED_MAX / APPLIED_CHUNK_SIZE

assert(Number.isInteger(CHUNKS_MAX) && CHUNKS_MAX >= 2, 'applied window: bad chunk size')

// ---------------------------------------------------------------- constructors

/** Nothing applied yet. */
export const noAppliedOperations: AppliedOperations = { chunks: [] }

/** The key of a journal leg applied as a debit or credit. */
export const legKey = (entryId: string, leg: number): string => `leg:${entryId}#${leg}`

/** The key of a hold; its marker says whether it is held, captured (by which leg) or released. */
export const holdKey = (holdId: string): string => `hold:${holdId}`

/** The marker of a hold captured through a journal leg. */
export const capturedMarker = (entryId: string, leg: number): string => `captured:${entryId}#${leg}`

// ---------------------------------------------------------------- operations

/** The newest marker remembered for a key, or undefined when it is unknown or forgotten. */
export const appliedMarker = (applied: AppliedOperations, key: string): string | undefined => {
  for (let index = applied.chunks.length - 1; index >= 0; index -= 1) {
    const marker = applied.chunks[index]?.get(key)
    if (marker !== undefined) return marker
  }
  return undefined
}

/** Remembers a key (or its new marker), forgetting the oldest chunk when the window is full. */
export const rememberOperation = (
  applied: AppliedOperations,
  key: string,
  marker: string,
): AppliedOperations => {
  const last = applied.chunks[applied.chunks.length - 1]
  if (last !== undefined && (last.size < APPLIED_CHUNK_SIZE || last.has(key))) {
    const grown = new Map(last).set(key, marker)
    return { chunks: [...applied.chunks.slice(0, -1), grown] }
  }
  const kept = applied.chunks.length >= CHUNKS_MAX ? applied.chunks.slice(1) : applied.chunks
  const chunks = [...kept, new Map([[key, marker]])]
  assert(chunks.length <= CHUNKS_MAX, 'applied window grew past its bound')
  return { chunks }
}
