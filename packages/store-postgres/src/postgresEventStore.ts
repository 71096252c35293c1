// The PostgreSQL EventStore: one shared server, many writers in many processes. Events, snapshots
// and the key vault live in one PostgreSQL schema (default `wallet_ledger`), migrated on connect.
// Commits are serialised by an advisory lock (postgresCommit.ts), so positions are gap-free in
// commit order; subscriptions wake on LISTEN/NOTIFY (postgresListener.ts).
import pg from 'pg'
import {
  checkMaxCount,
  checkOffset,
  checkSnapshot,
  checkSnapshotEvent,
  checkSnapshotsPage,
  checkStreamName,
  configurationError,
  createEventIdSource,
  recordedInstant,
  storeError,
  GENESIS_COMMIT_HASH,
  type EventStore,
  type JsonValue,
  type KeyVault,
  type ProjectionStorage,
  type Snapshot,
  type StoredEvent,
  type Subscription,
} from '@wallet-ledger/core/adapter'
import { assert } from '@wallet-ledger/domain'
import { commitWrites, importCommitWrites, type CommitContext } from './postgresCommit.js'
import { storeFailure } from './postgresFailure.js'
import { createPostgresProjections } from './postgresProjections.js'
import { createPostgresKeyVault, type RunQuery } from './postgresKeyVault.js'
import { createChangeListener } from './postgresListener.js'
import { EVENT_COLUMNS, eventOfRow, type EventRow } from './postgresRows.js'
import { startPostgresSubscription } from './postgresSubscription.js'
import { migrate } from './schema/migrations.js'
import { DEFAULT_SCHEMA, channelOf, checkSchemaName, lockKeys } from './schema/names.js'

// ---------------------------------------------------------------- types

/** Options of `createPostgresEventStore`. */
export type PostgresEventStoreOptions = {
  /** A libpq-style URL, `postgres://user:password@host:port/database?sslmode=...`. */
  readonly connectionString: string
  /** Connections in the pool, 1..`POOL_SIZE_MAX`; default 10. Subscriptions add one listener. */
  readonly poolSize?: number
  /** The clock stamping `recordedAt`; default the system clock. A clock going back is ignored. */
  readonly clock?: () => Date
  /**
   * The PostgreSQL schema holding this store's tables, created if absent: lower-case letters,
   * digits and `_` (at most 48). Default `wallet_ledger`. Distinct schemas are distinct stores.
   */
  readonly schema?: string
  /** The longest a live subscription waits without a notification before reading again (ms). */
  readonly pollMs?: number
}

/** The PostgreSQL store: the whole port, snapshots, import and a key vault in one database. */
export type PostgresEventStore = Required<
  Pick<
    EventStore,
    | 'appendMany'
    | 'readLastRevision'
    | 'readSnapshot'
    | 'writeSnapshot'
    | 'readSnapshots'
    | 'deleteSnapshot'
    | 'importCommit'
  >
> &
  EventStore & { readonly keyVault: KeyVault; readonly projections: ProjectionStorage }

// ---------------------------------------------------------------- constants

/** The largest pool a store opens (PostgreSQL's default `max_connections` is 100). */
export const POOL_SIZE_MAX = 100
const POOL_SIZE_DEFAULT = 10
const POLL_MS_DEFAULT = 1_000
// A transaction left open by a stalled client would hold the commit lock: the server ends it.
const IDLE_IN_TRANSACTION_MS = 60_000

// ---------------------------------------------------------------- constructors

/**
 * Connects, creates or migrates the schema, and returns the store. Rejects with
 * `invalid_configuration` for bad options and `store_unavailable` when the server cannot be
 * reached. Close it with `close()`, which ends the pool.
 */
