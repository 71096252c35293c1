// The in-memory EventStore: the reference adapter, used by tests, examples and `memory:` ledgers.
// A commit runs synchronously from its checks to its last push, so in one process nothing can
// interleave with it: that is this store's transaction, and the commit hash is computed inside it.
import { assert } from '@wallet-ledger/domain'
import type {
  AppendResult,
  CommitMetadata,
  EventStore,
  JsonValue,
  Snapshot,
  StoredEvent,
  StreamWrite,
  Subscription,
} from '../ports/eventStore.js'
import { storeError } from '../ports/storeError.js'
import { checkedKeyVault, createMemoryKeyVault } from '../privacy/keyVault.js'
import { createEventIdSource } from './eventId.js'
import { checkImportedCommit } from './importCommit.js'
import {
  builtRecord,
  createMemoryLog,
  deepFreeze,
  eventOf,
  headOf,
  indexFrom,
  sealedRecord,
  type MemoryRecord,
} from './memoryLog.js'
import { startMemorySubscription } from './memorySubscription.js'
import { attachMemoryTamper } from './memoryTamper.js'
import { recordedInstant, sealCommit } from './sealCommit.js'
import {
  checkMaxCount,
  checkMetadata,
  checkOffset,
  checkRevisionHolds,
  checkSnapshot,
  checkSnapshotEvent,
  checkSnapshotsPage,
  checkStreamName,
  checkWrites,
} from './validate.js'

// ---------------------------------------------------------------- types

/** Options of the in-memory store. */
export type MemoryEventStoreOptions = {
  /** The clock stamping `recordedAt`; default the system clock. A clock going back is ignored. */
  readonly clock?: () => Date
  /**
   * Whether the store offers `appendMany` (default true). `false` builds a store without it, to
   * test the engine's step-by-step workflows against the same store.
   */
  readonly atomicAppendMany?: boolean
}

/** The in-memory store: the port, nothing more (its test-only tamper hooks are not on it). */
export type MemoryEventStore = EventStore

// ---------------------------------------------------------------- constructors

