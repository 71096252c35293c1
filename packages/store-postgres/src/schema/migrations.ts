// The PostgreSQL schema, as numbered migrations applied on connect inside one transaction that
// holds an advisory lock, so several processes connecting at once migrate once. The same tables
// as the SQLite store: events, snapshots, vault_keys, and `schema_version`. A database that a newer
// package migrated is refused, never guessed at.
import type { PoolClient } from 'pg'
import { latestSchemaVersion, pendingMigrations, type Migration } from '@wallet-ledger/core/adapter'
import { lockKeys, quoteIdentifier } from './names.js'

// ---------------------------------------------------------------- constants

// Text columns keep exactly what was hashed: `data` is the canonical JSON text (jsonb would
// reorder keys and rewrite numbers), `recorded_at` the ISO string of the envelope. Events are
// append-only: triggers refuse UPDATE, DELETE and TRUNCATE, so only someone who drops the
// triggers can change history, and the hash chains then show it to audit().
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE events (
        position bigint PRIMARY KEY CHECK (position >= 0),
        stream text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        event_id text NOT NULL UNIQUE,
        recorded_at text NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        actor text,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL,
        hash text NOT NULL,
        commit_hash text NOT NULL,
        UNIQUE (stream, revision)
      )`,
      `CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'events are append-only'; END $$`,
      `CREATE TRIGGER events_append_only_rows BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_append_only()`,
      `CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
      `CREATE TABLE snapshots (
        stream text COLLATE "C" PRIMARY KEY,
        revision bigint NOT NULL,
        event_hash text NOT NULL,
        schema_version integer NOT NULL,
        state text NOT NULL,
        recorded_at text NOT NULL
      )`,
      `CREATE TABLE vault_keys (
        owner_id text PRIMARY KEY,
        key bytea NOT NULL CHECK (length(key) = 32)
      )`,
    ],
  },
  // The persisted projections (core's ProjectionTables), one set per ledger namespace, the same
  // tables as SQLite's. "C" collation: keys page in code-unit order, as the queries compare them.
  {
    version: 2,
    statements: [
      `CREATE TABLE projection_checkpoints (
        ledger text COLLATE "C" PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0),
        version text NOT NULL
      )`,
      `CREATE TABLE projection_states (
        ledger text COLLATE "C" NOT NULL,
        scope text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (ledger, scope, key)
      )`,
      `CREATE TABLE projection_history (
        ledger text COLLATE "C" NOT NULL,
        account_id text COLLATE "C" NOT NULL,
        row_id text COLLATE "C" NOT NULL,
        slot bigint NOT NULL CHECK (slot >= 0),
        asset text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (ledger, account_id, row_id)
      )`,
      `CREATE UNIQUE INDEX projection_history_slot
        ON projection_history (ledger, account_id, slot)`,
      `CREATE TABLE projection_directory (
        ledger text COLLATE "C" NOT NULL,
        account_id text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (ledger, account_id)
      )`,
      `CREATE INDEX projection_directory_kind ON projection_directory (ledger, kind, account_id)`,
      `CREATE TABLE projection_balance_steps (
        ledger text COLLATE "C" NOT NULL,
        stream text COLLATE "C" NOT NULL,
        position bigint NOT NULL,
        at_ms bigint NOT NULL,
        is_ordered boolean NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (ledger, stream, position)
      )`,
      `CREATE INDEX projection_balance_steps_at
        ON projection_balance_steps (ledger, stream, at_ms, position)`,
    ],
  },
]

/** The schema version this package writes. */
export const SCHEMA_VERSION = latestSchemaVersion(MIGRATIONS)

// ---------------------------------------------------------------- operations

/**
 * Creates the schema (a PostgreSQL schema, i.e. a namespace) if absent and brings its tables to
 * `SCHEMA_VERSION`. Throws `invalid_configuration` when a newer package migrated it. The client's
 * `search_path` must already name `schema`.
 */
export const migrate = async (client: PoolClient, schema: string): Promise<void> => {
  const [classId, objectId] = lockKeys(schema, 'migrate')
  await client.query('BEGIN')
  try {
    // Taken before looking: a second process waits here, then finds the work done.
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [classId, objectId])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`)
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, ' +
        'applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const found = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_version',
    )
    const pending = pendingMigrations(
      MIGRATIONS,
      found.rows[0]?.version ?? 0,
      (version, latest) =>
        `store: schema ${schema} has version ${version}, newer than ${latest} that this ` +
        '@wallet-ledger/store-postgres knows; upgrade the package (nothing was changed)',
    )
    for (const migration of pending) {
      for (const statement of migration.statements) await client.query(statement)
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migration.version])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}
