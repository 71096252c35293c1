// One commit (an append or an appendMany) as one PostgreSQL transaction. Commits are serialised by
// a transaction-scoped advisory lock taken before the chain head is read, so positions are given
// out in commit order with no gaps, the commit chain is a chain and not a tree, and a reader can
// never see position N+1 before N (docs/adapters.md, PostgreSQL section, says why).
import type { Pool, PoolClient } from 'pg'
import {
  GENESIS_COMMIT_HASH,
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
  const client = await context.pool.connect().catch((error: unknown) => {
    throw storeFailure(error, 'connecting')
  })
  let isBroken = false
  try {
    return await commitOn(client, context, checked, metadata)
  } catch (error) {
    isBroken = !isOwnError(error)
    if (sqlStateOf(error) === UNIQUE_VIOLATION) throw clashOf(checked, error)
    throw storeFailure(error, 'committing')
  } finally {
    // A client whose transaction failed for an unknown reason is dropped, not reused.
    client.release(isBroken)
  }
}

// ---------------------------------------------------------------- helpers

const commitOn = async (
  client: PoolClient,
  context: CommitContext,
  checked: readonly CheckedWrite[],
  metadata: CommitMetadata,
): Promise<readonly AppendResult[]> => {
  const [classId, objectId] = context.commitLock
  // The lock keys are our own integers, so the two statements can travel as one message.
  await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${classId}, ${objectId})`)
  let isCommitSent = false
  try {
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
    isCommitSent = true
    await client.query('COMMIT')
    return sealed.results
  } catch (error) {
    if (!isCommitSent) await client.query('ROLLBACK')
    throw error
  }
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
