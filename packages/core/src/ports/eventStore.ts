// The EventStore port (DESIGN.md section 5, STYLE.md section 9), defined once. Adapters implement
// it and export one factory; the shared contract suite in @wallet-ledger/testing checks every rule
// written here, so callers never branch on the store kind.
import type { RawEvent } from '@wallet-ledger/domain'
import type { KeyVault } from '../privacy/keyVault.js'
import type { ProjectionStorage } from './projectionStorage.js'

// ---------------------------------------------------------------- values

/** A value that survives JSON unchanged: what event data and snapshot state must be. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue }

/**
 * The optimistic-concurrency condition of a write: `'no_stream'` (the stream has no event yet),
 * `'any'` (no check), or the revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'any' | bigint

/** An event to append: `{ type, schemaVersion, data }`, data JSON-safe (no bigint, no Date). */
export type NewEvent = RawEvent

/**
 * Who and what caused a commit, copied into every event's envelope. Absent `correlationId` means
 * "a new correlation": the commit's first event id is used. Absent `causationId` and `actor` are
 * stored as `null`. Each is at most `ENVELOPE_ID_LENGTH_MAX` characters.
 */
export type CommitMetadata = {
  readonly correlationId?: string
  readonly causationId?: string
  readonly actor?: string
}

/** Options of one append: the expected revision (always explicit) and the commit's metadata. */
export type AppendOptions = CommitMetadata & { readonly expectedRevision: ExpectedRevision }

/** One stream's part of an `appendMany` commit. */
export type StreamWrite = {
  readonly stream: string
  readonly events: readonly NewEvent[]
  readonly expectedRevision: ExpectedRevision
}

/** What one stream's write became. */
export type AppendResult = {
  readonly stream: string
  /** The revision of the last event written: pass it as `expectedRevision` next time. */
  readonly nextExpectedRevision: bigint
  /** The global position of the last event written. */
  readonly position: bigint
  /** The hash of the commit this write belongs to. */
  readonly commitHash: string
}

/**
 * An event as stored: the envelope and the event. `revision` counts from `0n` within the stream,
 * `position` from `0n` across the store (one more per event, in commit order); `recordedAt` is an
 * ISO instant never earlier than the previous event's; `hash` is the sha-256 (lower-case hex) of
 * `storedBytes(event)`; every event of one commit carries the same `commitHash`, the sha-256 of the
 * previous commit's hash followed by this commit's event hashes (see store/chain.ts).
 */
export type StoredEvent = {
  readonly eventId: string
  readonly stream: string
  readonly revision: bigint
  readonly position: bigint
  readonly recordedAt: string
  readonly correlationId: string
  readonly causationId: string | null
  readonly actor: string | null
  readonly type: string
  readonly schemaVersion: number
  readonly data: JsonValue
  readonly hash: string
  readonly commitHash: string
}

/** The end of the commit chain: what an auditor keeps to detect a dropped tail later. */
export type StoreHead = {
  /** The last commit's hash; `GENESIS_COMMIT_HASH` (64 zeros) for an empty store. */
  readonly commitHash: string
  /** The position the next event will get: the number of events in the store. */
  readonly nextPosition: bigint
}

/** One page of a stream: from `fromRevision` (default `0n`), at most `maxCount` events. */
export type ReadStreamOptions = { readonly fromRevision?: bigint; readonly maxCount?: number }

/** One page of the global log: from `fromPosition` (default `0n`), at most `maxCount` events. */
export type ReadAllOptions = { readonly fromPosition?: bigint; readonly maxCount?: number }

/** Where a subscription starts (default `0n`, inclusive). */
export type SubscribeOptions = { readonly fromPosition?: bigint }

/** Receives one event; the next delivery waits for the returned promise. */
export type EventHandler = (event: StoredEvent) => void | Promise<void>

/** A running catch-up subscription. */
export type Subscription = {
  /**
   * Resolves once every event stored before some moment after subscribing has been handled (the
   * subscription is live). Rejects with the handler's error, or `store_closed` when the store or
   * the subscription closes first.
   */
  readonly caughtUp: Promise<void>
  /**
   * Settles when deliveries stop: resolves after `close()` or the store's `close()`, rejects with
   * the handler's error (the subscription stops at the failing event; nothing is swallowed).
   */
  readonly done: Promise<void>
  /** Stops deliveries; resolves once the handler in flight (if any) has finished. Idempotent. */
  readonly close: () => Promise<void>
}

/**
 * A stream's state folded up to `revision`, stored beside the streams (not an event). `eventHash`
 * is the hash of the stream's event at `revision`: a reader checks it against the stream before
 * trusting the state (a snapshot of a rewritten or forged history is ignored).
 */
export type Snapshot = {
  readonly stream: string
  readonly revision: bigint
  readonly eventHash: string
  /** The version of the state's shape; a reader ignores a snapshot of a version it does not know. */
  readonly schemaVersion: number
  readonly state: JsonValue
  readonly recordedAt: string
}

/** What a caller writes as a snapshot. */
export type SnapshotInput = {
  readonly revision: bigint
  /** The `hash` of the stream's event at `revision`. */
  readonly eventHash: string
  readonly schemaVersion: number
  readonly state: unknown
}

