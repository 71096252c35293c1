// Builds the stored form of one commit: envelopes, event hashes and the commit hash. Pure apart
// from the id source it is given, so an adapter calls it inside its transaction, after checking
// the expected revisions and reading the previous commit hash, and then writes what it returns.
import { assert, limits } from '@wallet-ledger/domain'
import type { AppendResult, CommitMetadata, JsonValue, StoredEvent } from '../ports/eventStore.js'
import { storeError } from '../ports/storeError.js'
import { commitHash, sha256Hex, storedBytes } from './chain.js'
import type { CheckedEvent } from './validate.js'

// ---------------------------------------------------------------- types

/** One stream's part of a commit, with the revision its first event gets. */
export type PlannedWrite = {
  readonly stream: string
  readonly events: readonly CheckedEvent[]
  readonly firstRevision: bigint
}

/** Everything a commit's envelopes depend on. */
export type CommitPlan = {
  readonly writes: readonly PlannedWrite[]
  readonly firstPosition: bigint
  readonly previousCommitHash: string
  /** One instant for the whole commit, from `recordedInstant`. */
  readonly recordedAt: Date
  readonly metadata: CommitMetadata
  readonly nextEventId: () => string
}

/** A sealed commit: its events in position order, one result per write, and its hash. */
export type SealedCommit = {
  readonly events: readonly StoredEvent[]
  readonly results: readonly AppendResult[]
  readonly commitHash: string
}

// ---------------------------------------------------------------- operations

/**
 * The instant a commit is recorded at: the clock's, or the previous commit's when the clock went
 * back, so `recordedAt` never decreases. `previousMs` is `undefined` for the first commit.
 */
export const recordedInstant = (now: Date, previousMs: number | undefined): Date => {
  const nowMs = now.getTime()
  assert(Number.isFinite(nowMs), 'the store clock returned an invalid date')
  return previousMs !== undefined && previousMs > nowMs ? new Date(previousMs) : new Date(nowMs)
}

/**
 * Seals one commit: positions follow `firstPosition` in write order, revisions follow each write's
 * `firstRevision`. Rejects with `limit_exceeded` when an event's stored bytes exceed
 * `EVENT_BYTES_MAX` (nothing has been written yet when it does).
 */
export const sealCommit = (plan: CommitPlan): SealedCommit => {
  assert(plan.writes.length > 0, 'a commit holds at least one write')
  const recordedAt = plan.recordedAt.toISOString()
  const sealed: Omit<StoredEvent, 'commitHash'>[] = []
  let position = plan.firstPosition
  let correlationId = plan.metadata.correlationId
  for (const write of plan.writes) {
    let revision = write.firstRevision
    for (const event of write.events) {
      const eventId = plan.nextEventId()
      // Without a given correlation, the commit starts one named by its first event.
      correlationId ??= eventId
      sealed.push(
        envelope(
          event,
          { eventId, stream: write.stream, revision, position, recordedAt },
          {
            correlationId,
            causationId: plan.metadata.causationId ?? null,
            actor: plan.metadata.actor ?? null,
          },
        ),
      )
      revision += 1n
      position += 1n
    }
  }
  const hash = commitHash(
    plan.previousCommitHash,
    sealed.map((event) => event.hash),
  )
  const events = sealed.map((event) => ({ ...event, commitHash: hash }))
  return { events, results: resultsOf(plan, events, hash), commitHash: hash }
}

// ---------------------------------------------------------------- helpers

type Place = Pick<StoredEvent, 'eventId' | 'stream' | 'revision' | 'position' | 'recordedAt'>
type Cause = Pick<StoredEvent, 'correlationId' | 'causationId' | 'actor'>

const envelope = (
  event: CheckedEvent,
  place: Place,
  cause: Cause,
): Omit<StoredEvent, 'commitHash'> => {
  // A fresh copy parsed from the canonical text: the caller's objects are never shared.
  const data = JSON.parse(event.dataJson) as JsonValue
  const fields = { ...place, ...cause, type: event.type, schemaVersion: event.schemaVersion, data }
  const bytes = storedBytes(fields)
  if (bytes.byteLength > limits.EVENT_BYTES_MAX) {
    throw storeError(
      'limit_exceeded',
      `${event.type} is ${bytes.byteLength} bytes, over EVENT_BYTES_MAX`,
      {
        limit: 'EVENT_BYTES_MAX',
        max: limits.EVENT_BYTES_MAX,
        stream: place.stream,
      },
    )
  }
  return { ...fields, hash: sha256Hex(bytes) }
}

const resultsOf = (
  plan: CommitPlan,
  events: readonly StoredEvent[],
  hash: string,
): AppendResult[] => {
  let index = -1
  return plan.writes.map((write) => {
    index += write.events.length
    const last = events[index]
    assert(last !== undefined && last.stream === write.stream, 'each write ends with its own event')
    return {
      stream: write.stream,
      nextExpectedRevision: last.revision,
      position: last.position,
      commitHash: hash,
    }
  })
}
