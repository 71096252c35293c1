// Which ledger streams have a snapshot stream, so `readSnapshots` can list them: EventStoreDB has
// no listing of streams by name, so the first snapshot of a stream appends its name to one index
// stream (`@snapshot-index[/<namespace>]`, a name no ledger stream can have). A name may appear
// twice (two writers racing, or a retried write); readers keep it once. Listing a page reads the
// whole index in bounded chunks and keeps only the page's names, so memory stays bounded by the
// page; its cost grows with the number of snapshotted streams (snapshots exist only for long
// streams, so there are few), which docs/adapters.md states.
import { jsonEvent, type EventStoreDBClient } from '@eventstore/db-client'
import { isStoreError } from '@wallet-ledger/core/adapter'
import { checkStreamName } from '@wallet-ledger/core/adapter'
import { isStreamNotFound, toStoreError } from './esdbErrors.js'

// ---------------------------------------------------------------- types

/** The index of snapshotted streams. */
export type SnapshotIndex = {
  /** Records that `stream` has (or is about to have) a snapshot stream. */
  readonly add: (stream: string) => Promise<void>
  /** Up to `count` distinct indexed stream names after `after` (all when undefined), sorted. */
  readonly namesAfter: (after: string | undefined, count: number) => Promise<string[]>
}

// ---------------------------------------------------------------- constants

const SNAPSHOT_INDEXED = 'SnapshotIndexed'
// Index events read per round trip.
const INDEX_CHUNK_EVENTS = 512

// ---------------------------------------------------------------- constructors

/** The index kept in `indexStream` on `client`. */
export const createSnapshotIndex = (
  client: EventStoreDBClient,
  indexStream: string,
): SnapshotIndex => {
  // One chunk of the index from `fromRevision`: the names found and whether it was the last.
  const readChunk = async (fromRevision: bigint) => {
    const names: string[] = []
    let count = 0
    try {
      const reads = client.readStream(indexStream, { fromRevision, maxCount: INDEX_CHUNK_EVENTS })
      for await (const resolved of reads) {
        count += 1
        const name = indexedName(resolved.event?.data)
        if (name !== undefined) names.push(name)
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw toStoreError(error, {})
    }
    return { names, isLast: count < INDEX_CHUNK_EVENTS }
  }

  return {
    add: async (stream) => {
      try {
        await client.appendToStream(
          indexStream,
          jsonEvent({ type: SNAPSHOT_INDEXED, data: { stream } }),
        )
      } catch (error) {
        throw toStoreError(error, { stream })
      }
    },
    namesAfter: async (after, count) => {
      // The `count` smallest distinct names above `after`, kept sorted (code-unit order).
      const kept: string[] = []
      for (let from = 0n; ; from += BigInt(INDEX_CHUNK_EVENTS)) {
        const chunk = await readChunk(from)
        for (const name of chunk.names) {
          if (after !== undefined && name <= after) continue
          keepSmallest(kept, name, count)
        }
        if (chunk.isLast) return kept
      }
    },
  }
}

// ---------------------------------------------------------------- helpers

// Inserts `name` into the sorted `kept` unless present, then trims it to `count` names.
const keepSmallest = (kept: string[], name: string, count: number): void => {
  let low = 0
  let high = kept.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((kept[middle] ?? '') < name) low = middle + 1
    else high = middle
  }
  if (kept[low] === name) return
  kept.splice(low, 0, name)
  if (kept.length > count) kept.pop()
}

// The stream an index event names; a malformed one (not written by this code) is passed over.
const indexedName = (data: unknown): string | undefined => {
  const stream = (data as { stream?: unknown } | null | undefined)?.stream
  try {
    return checkStreamName(stream)
  } catch (error) {
    if (isStoreError(error)) return undefined
    throw error
  }
}
