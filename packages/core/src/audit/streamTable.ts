// The audit's per-stream records in bounded memory. Account streams (those with a snapshot codec)
// keep their replayed state for the whole audit: one state per account. Every other stream is a
// workflow's, short and soon finished (a payment, a deposit, a claim), and there is one per
// workflow, so only the most recently used `STREAM_STATES_KEPT_MAX` keep their state; the others
// are parked as their next revision alone, and a parked stream that gets another event is replayed
// again from the store (its events up to that revision), which gives the same state.
import { assert, upcastEvent } from '@wallet-ledger/domain'
import type { RawEvent } from '@wallet-ledger/domain'
import type { AnyAggregateDefinition } from '../engine/aggregate.js'
import type { StoredEvent } from '../ports/eventStore.js'

// ---------------------------------------------------------------- types

/** A stream's record while its state is held. */
export type StreamState = {
  readonly definition: AnyAggregateDefinition | undefined
  nextRevision: bigint
  state: unknown
  /** The replay of this stream stopped (reported): its state is unknown. */
  isBroken: boolean
}

/** Reads one stream's events in revision order (the store's `readStream`, paged). */
export type ReadStream = (stream: string) => AsyncIterable<StoredEvent>

/** The records of every stream seen. */
export type StreamTable = {
  /** The held record, moved to the most recently used end; undefined when unseen or parked. */
  readonly get: (stream: string) => StreamState | undefined
  /** Holds a new record; may park the least recently used workflow stream. */
  readonly add: (stream: string, record: StreamState) => void
  readonly isParked: (stream: string) => boolean
  /** Replays a parked stream from the store and holds its record again. */
  readonly restore: (
    stream: string,
    definition: AnyAggregateDefinition | undefined,
    read: ReadStream,
  ) => Promise<void>
  /** Streams seen. */
  readonly count: () => number
  /** Records held with their state (for the memory bound's tests). */
  readonly heldCount: () => number
}

/** Workflow streams whose replayed state an audit holds at once (the most recently used). */
export const STREAM_STATES_KEPT_MAX = 4_096

// ---------------------------------------------------------------- constructors

/** An empty table; `keptMax` workflow states at most (tests lower it). */
export const createStreamTable = (keptMax: number = STREAM_STATES_KEPT_MAX): StreamTable => {
  assert(Number.isSafeInteger(keptMax) && keptMax >= 1, 'stream table: keep at least one state')
  const accounts = new Map<string, StreamState>()
  // Insertion order is use order: a use deletes and sets again, so the first key is the oldest.
  const workflows = new Map<string, StreamState>()
  // Parked streams: the next revision, negated minus one when the stream's replay is broken.
  const parked = new Map<string, number>()
  const hold = (stream: string, record: StreamState): void => {
    if (record.definition?.snapshot !== undefined || record.definition === undefined) {
      accounts.set(stream, record)
      return
    }
    workflows.set(stream, record)
    if (workflows.size <= keptMax) return
    const [oldest, state] = workflows.entries().next().value as [string, StreamState]
    workflows.delete(oldest)
    const next = Number(state.nextRevision)
    parked.set(oldest, state.isBroken ? -next - 1 : next)
  }
  return {
    get: (stream) => {
      const account = accounts.get(stream)
      if (account !== undefined) return account
      const workflow = workflows.get(stream)
      if (workflow === undefined) return undefined
      workflows.delete(stream)
      workflows.set(stream, workflow)
      return workflow
    },
    add: (stream, record) => {
      assert(!parked.has(stream), `stream table: ${stream} is parked`)
      hold(stream, record)
    },
    isParked: (stream) => parked.has(stream),
    restore: async (stream, definition, read) => {
      const code = parked.get(stream)
      assert(code !== undefined, `stream table: ${stream} is not parked`)
      parked.delete(stream)
      const nextRevision = BigInt(code < 0 ? -code - 1 : code)
      const record: StreamState = { definition, nextRevision, state: undefined, isBroken: true }
      if (code >= 0 && definition !== undefined) {
        const replayed = await replay(definition, nextRevision, read(stream))
        record.state = replayed.state
        record.isBroken = replayed.isBroken
      }
      hold(stream, record)
    },
    count: () => accounts.size + workflows.size + parked.size,
    heldCount: () => accounts.size + workflows.size,
  }
}

// ---------------------------------------------------------------- helpers

// Folds the events the audit already checked (revisions below `nextRevision`), skipping those that
// do not decode as the first pass did. A fold that now fails means the store answers differently
// than it did: the state is unknown, as for a broken stream, and no finding is made of it. A store
// failure rejects, as everywhere in the audit.
const replay = async (
  definition: AnyAggregateDefinition,
  nextRevision: bigint,
  events: AsyncIterable<StoredEvent>,
): Promise<{ readonly state: unknown; readonly isBroken: boolean }> => {
  let state: unknown = definition.decider.initialState
  for await (const stored of events) {
    if (stored.revision >= nextRevision) break
    const folded = foldOne(definition, state, stored)
    if (folded === NOT_DECODED) continue
    if (folded === BROKEN) return { state: undefined, isBroken: true }
    state = folded.state
  }
  return { state, isBroken: false }
}

const NOT_DECODED = 'not_decoded'
const BROKEN = 'broken'

// Upcasters and `evolve` assert on impossible data; the first pass caught the same throw as a
// finding (streamChecks' `attempt`), so here a throw only means the state cannot be rebuilt.
const foldOne = (
  definition: AnyAggregateDefinition,
  state: unknown,
  stored: StoredEvent,
): { readonly state: unknown } | typeof NOT_DECODED | typeof BROKEN => {
  try {
    const decoded = definition.eventCodec.decode(upcastEvent(definition.upcasters, stored))
    if (decoded._tag === 'Left') return NOT_DECODED
    return { state: definition.decider.evolve(state, decoded.right as RawEvent) }
  } catch {
    return BROKEN
  }
}
