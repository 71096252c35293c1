// The EventStore port on EventStoreDB (KurrentDB) through @eventstore/db-client. Each ledger
// stream is an EventStoreDB stream, so the server enforces every expected revision; EventStoreDB
// has no multi-stream append, so this store has no `appendMany` and the engine runs workflows step
// by step. The global position and the commit chain are computed here, under one in-process
// writer lock, and stored in each event's metadata (see docs/adapters.md, EventStoreDB).
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  NO_STREAM,
  type AppendExpectedRevision,
} from '@eventstore/db-client'
import {
  checkMaxCount,
  checkMetadata,
  checkOffset,
  checkStreamName,
  checkWrites,
  configurationError,
  createEventIdSource,
  recordedInstant,
  sealCommit,
  storeError,
  type AppendResult,
  type CommitMetadata,
  type EventStore,
  type ExpectedRevision,
  type KeyVault,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from '@wallet-ledger/core/adapter'
import { assert, limits } from '@wallet-ledger/domain'
import { isStreamNotFound, toStoreError } from './esdbErrors.js'
import { createEsdbKeyVault } from './esdbKeyVault.js'
import { importEsdbCommit } from './esdbImport.js'
import { createEsdbLog, type LogHead } from './esdbLog.js'
import { proposedEventOf, storedEventOfResolved, streamNames } from './esdbRecords.js'
import { createEsdbSnapshots } from './esdbSnapshots.js'
import { startEsdbSubscription } from './esdbSubscription.js'

// ---------------------------------------------------------------- types

/** Options of the EventStoreDB store. */
export type EventStoreDbEventStoreOptions = {
  /**
   * An `esdb://` or `esdb+discover://` connection string (`kurrentdb://` is accepted as
   * `esdb://`); default `EVENTSTORE_CONNECTION_STRING` from the environment.
   */
  readonly connectionString?: string
  /** The clock stamping `recordedAt`; default the system clock. A clock going back is ignored. */
  readonly clock?: () => Date
  /**
   * A prefix that keeps this ledger's streams apart from other data on the same server
   * (`<namespace>/<stream>`); default none. Letters, digits, `_`, `-` and `.` only.
   */
  readonly namespace?: string
}

/** The EventStoreDB store: the port, with snapshots, import and its key vault on the server. */
export type EventStoreDbEventStore = EventStore & { readonly keyVault: KeyVault }

// ---------------------------------------------------------------- constructors

// A clash on an `'any'` append (another writer moved the stream between our read and our write)
// is retried this many times before it is reported.
const ANY_APPEND_ATTEMPTS_MAX = 3
const NAMESPACE = /^[A-Za-z0-9_.-]{1,64}$/

/**
 * Connects to EventStoreDB. Nothing is sent until the first call; a server that cannot be reached
 * makes calls reject with `store_unavailable`. Throws `invalid_configuration` without a connection
 * string or with a malformed one. One process writes a ledger (see docs/adapters.md).
 */
export const createEventStoreDbEventStore = (
  options: EventStoreDbEventStoreOptions = {},
): EventStoreDbEventStore => {
  const clock = options.clock ?? (() => new Date())
  const namespace = options.namespace ?? ''
  if (namespace !== '' && !NAMESPACE.test(namespace)) {
    throw configurationError('namespace: letters, digits, _, - and . only (1..64 characters)')
  }
  const client = connect(options.connectionString ?? process.env.EVENTSTORE_CONNECTION_STRING)
  const names = streamNames(namespace)
  const log = createEsdbLog(client, names)
  const nextEventId = createEventIdSource()
  const subscriptions = new Set<Subscription>()
  let isClosed = false
  // The head as of the last commit; undefined until read, or after an append of unknown outcome.
  let head: LogHead | undefined
  let writer: Promise<unknown> = Promise.resolve()

  const ensureOpen = (): void => {
    if (isClosed) throw storeError('store_closed', 'the event store is closed')
  }

  const lastRevision = async (stream: string): Promise<bigint | 'no_stream'> => {
    try {
      let last: bigint | 'no_stream' = 'no_stream'
      // Read to the end (one event): leaving a client read early leaves its call open.
      for await (const resolved of client.readStream(names.toServer(stream), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        last = resolved.event?.revision ?? last
      }
      return last
    } catch (error) {
      if (isStreamNotFound(error)) return 'no_stream'
      throw toStoreError(error, { stream })
    }
  }

  // One commit: runs alone (the writer lock), so the head it seals on is the log's end.
  const commit = async (
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
    metadata: CommitMetadata,
  ): Promise<AppendResult> => {
    ensureOpen()
    const [write] = checkWrites([{ stream, events, expectedRevision }])
    assert(write !== undefined, 'one write is checked as one')
    checkMetadata(metadata)
    for (let attempt = 1; ; attempt += 1) {
      // 'any' is turned into the exact revision read here, so the revisions sealed into the hashes
      // are the ones the server gives; the server refuses the append if another writer moved it.
      const exact = expectedRevision === 'any' ? await lastRevision(stream) : expectedRevision
      const current = head ?? (await log.readHead())
      const recordedAt = recordedInstant(clock(), current.recordedMs)
      const recordedMs = recordedAt.getTime()
      const sealed = sealCommit({
        writes: [{ ...write, firstRevision: exact === 'no_stream' ? 0n : exact + 1n }],
        firstPosition: current.nextPosition,
        previousCommitHash: current.commitHash,
        recordedAt,
        metadata,
        nextEventId: () => nextEventId(recordedMs),
      })
      try {
        const appended = await client.appendToStream(
          names.toServer(stream),
          sealed.events.map(proposedEventOf),
          { expectedRevision: serverRevision(exact) },
        )
        const [result] = sealed.results
        assert(result !== undefined, 'one write has one result')
        assert(appended.nextExpectedRevision === result.nextExpectedRevision, 'revisions agree')
        head = { nextPosition: result.position + 1n, commitHash: sealed.commitHash, recordedMs }
        // The append's `$all` position is not remembered: a server may give the commit record's,
        // which can lie past the events; reads learn each event's own.
        return result
      } catch (error) {
        const failure = toStoreError(error, { stream, expected: expectedRevision })
        const isClash = (failure as { code?: unknown }).code === 'wrong_expected_version'
        // Only a clash is known to have written nothing; otherwise re-read the head next time.
        if (!isClash) head = undefined
        if (!isClash || expectedRevision !== 'any' || attempt >= ANY_APPEND_ATTEMPTS_MAX) {
          throw failure
        }
      }
    }
  }

  const serialised = <T>(run: () => Promise<T>): Promise<T> => {
    const result = writer.then(run, run)
    writer = result.catch(() => undefined)
    return result
  }

  const store: EventStoreDbEventStore = {
    append: (stream, events, appendOptions) =>
      serialised(() => commit(stream, events, appendOptions.expectedRevision, appendOptions)),
    readStream: (stream, readOptions = {}) =>
      page(async () => {
        ensureOpen()
        checkStreamName(stream)
        const fromRevision = checkOffset('fromRevision', readOptions.fromRevision)
        const maxCount = checkMaxCount(readOptions.maxCount)
        const found: StoredEvent[] = []
        try {
          const server = client.readStream(names.toServer(stream), { fromRevision, maxCount })
          for await (const resolved of server) {
            const event = storedEventOfResolved(resolved, names)
            assert(event !== undefined, 'a ledger stream holds ledger events only')
            found.push(event)
          }
        } catch (error) {
          if (!isStreamNotFound(error)) throw toStoreError(error, { stream })
        }
        return found
      }),
    readLastRevision: async (stream) => {
      ensureOpen()
      return lastRevision(checkStreamName(stream))
    },
    readAll: (readOptions = {}) =>
      page(async () => {
        ensureOpen()
        const fromPosition = checkOffset('fromPosition', readOptions.fromPosition)
        const maxCount = checkMaxCount(readOptions.maxCount)
        return (await log.scan(fromPosition, maxCount)).events
      }),
    subscribeToAll: (subscribeOptions, handler) => {
      ensureOpen()
      const from = checkOffset('fromPosition', subscribeOptions.fromPosition)
      const source = { client, log, names, pageEvents: limits.READ_PAGE_EVENTS_MAX }
      const subscription = startEsdbSubscription(source, from, handler, (finished) =>
        subscriptions.delete(finished),
      )
      subscriptions.add(subscription)
      return subscription
    },
    readHead: async () => {
      ensureOpen()
      const current = await log.readHead()
      return { commitHash: current.commitHash, nextPosition: current.nextPosition }
    },
    ...createEsdbSnapshots({ client, names, clock, ensureOpen }),
    importCommit: (events) =>
      serialised(async () => {
        ensureOpen()
        const source = { client, names, lastRevision, readHead: async () => head ?? log.readHead() }
        try {
          head = await importEsdbCommit(source, events)
        } catch (error) {
          // A refusal wrote nothing, but a failed append may have written part: read it again.
          head = undefined
          throw error
        }
      }),
    keyVault: createEsdbKeyVault(client, namespace, ensureOpen),
    close: async () => {
      if (isClosed) return
      isClosed = true
      await Promise.all([...subscriptions].map((subscription) => subscription.close()))
      await writer
      await client.dispose()
    },
  }
  return store
}

// ---------------------------------------------------------------- helpers

/** The client for a connection string; `kurrentdb://` is the same protocol under a new name. */
const connect = (connectionString: string | undefined): EventStoreDBClient => {
  if (connectionString === undefined || connectionString === '') {
    throw configurationError(
      'connectionString: give an esdb:// URL or set EVENTSTORE_CONNECTION_STRING',
    )
  }
  const url = connectionString.replace(/^kurrent(?:db)?(\+discover)?:\/\//i, 'esdb$1://')
  try {
    return EventStoreDBClient.connectionString(url)
  } catch (error) {
    // The client's message may quote the string: its credentials are not repeated.
    const reason = (error instanceof Error ? error.message : String(error)).replace(
      /[^\s/@]*@/g,
      '***@',
    )
    throw configurationError(`connectionString: not an EventStoreDB URL (${reason})`)
  }
}

const serverRevision = (exact: bigint | 'no_stream'): AppendExpectedRevision =>
  exact === 'no_stream' ? NO_STREAM : exact

// The page is read at the first `next()`, so a rejection surfaces there.
async function* page(
  read: () => Promise<readonly StoredEvent[]>,
): AsyncGenerator<StoredEvent, void, undefined> {
  for (const event of await read()) yield event
}
