// The events table's columns as SQL text and rows, and the conversions between a row and a
// `StoredEvent`. int8 columns arrive as decimal strings (the driver's default), never as numbers,
// so positions and revisions reach `BigInt` exactly.
import { assert } from '@wallet-ledger/domain'
import { storedEventOf, type SealedEvent, type StoredEvent } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- types

/** One row of `events` as the driver returns it. */
export type EventRow = {
  readonly position: string
  readonly stream: string
  readonly revision: string
  readonly event_id: string
  readonly recorded_at: string
  readonly correlation_id: string
  readonly causation_id: string | null
  readonly actor: string | null
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly hash: string
  readonly commit_hash: string
}

// ---------------------------------------------------------------- constants

/** The events table's columns in the order of `EventRow` and of `insertEventsParameters`. */
export const EVENT_COLUMNS =
  'position, stream, revision, event_id, recorded_at, correlation_id, causation_id, actor, type, ' +
  'schema_version, data, hash, commit_hash'

// The element type of each column's array parameter, in `EVENT_COLUMNS` order.
const COLUMN_TYPES = [
  'bigint',
  'text',
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'integer',
  'text',
  'text',
  'text',
]

/**
 * Inserts a commit's events from one array parameter per column ($1..$13), then announces the
 * commit on the channel $14 with the payload $15, in the same statement and transaction: a
 * listener hears it only if the commit lands.
 */
export const INSERT_EVENTS_AND_NOTIFY =
  `WITH inserted AS (INSERT INTO events (${EVENT_COLUMNS}) SELECT * FROM unnest(` +
  COLUMN_TYPES.map((type, index) => `$${index + 1}::${type}[]`).join(', ') +
  `) RETURNING position) ` +
  `SELECT pg_notify($${COLUMN_TYPES.length + 1}, $${COLUMN_TYPES.length + 2}), ` +
  `(SELECT count(*) FROM inserted) AS inserted`

// ---------------------------------------------------------------- operations

/** The `StoredEvent` of a row, its data parsed from the stored canonical text. */
export const eventOfRow = (row: EventRow): StoredEvent =>
  storedEventOf(
    {
      eventId: row.event_id,
      stream: row.stream,
      revision: BigInt(row.revision),
      position: BigInt(row.position),
      recordedAt: row.recorded_at,
      correlationId: row.correlation_id,
      causationId: row.causation_id,
      actor: row.actor,
      type: row.type,
      schemaVersion: row.schema_version,
      hash: row.hash,
      commitHash: row.commit_hash,
    },
    row.data,
  )

/** The 13 column arrays of `INSERT_EVENTS_AND_NOTIFY` for a sealed commit's events. */
export const insertEventsParameters = (events: readonly SealedEvent[]): unknown[][] => {
  assert(events.length > 0, 'a commit inserts at least one event')
  const columns: unknown[][] = COLUMN_TYPES.map(() => [])
  for (const event of events) {
    const values = [
      event.position.toString(),
      event.stream,
      event.revision.toString(),
      event.eventId,
      event.recordedAt,
      event.correlationId,
      event.causationId,
      event.actor,
      event.type,
      event.schemaVersion,
      event.dataJson,
      event.hash,
      event.commitHash,
    ]
    values.forEach((value, index) => columns[index]!.push(value))
  }
  return columns
}
