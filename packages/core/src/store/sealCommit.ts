// Builds the stored form of one commit: envelopes, event hashes and the commit hash. Pure apart
// from the id source it is given, so an adapter calls it inside its transaction, after checking
// the expected revisions and reading the previous commit hash, and then writes what it returns.
import { assert, limits } from '@wallet-ledger/domain'
import type { AppendResult, CommitMetadata, JsonValue, StoredEvent } from '../ports/eventStore.js'
import { storeError } from '../ports/storeError.js'
import { commitHash, sha256Hex, storedJsonAround } from './chain.js'
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
  /** A new unique event id for each event sealed. */
  readonly nextEventId: () => string
}

/**
 * One sealed event: its envelope and both hashes, with its data as the canonical JSON text the hash
 * covers. An adapter stores `dataJson` as it is (the text is the stored truth: parsing it gives
 * the data readers see); `storedEventOf` builds the `StoredEvent`.
 */
export type SealedEvent = Omit<StoredEvent, 'data'> & { readonly dataJson: string }

/** A sealed commit: its events in position order, one result per write, and its hash. */
export type SealedCommit = {
  readonly events: readonly SealedEvent[]
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
 * `firstRevision`. Each event's stored text is built once, around the canonical data text the input
 * check made, and hashed. Rejects with `limit_exceeded` when an event's stored bytes exceed
 * `EVENT_BYTES_MAX` (nothing has been written yet when it does).
 */
export const sealCommit = (plan: CommitPlan): SealedCommit => {
  assert(plan.writes.length > 0, 'a commit holds at least one write')
  const recordedAt = plan.recordedAt.toISOString()
  const causationId = plan.metadata.causationId ?? null
  const actor = plan.metadata.actor ?? null
  // Kept side by side until the commit hash is known, then each sealed event is built once.
  const envelopes: Envelope[] = []
  const dataJsons: string[] = []
  const hashes: string[] = []
  let position = plan.firstPosition
  let correlationId = plan.metadata.correlationId
  for (const write of plan.writes) {
    let revision = write.firstRevision
    for (const event of write.events) {
      const eventId = plan.nextEventId()
      // Without a given correlation, the commit starts one named by its first event.
      correlationId ??= eventId
      const envelope: Envelope = {
        eventId,
        stream: write.stream,
        revision,
        position,
        recordedAt,
        correlationId,
        causationId,
        actor,
        type: event.type,
        schemaVersion: event.schemaVersion,
      }
      envelopes.push(envelope)
      dataJsons.push(event.dataJson)
      hashes.push(hashOf(envelope, event.dataJson))
      revision += 1n
      position += 1n
    }
  }
  const hash = commitHash(plan.previousCommitHash, hashes)
  const events = envelopes.map((envelope, index) =>
    sealed(envelope, dataJsons[index], hashes[index], hash),
  )
  return { events, results: resultsOf(plan, events, hash), commitHash: hash }
}

/**
 * The `StoredEvent` of a stored envelope and its data text (a sealed event gives both: call
 * `storedEventOf(sealed, sealed.dataJson)`): the data is parsed from the text, a fresh copy.
 */
export const storedEventOf = (event: Omit<StoredEvent, 'data'>, dataJson: string): StoredEvent => ({
  eventId: event.eventId,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  recordedAt: event.recordedAt,
  correlationId: event.correlationId,
  causationId: event.causationId,
  actor: event.actor,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: JSON.parse(dataJson) as JsonValue,
  hash: event.hash,
  commitHash: event.commitHash,
})

// ---------------------------------------------------------------- helpers

type Envelope = Omit<StoredEvent, 'data' | 'hash' | 'commitHash'>

const hashOf = (envelope: Envelope, dataJson: string): string => {
  const json = storedJsonAround(envelope, dataJson)
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so most events need no byte count.
  const isSurelyWithin = json.length * 3 <= limits.EVENT_BYTES_MAX
  const byteLength = isSurelyWithin ? 0 : Buffer.byteLength(json, 'utf8')
  if (byteLength > limits.EVENT_BYTES_MAX) {
    throw storeError(
      'limit_exceeded',
      `${envelope.type} is ${byteLength} bytes, over EVENT_BYTES_MAX`,
      {
        limit: 'EVENT_BYTES_MAX',
        max: limits.EVENT_BYTES_MAX,
        stream: envelope.stream,
      },
    )
  }
  return sha256Hex(json)
}

const sealed = (
  envelope: Envelope,
  dataJson: string | undefined,
  hash: string | undefined,
  commitHash: string,
): SealedEvent => {
  assert(dataJson !== undefined && hash !== undefined, 'one data text and one hash per event')
  return {
    eventId: envelope.eventId,
    stream: envelope.stream,
    revision: envelope.revision,
    position: envelope.position,
    recordedAt: envelope.recordedAt,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    actor: envelope.actor,
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    dataJson,
    hash,
    commitHash,
  }
}

const resultsOf = (
  plan: CommitPlan,
  events: readonly SealedEvent[],
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
