// The embedded SQLite EventStore: one file in WAL mode, events in an append-only table with both
// hash chains, optimistic concurrency by the unique (stream, revision), positions assigned inside
// the write transaction (commits are serialised by SQLite's write lock, so a reader paging by
// position never passes an event that commits later), snapshots and the key vault in tables of
// the same file. Several processes may open one file; see docs/adapters.md.
import Database from 'better-sqlite3'
import {
  GENESIS_COMMIT_HASH,
  checkMaxCount,
  checkMetadata,
  checkOffset,
  checkSnapshot,
  checkSnapshotEvent,
  checkSnapshotsPage,
  checkStreamName,
  checkWrites,
  configurationError,
  createSignal,
  storeError,
} from '@wallet-ledger/core/adapter'
import type {
  EventStore,
  JsonValue,
  KeyVault,
  Snapshot,
  StoredEvent,
  Subscription,
} from '@wallet-ledger/core/adapter'
import { migrate } from './schema/migrations.js'
import { busyBackoffMs, guarded, isBusy, toStoreError } from './sqliteFailure.js'
import { createSqliteKeyVault } from './sqliteKeyVault.js'
import {
  eventOfRow,
  prepareStatements,
  type EventRow,
  type HeadRow,
  type SqliteStatements,
} from './sqliteStatements.js'
import { startSqliteSubscription } from './sqliteSubscription.js'
import { createSqliteWriter } from './sqliteWriter.js'

// ---------------------------------------------------------------- types

/**
 * How often SQLite makes a commit durable. `NORMAL` (the default, in WAL mode): a commit is not
 * fsynced, only each checkpoint is; the file is never corrupted, but a power loss or OS crash may
 * roll back the last commits acknowledged before it (a process crash loses nothing). `FULL`: every
 * commit is fsynced before it is acknowledged, so an acknowledged payment survives a power loss,
 * at the price of one fsync per batch (group commit shares it among the commands of a batch).
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL'

/** Options of the SQLite store. */
export type SqliteEventStoreOptions = {
  /** The database file (created if absent), or `':memory:'` for a private in-memory database. */
  readonly path: string
  /** Durability of a commit; default `'NORMAL'` (see `SqliteSynchronous`). */
  readonly synchronous?: SqliteSynchronous
  /** The clock stamping `recordedAt`; default the system clock. A clock going back is ignored. */
  readonly clock?: () => Date
  /**
   * SQLite's `busy_timeout`: how long one statement waits, blocking the event loop, for a lock
   * another process holds. Default 20 ms; keep it small. Beyond it a write waits off the loop and
   * retries, for at most `busyRetryMs`.
   */
  readonly busyTimeoutMs?: number
  /** How long a write retries a file other processes keep locked before `store_unavailable`. */
  readonly busyRetryMs?: number
  /** How often a caught-up subscription looks for other processes' commits. Default 100 ms. */
  readonly pollIntervalMs?: number
}

/** The SQLite store: the port, with `appendMany`, `readLastRevision`, snapshots and a key vault. */
export type SqliteEventStore = EventStore & { readonly keyVault: KeyVault }

// ---------------------------------------------------------------- constants

const BUSY_TIMEOUT_MS_DEFAULT = 20
const BUSY_RETRY_MS_DEFAULT = 5_000
const POLL_INTERVAL_MS_DEFAULT = 100
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
    keyVault: createSqliteKeyVault(statements, write, ensureOpen),
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

type Settings = {
  readonly clock: () => Date
  readonly synchronous: SqliteSynchronous
  readonly busyTimeoutMs: number
  readonly busyRetryMs: number
  readonly pollIntervalMs: number
}

type SnapshotRow = {
  readonly stream: string
  readonly revision: bigint
  readonly event_hash: string
  readonly schema_version: bigint
  readonly state: string
  readonly recorded_at: string
}

const checkOptions = (options: SqliteEventStoreOptions): Settings => {
  if (
    typeof options.path !== 'string' ||
    options.path.length === 0 ||
    options.path.includes('\0')
  ) {
    throw configurationError('store: path must be a non-empty file path or ":memory:"')
  }
  const synchronous = options.synchronous ?? 'NORMAL'
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw configurationError(`store: synchronous must be "NORMAL" or "FULL", got ${synchronous}`)
  }
  const whole = (name: string, value: number | undefined, fallback: number, max: number) => {
    const found = value ?? fallback
    if (!Number.isSafeInteger(found) || found < 0 || found > max) {
      throw configurationError(`store: ${name} must be an integer in 0..${max}, got ${found}`)
    }
    return found
  }
  return {
    clock: options.clock ?? (() => new Date()),
    synchronous,
    busyTimeoutMs: whole('busyTimeoutMs', options.busyTimeoutMs, BUSY_TIMEOUT_MS_DEFAULT, 1_000),
    busyRetryMs: whole('busyRetryMs', options.busyRetryMs, BUSY_RETRY_MS_DEFAULT, 600_000),
    pollIntervalMs: Math.max(
      1,
      whole('pollIntervalMs', options.pollIntervalMs, POLL_INTERVAL_MS_DEFAULT, 60_000),
    ),
  }
}

const openDatabase = (path: string, settings: Settings): Database.Database => {
  let db: Database.Database | undefined
  try {
    db = new Database(path, { timeout: settings.busyTimeoutMs })
    // WAL lets readers run beside the one writer, in this and other processes.
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${settings.synchronous}`)
    db.pragma('foreign_keys = ON')
    db.pragma('secure_delete = ON')
    migrate(db, path)
    return db
  } catch (error) {
    db?.close()
    if ((error as { code?: unknown }).code === 'invalid_configuration') throw error
    throw toStoreError(error, `opening ${path}`)
  }
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

// A write outside the writer's batches (snapshots, keys): one short IMMEDIATE transaction,
// retried off the loop while another process holds the file.
const writeRetrying = async <Value>(
  statements: SqliteStatements,
  busyRetryMs: number,
  doing: string,
  operation: () => Value,
): Promise<Value> => {
  const startMs = performance.now()
  for (let attempt = 1; ; attempt += 1) {
    try {
      statements.begin.run()
    } catch (error) {
      if (!isBusy(error) || performance.now() - startMs >= busyRetryMs) {
        throw toStoreError(error, doing)
      }
      await new Promise((resolve) => setTimeout(resolve, busyBackoffMs(attempt)))
      continue
    }
    try {
      const value = operation()
      statements.commit.run()
      return value
    } catch (error) {
      try {
        statements.rollback.run()
      } catch {
        // SQLite may have rolled back already (some I/O errors end the transaction).
      }
      throw toStoreError(error, doing)
    }
  }
}

// The page is read at the first `next()`, so a rejection surfaces there.
async function* page<Item>(read: () => readonly Item[]): AsyncGenerator<Item, void, undefined> {
  yield* read()
}