export const createPostgresEventStore = async (
  options: PostgresEventStoreOptions,
): Promise<PostgresEventStore> => {
  const settings = checkOptions(options)
  const clientConfig: pg.ClientConfig = {
    connectionString: options.connectionString,
    options: `-c search_path=${settings.schema} -c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
  }
  const pool = new pg.Pool({ ...clientConfig, max: settings.poolSize })
  // An idle client's failure (a restarted server) is reported here; the pool drops the client
  // and the next query connects again, so there is nothing to do but not crash.
  pool.on('error', () => undefined)
  try {
    const client = await pool.connect()
    try {
      await migrate(client, settings.schema)
    } finally {
      client.release()
    }
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw storeFailure(error, 'connecting and migrating')
  }
  return storeOn(pool, clientConfig, settings)
}

// ---------------------------------------------------------------- operations

type Settings = {
  readonly schema: string
  readonly poolSize: number
  readonly pollMs: number
  readonly clock: () => Date
}

const storeOn = (
  pool: pg.Pool,
  clientConfig: pg.ClientConfig,
  settings: Settings,
): PostgresEventStore => {
  const channel = channelOf(settings.schema)
  const listener = createChangeListener({ clientConfig, channel, pollMs: settings.pollMs })
  const subscriptions = new Set<Subscription>()
  const context: CommitContext = {
    pool,
    commitLock: lockKeys(settings.schema, 'commit'),
    channel,
    clock: settings.clock,
    nextEventId: createEventIdSource(),
    lastRecordedMs: undefined,
  }
  let closing: Promise<void> | undefined

  const ensureOpen = (): void => {
    if (closing !== undefined) throw storeError('store_closed', 'the event store is closed')
  }
  const query: RunQuery = async <Row>(doing: string, sql: string, values: readonly unknown[]) => {
    ensureOpen()
    try {
      return (await pool.query(sql, [...values])).rows as Row[]
    } catch (error) {
      throw storeFailure(error, doing)
    }
  }
  const commit: typeof commitWrites = async (...parameters) => {
    ensureOpen()
    const results = await commitWrites(...parameters)
    listener.notify()
    return results
  }
  const readAllPage = async (fromPosition: bigint, maxCount: number): Promise<StoredEvent[]> => {
    const rows = await query<EventRow>(
      'reading the log',
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= $1 ORDER BY position LIMIT $2`,
      [fromPosition.toString(), maxCount],
    )
    return rows.map(eventOfRow)
  }

  return {
    append: async (stream, events, appendOptions) => {
      const write = { stream, events, expectedRevision: appendOptions.expectedRevision }
      const [result] = await commit(context, [write], appendOptions)
      assert(result !== undefined, 'one write has one result')
      return result
    },
    appendMany: (writes, metadata = {}) => commit(context, writes, metadata),
    readStream: (stream, readOptions = {}) =>
      page(async () => {
        ensureOpen()
        checkStreamName(stream)
        const from = checkOffset('fromRevision', readOptions.fromRevision)
        const maxCount = checkMaxCount(readOptions.maxCount)
        const rows = await query<EventRow>(
          'reading a stream',
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = $1 AND revision >= $2 ` +
            'ORDER BY revision LIMIT $3',
          [stream, from.toString(), maxCount],
        )
        return rows.map(eventOfRow)
      }),
    readLastRevision: async (stream) => {
      ensureOpen()
      checkStreamName(stream)
      const rows = await query<{ last: string | null }>(
        'reading a revision',
        'SELECT max(revision)::text AS last FROM events WHERE stream = $1',
        [stream],
      )
      const last = rows[0]?.last
      return last === null || last === undefined ? 'no_stream' : BigInt(last)
    },
    readAll: (readOptions = {}) =>
      page(async () => {
        ensureOpen()
        const from = checkOffset('fromPosition', readOptions.fromPosition)
        return readAllPage(from, checkMaxCount(readOptions.maxCount))
      }),
    subscribeToAll: (subscribeOptions, handler) => {
      ensureOpen()
      const from = checkOffset('fromPosition', subscribeOptions.fromPosition)
      const source = {
        listener,
        readPage: (next: bigint) => readAllPage(next, SUBSCRIPTION_PAGE_EVENTS),
        isOpen: () => closing === undefined,
      }
      const subscription = startPostgresSubscription(source, from, handler, (finished) =>
        subscriptions.delete(finished),
      )
      subscriptions.add(subscription)
      return subscription
    },
    readHead: async () => {
      const rows = await query<{ position: string; commit_hash: string }>(
        'reading the head',
        'SELECT position, commit_hash FROM events ORDER BY position DESC LIMIT 1',
        [],
      )
      const last = rows[0]
      return last === undefined
        ? { commitHash: GENESIS_COMMIT_HASH, nextPosition: 0n }
        : { commitHash: last.commit_hash, nextPosition: BigInt(last.position) + 1n }
    },
    readSnapshot: async (stream) => {
      ensureOpen()
      checkStreamName(stream)
      const rows = await query<SnapshotRow>(
        'reading a snapshot',
        `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE stream = $1`,
        [stream],
      )
      return rows[0] === undefined ? undefined : snapshotOfRow(rows[0])
    },
    writeSnapshot: async (stream, input) => {
      ensureOpen()
      checkStreamName(stream)
      const snapshot = checkSnapshot(input)
      const found = await query<{ revision: string; hash: string }>(
        'reading a snapshot event',
        'SELECT revision, hash FROM events WHERE stream = $1 AND revision = $2',
        [stream, snapshot.revision.toString()],
      )
      const at = found[0]
      // Events are append-only, so the event checked here is still the one when the row lands.
      checkSnapshotEvent(
        stream,
        snapshot,
        at === undefined ? undefined : { revision: BigInt(at.revision), hash: at.hash },
      )
      const recordedAt = recordedInstant(settings.clock(), undefined).toISOString()
      await query(
        'writing a snapshot',
        `INSERT INTO snapshots (${SNAPSHOT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) ` +
          'ON CONFLICT (stream) DO UPDATE SET revision = EXCLUDED.revision, ' +
          'event_hash = EXCLUDED.event_hash, schema_version = EXCLUDED.schema_version, ' +
          'state = EXCLUDED.state, recorded_at = EXCLUDED.recorded_at',
        [
          stream,
          snapshot.revision.toString(),
          snapshot.eventHash,
          snapshot.schemaVersion,
          snapshot.stateJson,
          recordedAt,
        ],
      )
    },
    readSnapshots: (pageOptions) =>
      page(async () => {
        ensureOpen()
        const { afterStream, maxCount } = checkSnapshotsPage(pageOptions)
        // COLLATE "C" orders by code point, which for stream names (ASCII) is code-unit order.
        const rows = await query<SnapshotRow>(
          'reading snapshots',
          `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots ` +
            'WHERE $1::text IS NULL OR stream COLLATE "C" > $1::text ' +
            'ORDER BY stream COLLATE "C" LIMIT $2',
          [afterStream ?? null, maxCount],
        )
        return rows.map(snapshotOfRow)
      }),
    deleteSnapshot: async (stream) => {
      ensureOpen()
      checkStreamName(stream)
      await query('deleting a snapshot', 'DELETE FROM snapshots WHERE stream = $1', [stream])
    },
    importCommit: async (events) => {
      ensureOpen()
      await importCommitWrites(context, events)
      listener.notify()
    },
    keyVault: createPostgresKeyVault(query),
    projections: createPostgresProjections(pool, query, ensureOpen),
    close: () => {
      closing ??= (async () => {
        await Promise.all([...subscriptions].map((subscription) => subscription.close()))
        await listener.close()
        await pool.end()
      })()
      return closing
    },
  }
}

// ---------------------------------------------------------------- helpers

// Small enough that a subscription holds little memory, large enough that catching up is quick.
const SUBSCRIPTION_PAGE_EVENTS = 256

const SNAPSHOT_COLUMNS = 'stream, revision, event_hash, schema_version, state, recorded_at'

type SnapshotRow = {
  readonly stream: string
  readonly revision: string
  readonly event_hash: string
  readonly schema_version: number
  readonly state: string
  readonly recorded_at: string
}

const snapshotOfRow = (row: SnapshotRow): Snapshot => ({
  stream: row.stream,
  revision: BigInt(row.revision),
  eventHash: row.event_hash,
  schemaVersion: row.schema_version,
  state: JSON.parse(row.state) as JsonValue,
  recordedAt: row.recorded_at,
})

// The page is read at the first `next()`, so a rejection surfaces there.
async function* page<Item>(read: () => Promise<readonly Item[]>): AsyncGenerator<Item, void> {
  yield* await read()
}

const checkOptions = (options: PostgresEventStoreOptions): Settings => {
  if (typeof options.connectionString !== 'string' || options.connectionString.length === 0) {
    throw configurationError('store: connectionString must be a non-empty string')
  }
  const poolSize = options.poolSize ?? POOL_SIZE_DEFAULT
  if (!Number.isSafeInteger(poolSize) || poolSize < 1 || poolSize > POOL_SIZE_MAX) {
    throw configurationError(`store: poolSize must be an integer in 1..${POOL_SIZE_MAX}`)
  }
  const pollMs = options.pollMs ?? POLL_MS_DEFAULT
  if (!Number.isSafeInteger(pollMs) || pollMs < 10 || pollMs > 60_000) {
    throw configurationError('store: pollMs must be an integer in 10..60000')
  }
  return {
    schema: checkSchemaName(options.schema ?? DEFAULT_SCHEMA),
    poolSize,
    pollMs,
    clock: options.clock ?? (() => new Date()),
  }
}
