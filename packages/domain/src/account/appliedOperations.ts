// The money steps an account has applied, so a replayed step is a no-op. Bounded: the most recent
// APPLIED_OPERATIONS_REMEMBERED_MAX keys (limits.ts says why that is safe), kept in chunks of
// APPLIED_CHUNK_SIZE keys; when the window is full the oldest chunk is forgotten whole.
//
// Debits and credits are the hot path of every payment, so remembering a key is O(1) amortised:
// full chunks are never changed, and the open (last) chunk is append-only and shared by the states
// that grew it. Each state sees only the first `openSize` entries of its open chunk; it appends in
// place when nobody appended past that point, and copies the entries it sees otherwise (a state
// evolved twice, e.g. a decision dropped and made again). So every state stays immutable as seen
// through these functions, and evolving the newest state copies nothing.
import { assert } from '../assert.js'
import { APPLIED_OPERATIONS_REMEMBERED_MAX } from '../limits.js'

// ---------------------------------------------------------------- types

/**
 * Keys in the order they were remembered: `keys[i]` has `markers[i]`, and `seqs` finds `i` by key.
 * Only appended to (a key's marker changes in a copy), so entries below a length never change.
 */
type AppliedChunk = {
  readonly seqs: Map<string, number>
  readonly keys: string[]
  readonly markers: string[]
}

/**
 * Remembered keys with their outcome marker: full chunks oldest first, then the open chunk, of
 * which this state sees the first `openSize` entries. A key may appear in several chunks; the
 * newest one wins. Read it through `appliedMarker` and `appliedChunksOf` only.
 */
export type AppliedOperations = {
  readonly full: readonly AppliedChunk[]
  readonly open: AppliedChunk
  readonly openSize: number
}

/** Keys per chunk. */
export const APPLIED_CHUNK_SIZE = 64
const CHUNKS_MAX = APPLIED_OPERATIONS_REMEMBERED_MAX / APPLIED_CHUNK_SIZE

assert(Number.isInteger(CHUNKS_MAX) && CHUNKS_MAX >= 2, 'applied window: bad chunk size')

// ---------------------------------------------------------------- constructors

/** Nothing applied yet. Its empty chunk is never appended to (frozen arrays prove it). */
export const noAppliedOperations: AppliedOperations = {
  full: [],
  open: {
    seqs: new Map(),
    keys: Object.freeze([]) as unknown as string[],
    markers: Object.freeze([]) as unknown as string[],
  },
  openSize: 0,
}

/** The key of a journal leg applied as a debit or credit. */
export const legKey = (entryId: string, leg: number): string => `leg:${entryId}#${leg}`

/** The key of a hold; its marker says whether it is held, captured (by which leg) or released. */
export const holdKey = (holdId: string): string => `hold:${holdId}`

/** The marker of a hold captured through a journal leg. */
export const capturedMarker = (entryId: string, leg: number): string => `captured:${entryId}#${leg}`

/**
 * The window a snapshot stored (`appliedChunksOf`'s output): chunks oldest first, each a list of
 * `[key, marker]`. Asserts the bounds: at most the window's chunks, none over the chunk size.
 */
export const appliedFromChunks = (
  chunks: readonly (readonly (readonly [string, string])[])[],
): AppliedOperations => {
  assert(chunks.length <= CHUNKS_MAX, 'applied window: too many chunks')
  const built = chunks.map((entries) => {
    assert(entries.length <= APPLIED_CHUNK_SIZE, 'applied window: oversized chunk')
    const chunk = emptyChunk()
    for (const [key, marker] of entries) append(chunk, key, marker)
    return chunk
  })
  const open = built.pop()
  return open === undefined
    ? noAppliedOperations
    : { full: built, open, openSize: open.markers.length }
}

// ---------------------------------------------------------------- operations

/** The newest marker remembered for a key, or undefined when it is unknown or forgotten. */
export const appliedMarker = (applied: AppliedOperations, key: string): string | undefined => {
  const openSeq = applied.open.seqs.get(key)
  if (openSeq !== undefined && openSeq < applied.openSize) return applied.open.markers[openSeq]
  for (let index = applied.full.length - 1; index >= 0; index -= 1) {
    const chunk = applied.full[index]!
    const seq = chunk.seqs.get(key)
    if (seq !== undefined) return chunk.markers[seq]
  }
  return undefined
}

/** Remembers a key (or its new marker), forgetting the oldest chunk when the window is full. */
export const rememberOperation = (
  applied: AppliedOperations,
  key: string,
  marker: string,
): AppliedOperations => {
  const { full, open, openSize } = applied
  const seq = open.seqs.get(key)
  if (seq !== undefined && seq < openSize) {
    // A new marker for a key of the open chunk: changed in a copy, in its place.
    const copy = copyOf(open, openSize)
    copy.markers[seq] = marker
    return { full, open: copy, openSize }
  }
  if (openSize < APPLIED_CHUNK_SIZE) {
    // In place only when nobody appended past what this state sees (and never into the shared
    // empty chunk of `noAppliedOperations`).
    const isOwnEnd = openSize > 0 && open.markers.length === openSize
    const grown = isOwnEnd ? open : copyOf(open, openSize)
    append(grown, key, marker)
    return { full, open: grown, openSize: openSize + 1 }
  }
  const kept = full.length + 1 >= CHUNKS_MAX ? full.slice(1) : full
  const started = emptyChunk()
  append(started, key, marker)
  const next = { full: [...kept, open], open: started, openSize: 1 }
  assert(next.full.length < CHUNKS_MAX, 'applied window grew past its bound')
  return next
}

/** Every remembered `[key, marker]`, chunk by chunk, oldest first: what a snapshot stores. */
export const appliedChunksOf = (applied: AppliedOperations): [string, string][][] => {
  const chunks = applied.full.map((chunk) => entriesOf(chunk, chunk.markers.length))
  if (applied.openSize > 0) chunks.push(entriesOf(applied.open, applied.openSize))
  return chunks
}

// ---------------------------------------------------------------- helpers

function emptyChunk(): AppliedChunk {
  return { seqs: new Map(), keys: [], markers: [] }
}

// Appends a key the chunk does not hold among its entries (or a repeated one, from a snapshot:
// the later marker wins, as a Map built from the list would keep it).
const append = (chunk: AppliedChunk, key: string, marker: string): void => {
  const known = chunk.seqs.get(key)
  if (known !== undefined && known < chunk.markers.length) {
    chunk.markers[known] = marker
    return
  }
  chunk.seqs.set(key, chunk.markers.length)
  chunk.keys.push(key)
  chunk.markers.push(marker)
}

// The first `size` entries of a chunk, in a chunk of their own.
const copyOf = (chunk: AppliedChunk, size: number): AppliedChunk => {
  const copy = emptyChunk()
  for (let seq = 0; seq < size; seq += 1) append(copy, chunk.keys[seq]!, chunk.markers[seq]!)
  return copy
}

const entriesOf = (chunk: AppliedChunk, size: number): [string, string][] =>
  chunk.keys.slice(0, size).map((key, seq): [string, string] => [key, chunk.markers[seq]!])
