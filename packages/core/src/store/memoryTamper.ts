// TEST-ONLY hooks that corrupt an in-memory store the way a hostile operator or a broken disk would,
// so audit tests can prove each kind of tampering is caught. They are not part of the EventStore
// port, check nothing, and leave the store unfit for further appends. They are on no public type
// and exported from no entry point: tests reach them with `memoryTamperOf(store)` from this file.
import { assert } from '@wallet-ledger/domain'
import type { JsonValue, StoredEvent } from '../ports/eventStore.js'
import { builtRecord, eventOf, type MemoryLog } from './memoryLog.js'

// ---------------------------------------------------------------- types

/**
 * Test-only corruption of an in-memory store. Events are named by their stored position. Nothing
 * here recomputes a hash or notifies subscriptions.
 */
export type MemoryTamper = {
  /** Replaces an event's data and keeps its old hash (an edited row). */
  readonly editEventData: (position: bigint, data: JsonValue) => void
  /** Overwrites any stored fields of an event but its stream (hashes included, if given). */
  readonly replaceEvent: (position: bigint, patch: Partial<Omit<StoredEvent, 'stream'>>) => void
  /** Removes one event from the global log and from its stream (a middle or a tail event). */
  readonly dropEvent: (position: bigint) => void
  /** Exchanges two events' places in the global log, and in their stream when they share one. */
  readonly swapEvents: (positionA: bigint, positionB: bigint) => void
  /** Removes every event of a stream (a deleted stream), and its snapshot. */
  readonly deleteStream: (stream: string) => void
}

// ---------------------------------------------------------------- constructors

/** The tamper hooks over one log. */
export const createMemoryTamper = (log: MemoryLog): MemoryTamper => {
  const replace = (position: bigint, patch: Partial<Omit<StoredEvent, 'stream'>>): void => {
    const { index, event, streamEvents, streamIndex } = locate(log, position)
    const changed = builtRecord({ ...event, ...patch, stream: event.stream })
    log.events[index] = changed
    streamEvents[streamIndex] = changed
  }
  return {
    editEventData: (position, data) => replace(position, { data: structuredClone(data) }),
    replaceEvent: replace,
    dropEvent: (position) => {
      const { index, streamEvents, streamIndex } = locate(log, position)
      log.events.splice(index, 1)
      streamEvents.splice(streamIndex, 1)
    },
    swapEvents: (positionA, positionB) => {
      const a = locate(log, positionA)
      const b = locate(log, positionB)
      log.events[a.index] = b.record
      log.events[b.index] = a.record
      if (a.event.stream === b.event.stream) {
        a.streamEvents[a.streamIndex] = b.record
        a.streamEvents[b.streamIndex] = a.record
      }
    },
    deleteStream: (stream) => {
      const kept = log.events.filter((record) => record.envelope.stream !== stream)
      log.events.length = 0
      for (const event of kept) log.events.push(event)
      log.streams.delete(stream)
      log.snapshots.delete(stream)
    },
  }
}

// ---------------------------------------------------------------- helpers

const locate = (log: MemoryLog, position: bigint) => {
  // Linear on purpose: after a swap the log is no longer sorted, and this is test-only.
  const index = log.events.findIndex((item) => item.envelope.position === position)
  const record = log.events[index]
  assert(record !== undefined, `no event at position ${position}`)
  const event = eventOf(record)
  const streamEvents = log.streams.get(event.stream)
  assert(streamEvents !== undefined, `stream ${event.stream} is missing`)
  const streamIndex = streamEvents.indexOf(record)
  assert(streamIndex >= 0, `event at position ${position} is missing from its stream`)
  return { index, record, event, streamEvents, streamIndex }
}

// The hooks of each memory store, kept off the store object so no public type carries them.
const TAMPERS = new WeakMap<object, MemoryTamper>()

/** Registers the tamper hooks over `log` for `store` (the memory store's factory only). */
export const attachMemoryTamper = <Store extends object>(store: Store, log: MemoryLog): Store => {
  TAMPERS.set(store, createMemoryTamper(log))
  return store
}

/** TEST-ONLY: the tamper hooks of a store made by `createMemoryEventStore`. */
export const memoryTamperOf = (store: object): MemoryTamper => {
  const tamper = TAMPERS.get(store)
  assert(tamper !== undefined, 'memoryTamperOf: not a memory event store')
  return tamper
}
