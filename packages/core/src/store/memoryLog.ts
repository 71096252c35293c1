// The in-memory store's data, shared by the store, its subscriptions and its test-only tamper
// hooks: one array for the global log and one per stream, so an append is O(1) and a page is a
// slice. Revisions and positions equal array indices until a tamper hook removes an event.
import type { Snapshot, StoredEvent } from '../ports/eventStore.js'
import { GENESIS_COMMIT_HASH } from './chain.js'

// ---------------------------------------------------------------- types

/** Wakes every waiter once; each `wait()` after a `notify()` waits for the next one. */
export type Signal = { readonly wait: () => Promise<void>; readonly notify: () => void }

/** The in-memory store's state. */
export type MemoryLog = {
  readonly events: StoredEvent[]
  readonly streams: Map<string, StoredEvent[]>
  readonly snapshots: Map<string, Snapshot>
  /** Notified after every commit and when a subscription stops. */
  readonly changed: Signal
}

// ---------------------------------------------------------------- constructors

/** An empty log. */
export const createMemoryLog = (): MemoryLog => ({
  events: [],
  streams: new Map(),
  snapshots: new Map(),
  changed: createSignal(),
})

/** A signal whose waiters all wake on the next `notify()`. */
export const createSignal = (): Signal => {
  let wake: () => void = () => undefined
  let next = new Promise<void>((resolve) => (wake = resolve))
  return {
    wait: () => next,
    notify: () => {
      const previous = wake
      next = new Promise<void>((resolve) => (wake = resolve))
      previous()
    },
  }
}

// ---------------------------------------------------------------- operations

/**
 * The index of the first event whose `key` is at least `offset`: O(1) while indices equal offsets
 * (always, unless a tamper hook removed an event), otherwise a binary search.
 */
export const indexFrom = (
  events: readonly StoredEvent[],
  offset: bigint,
  key: 'revision' | 'position',
): number => {
  const guess = Number(offset)
  if (events[guess]?.[key] === offset && (guess === 0 || events[guess - 1]![key] < offset))
    return guess
  let low = 0
  let high = events.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (events[middle]![key] < offset) low = middle + 1
    else high = middle
  }
  return low
}

/** The head of the chain: the last event's commit hash and the position after it. */
export const headOf = (
  events: readonly StoredEvent[],
): { commitHash: string; nextPosition: bigint } => {
  const last = events.at(-1)
  return last === undefined
    ? { commitHash: GENESIS_COMMIT_HASH, nextPosition: 0n }
    : { commitHash: last.commitHash, nextPosition: last.position + 1n }
}

/** Freezes a stored value and everything in it, so no reader can change the store's copy. */
export const deepFreeze = <Value>(value: Value): Value => {
  // Stored values are parsed JSON, nested at most JSON_DEPTH_MAX deep, so the stack stays small.
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  for (const item of Object.values(value)) deepFreeze(item)
  return Object.freeze(value)
}
