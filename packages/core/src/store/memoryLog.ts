// The in-memory store's data, shared by the store, its subscriptions and its test-only tamper
// hooks: one array for the global log and one per stream, so an append is O(1) and a page is a
// slice. Revisions and positions equal array indices until a tamper hook removes an event.
import { assert } from '@wallet-ledger/domain'
import type { Snapshot, StoredEvent } from '../ports/eventStore.js'
import { GENESIS_COMMIT_HASH } from './chain.js'
import { storedEventOf, type SealedEvent } from './sealCommit.js'

// ---------------------------------------------------------------- types

/** Wakes every waiter once; each `wait()` after a `notify()` waits for the next one. */
export type Signal = {
  /** Resolves on the next `notify()`. */
  readonly wait: () => Promise<void>
  /** Wakes everyone waiting now. */
  readonly notify: () => void
}

/** An event's fields without its data: what ordering, indexing and the chain head need. */
export type Envelope = Omit<StoredEvent, 'data'>

/**
 * One event as the log keeps it. An append stores the sealed event, its data as the canonical text
 * that was hashed; the `StoredEvent` readers get is built at the first read (parsed from that
 * text, deep-frozen) and kept, so an append parses and freezes nothing and every reader shares one
 * frozen copy that no reader can change. Once built, the event serves as the envelope too and the
 * text is let go (`dataJson` undefined), so a read log does not keep both forms.
 */
export type MemoryRecord = {
  envelope: Envelope
  dataJson: string | undefined
  event: StoredEvent | undefined
}

/** The in-memory store's state. */
export type MemoryLog = {
  readonly events: MemoryRecord[]
  readonly streams: Map<string, MemoryRecord[]>
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

/**
 * A signal whose waiters all wake on the next `notify()`. The promise is made when someone first
 * waits, so a `notify()` nobody waits for (every commit without a live subscription) costs nothing.
 */
export const createSignal = (): Signal => {
  let pending: { readonly promise: Promise<void>; readonly wake: () => void } | undefined
  return {
    wait: () => {
      if (pending === undefined) {
        let wake: () => void = () => undefined
        const promise = new Promise<void>((resolve) => (wake = resolve))
        pending = { promise, wake }
      }
      return pending.promise
    },
    notify: () => {
      const woken = pending
      pending = undefined
      woken?.wake()
    },
  }
}

/** The record of a sealed event, as a commit appends it: built into a `StoredEvent` when read. */
export const sealedRecord = (sealed: SealedEvent): MemoryRecord => ({
  envelope: sealed,
  dataJson: sealed.dataJson,
  event: undefined,
})

/** The record of an event given whole (the tamper hooks' rewrites): frozen, read as it is. */
export const builtRecord = (event: StoredEvent): MemoryRecord => {
  const frozen = deepFreeze(event)
  return { envelope: frozen, dataJson: undefined, event: frozen }
}

// ---------------------------------------------------------------- operations

/** The event a record stands for, built and frozen at the first read, the same object after. */
export const eventOf = (record: MemoryRecord): StoredEvent => {
  if (record.event !== undefined) return record.event
  const { envelope, dataJson } = record
  assert(dataJson !== undefined, 'a record without a built event keeps its data text')
  const event = deepFreeze(storedEventOf(envelope, dataJson))
  record.event = event
  record.envelope = event
  record.dataJson = undefined
  return event
}

/**
 * The index of the first event whose `key` is at least `offset`: O(1) while indices equal offsets
 * (always, unless a tamper hook removed an event), otherwise a binary search.
 */
export const indexFrom = (
  events: readonly MemoryRecord[],
  offset: bigint,
  key: 'revision' | 'position',
): number => {
  const guess = Number(offset)
  if (
    events[guess]?.envelope[key] === offset &&
    (guess === 0 || events[guess - 1]!.envelope[key] < offset)
  )
    return guess
  let low = 0
  let high = events.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (events[middle]!.envelope[key] < offset) low = middle + 1
    else high = middle
  }
  return low
}

/** The head of the chain: the last event's commit hash and the position after it. */
export const headOf = (
  events: readonly MemoryRecord[],
): { commitHash: string; nextPosition: bigint } => {
  const last = events.at(-1)?.envelope
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
