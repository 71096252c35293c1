// Baselines measured in the same process and the same way as the engine (one awaited call after
// the other, timed with performance.now), so the engine's figure reads as a ratio that holds on
// any machine. The main one replays the very commits the engine wrote into a fresh in-memory store
// through append/appendMany: the same streams, events, expected revisions and commit sizes, with
// the store's own checks, hashing and chaining, but no engine (no codecs, deciders or loading). It
// runs interleaved with the engine, chunk by chunk, so a busy machine slows both alike.
import { Bench } from 'tinybench'
import { v7 as uuidV7 } from 'uuid'
import { createMemoryEventStore } from '@wallet-ledger/core'
import { iterateAll, sha256Hex, storedBytes } from '@wallet-ledger/core/adapter'
import type {
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  StreamWrite,
} from '@wallet-ledger/core'
import { cpuMsSince, perSecond } from './p2pBenchmark.js'

// ---------------------------------------------------------------- types

/** One baseline: how many operations ran, how long they took, and the rate. */
export type BaselineResult = {
  readonly operations: number
  readonly durationMs: number
  readonly perSecond: number
  /** Process CPU time (user + system) of the timed part, where measured. */
  readonly cpuMs?: number
}

/** One commit as the engine made it: its writes, each with the revision it expected. */
type RecordedCommit = { readonly writes: readonly StreamWrite[] }

// ---------------------------------------------------------------- operations

/**
 * The raw-store baseline: a fresh in-memory store that replays, commit for commit, what the
 * engine's store received. `catchUp` replays off the clock (the setup, which rebuilds the streams
 * later commits expect); `replay` times the commits; `result` checks the replay wrote as many
 * events as the source holds and gives the rate.
 */
export type RawStoreReplay = {
  readonly catchUp: (source: EventStore, fromPosition: bigint) => Promise<void>
  readonly replay: (source: EventStore, fromPosition: bigint) => Promise<void>
  readonly result: (source: EventStore) => Promise<BaselineResult>
  readonly close: () => Promise<void>
}

/** A raw-store replay into a fresh in-memory store with the same stepping clock as the engine. */
export const createRawStoreReplay = (): RawStoreReplay => {
  let nowMs = Date.parse('2026-01-05T00:00:00.000Z')
  const target = createMemoryEventStore({ clock: () => new Date((nowMs += 1)) })
  let commits = 0
  let durationMs = 0
  let cpuMs = 0
  return {
    catchUp: async (source, fromPosition) => {
      for (const commit of await recordCommits(source, fromPosition)) {
        await appendCommit(target, commit)
      }
    },
    replay: async (source, fromPosition) => {
      const recorded = await recordCommits(source, fromPosition)
      const cpuStarted = process.cpuUsage()
      const started = performance.now()
      for (const commit of recorded) await appendCommit(target, commit)
      durationMs += performance.now() - started
      cpuMs += cpuMsSince(cpuStarted)
      commits += recorded.length
    },
    result: async (source) => {
      const [expected, actual] = await Promise.all([source.readHead(), target.readHead()])
      if (expected.nextPosition !== actual.nextPosition) {
        throw new Error(
          `replay wrote ${actual.nextPosition} events, the engine ${expected.nextPosition}`,
        )
      }
      return { operations: commits, durationMs, perSecond: perSecond(commits, durationMs), cpuMs }
    },
    close: () => target.close(),
  }
}

/**
 * sha-256 over the stored bytes of three events (one transfer's worth, serialised once before the
 * clock starts), `operations` times: the hashing floor every store pays inside its transaction.
 */
export const measureSha256 = (
  events: readonly StoredEvent[],
  operations: number,
): BaselineResult => {
  const bytes = events.map(storedBytes)
  const started = performance.now()
  for (let index = 0; index < operations; index += 1) {
    for (const item of bytes) sha256Hex(item)
  }
  const durationMs = performance.now() - started
  return { operations, durationMs, perSecond: perSecond(operations, durationMs) }
}

/**
 * The same sha-256 floor measured by tinybench (one task: hashing one transfer's three events),
 * `iterations` calls after its warm-up: hashes of 3 events per second, the throughput's mean.
 */
export const benchSha256 = async (
  events: readonly StoredEvent[],
  iterations: number,
): Promise<number> => {
  const bytes = events.map(storedBytes)
  const bench = new Bench({ iterations, time: 0, warmupIterations: Math.min(iterations, 1_000) })
  bench.add('sha-256 of 3 events', () => {
    for (const item of bytes) sha256Hex(item)
  })
  const [task] = await bench.run()
  const result = task?.result
  if (result?.state !== 'completed')
    throw new Error(`tinybench: sha-256 ${result?.state ?? 'missing'}`)
  return result.throughput.mean
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

/**
 * Reads a store's log from `fromPosition` (a commit's first event) back into commits: events of
 * one commit share a commit hash.
 */
const recordCommits = async (
  source: EventStore,
  fromPosition: bigint,
): Promise<RecordedCommit[]> => {
  const commits: RecordedCommit[] = []
  let current: { hash: string; writes: MutableWrite[] } | undefined
  for await (const event of iterateAll(source, { fromPosition })) {
    if (current?.hash !== event.commitHash) {
      if (current !== undefined) commits.push(current)
      current = { hash: event.commitHash, writes: [] }
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

// ---------------------------------------------------------------- helpers

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
