// Baselines measured in the same process and the same way as the engine (one awaited call after
// the other, timed with performance.now), so the engine's figure reads as a ratio that holds on
// any machine. The main one replays the very commits the engine wrote into a fresh in-memory store
// through appendMany: the same streams, events, expected revisions and commit sizes, with the
// store's own checks, hashing and chaining, but no engine (no codecs, deciders or loading).
import { v7 as uuidV7 } from 'uuid'
import { createMemoryEventStore, iterateAll, sha256Hex, storedBytes } from '@wallet-ledger/core'
import type {
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  StreamWrite,
} from '@wallet-ledger/core'
import { perSecond } from './p2pBenchmark.js'

// ---------------------------------------------------------------- types

/** One baseline: how many operations ran, how long they took, and the rate. */
export type BaselineResult = {
  readonly operations: number
  readonly durationMs: number
  readonly perSecond: number
}

/** One commit as the engine made it: its writes, each with the revision it expected. */
type RecordedCommit = {
  readonly firstPosition: bigint
  readonly writes: readonly StreamWrite[]
}

// ---------------------------------------------------------------- operations

/**
 * Replays every commit of `source` into a fresh in-memory store; times the commits from
 * `fromPosition` on (the earlier ones rebuild the streams they expect). Throws if the fresh store
 * ends on another number of events than the source, which would make the comparison meaningless.
 */
export const measureRawStoreCommits = async (
  source: EventStore,
  fromPosition: bigint,
): Promise<BaselineResult> => {
  const commits = await recordCommits(source)
  let nowMs = Date.parse('2026-01-05T00:00:00.000Z')
  const target = createMemoryEventStore({ clock: () => new Date((nowMs += 1)) })
  const untimed = commits.filter((commit) => commit.firstPosition < fromPosition)
  const timed = commits.filter((commit) => commit.firstPosition >= fromPosition)
  for (const commit of untimed) await appendCommit(target, commit)
  const started = performance.now()
  for (const commit of timed) await appendCommit(target, commit)
  const durationMs = performance.now() - started
  const [sourceHead, targetHead] = await Promise.all([source.readHead(), target.readHead()])
  if (sourceHead.nextPosition !== targetHead.nextPosition) {
    throw new Error(
      `replay wrote ${targetHead.nextPosition} events, the engine ${sourceHead.nextPosition}`,
    )
  }
  await target.close()
  return { operations: timed.length, durationMs, perSecond: perSecond(timed.length, durationMs) }
}

/**
 * sha-256 over the stored bytes of three events (one transfer's worth), `operations` times:
 * the hashing floor of a commit, which every store pays inside its transaction.
 */
export const measureSha256 = (
  events: readonly StoredEvent[],
  operations: number,
): BaselineResult => {
  const started = performance.now()
  for (let index = 0; index < operations; index += 1) {
    for (const event of events) sha256Hex(storedBytes(event))
  }
  const durationMs = performance.now() - started
  return { operations, durationMs, perSecond: perSecond(operations, durationMs) }
}

/** Three uuid v7 ids (one per event of a transfer), `operations` times, from the uuid package. */
export const measureUuidV7 = (operations: number): BaselineResult => {
  const started = performance.now()
  let last = ''
  for (let index = 0; index < operations; index += 1) {
    uuidV7()
    uuidV7()
    last = uuidV7()
  }
  const durationMs = performance.now() - started
  // Using the last id keeps the loop from being optimised away.
  if (last.length !== 36) throw new Error('uuid v7 returned a malformed id')
  return { operations, durationMs, perSecond: perSecond(operations, durationMs) }
}

/** The first commit at or after `fromPosition`, as stored: the sample the sha-256 baseline hashes. */
export const firstCommitFrom = async (
  store: EventStore,
  fromPosition: bigint,
): Promise<readonly StoredEvent[]> => {
  const events: StoredEvent[] = []
  for await (const event of iterateAll(store, { fromPosition })) {
    if (events.length > 0 && events[0]?.commitHash !== event.commitHash) break
    events.push(event)
  }
  return events
}

// ---------------------------------------------------------------- helpers

/** Reads the source's log back into commits (events of one commit share a commit hash). */
const recordCommits = async (source: EventStore): Promise<RecordedCommit[]> => {
  const commits: RecordedCommit[] = []
  let current: { firstPosition: bigint; hash: string; writes: MutableWrite[] } | undefined
  for await (const event of iterateAll(source)) {
    if (current?.hash !== event.commitHash) {
      if (current !== undefined) commits.push(current)
      current = { firstPosition: event.position, hash: event.commitHash, writes: [] }
    }
    const last = current.writes.at(-1)
    const newEvent: NewEvent = {
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
    } as NewEvent
    if (last?.stream === event.stream) last.events.push(newEvent)
    else
      current.writes.push({
        stream: event.stream,
        events: [newEvent],
        expectedRevision: expectedBefore(event),
      })
  }
  if (current !== undefined) commits.push(current)
  return commits
}

type MutableWrite = { stream: string; events: NewEvent[]; expectedRevision: ExpectedRevision }

/** The exact revision a write starting at `event` expected: `no_stream` for a stream's first. */
const expectedBefore = (event: StoredEvent): ExpectedRevision =>
  event.revision === 0n ? 'no_stream' : event.revision - 1n

/** Appends one recorded commit as the engine does: `append` for one stream, else `appendMany`. */
const appendCommit = async (store: EventStore, commit: RecordedCommit): Promise<void> => {
  const [only] = commit.writes
  if (commit.writes.length === 1 && only !== undefined) {
    await store.append(only.stream, only.events, { expectedRevision: only.expectedRevision })
    return
  }
  if (store.appendMany === undefined) throw new Error('the baseline store has no appendMany')
  await store.appendMany(commit.writes)
}
