// One commit (an append or an appendMany) as one PostgreSQL transaction. Commits are serialised by
// a transaction-scoped advisory lock taken before the chain head is read, so positions are given
// out in commit order with no gaps, the commit chain is a chain and not a tree, and a reader can
// never see position N+1 before N (docs/adapters.md, PostgreSQL section, says why).
import type { Pool, PoolClient } from 'pg'
import {
  GENESIS_COMMIT_HASH,
  checkImportedCommit,
  checkMetadata,
  checkRevisionHolds,
  checkWrites,
  recordedInstant,
  sealCommit,
  storeError,
  type AppendResult,
  type CheckedWrite,
  type CommitMetadata,
  type EventIdSource,
  type StoredEvent,
  type StreamWrite,
} from '@wallet-ledger/core/adapter'
import { assert } from '@wallet-ledger/domain'
import { UNIQUE_VIOLATION, isOwnError, sqlStateOf, storeFailure } from './postgresFailure.js'
import { checkStorableText } from './postgresText.js'
import { INSERT_EVENTS_AND_NOTIFY, insertEventsParameters } from './postgresRows.js'

// ---------------------------------------------------------------- types

/** What commits share within one store: the pool, the lock, the channel, the clock and ids. */
export type CommitContext = {
  readonly pool: Pool
  readonly commitLock: readonly [number, number]
  readonly channel: string
  readonly clock: () => Date
  readonly nextEventId: EventIdSource
  /** The last `recordedAt` this process used (ms), so ids never go back after a rolled-back commit. */
  lastRecordedMs: number | undefined
}

type CommitState = {
  readonly head: { readonly position: bigint; readonly commitHash: string; readonly ms: number }
  readonly lastRevisions: ReadonlyMap<string, bigint>
}

// ---------------------------------------------------------------- constants

// The chain head and each written stream's last revision, read in one round trip once the lock
// is held (a statement after the lock sees every commit that released it).
const READ_COMMIT_STATE = `
  SELECT 'head' AS kind, NULL AS stream, position::text AS value, commit_hash, recorded_at
    FROM (SELECT position, commit_hash, recorded_at FROM events ORDER BY position DESC LIMIT 1) h
  UNION ALL
  SELECT 'stream', w.stream,
         (SELECT max(revision) FROM events e WHERE e.stream = w.stream)::text, NULL, NULL
    FROM unnest($1::text[]) AS w(stream)`

// ---------------------------------------------------------------- operations

/**
 * Checks and writes one commit atomically; rejects like the port's `append`/`appendMany`. Checks
 * run before any I/O; the expected revisions are checked under the lock, so they cannot change
 * before the insert. Only a failure after COMMIT was sent leaves the outcome unknown.
 */
export const commitWrites = async (
  context: CommitContext,
  writes: readonly StreamWrite[],
  metadata: CommitMetadata,
): Promise<readonly AppendResult[]> => {
  const checked = checkWrites(writes)
  checkMetadata(metadata)
  for (const key of ['correlationId', 'causationId', 'actor'] as const) {
    checkStorableText(key, metadata[key])
  }
  return underCommitLock(
    context,
    (client) => commitOn(client, context, checked, metadata),
    (error) => (sqlStateOf(error) === UNIQUE_VIOLATION ? clashOf(checked, error) : undefined),
  )
}

/**
 * Writes one commit exported from another store (`importCommit`), envelopes and hashes as they
 * are, after `checkImportedCommit` has checked it against the head and the streams' revisions
 * read under the commit lock. Rejects `invalid_argument` (nothing written) when it does not
 * continue this store exactly.
 */
export const importCommitWrites = async (
  context: CommitContext,
  events: readonly StoredEvent[],
): Promise<void> => {
  for (const event of events) checkImportedText(event)
  await underCommitLock(context, async (client) => {
    const streams = [...new Set(events.map((event) => event.stream))]
    const state = await readCommitState(client, streams)
    const head = { commitHash: state.head.commitHash, nextPosition: state.head.position }
    const imported = checkImportedCommit(events, head, (stream) => state.lastRevisions.get(stream))
    const nextPosition = head.nextPosition + BigInt(imported.length)
    const inserted = await client.query<{ inserted: string }>(INSERT_EVENTS_AND_NOTIFY, [
      ...insertEventsParameters(imported),
      context.channel,
      nextPosition.toString(),
    ])
    assert(inserted.rows[0]?.inserted === String(imported.length), 'every event inserted')
  })
}

// ---------------------------------------------------------------- helpers

