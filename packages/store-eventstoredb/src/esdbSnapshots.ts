// Snapshots in EventStoreDB: one snapshot stream per ledger stream (`@snapshot/<stream>`, a name no
// ledger stream can have), whose last event is the current snapshot or a deletion marker. These
// events carry no ledger envelope, so the log, the positions and the head never see them.
import {
  BACKWARDS,
  END,
  jsonEvent,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client'
import {
  checkSnapshot,
  checkSnapshotEvent,
  checkSnapshotsPage,
  checkStreamName,
  recordedInstant,
  type EventStore,
  type JsonValue,
  type Snapshot,
  type StoredEvent,
} from '@wallet-ledger/core/adapter'
import { isStreamNotFound, toStoreError } from './esdbErrors.js'
import { storedEventOfResolved, type StreamNames } from './esdbRecords.js'
import { createSnapshotIndex } from './esdbSnapshotIndex.js'

// ---------------------------------------------------------------- types

/** What the snapshot methods need from their store. */
export type SnapshotSource = {
  readonly client: EventStoreDBClient
  readonly names: StreamNames
  readonly clock: () => Date
  readonly ensureOpen: () => void
}

type SnapshotMethods = Required<
  Pick<EventStore, 'readSnapshot' | 'writeSnapshot' | 'readSnapshots' | 'deleteSnapshot'>
>

// The snapshot event's data: the state as canonical JSON text, bigints as decimal strings.
type SnapshotData = {
  readonly revision: string
  readonly eventHash: string
  readonly schemaVersion: number
  readonly stateJson: string
  readonly recordedAt: string
}

// ---------------------------------------------------------------- constructors

const SNAPSHOT_TAKEN = 'SnapshotTaken'
const SNAPSHOT_DELETED = 'SnapshotDeleted'

/** The four snapshot methods of the port over EventStoreDB. */
export const createEsdbSnapshots = (source: SnapshotSource): SnapshotMethods => {
  const { client, names } = source
  const index = createSnapshotIndex(client, names.snapshotIndexStream)

  const lastOf = async (
    serverStream: string,
    stream: string,
  ): Promise<ResolvedEvent | undefined> => {
    try {
      const reads = client.readStream(serverStream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })
      let last: ResolvedEvent | undefined
      // Read to the end (one event): leaving a client read early leaves its call open.
      for await (const resolved of reads) last = resolved
      return last
    } catch (error) {
      if (isStreamNotFound(error)) return undefined
      throw toStoreError(error, { stream })
    }
  }

  // The ledger event at `revision`, read by the server's own revision.
  const eventAt = async (stream: string, revision: bigint) => {
    try {
      const reads = client.readStream(names.toServer(stream), {
        fromRevision: revision,
        maxCount: 1,
      })
      let found: StoredEvent | undefined
      for await (const resolved of reads) found = storedEventOfResolved(resolved, names)
      return found
    } catch (error) {
      if (isStreamNotFound(error)) return undefined
      throw toStoreError(error, { stream })
    }
  }

  const append = async (
    stream: string,
    type: string,
    data: SnapshotData | Record<string, never>,
  ) => {
    try {
      await client.appendToStream(names.snapshotStream(stream), jsonEvent({ type, data }))
    } catch (error) {
      throw toStoreError(error, { stream })
    }
  }

  const readSnapshot = async (stream: string): Promise<Snapshot | undefined> => {
    const last = (await lastOf(names.snapshotStream(stream), stream))?.event
    if (last === undefined || last.type !== SNAPSHOT_TAKEN) return undefined
    return snapshotOf(stream, last.data)
  }

  return {
    readSnapshot: async (stream) => {
      source.ensureOpen()
      return readSnapshot(checkStreamName(stream))
    },
    writeSnapshot: async (stream, input) => {
      source.ensureOpen()
      checkStreamName(stream)
      const checked = checkSnapshot(input)
      checkSnapshotEvent(stream, checked, await eventAt(stream, checked.revision))
      // Indexed before its first snapshot lands, so every snapshot is listed by readSnapshots.
      const snapshotStream = names.snapshotStream(stream)
      if ((await lastOf(snapshotStream, stream)) === undefined) await index.add(stream)
      await append(stream, SNAPSHOT_TAKEN, {
        revision: checked.revision.toString(),
        eventHash: checked.eventHash,
        schemaVersion: checked.schemaVersion,
        stateJson: checked.stateJson,
        recordedAt: recordedInstant(source.clock(), undefined).toISOString(),
      })
    },
    readSnapshots: (pageOptions) =>
      page(async () => {
        source.ensureOpen()
        const { afterStream, maxCount } = checkSnapshotsPage(pageOptions)
        const found: Snapshot[] = []
        let after = afterStream
        // Indexed streams whose snapshot was deleted are passed over: ask for more until full.
        while (found.length < maxCount) {
          const streams = await index.namesAfter(after, maxCount - found.length)
          for (const stream of streams) {
            const snapshot = await readSnapshot(stream)
            if (snapshot !== undefined) found.push(snapshot)
          }
          after = streams.at(-1)
          if (after === undefined) break
        }
        return found
      }),
    deleteSnapshot: async (stream) => {
      source.ensureOpen()
      checkStreamName(stream)
      if ((await lastOf(names.snapshotStream(stream), stream)) === undefined) return
      await append(stream, SNAPSHOT_DELETED, {})
    },
  }
}

// ---------------------------------------------------------------- helpers

// The page is read at the first `next()`, so a rejection surfaces there.
async function* page(read: () => Promise<readonly Snapshot[]>): AsyncGenerator<Snapshot, void> {
  yield* await read()
}

// Snapshot streams are written by this code only; a malformed one reads as no snapshot (the
// engine then replays the stream, which is always correct).
const snapshotOf = (stream: string, data: unknown): Snapshot | undefined => {
  const candidate = data as Partial<Record<keyof SnapshotData, unknown>> | null
  if (
    typeof candidate?.revision !== 'string' ||
    !/^(0|[1-9][0-9]*)$/.test(candidate.revision) ||
    typeof candidate.eventHash !== 'string' ||
    !Number.isSafeInteger(candidate.schemaVersion) ||
    typeof candidate.stateJson !== 'string' ||
    typeof candidate.recordedAt !== 'string'
  ) {
    return undefined
  }
  const state = parsed(candidate.stateJson)
  if (state === undefined) return undefined
  return {
    stream,
    revision: BigInt(candidate.revision),
    eventHash: candidate.eventHash,
    schemaVersion: candidate.schemaVersion as number,
    state,
    recordedAt: candidate.recordedAt,
  }
}

const parsed = (json: string): JsonValue | undefined => {
  try {
    return JSON.parse(json) as JsonValue
  } catch {
    return undefined
  }
}
