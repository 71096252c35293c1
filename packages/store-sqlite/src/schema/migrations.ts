// The SQLite schema, as numbered migrations applied on open inside one write transaction. A file
// records its version in `schema_version`; a file a newer package wrote is refused, never guessed at.
import type Database from 'better-sqlite3'
import {
  configurationError,
  latestSchemaVersion,
  pendingMigrations,
  type Migration,
} from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- constants

/** `PRAGMA application_id` of a wallet-ledger file ("WLLG"), so a foreign SQLite file is refused. */
export const APPLICATION_ID = 0x574c4c47

// Events are append-only: triggers refuse UPDATE and DELETE, so only someone editing the file
// outside this package can change history, and the hash chains then show it to audit().
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE events (
        position INTEGER PRIMARY KEY CHECK (position >= 0),
        stream TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 0),
        event_id TEXT NOT NULL UNIQUE,
        recorded_at TEXT NOT NULL,
        correlation_id TEXT NOT NULL,
        causation_id TEXT,
        actor TEXT,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        hash TEXT NOT NULL,
        commit_hash TEXT NOT NULL,
        UNIQUE (stream, revision)
      )`,
      `CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`,
      `CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`,
      `CREATE TABLE snapshots (
        stream TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        event_hash TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        state TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      )`,
      `CREATE TABLE vault_keys (
        owner_id TEXT PRIMARY KEY,
        key BLOB NOT NULL CHECK (length(key) = 32)
      )`,
    ],
  },
  // The persisted projections (core's ProjectionTables), one set per ledger namespace: the
  // checkpoint, the fold's working state, and three tables shaped for their queries.
  {
    version: 2,
    statements: [
      `CREATE TABLE projection_checkpoints (
        ledger TEXT PRIMARY KEY,
        position INTEGER NOT NULL CHECK (position >= 0),
        version TEXT NOT NULL
      )`,
      `CREATE TABLE projection_states (
        ledger TEXT NOT NULL,
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (ledger, scope, key)
      ) WITHOUT ROWID`,
      `CREATE TABLE projection_history (
        ledger TEXT NOT NULL,
        account_id TEXT NOT NULL,
        row_id TEXT NOT NULL,
        slot INTEGER NOT NULL CHECK (slot >= 0),
        asset TEXT NOT NULL,
        channel TEXT NOT NULL,
        status TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (ledger, account_id, row_id)
      )`,
      `CREATE UNIQUE INDEX projection_history_slot
        ON projection_history (ledger, account_id, slot)`,
      `CREATE TABLE projection_directory (
        ledger TEXT NOT NULL,
        account_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (ledger, account_id)
      ) WITHOUT ROWID`,
      `CREATE INDEX projection_directory_kind ON projection_directory (ledger, kind, account_id)`,
      `CREATE TABLE projection_balance_steps (
        ledger TEXT NOT NULL,
        stream TEXT NOT NULL,
        position INTEGER NOT NULL,
        at_ms INTEGER NOT NULL,
        is_ordered INTEGER NOT NULL CHECK (is_ordered IN (0, 1)),
        value TEXT NOT NULL,
        PRIMARY KEY (ledger, stream, position)
      ) WITHOUT ROWID`,
      `CREATE INDEX projection_balance_steps_at
        ON projection_balance_steps (ledger, stream, at_ms, position)`,
    ],
  },
]

/** The schema version this package writes. */
export const SCHEMA_VERSION = latestSchemaVersion(MIGRATIONS)

// ---------------------------------------------------------------- operations

/**
 * Brings the file's schema to `SCHEMA_VERSION`. Throws an `invalid_configuration` error for a file
 * that is not a wallet-ledger database or that a newer version of this package wrote.
 */
export const migrate = (db: Database.Database, path: string): void => {
  // A current file needs no write lock: in WAL a read never waits for other processes' writers,
  // so opening a busy file does not fail on busy_timeout.
  if (isCurrent(db)) return
  db.prepare('BEGIN IMMEDIATE').run()
  try {
    const pending = pendingMigrations(
      MIGRATIONS,
      currentVersion(db, path),
      (version, latest) =>
        `store: ${path} has schema version ${version}, newer than ${latest} that this ` +
        '@wallet-ledger/store-sqlite knows; upgrade the package (the file was not changed)',
    )
    for (const migration of pending) {
      for (const statement of migration.statements) db.prepare(statement).run()
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(migration.version)
    }
    db.prepare('COMMIT').run()
  } catch (error) {
    if (db.inTransaction) db.prepare('ROLLBACK').run()
    throw error
  }
}

// ---------------------------------------------------------------- helpers

const isCurrent = (db: Database.Database): boolean => {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return false
  const table = db
    .prepare(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
    )
    .get() as { n: number }
  if (table.n === 0) return false
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as {
    version: number | null
  }
  return row.version === SCHEMA_VERSION
}

const currentVersion = (db: Database.Database, path: string): number => {
  const applicationId = db.pragma('application_id', { simple: true }) as number
  const tables = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
    .get() as { n: number }
  if (applicationId === 0 && tables.n === 0) {
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.prepare('CREATE TABLE schema_version (version INTEGER NOT NULL)').run()
    return 0
  }
  if (applicationId !== APPLICATION_ID) {
    throw configurationError(`store: ${path} is an SQLite file but not a wallet-ledger store`)
  }
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as {
    version: number | null
  }
  return row.version ?? 0
}
