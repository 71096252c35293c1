// What the tamper property does to a store behind its back, the same four ways on every store it
// can reach: the memory store through its test-only hooks, SQLite and PostgreSQL by SQL on their
// tables (triggers dropped, as an intruder with write access would), the EventStoreDB test double
// by editing its memory. Positions name events as the store gave them.
import type { MemoryEventStore } from '../../../src/store/memoryEventStore.js'
import { canonicalJson } from '../../../src/store/canonicalJson.js'
import { memoryTamperOf } from '../../../src/store/memoryTamper.js'

// ---------------------------------------------------------------- types

/** Edits of one store's stored log, made without the store's knowledge. */
export type StoreTamper = {
  /** Rewrites the stored data text of the event at `position` (`edit` keeps it valid JSON). */
  readonly editData: (position: bigint, edit: (dataJson: string) => string) => Promise<void>
  /** Replaces the stored event hash of the event at `position`. */
  readonly editHash: (position: bigint, hash: string) => Promise<void>
  /** Deletes the event at `position`. */
  readonly deleteEvent: (position: bigint) => Promise<void>
  /** Makes two events change places in the log; absent where the log cannot be reordered. */
  readonly swapEvents?: (positionA: bigint, positionB: bigint) => Promise<void>
}

// ---------------------------------------------------------------- constructors

/** The memory store's tamper hooks as a `StoreTamper`. */
export const memoryStoreTamper = (store: MemoryEventStore): StoreTamper => {
  const hooks = memoryTamperOf(store)
  return {
    editData: async (position, edit) => {
      let data: unknown
      for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) {
        data = JSON.parse(edit(canonicalJson(event.data)))
      }
      hooks.editEventData(position, data as never)
    },
    editHash: async (position, hash) => hooks.replaceEvent(position, { hash }),
    deleteEvent: async (position) => hooks.dropEvent(position),
    swapEvents: async (positionA, positionB) => hooks.swapEvents(positionA, positionB),
  }
}