/** Creates an empty in-memory store. Everything is lost when the process ends. */
export const createMemoryEventStore = (options: MemoryEventStoreOptions = {}): MemoryEventStore => {
  const clock = options.clock ?? (() => new Date())
  const log = createMemoryLog()
  const nextEventId = createEventIdSource()
  const subscriptions = new Set<Subscription>()
  let isClosed = false
  let lastRecordedMs: number | undefined

  const ensureOpen = (): void => {
    if (isClosed) throw storeError('store_closed', 'the event store is closed')
  }

  const commit = (
    writes: readonly StreamWrite[],
    metadata: CommitMetadata,
  ): readonly AppendResult[] => {
    ensureOpen()
    const checked = checkWrites(writes)
    checkMetadata(metadata)
    const planned = checked.map((write) => {
      const last = log.streams.get(write.stream)?.at(-1)?.envelope.revision
      checkRevisionHolds(write.stream, write.expectedRevision, last)
      return {
        stream: write.stream,
        events: write.events,
        firstRevision: last === undefined ? 0n : last + 1n,
      }
    })
    const recordedAt = recordedInstant(clock(), lastRecordedMs)
    const recordedMs = recordedAt.getTime()
    // Taken before sealing: ids already drawn for a commit that then fails keep the floor.
    lastRecordedMs = recordedMs
    const head = headOf(log.events)
    const sealed = sealCommit({
      writes: planned,
      firstPosition: head.nextPosition,
      previousCommitHash: head.commitHash,
      recordedAt,
      metadata,
      nextEventId: () => nextEventId(recordedMs),
    })
    let nextPosition = head.nextPosition
    for (const event of sealed.events) {
      const record = sealedRecord(event)
      const stream = log.streams.get(event.stream)
      // Contiguity checked when writing, as audit checks it when replaying (STYLE.md section 8).
      const previousRevision = stream?.at(-1)?.envelope.revision ?? -1n
      assert(event.revision === previousRevision + 1n, 'stream revisions stay contiguous')
      assert(event.position === nextPosition, 'positions stay contiguous')
      nextPosition += 1n
      log.events.push(record)
      if (stream === undefined) log.streams.set(event.stream, [record])
      else stream.push(record)
    }
    log.changed.notify()
    return sealed.results
  }

  const store: MemoryEventStore = {
    append: async (stream, events, appendOptions) => {
      const write = { stream, events, expectedRevision: appendOptions.expectedRevision }
      const [result] = commit([write], appendOptions)
      assert(result !== undefined, 'one write has one result')
      return result
    },
    readStream: (stream, readOptions = {}) =>
      page(() => {
        ensureOpen()
        checkStreamName(stream)
        const from = checkOffset('fromRevision', readOptions.fromRevision)
        const maxCount = checkMaxCount(readOptions.maxCount)
        const events = log.streams.get(stream) ?? []
        const start = indexFrom(events, from, 'revision')
        return events.slice(start, start + maxCount)
      }),
    readLastRevision: async (stream) => {
      ensureOpen()
      const events = log.streams.get(stream)
      // A stored stream's name passed the check when it was first written.
      if (events === undefined) checkStreamName(stream)
      return events?.at(-1)?.envelope.revision ?? 'no_stream'
    },
    readAll: (readOptions = {}) =>
      page(() => {
        ensureOpen()
        const from = checkOffset('fromPosition', readOptions.fromPosition)
        const maxCount = checkMaxCount(readOptions.maxCount)
        const start = indexFrom(log.events, from, 'position')
        return log.events.slice(start, start + maxCount)
      }),
    subscribeToAll: (subscribeOptions, handler) => {
      ensureOpen()
      const from = checkOffset('fromPosition', subscribeOptions.fromPosition)
      const subscription = startMemorySubscription(log, from, handler, (finished) =>
        subscriptions.delete(finished),
      )
      subscriptions.add(subscription)
      return subscription
    },
    readHead: async () => {
      ensureOpen()
      return headOf(log.events)
    },
    readSnapshot: async (stream) => {
      ensureOpen()
      return log.snapshots.get(checkStreamName(stream))
    },
    writeSnapshot: async (stream, input) => {
      ensureOpen()
      checkStreamName(stream)
      const snapshot = checkSnapshot(input)
      const events = log.streams.get(stream) ?? []
      const at = events[indexFrom(events, snapshot.revision, 'revision')]?.envelope
      checkSnapshotEvent(stream, snapshot, at)
      const state = JSON.parse(snapshot.stateJson) as JsonValue
      const recordedAt = recordedInstant(clock(), undefined).toISOString()
      const { revision, eventHash, schemaVersion } = snapshot
      log.snapshots.set(
        stream,
        deepFreeze({ stream, revision, eventHash, schemaVersion, state, recordedAt }),
      )
    },
    readSnapshots: (pageOptions) =>
      snapshotPage(() => {
        ensureOpen()
        const { afterStream, maxCount } = checkSnapshotsPage(pageOptions)
        // Sorted per page: snapshots are few (one per long stream) and audits rare.
        const streams = [...log.snapshots.keys()]
          .filter((stream) => afterStream === undefined || stream > afterStream)
          .sort()
          .slice(0, maxCount)
        return streams.map((stream) => log.snapshots.get(stream)!)
      }),
    deleteSnapshot: async (stream) => {
      ensureOpen()
      log.snapshots.delete(checkStreamName(stream))
    },
    importCommit: async (events) => {
      ensureOpen()
      const lastRevision = (stream: string) => log.streams.get(stream)?.at(-1)?.envelope.revision
      // Checked whole before the first push, so a refused commit leaves nothing behind.
      const imported = checkImportedCommit(events, headOf(log.events), lastRevision)
      for (const { dataJson: _dataJson, ...event } of imported) {
        const record = builtRecord(event)
        log.events.push(record)
        const stream = log.streams.get(event.stream)
        if (stream === undefined) log.streams.set(event.stream, [record])
        else stream.push(record)
      }
      const recordedMs = Date.parse(imported.at(-1)!.recordedAt)
      // Later commits are never recorded before the imported ones.
      if (Number.isFinite(recordedMs)) lastRecordedMs = Math.max(lastRecordedMs ?? 0, recordedMs)
      log.changed.notify()
    },
    close: async () => {
      isClosed = true
      await Promise.all([...subscriptions].map((subscription) => subscription.close()))
    },
    // Keys live as long as the streams they protect: a ledger restarted over this store (a crash
    // test's "new process") reads the destinations and fingerprints the first one sealed.
    keyVault: checkedKeyVault(createMemoryKeyVault(), ensureOpen),
  }
  if (options.atomicAppendMany === false) return attachMemoryTamper(store, log)
  const atomic: MemoryEventStore = {
    ...store,
    appendMany: async (writes, metadata = {}) => commit(writes, metadata),
  }
  return attachMemoryTamper(atomic, log)
}

// ---------------------------------------------------------------- helpers

// The page is taken at the first `next()`, so a rejection surfaces there and the page is a
// consistent slice even if appends happen while the caller iterates.
// Events are built from their records as they are yielded (each once per store, then shared).
async function* page(
  read: () => readonly MemoryRecord[],
): AsyncGenerator<StoredEvent, void, undefined> {
  for (const record of read()) yield eventOf(record)
}

async function* snapshotPage(
  read: () => readonly Snapshot[],
): AsyncGenerator<Snapshot, void, undefined> {
  yield* read()
}