/**
 * One page of every stream's snapshot, ordered by stream name (code-unit order): those of streams
 * after `afterStream` (default: from the first), at most `maxCount` (default and bound
 * `READ_PAGE_SNAPSHOTS_MAX`).
 */
export type ReadSnapshotsOptions = { readonly afterStream?: string; readonly maxCount?: number }

// ---------------------------------------------------------------- the port

/**
 * An append-only store of event streams with a global order and a hash-chained commit log.
 *
 * Every promise rejects with a `StoreError` (`isStoreError(e, code)`): `wrong_expected_version`
 * (details `{ stream, expected, actual }`), `store_unavailable` (outcome unknown: retry with the
 * same idempotency key), `store_closed`, `limit_exceeded` (more than `APPEND_EVENTS_MAX` events in
 * one commit, `maxCount` over `READ_PAGE_EVENTS_MAX`, an event over `EVENT_BYTES_MAX`),
 * `invalid_stream_name`, `invalid_argument`. Except for `store_unavailable`, a rejected write
 * wrote nothing. Stream names are 1..`STREAM_NAME_LENGTH_MAX` characters of letters, digits, `_`,
 * `-`, `.` and `:`, starting with a letter or digit.
 */
export type EventStore = {
  /** Appends 1..`APPEND_EVENTS_MAX` events to one stream as one commit. */
  readonly append: (
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ) => Promise<AppendResult>
  /**
   * Appends to several distinct streams as one commit: all writes or none. Present only on stores
   * that can do it atomically; the engine falls back to step-by-step workflows without it. The
   * commit holds 1..`APPEND_EVENTS_MAX` events in total; results follow the order of `writes`.
   */
  readonly appendMany?: (
    writes: readonly StreamWrite[],
    metadata?: CommitMetadata,
  ) => Promise<readonly AppendResult[]>
  /** One page of a stream in revision order; an unknown stream reads as empty. */
  readonly readStream: (stream: string, options?: ReadStreamOptions) => AsyncIterable<StoredEvent>
  /**
   * The revision of a stream's last event, or `'no_stream'` for a stream without events (an
   * unknown stream): equal to the revision of the last event `readStream` would give. Optional: it
   * lets a reader that caches a stream's state (the engine's repository) check the cache is current
   * without reading a page; without it, the reader reads a page from the revision after its cached
   * one. Rejects like `readStream` (`invalid_stream_name`, `store_closed`).
   */
  readonly readLastRevision?: (stream: string) => Promise<bigint | 'no_stream'>
  /** One page of the global log in position order. */
  readonly readAll: (options?: ReadAllOptions) => AsyncIterable<StoredEvent>
  /**
   * Delivers every event from `fromPosition` in global order, one at a time (catch-up), then every
   * new event (live), at least once. A slow handler never blocks appends. Throws `store_closed`
   * synchronously on a closed store.
   */
  readonly subscribeToAll: (options: SubscribeOptions, handler: EventHandler) => Subscription
  /** The head of the commit chain, for `audit({ expectedHead })`. */
  readonly readHead: () => Promise<StoreHead>
  /** The latest snapshot of a stream, if any. Present together with the other snapshot methods. */
  readonly readSnapshot?: (stream: string) => Promise<Snapshot | undefined>
  /**
   * Replaces a stream's snapshot. `revision` must name an existing event of the stream and
   * `eventHash` must be that event's hash (else `invalid_argument`, nothing written); the state
   * is JSON-safe and at most `SNAPSHOT_BYTES_MAX` bytes. Snapshots may be deleted at any time.
   */
  readonly writeSnapshot?: (stream: string, snapshot: SnapshotInput) => Promise<void>
  /**
   * One page of snapshots ordered by stream name (see `ReadSnapshotsOptions`), so an auditor can
   * check every snapshot against its stream. Optional even on stores with the other snapshot
   * methods; a store that has it pages exactly so.
   */
  readonly readSnapshots?: (options?: ReadSnapshotsOptions) => AsyncIterable<Snapshot>
  /** Deletes a stream's snapshot (nothing is lost: streams are the truth). */
  readonly deleteSnapshot?: (stream: string) => Promise<void>
  /**
   * The store's own key vault (a table of its database), so personal data sealed before a restart
   * opens after it. `keyFor` must create a missing key atomically (two callers get one key).
   * createLedger uses `options.keyVault ?? store.keyVault ?? an in-memory vault`.
   */
  readonly keyVault?: KeyVault
  /**
   * The store's projection tables (balances, history, the account directory, the fold's working
   * state) with their checkpoint, in its own database, so queries after a restart answer from
   * them instead of folding the log. Optional: without it the ledger folds the log in memory.
   */
  readonly projections?: ProjectionStorage
  /**
   * Writes one commit exported from another store (`readAll` of it), envelopes and hashes as they
   * are, as one commit: all or nothing. Optional: it exists for `wallet-ledger import`. Rejects
   * `invalid_argument` unless the commit continues this store exactly (see
   * `checkImportedCommit` in core/adapter): positions, revisions, event hashes and the chain.
   */
  readonly importCommit?: (events: readonly StoredEvent[]) => Promise<void>
  /** Stops subscriptions and releases resources; later calls reject with `store_closed`. Idempotent. */
  readonly close: () => Promise<void>
}