// One transaction holding the commit lock: `work` runs inside it and COMMIT follows. A failure
// before COMMIT was sent rolls back (nothing written); `clash` may name a failure the caller
// knows; anything else becomes the port's error, and a client whose transaction failed for an
// unknown reason is dropped, not reused.
const underCommitLock = async <Value>(
  context: CommitContext,
  work: (client: PoolClient) => Promise<Value>,
  clash: (error: unknown) => Error | undefined = () => undefined,
): Promise<Value> => {
  const client = await context.pool.connect().catch((error: unknown) => {
    throw storeFailure(error, 'connecting')
  })
  let isBroken = false
  try {
    const [classId, objectId] = context.commitLock
    // The lock keys are our own integers, so the two statements can travel as one message.
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${classId}, ${objectId})`)
    let isCommitSent = false
    try {
      const value = await work(client)
      isCommitSent = true
      await client.query('COMMIT')
      return value
    } catch (error) {
      if (!isCommitSent) await client.query('ROLLBACK')
      throw error
    }
  } catch (error) {
    isBroken = !isOwnError(error)
    throw clash(error) ?? storeFailure(error, 'committing')
  } finally {
    client.release(isBroken)
  }
}

const commitOn = async (
  client: PoolClient,
  context: CommitContext,
  checked: readonly CheckedWrite[],
  metadata: CommitMetadata,
): Promise<readonly AppendResult[]> => {
  const state = await readCommitState(
    client,
    checked.map((write) => write.stream),
  )
  const planned = checked.map((write) => {
    const last = state.lastRevisions.get(write.stream)
    checkRevisionHolds(write.stream, write.expectedRevision, last)
    return { ...write, firstRevision: last === undefined ? 0n : last + 1n }
  })
  const previousMs = Math.max(state.head.ms, context.lastRecordedMs ?? -Infinity)
  const recordedAt = recordedInstant(
    context.clock(),
    Number.isFinite(previousMs) ? previousMs : undefined,
  )
  const recordedMs = recordedAt.getTime()
  context.lastRecordedMs = recordedMs
  const sealed = sealCommit({
    writes: planned,
    firstPosition: state.head.position,
    previousCommitHash: state.head.commitHash,
    recordedAt,
    metadata,
    nextEventId: () => context.nextEventId(recordedMs),
  })
  const nextPosition = state.head.position + BigInt(sealed.events.length)
  const inserted = await client.query<{ inserted: string }>(INSERT_EVENTS_AND_NOTIFY, [
    ...insertEventsParameters(sealed.events),
    context.channel,
    nextPosition.toString(),
  ])
  assert(inserted.rows[0]?.inserted === String(sealed.events.length), 'every event inserted')
  return sealed.results
}

// Every text an imported envelope would store must be stored exactly, or its hash would break.
const checkImportedText = (event: StoredEvent): void => {
  for (const key of ['stream', 'eventId', 'recordedAt', 'correlationId', 'type', 'hash'] as const) {
    checkStorableText(key, event[key])
  }
  for (const key of ['causationId', 'actor'] as const)
    checkStorableText(key, event[key] ?? undefined)
  checkStorableText('commitHash', event.commitHash)
}

const readCommitState = async (client: PoolClient, streams: string[]): Promise<CommitState> => {
  const found = await client.query<{
    kind: 'head' | 'stream'
    stream: string | null
    value: string | null
    commit_hash: string | null
    recorded_at: string | null
  }>(READ_COMMIT_STATE, [streams])
  let head: CommitState['head'] = { position: 0n, commitHash: GENESIS_COMMIT_HASH, ms: -Infinity }
  const lastRevisions = new Map<string, bigint>()
  for (const row of found.rows) {
    if (row.kind === 'head') {
      assert(row.value !== null && row.commit_hash !== null, 'the head row names its commit')
      const ms = Date.parse(row.recorded_at ?? '')
      assert(Number.isFinite(ms), 'the last event has a valid recordedAt')
      head = { position: BigInt(row.value) + 1n, commitHash: row.commit_hash, ms }
    } else if (row.value !== null && row.stream !== null) {
      lastRevisions.set(row.stream, BigInt(row.value))
    }
  }
  return { head, lastRevisions }
}

// Only a writer that bypasses the lock (another program on the same tables) can clash on the
// unique (stream, revision): the revision was taken, so the expectation was wrong.
const clashOf = (checked: readonly CheckedWrite[], cause: unknown): Error => {
  const stream = checked[0]?.stream ?? ''
  return Object.assign(
    storeError('wrong_expected_version', `a concurrent writer took a revision of ${stream}`, {
      stream,
      expected: String(checked[0]?.expectedRevision),
      actual: 'unknown',
    }),
    { cause },
  )
}
