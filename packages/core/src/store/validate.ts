// Input checks every adapter runs before touching its storage, so every store rejects the same
// calls with the same codes (the contract suite checks them). Each check throws a StoreError;
// inside an async method that becomes the promise's rejection.
import { limits } from '@wallet-ledger/domain'
import type {
  CommitMetadata,
  ExpectedRevision,
  NewEvent,
  StreamWrite,
} from '../ports/eventStore.js'
import { storeError } from '../ports/storeError.js'
import { toCanonicalJson } from './canonicalJson.js'

// ---------------------------------------------------------------- types

/** An event whose data passed the JSON check: `dataJson` is its canonical text. */
export type CheckedEvent = NewEvent & { readonly dataJson: string }

/** A write whose stream, events and expected revision passed every check. */
export type CheckedWrite = {
  readonly stream: string
  readonly events: readonly CheckedEvent[]
  readonly expectedRevision: ExpectedRevision
}

// ---------------------------------------------------------------- operations

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]*$/
const EVENT_HASH = /^[0-9a-f]{64}$/

/** Rejects a stream name that is not 1..`STREAM_NAME_LENGTH_MAX` allowed characters. */
export const checkStreamName = (stream: unknown): string => {
  if (typeof stream !== 'string' || !STREAM_NAME.test(stream)) {
    throw storeError('invalid_stream_name', `invalid stream name ${JSON.stringify(stream)}`, {
      stream: String(stream),
    })
  }
  if (stream.length > limits.STREAM_NAME_LENGTH_MAX) {
    throw storeError(
      'invalid_stream_name',
      `stream name longer than ${limits.STREAM_NAME_LENGTH_MAX}`,
      {
        stream: stream.slice(0, 64),
      },
    )
  }
  return stream
}

/** Rejects a page size that is not an integer in 1..`READ_PAGE_EVENTS_MAX`; absent means the max. */
export const checkMaxCount = (maxCount: number | undefined): number =>
  checkPageSize(maxCount, 'READ_PAGE_EVENTS_MAX')

// A page size in 1..the named limit; absent means the limit.
const checkPageSize = (
  maxCount: number | undefined,
  limit: 'READ_PAGE_EVENTS_MAX' | 'READ_PAGE_SNAPSHOTS_MAX',
): number => {
  const max = limits[limit]
  if (maxCount === undefined) return max
  if (!Number.isSafeInteger(maxCount) || maxCount < 1) {
    throw storeError('invalid_argument', `maxCount must be a positive integer, got ${maxCount}`)
  }
  if (maxCount > max) {
    throw storeError('limit_exceeded', `maxCount ${maxCount} is over ${limit}`, { limit, max })
  }
  return maxCount
}

/** Rejects a revision or position that is not a non-negative bigint; absent means `0n`. */
export const checkOffset = (name: string, offset: bigint | undefined): bigint => {
  if (offset === undefined) return 0n
  if (typeof offset !== 'bigint' || offset < 0n) {
    throw storeError(
      'invalid_argument',
      `${name} must be a non-negative bigint, got ${String(offset)}`,
    )
  }
  return offset
}

/** Rejects an expected revision that is not `'no_stream'`, `'any'` or a non-negative bigint. */
export const checkExpectedRevision = (expected: unknown): ExpectedRevision => {
  if (expected === 'no_stream' || expected === 'any') return expected
  if (typeof expected === 'bigint' && expected >= 0n) return expected
  throw storeError('invalid_argument', `invalid expectedRevision ${String(expected)}`)
}

/**
 * Inside a commit: rejects with `wrong_expected_version` when `expected` does not hold for a
 * stream whose last revision is `last` (`undefined`: the stream has no event).
 */
export const checkRevisionHolds = (
  stream: string,
  expected: ExpectedRevision,
  last: bigint | undefined,
): void => {
  const actual = last ?? 'no_stream'
  if (expected === 'any' || expected === actual) return
  throw storeError(
    'wrong_expected_version',
    `stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`,
    { stream, expected: String(expected), actual: String(actual) },
  )
}

/** Rejects metadata ids that are empty or longer than `ENVELOPE_ID_LENGTH_MAX`. */
export const checkMetadata = (metadata: CommitMetadata): CommitMetadata => {
  for (const key of ['correlationId', 'causationId', 'actor'] as const) {
    const value: unknown = metadata[key]
    if (value === undefined) continue
    if (typeof value !== 'string' || value.length === 0) {
      throw storeError('invalid_argument', `${key} must be a non-empty string`)
    }
    if (value.length > limits.ENVELOPE_ID_LENGTH_MAX) {
      throw storeError('limit_exceeded', `${key} is longer than ENVELOPE_ID_LENGTH_MAX`, {
        limit: 'ENVELOPE_ID_LENGTH_MAX',
        max: limits.ENVELOPE_ID_LENGTH_MAX,
      })
    }
  }
  return metadata
}

/**
 * Checks the writes of one commit: 1..`APPEND_EVENTS_MAX` events in total, each stream at most
 * once, valid names, types, versions and JSON-safe data. Nothing is written before this passes.
 */
