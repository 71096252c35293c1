// The one writer of a connection, with group commit. better-sqlite3 is synchronous, so appends
// that arrive while the loop is busy queue up and the next turn commits them together: one
// `BEGIN IMMEDIATE ... COMMIT` (one fsync) for the batch, a SAVEPOINT per command so a command
// whose expected revision no longer holds is rolled back alone and gets its own rejection. Each
// command stays its own commit of the hash chain, sealed in queue order.
import { assert } from '@wallet-ledger/domain'
import {
  GENESIS_COMMIT_HASH,
  checkRevisionHolds,
  createEventIdSource,
  isStoreError,
  recordedInstant,
  sealCommit,
} from '@wallet-ledger/core/adapter'
import type { AppendResult, CheckedWrite, CommitMetadata } from '@wallet-ledger/core/adapter'
import { busyBackoffMs, isBusy, toStoreError } from './sqliteFailure.js'
import { rowOfSealed, type HeadRow, type SqliteStatements } from './sqliteStatements.js'

// ---------------------------------------------------------------- types

/** What the writer needs from its store. */
export type SqliteWriterOptions = {
  readonly statements: SqliteStatements
  readonly clock: () => Date
  /** How long a batch keeps retrying a file another process holds before `store_unavailable`. */
  readonly busyRetryMs: number
  /** Runs after each committed batch (wakes this process's subscriptions). */
  readonly onCommitted: () => void
}

/** Queues commits and runs them in batches. */
export type SqliteWriter = {
  /** Commits checked writes as one commit of the chain; resolves once the batch is durable. */
  readonly submit: (
    writes: readonly CheckedWrite[],
    metadata: CommitMetadata,
  ) => Promise<readonly AppendResult[]>
  /** Resolves once every queued commit has settled. */
  readonly idle: () => Promise<void>
}

type Pending = {
  readonly writes: readonly CheckedWrite[]
  readonly metadata: CommitMetadata
  readonly resolve: (results: readonly AppendResult[]) => void
  readonly reject: (error: unknown) => void
}

type Head = { position: bigint; commitHash: string; recordedMs: number | undefined }

// ---------------------------------------------------------------- constants

/** At most this many commands share one transaction, so one transaction stays short. */
export const BATCH_COMMANDS_MAX = 256

// ---------------------------------------------------------------- constructors

