// The prepared statements of one connection and the mapping between rows and StoredEvents. Integer
// columns are read as bigint (safeIntegers), so revisions and positions never pass through a number.
import type Database from 'better-sqlite3'
import { storedEventOf } from '@wallet-ledger/core/adapter'
import type { SealedEvent, StoredEvent } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- types

/** An `events` row as read with safe integers. */
export type EventRow = {
  readonly position: bigint
  readonly stream: string
  readonly revision: bigint
  readonly event_id: string
  readonly recorded_at: string
  readonly correlation_id: string
  readonly causation_id: string | null
  readonly actor: string | null
  readonly type: string
  readonly schema_version: bigint
  readonly data: string
  readonly hash: string
  readonly commit_hash: string
}

/** The last event's fields the writer and `readHead` need. */
export type HeadRow = {
  readonly position: bigint
  readonly commit_hash: string
  readonly recorded_at: string
}

type Statement = Database.Statement<unknown[], unknown>

/** Every statement the store runs, prepared once per connection. */
export type SqliteStatements = { readonly [Name in StatementName]: Statement }

type StatementName =
  | 'begin'
  | 'commit'
  | 'rollback'
  | 'savepoint'
  | 'release'
  | 'rollbackTo'
  | 'insertEvent'
  | 'head'
  | 'lastRevision'
  | 'readStream'
  | 'readAll'
  | 'eventHashAt'
  | 'readSnapshot'
  | 'readSnapshots'
  | 'writeSnapshot'
  | 'deleteSnapshot'
  | 'insertKey'
  | 'findKey'
  | 'eraseKey'
  | 'dataVersion'

// ---------------------------------------------------------------- constructors

const EVENT_COLUMNS =
  'position, stream, revision, event_id, recorded_at, correlation_id, causation_id, actor, ' +
  'type, schema_version, data, hash, commit_hash'

/** Prepares the store's statements on `db` (after the schema is migrated). */
export const prepareStatements = (db: Database.Database): SqliteStatements => {
  const reading = (sql: string): Statement => db.prepare(sql).safeIntegers(true)
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT command'),
    release: db.prepare('RELEASE command'),
    rollbackTo: db.prepare('ROLLBACK TO command'),
    insertEvent: db.prepare(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES ` +
        '(@position, @stream, @revision, @eventId, @recordedAt, @correlationId, @causationId, ' +
        '@actor, @type, @schemaVersion, @data, @hash, @commitHash)',
    ),
    head: reading(
      'SELECT position, commit_hash, recorded_at FROM events ORDER BY position DESC LIMIT 1',
    ),
    lastRevision: reading(
      'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ).pluck(),
    readStream: reading(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ` +
        'ORDER BY revision LIMIT ?',
    ),
    readAll: reading(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
    ),
    eventHashAt: reading('SELECT hash FROM events WHERE stream = ? AND revision = ?').pluck(),
    readSnapshot: reading(
      'SELECT stream, revision, event_hash, schema_version, state, recorded_at ' +
        'FROM snapshots WHERE stream = ?',
    ),
    readSnapshots: reading(
      'SELECT stream, revision, event_hash, schema_version, state, recorded_at ' +
        'FROM snapshots WHERE stream > ? ORDER BY stream LIMIT ?',
    ),
    writeSnapshot: db.prepare(
      'INSERT INTO snapshots (stream, revision, event_hash, schema_version, state, recorded_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, ' +
        'event_hash = excluded.event_hash, schema_version = excluded.schema_version, ' +
        'state = excluded.state, recorded_at = excluded.recorded_at',
    ),
    deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE stream = ?'),
    insertKey: db.prepare(
      'INSERT INTO vault_keys (owner_id, key) VALUES (?, ?) ON CONFLICT (owner_id) DO NOTHING',
    ),
    findKey: db.prepare('SELECT key FROM vault_keys WHERE owner_id = ?').pluck(),
    eraseKey: db.prepare('DELETE FROM vault_keys WHERE owner_id = ?'),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
  }
}

// ---------------------------------------------------------------- operations

/** The StoredEvent of a row: the data parsed from the stored canonical text. */
export const eventOfRow = (row: EventRow): StoredEvent =>
  storedEventOf(
    {
      eventId: row.event_id,
      stream: row.stream,
      revision: row.revision,
      position: row.position,
      recordedAt: row.recorded_at,
      correlationId: row.correlation_id,
      causationId: row.causation_id,
      actor: row.actor,
      type: row.type,
      schemaVersion: Number(row.schema_version),
      hash: row.hash,
      commitHash: row.commit_hash,
    },
    row.data,
  )

/** The named parameters of a sealed event's INSERT. */
export const rowOfSealed = (event: SealedEvent) => ({
  position: event.position,
  stream: event.stream,
  revision: event.revision,
  eventId: event.eventId,
  recordedAt: event.recordedAt,
  correlationId: event.correlationId,
  causationId: event.causationId,
  actor: event.actor,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.dataJson,
  hash: event.hash,
  commitHash: event.commitHash,
})
