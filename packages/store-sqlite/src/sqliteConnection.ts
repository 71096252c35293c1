// Opening one connection to a store file: the options checked, WAL and `synchronous` set, the schema
// migrated; and the short write transactions outside the writer's batches (snapshots, keys).
import Database from 'better-sqlite3'
import { configurationError } from '@wallet-ledger/core/adapter'
import { migrate } from './schema/migrations.js'
import { busyBackoffMs, isBusy, toStoreError } from './sqliteFailure.js'
import type { SqliteStatements } from './sqliteStatements.js'

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

/** The options with their defaults applied, checked. */
export type Settings = {
  readonly clock: () => Date
  readonly synchronous: SqliteSynchronous
  readonly busyTimeoutMs: number
  readonly busyRetryMs: number
  readonly pollIntervalMs: number
}

// ---------------------------------------------------------------- constants

const BUSY_TIMEOUT_MS_DEFAULT = 20
const BUSY_RETRY_MS_DEFAULT = 5_000
const POLL_INTERVAL_MS_DEFAULT = 100

// ---------------------------------------------------------------- operations

/** Checks the options and applies the defaults; throws `invalid_configuration`. */
export const checkOptions = (options: SqliteEventStoreOptions): Settings => {
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

/** Opens the file in WAL mode and migrates it; throws `invalid_configuration` or `store_unavailable`. */
export const openDatabase = (path: string, settings: Settings): Database.Database => {
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

// A write outside the writer's batches (snapshots, keys): one short IMMEDIATE transaction,
// retried off the loop while another process holds the file.
export const writeRetrying = async <Value>(
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
