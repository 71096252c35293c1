// The ledger's global log inside EventStoreDB's `$all`. `$all` positions are opaque (commit and
// prepare offsets in the server's files) and `$all` holds other events too (system events,
// snapshots, other applications), so the ledger's own contiguous position travels in each event's
// metadata and readers scan `$all` forwards, keeping the ledger's events. A sparse index of
// ledger position -> the event's own `$all` position, learnt from every scan, lets a read start
// near where it is asked instead of at the beginning.
import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client'
import { GENESIS_COMMIT_HASH, type StoredEvent } from '@wallet-ledger/core/adapter'
import { assert } from '@wallet-ledger/domain'
import { toStoreError } from './esdbErrors.js'
import {
  allPositionOf,
  storedEventOfResolved,
  type AllPosition,
  type StreamNames,
} from './esdbRecords.js'

// ---------------------------------------------------------------- types

/** The end of the ledger's log as this process knows it. */
export type LogHead = {
  readonly nextPosition: bigint
  readonly commitHash: string
  /** The last event's `recordedAt` in ms (`undefined` for an empty log): the clock's floor. */
  readonly recordedMs: number | undefined
}

/** One scan of `$all`: the ledger events found and the last `$all` position looked at. */
export type LogScan = {
  readonly events: readonly StoredEvent[]
  readonly lastSeen: AllPosition | undefined
}

/** Reads the ledger's log out of `$all`. */
export type EsdbLog = {
  /** Up to `maxCount` ledger events from `fromPosition` on, in position order. */
  readonly scan: (fromPosition: bigint, maxCount: number) => Promise<LogScan>
  /** The head, read from the end of `$all` (the last ledger event there). */
  readonly readHead: () => Promise<LogHead>
}

// ---------------------------------------------------------------- constructors

// `$all` events read per round trip; foreign events in between cost reads, not results.
const SCAN_CHUNK_EVENTS = 512

/** The log of the ledger whose streams `names` maps, read through `client`. */
export const createEsdbLog = (client: EventStoreDBClient, names: StreamNames): EsdbLog => {
  // Sorted by position; one mark per scan or append is plenty to start reads nearby.
  const marks: { position: bigint; allPosition: AllPosition }[] = []

  const remember = (position: bigint, allPosition: AllPosition): void => {
    const index = firstAbove(marks, position)
    if (marks[index - 1]?.position === position) return
    marks.splice(index, 0, { position, allPosition })
  }

  const scan = async (fromPosition: bigint, maxCount: number): Promise<LogScan> => {
    const events: StoredEvent[] = []
    // A mark is the `$all` position of a ledger event at or before `fromPosition`: read from it,
    // inclusive, then from the last event seen, exclusive.
    let cursor = marks[firstAbove(marks, fromPosition) - 1]?.allPosition
    let lastSeen = cursor
    let isFirstChunk = true
    for (;;) {
      const chunk = await readChunk(client, FORWARDS, cursor, !isFirstChunk)
      isFirstChunk = false
      for (const resolved of chunk.events) {
        lastSeen = allPositionOf(resolved) ?? lastSeen
        const event = storedEventOfResolved(resolved, names)
        if (event === undefined || event.position < fromPosition) continue
        if (events.length === 0 && lastSeen !== undefined) remember(event.position, lastSeen)
        events.push(event)
        if (events.length === maxCount) return { events, lastSeen }
      }
      if (chunk.isLast) return { events, lastSeen }
      assert(lastSeen !== cursor, 'a full chunk of $all moves the cursor')
      cursor = lastSeen
    }
  }

  const readHead = async (): Promise<LogHead> => {
    let cursor: AllPosition | undefined
    for (;;) {
      const chunk = await readChunk(client, BACKWARDS, cursor, true)
      const previous = cursor
      for (const resolved of chunk.events) {
        cursor = allPositionOf(resolved) ?? cursor
        const event = storedEventOfResolved(resolved, names)
        if (event === undefined) continue
        if (cursor !== undefined) remember(event.position, cursor)
        return {
          nextPosition: event.position + 1n,
          commitHash: event.commitHash,
          recordedMs: Date.parse(event.recordedAt),
        }
      }
      if (chunk.isLast) {
        return { nextPosition: 0n, commitHash: GENESIS_COMMIT_HASH, recordedMs: undefined }
      }
      assert(previous !== cursor, 'a full chunk of $all moves the cursor')
    }
  }

  return { scan, readHead }
}

// ---------------------------------------------------------------- helpers

type Chunk = { readonly events: readonly ResolvedEvent[]; readonly isLast: boolean }

// Reads one chunk of `$all` starting at `cursor` (or at an end). With `isCursorSeen` the event at
// the cursor itself is left out (whether a server includes it depends on the direction).
const readChunk = async (
  client: EventStoreDBClient,
  direction: typeof FORWARDS | typeof BACKWARDS,
  cursor: AllPosition | undefined,
  isCursorSeen: boolean,
): Promise<Chunk> => {
  const fromPosition = cursor ?? (direction === FORWARDS ? START : END)
  const events: ResolvedEvent[] = []
  let count = 0
  try {
    for await (const resolved of client.readAll({
      direction,
      fromPosition,
      maxCount: SCAN_CHUNK_EVENTS,
    })) {
      count += 1
      const at = allPositionOf(resolved)
      if (isCursorSeen && cursor !== undefined && at !== undefined && isSame(at, cursor)) continue
      events.push(resolved)
    }
  } catch (error) {
    throw toStoreError(error, {})
  }
  return { events, isLast: count < SCAN_CHUNK_EVENTS }
}

const isSame = (left: AllPosition, right: AllPosition): boolean =>
  left.commit === right.commit && left.prepare === right.prepare

// The index of the first mark whose position is above `position` (binary search).
const firstAbove = (marks: readonly { position: bigint }[], position: bigint): number => {
  let low = 0
  let high = marks.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((marks[middle]?.position ?? 0n) <= position) low = middle + 1
    else high = middle
  }
  return low
}
