// Loads aggregate state: from a bounded cache keyed by revision, else the latest snapshot, then
// the events after it, page by page. Events the engine just wrote are folded in directly, never
// decoded again. A store that tells a stream's last revision (`readLastRevision`) spares the page
// read when the cache is current or the stream does not exist.
import { assert, limits, upcastEvent } from '@wallet-ledger/domain'
import type { RawEvent } from '@wallet-ledger/domain'
import type { EventStore, ExpectedRevision, Snapshot, StoredEvent } from '../ports/eventStore.js'
import type { AggregateDefinition } from './aggregate.js'

// ---------------------------------------------------------------- types

/** State at a revision; `revision` is `'no_stream'` before the first event. */
export type Loaded<State> = { readonly state: State; readonly revision: bigint | 'no_stream' }

/** The events a stream has after the last snapshot before a new one is written. */
export const SNAPSHOT_EVERY_EVENTS = 200
/** Streams whose state the cache keeps. */
export const STATE_CACHE_STREAMS_MAX = 50_000

// ---------------------------------------------------------------- operations

/** Decodes one stored event: upcast to the current version, then the codec. Asserts on failure. */
export const decodeStoredEvent = <Event extends RawEvent>(
  definition: Pick<
    AggregateDefinition<unknown, unknown, Event, unknown>,
    'eventCodec' | 'upcasters'
  >,
  stored: Pick<StoredEvent, 'type' | 'schemaVersion' | 'data' | 'stream' | 'revision'>,
): Event => {
  const current = upcastEvent(definition.upcasters, stored)
  const decoded = definition.eventCodec.decode(current)
  assert(
    decoded._tag === 'Right',
    `${stored.stream}@${stored.revision}: ${stored.type} does not decode`,
  )
  return decoded.right
}

/** Revision after which a write with `expectedRevision` appends, for cache bookkeeping. */
export const expectedRevisionOf = (loaded: Loaded<unknown>): ExpectedRevision => loaded.revision

/**
 * A cache of aggregate states with a bound: the entries used least recently go first. `get` counts
 * as a use.
 */
export type StateCache = {
  readonly get: (stream: string) => Loaded<unknown> | undefined
  readonly set: (stream: string, loaded: Loaded<unknown>) => void
  readonly delete: (stream: string) => void
  readonly clear: () => void
}

/**
 * A bounded cache in two generations: new and used entries go to the recent one; when it holds half
 * the bound it becomes the older one and the previous older one is dropped whole. At most
 * `streamsMax` entries, and an entry used within the last `streamsMax / 2` insertions is kept. A
 * hit in the recent generation is one Map lookup (an exact recency order would re-insert the entry
 * on every use).
 */
export const createStateCache = (streamsMax = STATE_CACHE_STREAMS_MAX): StateCache => {
  assert(Number.isSafeInteger(streamsMax) && streamsMax >= 2, 'a state cache holds two streams')
  const generationMax = Math.floor(streamsMax / 2)
  let recent = new Map<string, Loaded<unknown>>()
  let older = new Map<string, Loaded<unknown>>()
  const insert = (stream: string, loaded: Loaded<unknown>): void => {
    recent.set(stream, loaded)
    if (recent.size >= generationMax) {
      older = recent
      recent = new Map()
    }
  }
  return {
    get: (stream) => {
      const hit = recent.get(stream)
      if (hit !== undefined) return hit
      const old = older.get(stream)
      if (old !== undefined) {
        older.delete(stream)
        insert(stream, old)
      }
      return old
    },
    set: (stream, loaded) => {
      if (recent.has(stream)) {
        recent.set(stream, loaded)
        return
      }
      older.delete(stream)
      insert(stream, loaded)
    },
    delete: (stream) => {
      recent.delete(stream)
      older.delete(stream)
    },
    clear: () => {
      recent.clear()
      older.clear()
    },
  }
}

/** Loads and caches aggregates of every kind from one store. */
export type Repository = {
  readonly load: <State, Command, Event extends RawEvent, Error>(
    definition: AggregateDefinition<State, Command, Event, Error>,
    id: string,
  ) => Promise<Loaded<State>>
  /** Records the state after events this process appended at `revision` (no decode, no read). */
  readonly remember: (stream: string, loaded: Loaded<unknown>) => void
  /** Forgets a stream, after a revision clash or a failed write whose outcome is unknown. */
  readonly forget: (stream: string) => void
  /** Writes a snapshot when enough events passed since the last one (best effort). */
  readonly maybeSnapshot: <State>(
    definition: AggregateDefinition<State, unknown, RawEvent, unknown>,
    stream: string,
    loaded: Loaded<State>,
  ) => Promise<void>
}

/**
 * A repository over a store. `report` receives what the repository skipped instead of failing a
 * command: a snapshot that does not match its stream (ignored, the stream is replayed) and a
 * snapshot write that failed (snapshots are best effort).
 */
