// The embedded SQLite EventStore: one file in WAL mode, events in an append-only table with both
// hash chains, optimistic concurrency by the unique (stream, revision), positions assigned inside
// the write transaction (commits are serialised by SQLite's write lock, so a reader paging by
// position never passes an event that commits later), snapshots and the key vault in tables of
// the same file. Several processes may open one file; see docs/adapters.md.
import {
  GENESIS_COMMIT_HASH,
  checkImportedCommit,
  checkMaxCount,
  checkMetadata,
  checkOffset,
  checkSnapshot,
  checkSnapshotEvent,
  checkSnapshotsPage,
  checkStreamName,
  checkWrites,
  createSignal,
  storeError,
} from '@wallet-ledger/core/adapter'
import type {
  EventStore,
  JsonValue,
  KeyVault,
  ProjectionStorage,
  Snapshot,
  StoredEvent,
  Subscription,
} from '@wallet-ledger/core/adapter'
import {
  checkOptions,
  openDatabase,
  writeRetrying,
  type SqliteEventStoreOptions,
} from './sqliteConnection.js'
import { guarded } from './sqliteFailure.js'
import { createSqliteKeyVault } from './sqliteKeyVault.js'
import { createSqliteProjections } from './sqliteProjections.js'
import {
  eventOfRow,
  prepareStatements,
  rowOfSealed,
  type EventRow,
  type HeadRow,
} from './sqliteStatements.js'
import { startSqliteSubscription } from './sqliteSubscription.js'
import { createSqliteWriter } from './sqliteWriter.js'

// ---------------------------------------------------------------- types

export type { SqliteEventStoreOptions, SqliteSynchronous } from './sqliteConnection.js'

/** The SQLite store: the port, with `appendMany`, `readLastRevision`, snapshots and a key vault. */
export type SqliteEventStore = EventStore & {
  readonly keyVault: KeyVault
  readonly projections: ProjectionStorage
}

// ---------------------------------------------------------------- constants

/** SQLite's largest integer: no position or revision can be beyond it. */
const INTEGER_MAX = 2n ** 63n - 1n
/** A subscription reads this many events per query. */
const SUBSCRIPTION_PAGE_EVENTS = 256

// ---------------------------------------------------------------- constructors

/**
 * Opens (creating and migrating if needed) a store on one SQLite file. Throws an
 * `invalid_configuration` error for bad options, a file that is not a wallet-ledger store or one a
 * newer version wrote, and `store_unavailable` when the file cannot be opened.
 *
 * @example
 * const store = createSqliteEventStore({ path: './wallet.db', synchronous: 'FULL' })
 */