export const checkWrites = (writes: readonly StreamWrite[]): readonly CheckedWrite[] => {
  if (!Array.isArray(writes) || writes.length === 0) {
    throw storeError('invalid_argument', 'a commit needs at least one write')
  }
  const total = writes.reduce((sum, write) => sum + (write.events?.length ?? 0), 0)
  if (total > limits.APPEND_EVENTS_MAX) {
    throw storeError('limit_exceeded', `${total} events in one commit is over APPEND_EVENTS_MAX`, {
      limit: 'APPEND_EVENTS_MAX',
      max: limits.APPEND_EVENTS_MAX,
    })
  }
  const seen = new Set<string>()
  return writes.map((write) => {
    const stream = checkStreamName(write.stream)
    if (seen.has(stream)) {
      throw storeError('invalid_argument', `stream ${stream} appears twice in one commit`, {
        stream,
      })
    }
    seen.add(stream)
    if (!Array.isArray(write.events) || write.events.length === 0) {
      throw storeError('invalid_argument', `a write needs at least one event (stream ${stream})`)
    }
    const expectedRevision = checkExpectedRevision(write.expectedRevision)
    return {
      stream,
      expectedRevision,
      events: write.events.map((event: NewEvent) => checkEvent(stream, event)),
    }
  })
}

// ---------------------------------------------------------------- helpers

const checkEvent = (stream: string, event: NewEvent): CheckedEvent => {
  const { type, schemaVersion } = event
  if (
    typeof type !== 'string' ||
    !EVENT_TYPE.test(type) ||
    type.length > limits.EVENT_TYPE_LENGTH_MAX
  ) {
    throw storeError('invalid_argument', `invalid event type ${JSON.stringify(type)}`, { stream })
  }
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw storeError('invalid_argument', `invalid schemaVersion for ${type}`, { stream, type })
  }
  const data = toCanonicalJson(event.data)
  if (!data.ok) {
    throw storeError(
      'invalid_argument',
      `${type} data is not JSON-safe at ${data.path}: ${data.reason}`,
      {
        stream,
        type,
        path: data.path,
      },
    )
  }
  return { type, schemaVersion, data: event.data, dataJson: data.json }
}

/** A snapshot whose version and state passed the checks: `stateJson` is the canonical state. */
export type CheckedSnapshot = {
  readonly revision: bigint
  readonly eventHash: string
  readonly schemaVersion: number
  readonly stateJson: string
}

/**
 * Checks a snapshot before it is written: a non-negative revision (the adapter then checks the
 * stream has it), a positive schema version, and JSON-safe state of at most `SNAPSHOT_BYTES_MAX`.
 */
export const checkSnapshot = (input: {
  readonly revision: bigint
  readonly eventHash: string
  readonly schemaVersion: number
  readonly state: unknown
}): CheckedSnapshot => {
  if (typeof input.revision !== 'bigint' || input.revision < 0n) {
    throw storeError('invalid_argument', `a snapshot revision must be a non-negative bigint`)
  }
  if (typeof input.eventHash !== 'string' || !EVENT_HASH.test(input.eventHash)) {
    throw storeError('invalid_argument', 'a snapshot eventHash must be 64 lower-case hex digits')
  }
  if (!Number.isSafeInteger(input.schemaVersion) || input.schemaVersion < 1) {
    throw storeError('invalid_argument', 'a snapshot schemaVersion must be a positive integer')
  }
  const state = toCanonicalJson(input.state)
  if (!state.ok) {
    throw storeError(
      'invalid_argument',
      `snapshot state is not JSON-safe at ${state.path}: ${state.reason}`,
    )
  }
  if (Buffer.byteLength(state.json, 'utf8') > limits.SNAPSHOT_BYTES_MAX) {
    throw storeError('limit_exceeded', 'snapshot state is over SNAPSHOT_BYTES_MAX', {
      limit: 'SNAPSHOT_BYTES_MAX',
      max: limits.SNAPSHOT_BYTES_MAX,
    })
  }
  const { revision, eventHash, schemaVersion } = input
  return { revision, eventHash, schemaVersion, stateJson: state.json }
}

/**
 * Rejects a snapshot whose revision names no stored event of the stream or whose `eventHash` is
 * not that event's hash (`stored` is the event at the revision, if any): every adapter's
 * `writeSnapshot` calls it after reading that event, inside the same transaction where it has one.
 */
export const checkSnapshotEvent = (
  stream: string,
  snapshot: Pick<CheckedSnapshot, 'revision' | 'eventHash'>,
  stored: { readonly revision: bigint; readonly hash: string } | undefined,
): void => {
  if (stored === undefined || stored.revision !== snapshot.revision) {
    throw storeError('invalid_argument', `stream ${stream} has no revision ${snapshot.revision}`, {
      stream,
    })
  }
  if (stored.hash !== snapshot.eventHash) {
    throw storeError(
      'invalid_argument',
      `the snapshot's eventHash is not the hash of ${stream}@${snapshot.revision}`,
      { stream },
    )
  }
}

/** The checked options of `readSnapshots`: a valid `afterStream`, a page size in bounds. */
export const checkSnapshotsPage = (
  options: { readonly afterStream?: string; readonly maxCount?: number } = {},
): { readonly afterStream: string | undefined; readonly maxCount: number } => {
  const afterStream =
    options.afterStream === undefined ? undefined : checkStreamName(options.afterStream)
  return { afterStream, maxCount: checkPageSize(options.maxCount, 'READ_PAGE_SNAPSHOTS_MAX') }
}