export const createRepository = (
  store: EventStore,
  cache: StateCache = createStateCache(),
  report: (error: unknown) => void = () => undefined,
): Repository => {
  const snapshotRevisions = new Map<string, bigint>()

  // The stream's event at `revision`, if it has one (one event read).
  const eventAt = async (stream: string, revision: bigint): Promise<StoredEvent | undefined> => {
    for await (const stored of store.readStream(stream, { fromRevision: revision, maxCount: 1 })) {
      return stored.revision === revision ? stored : undefined
    }
    return undefined
  }

  // A snapshot is trusted only if the stream's event at its revision has the hash it names: a
  // snapshot of another history (forged, or left over from a rewritten stream) is reported and
  // ignored.
  const snapshotMatches = async (snapshot: Snapshot): Promise<boolean> => {
    const stored = await eventAt(snapshot.stream, snapshot.revision)
    if (stored !== undefined && stored.hash === snapshot.eventHash) return true
    report(
      snapshotMismatch(
        `the snapshot of ${snapshot.stream}@${snapshot.revision} does not match the stream's ` +
          'event there; it is ignored and the stream replayed',
      ),
    )
    return false
  }

  const loadBase = async <State>(
    definition: AggregateDefinition<State, unknown, RawEvent, unknown>,
    stream: string,
  ): Promise<Loaded<State>> => {
    const cached = cache.get(stream) as Loaded<State> | undefined
    if (cached !== undefined) return cached
    if (definition.snapshot !== undefined && store.readSnapshot !== undefined) {
      const snapshot = await store.readSnapshot(stream)
      if (snapshot !== undefined && snapshot.schemaVersion === definition.snapshot.schemaVersion) {
        const state = definition.snapshot.decode(snapshot.state)
        if (state !== undefined && (await snapshotMatches(snapshot))) {
          snapshotRevisions.set(stream, snapshot.revision)
          return { state, revision: snapshot.revision }
        }
      }
    }
    return { state: definition.decider.initialState, revision: 'no_stream' }
  }

  const load = async <State, Command, Event extends RawEvent, Error>(
    definition: AggregateDefinition<State, Command, Event, Error>,
    id: string,
  ): Promise<Loaded<State>> => {
    const stream = definition.stream(id)
    if (store.readLastRevision !== undefined) {
      // Others may have appended (credits go in with 'any'), so the store is always asked; but
      // when it has nothing past what is known, no page is read and nothing is decoded.
      const last = await store.readLastRevision(stream)
      const cached = cache.get(stream) as Loaded<State> | undefined
      if (cached !== undefined && cached.revision === last) return cached
      if (cached === undefined && last === 'no_stream') {
        return { state: definition.decider.initialState, revision: 'no_stream' }
      }
    }
    const base = await loadBase(
      definition as unknown as AggregateDefinition<State, unknown, RawEvent, unknown>,
      stream,
    )
    let { state, revision } = base
    // Catch up with what others appended since; pages keep memory bounded for long streams.
    for (;;) {
      const fromRevision = revision === 'no_stream' ? 0n : revision + 1n
      let read = 0
      const maxCount = limits.READ_PAGE_EVENTS_MAX
      for await (const stored of store.readStream(stream, { fromRevision, maxCount })) {
        assert(
          stored.revision === fromRevision + BigInt(read),
          `${stream}: revision gap at ${stored.revision}`,
        )
        state = definition.decider.evolve(state, decodeStoredEvent(definition, stored))
        revision = stored.revision
        read += 1
      }
      if (read < maxCount) break
    }
    const loaded = { state, revision }
    if (loaded !== base) cache.set(stream, loaded)
    return loaded
  }

  return {
    load,
    remember: (stream, loaded) => cache.set(stream, loaded),
    forget: (stream) => cache.delete(stream),
    maybeSnapshot: async (definition, stream, loaded) => {
      if (definition.snapshot === undefined || store.writeSnapshot === undefined) return
      if (loaded.revision === 'no_stream') return
      const last = snapshotRevisions.get(stream) ?? -1n
      if (loaded.revision - last < BigInt(SNAPSHOT_EVERY_EVENTS)) return
      snapshotRevisions.set(stream, loaded.revision)
      try {
        const stored = await eventAt(stream, loaded.revision)
        if (stored === undefined) return
        await store.writeSnapshot(stream, {
          revision: loaded.revision,
          eventHash: stored.hash,
          schemaVersion: definition.snapshot.schemaVersion,
          state: definition.snapshot.encode(loaded.state),
        })
      } catch (error) {
        // The command is already committed; a missing snapshot only costs a longer replay.
        report(error)
      }
    },
  }
}

/** What is reported (never thrown) when a stored snapshot does not match its stream. */
export const snapshotMismatch = (message: string): Error =>
  Object.assign(new Error(message), { code: 'snapshot_mismatch' })