export const createSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const settings = checkOptions(options)
  const db = openDatabase(options.path, settings)
  const statements = prepareStatements(db)
  const changed = createSignal()
  const subscriptions = new Set<Subscription>()
  let isClosed = false

  const ensureOpen = (): void => {
    if (isClosed) throw storeError('store_closed', 'the event store is closed')
  }
  const writer = createSqliteWriter({
    statements,
    clock: settings.clock,
    busyRetryMs: settings.busyRetryMs,
    onCommitted: () => changed.notify(),
  })
  const write = async <Value>(doing: string, operation: () => Value): Promise<Value> =>
    writeRetrying(statements, settings.busyRetryMs, doing, operation)
  const readPage = (fromPosition: bigint, maxCount: number): StoredEvent[] => {
    ensureOpen()
    if (fromPosition > INTEGER_MAX) return []
    return guarded('reading the log', () =>
      (statements.readAll.all(fromPosition, maxCount) as EventRow[]).map(eventOfRow),
    )
  }

  const store: SqliteEventStore = {
    append: async (stream, events, appendOptions) => {
      ensureOpen()
      const writes = checkWrites([
        { stream, events, expectedRevision: appendOptions.expectedRevision },
      ])
      const metadata = checkMetadata(metadataOf(appendOptions))
      const [result] = await writer.submit(writes, metadata)
      if (result === undefined) throw storeError('store_unavailable', 'a write had no result')
      return result
    },
    appendMany: async (writes, metadata = {}) => {
      ensureOpen()
      const checked = checkWrites(writes)
      return writer.submit(checked, checkMetadata(metadataOf(metadata)))
    },
    readStream: (stream, readOptions = {}) =>
      page(() => {
        ensureOpen()
        checkStreamName(stream)
        const from = checkOffset('fromRevision', readOptions.fromRevision)
        const maxCount = checkMaxCount(readOptions.maxCount)
        if (from > INTEGER_MAX) return []
        return guarded('reading a stream', () =>
          (statements.readStream.all(stream, from, maxCount) as EventRow[]).map(eventOfRow),
        )
      }),
    readLastRevision: async (stream) => {
      ensureOpen()
      checkStreamName(stream)
      const last = guarded('reading a revision', () => statements.lastRevision.get(stream))
      return typeof last === 'bigint' ? last : 'no_stream'
    },
    readAll: (readOptions = {}) =>
      page(() => {
        ensureOpen()
        const from = checkOffset('fromPosition', readOptions.fromPosition)
        return readPage(from, checkMaxCount(readOptions.maxCount))
      }),
    subscribeToAll: (subscribeOptions, handler) => {
      ensureOpen()
      const from = checkOffset('fromPosition', subscribeOptions.fromPosition)
      const source = {
        readPage: (position: bigint) => readPage(position, SUBSCRIPTION_PAGE_EVENTS),
        dataVersion: () => (isClosed ? undefined : statements.dataVersion.get()),
        changed,
        pollIntervalMs: settings.pollIntervalMs,
      }
      const subscription = startSqliteSubscription(source, from, handler, (finished) =>
        subscriptions.delete(finished),
      )
      subscriptions.add(subscription)
      return subscription
    },
    readHead: async () => {
      ensureOpen()
      const row = guarded('reading the head', () => statements.head.get() as HeadRow | undefined)
      return row === undefined
        ? { commitHash: GENESIS_COMMIT_HASH, nextPosition: 0n }
        : { commitHash: row.commit_hash, nextPosition: row.position + 1n }
    },
    readSnapshot: async (stream) => {
      ensureOpen()
      checkStreamName(stream)
      const row = guarded('reading a snapshot', () => statements.readSnapshot.get(stream))
      return row === undefined ? undefined : snapshotOfRow(row as SnapshotRow)
    },
    writeSnapshot: async (stream, input) => {
      ensureOpen()
      checkStreamName(stream)
      const snapshot = checkSnapshot(input)
      const recordedAt = settings.clock().toISOString()
      await write('writing a snapshot', () => {
        const hash =
          snapshot.revision > INTEGER_MAX
            ? undefined
            : statements.eventHashAt.get(stream, snapshot.revision)
        const stored = typeof hash === 'string' ? { revision: snapshot.revision, hash } : undefined
        checkSnapshotEvent(stream, snapshot, stored)
        statements.writeSnapshot.run(
          stream,
          snapshot.revision,
          snapshot.eventHash,
          snapshot.schemaVersion,
          snapshot.stateJson,
          recordedAt,
        )
      })
    },
    readSnapshots: (pageOptions) =>
      page(() => {
        ensureOpen()
        const { afterStream, maxCount } = checkSnapshotsPage(pageOptions)
        // '' sorts before every stream name, so it pages from the first.
        const rows = guarded('reading snapshots', () =>
          statements.readSnapshots.all(afterStream ?? '', maxCount),
        )
        return (rows as SnapshotRow[]).map(snapshotOfRow)
      }),
    deleteSnapshot: async (stream) => {
      ensureOpen()
      checkStreamName(stream)
      await write('deleting a snapshot', () => statements.deleteSnapshot.run(stream))
    },
    importCommit: async (events) => {
      ensureOpen()
      await write('importing a commit', () => {
        const head = statements.head.get() as HeadRow | undefined
        const imported = checkImportedCommit(
          events,
          head === undefined
            ? { commitHash: GENESIS_COMMIT_HASH, nextPosition: 0n }
            : { commitHash: head.commit_hash, nextPosition: head.position + 1n },
          (stream) => {
            const last = statements.lastRevision.get(stream)
            return typeof last === 'bigint' ? last : undefined
          },
        )
        for (const event of imported) statements.insertEvent.run(rowOfSealed(event))
      })
    },
    keyVault: createSqliteKeyVault(statements, write, ensureOpen),
    projections: createSqliteProjections(db, write, ensureOpen),
    close: async () => {
      if (isClosed) return
      isClosed = true
      await Promise.all([...subscriptions].map((subscription) => subscription.close()))
      await writer.idle()
      db.close()
    },
  }
  return store
}

// ---------------------------------------------------------------- helpers

type SnapshotRow = {
  readonly stream: string
  readonly revision: bigint
  readonly event_hash: string
  readonly schema_version: bigint
  readonly state: string
  readonly recorded_at: string
}

const metadataOf = (metadata: {
  readonly correlationId?: string
  readonly causationId?: string
  readonly actor?: string
}) => ({
  ...(metadata.correlationId === undefined ? {} : { correlationId: metadata.correlationId }),
  ...(metadata.causationId === undefined ? {} : { causationId: metadata.causationId }),
  ...(metadata.actor === undefined ? {} : { actor: metadata.actor }),
})

const snapshotOfRow = (row: SnapshotRow): Snapshot => ({
  stream: row.stream,
  revision: row.revision,
  eventHash: row.event_hash,
  schemaVersion: Number(row.schema_version),
  state: JSON.parse(row.state) as JsonValue,
  recordedAt: row.recorded_at,
})

// The page is read at the first `next()`, so a rejection surfaces there.
async function* page<Item>(read: () => readonly Item[]): AsyncGenerator<Item, void, undefined> {
  yield* read()
}
