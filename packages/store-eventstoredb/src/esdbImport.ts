// `importCommit` on EventStoreDB: a commit exported from another store, written with its envelope
// and hashes. EventStoreDB has no multi-stream append, so a commit spanning several streams is
// written as one append per run of consecutive events of one stream, in position order, each at
// the exact revision the export names (the server refuses it if the stream moved). A failure
// between two of those appends leaves a prefix of the commit: audit() then reports the commit as
// broken (its hash covers every event), and docs/adapters.md says so. A single-stream commit is
// one append: all or nothing.
import { NO_STREAM, type EventStoreDBClient } from '@eventstore/db-client'
import { checkImportedCommit, checkStreamName, type StoredEvent } from '@wallet-ledger/core/adapter'
import { assert, limits } from '@wallet-ledger/domain'
import { toStoreError } from './esdbErrors.js'
import type { LogHead } from './esdbLog.js'
import { proposedEventOf, type StreamNames } from './esdbRecords.js'

// ---------------------------------------------------------------- types

/** What an import needs from its store; it runs under the store's writer lock. */
export type ImportSource = {
  readonly client: EventStoreDBClient
  readonly names: StreamNames
  readonly readHead: () => Promise<LogHead>
  readonly lastRevision: (stream: string) => Promise<bigint | 'no_stream'>
}

// ---------------------------------------------------------------- operations

/**
 * Checks `events` against the head and each stream's last revision, then writes them; answers the
 * new head. Rejects `invalid_argument` (nothing written) when the commit does not continue the
 * store exactly.
 */
export const importEsdbCommit = async (
  source: ImportSource,
  events: readonly StoredEvent[],
): Promise<LogHead> => {
  const head = await source.readHead()
  const last = new Map<string, bigint | undefined>()
  // A commit over the limit is refused by the check below: no need to read more streams first.
  for (const event of events.slice(0, limits.APPEND_EVENTS_MAX + 1)) {
    if (last.has(event.stream)) continue
    const revision = await source.lastRevision(checkStreamName(event.stream))
    last.set(event.stream, revision === 'no_stream' ? undefined : revision)
  }
  // Checked whole (positions, revisions, hashes, chain) before the first append.
  const imported = checkImportedCommit(events, head, (stream) => last.get(stream))
  for (const run of runsOf(imported)) {
    const first = run[0]
    assert(first !== undefined, 'a run holds events')
    const stream = first.stream
    const expectedRevision = first.revision === 0n ? NO_STREAM : first.revision - 1n
    try {
      await source.client.appendToStream(source.names.toServer(stream), run.map(proposedEventOf), {
        expectedRevision,
      })
    } catch (error) {
      throw toStoreError(error, {
        stream,
        expected: first.revision === 0n ? 'no_stream' : first.revision - 1n,
      })
    }
  }
  const lastEvent = imported.at(-1)
  assert(lastEvent !== undefined, 'a checked commit holds events')
  const recordedMs = Math.max(Date.parse(lastEvent.recordedAt), head.recordedMs ?? -Infinity)
  return {
    nextPosition: lastEvent.position + 1n,
    commitHash: lastEvent.commitHash,
    recordedMs: Number.isFinite(recordedMs) ? recordedMs : undefined,
  }
}

// ---------------------------------------------------------------- helpers

// Consecutive events of one stream, in position order.
const runsOf = <Event extends StoredEvent>(events: readonly Event[]): Event[][] => {
  const runs: Event[][] = []
  for (const event of events) {
    const open = runs.at(-1)
    if (open?.[0]?.stream === event.stream) open.push(event)
    else runs.push([event])
  }
  return runs
}