/** Creates the writer of one connection. */
export const createSqliteWriter = (options: SqliteWriterOptions): SqliteWriter => {
  const { statements, clock } = options
  const nextEventId = createEventIdSource()
  const queue: Pending[] = []
  const idleWaiters: (() => void)[] = []
  let isScheduled = false
  let busySinceMs: number | undefined
  let busyAttempts = 0
  // The latest instant this process stamped: ids and instants never go back, even if the file's
  // last event were removed behind our back.
  let lastLocalMs: number | undefined

  const schedule = (delayMs: number): void => {
    if (isScheduled) return
    isScheduled = true
    const run = (): void => {
      isScheduled = false
      flush()
    }
    if (delayMs === 0) setImmediate(run)
    else setTimeout(run, delayMs)
  }

  const settleIdle = (): void => {
    if (queue.length > 0 || isScheduled) return
    for (const wake of idleWaiters.splice(0)) wake()
  }

  const flush = (): void => {
    if (queue.length === 0) return settleIdle()
    try {
      statements.begin.run()
    } catch (error) {
      return retryLater(error)
    }
    busySinceMs = undefined
    busyAttempts = 0
    const batch = queue.splice(0, BATCH_COMMANDS_MAX)
    const outcomes = runBatch(batch)
    if (outcomes === undefined) return afterBatch()
    batch.forEach((pending, index) => {
      const outcome = outcomes[index]
      if (outcome !== undefined && 'results' in outcome) pending.resolve(outcome.results)
      else pending.reject(outcome?.error)
    })
    options.onCommitted()
    afterBatch()
  }

  const afterBatch = (): void => {
    if (queue.length > 0) schedule(0)
    settleIdle()
  }

  // Another process holds the write lock past busy_timeout: wait off the loop and retry, until
  // busyRetryMs has passed since the first refusal; nothing was written by the refused BEGIN.
  const retryLater = (error: unknown): void => {
    const nowMs = performance.now()
    busySinceMs ??= nowMs
    if (isBusy(error) && nowMs - busySinceMs < options.busyRetryMs) {
      busyAttempts += 1
      return schedule(busyBackoffMs(busyAttempts))
    }
    busySinceMs = undefined
    busyAttempts = 0
    const failure = toStoreError(error, 'beginning a write')
    for (const pending of queue.splice(0)) pending.reject(failure)
    settleIdle()
  }

  // Runs the batch inside the open transaction; undefined when the whole batch failed (each
  // caller has then been rejected with store_unavailable).
  const runBatch = (batch: readonly Pending[]) => {
    const outcomes: ({ results: readonly AppendResult[] } | { error: unknown })[] = []
    try {
      let head = readHead(statements)
      for (const pending of batch) {
        statements.savepoint.run()
        try {
          const sealed = commitOne(pending, head)
          statements.release.run()
          head = sealed.head
          outcomes.push({ results: sealed.results })
        } catch (error) {
          statements.rollbackTo.run()
          statements.release.run()
          // Only the port's own refusals are one command's; a driver failure sinks the batch.
          if (!isStoreError(error)) throw error
          outcomes.push({ error })
        }
      }
      statements.commit.run()
      return outcomes
    } catch (error) {
      try {
        statements.rollback.run()
      } catch {
        // The transaction may already be gone (SQLite rolls back on some I/O errors).
      }
      const failure = toStoreError(error, 'committing a batch')
      for (const pending of batch) pending.reject(failure)
      return undefined
    }
  }

  const commitOne = (pending: Pending, head: Head) => {
    const planned = pending.writes.map((write) => {
      const last = statements.lastRevision.get(write.stream) as bigint | undefined
      checkRevisionHolds(write.stream, write.expectedRevision, last)
      return {
        stream: write.stream,
        events: write.events,
        firstRevision: last === undefined ? 0n : last + 1n,
      }
    })
    const floorMs = Math.max(head.recordedMs ?? -Infinity, lastLocalMs ?? -Infinity)
    const recordedAt = recordedInstant(clock(), Number.isFinite(floorMs) ? floorMs : undefined)
    const recordedMs = recordedAt.getTime()
    lastLocalMs = recordedMs
    const sealed = sealCommit({
      writes: planned,
      firstPosition: head.position,
      previousCommitHash: head.commitHash,
      recordedAt,
      metadata: pending.metadata,
      nextEventId: () => nextEventId(recordedMs),
    })
    for (const event of sealed.events) statements.insertEvent.run(rowOfSealed(event))
    const last = sealed.events.at(-1)
    assert(last !== undefined, 'a sealed commit has events')
    const next: Head = { position: last.position + 1n, commitHash: sealed.commitHash, recordedMs }
    return { results: sealed.results, head: next }
  }

  return {
    submit: (writes, metadata) =>
      new Promise((resolve, reject) => {
        queue.push({ writes, metadata, resolve, reject })
        schedule(0)
      }),
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve)
        settleIdle()
      }),
  }
}

// ---------------------------------------------------------------- helpers

/** The chain's head as the file has it (inside the writer's transaction: the latest). */
const readHead = (statements: SqliteStatements): Head => {
  const row = statements.head.get() as HeadRow | undefined
  if (row === undefined) {
    return { position: 0n, commitHash: GENESIS_COMMIT_HASH, recordedMs: undefined }
  }
  const recordedMs = Date.parse(row.recorded_at)
  return {
    position: row.position + 1n,
    commitHash: row.commit_hash,
    recordedMs: Number.isFinite(recordedMs) ? recordedMs : undefined,
  }
}
