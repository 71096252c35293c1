// Small helpers shared by the store contract cases: the harness that creates and disposes one store
// per test, event factories, page collection, rejection checks and a subscription recorder.
import { afterEach, beforeEach, expect } from 'vitest'
import { isStoreError } from '@wallet-ledger/core'
import type {
  EventHandler,
  EventStore,
  NewEvent,
  StoreError,
  StoreErrorCode,
  StoredEvent,
} from '@wallet-ledger/core'

// ---------------------------------------------------------------- types

/** How the contract suite gets a store: `create` must return an empty, open store. */
export type EventStoreContractOptions = {
  /** A new, empty, open store for one case; the suite closes it after the case. */
  readonly create: () => Promise<EventStore>
  /** Releases a store after a test; called on closed stores too. */
  readonly dispose: (store: EventStore) => Promise<void>
  /**
   * Opens another store on the same database as `store` (a second connection, or the store after
   * a restart); the suite closes it after the test. Absent on stores that cannot (memory): the
   * cases that need it skip, saying so.
   */
  readonly reopen?: (store: EventStore) => Promise<EventStore>
}

/** The store of the running test, and more stores on its database where the store can. */
export type StoreHarness = {
  readonly store: () => EventStore
  /** Another store on the test store's database, or `undefined` when the store cannot. */
  readonly reopen: () => Promise<EventStore> | undefined
}

/** Records deliveries and lets a test wait, without sleeping, until some number arrived. */
export type Recorder = {
  readonly seen: StoredEvent[]
  readonly handler: EventHandler
  readonly until: (count: number) => Promise<void>
}

// ---------------------------------------------------------------- constructors

/** Registers beforeEach/afterEach that give every test its own fresh store. */
export const storeHarness = (options: EventStoreContractOptions): StoreHarness => {
  let current: EventStore | undefined
  const reopened: EventStore[] = []
  beforeEach(async () => {
    current = await options.create()
  })
  afterEach(async () => {
    const store = current
    current = undefined
    // Closed before the test store is disposed (which may drop the database they share).
    await Promise.all(reopened.splice(0).map((other) => other.close()))
    if (store !== undefined) await options.dispose(store)
  })
  const store = (): EventStore => {
    if (current === undefined) throw new Error('no store: create() has not run')
    return current
  }
  return {
    store,
    reopen: () => {
      const { reopen } = options
      if (reopen === undefined) return undefined
      return reopen(store()).then((other) => {
        reopened.push(other)
        return other
      })
    },
  }
}

/** One event of a given type with the given data (schema version 1). */
export const newEvent = (type: string, data: unknown = {}): NewEvent => ({
  type,
  schemaVersion: 1,
  data,
})

/** `count` events numbered from `from`: `{ type: 'Numbered', data: { n } }`. */
export const numbered = (count: number, from = 0): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent('Numbered', { n: from + index }))

/** The numbers carried by events built with `numbered`. */
export const numbersOf = (events: readonly StoredEvent[]): unknown[] =>
  events.map((event) => (event.data as { n?: unknown }).n)

/** A recorder whose `until(n)` resolves once `n` events were delivered. */
export const recorder = (onEvent?: EventHandler): Recorder => {
  const seen: StoredEvent[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  const settle = (): void => {
    for (const waiter of waiters.filter((item) => item.count <= seen.length)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  }
  return {
    seen,
    handler: async (event) => {
      await onEvent?.(event)
      seen.push(event)
      settle()
    },
    until: (count) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve })
        settle()
      }),
  }
}

// ---------------------------------------------------------------- operations

/** Collects one page (a read is bounded by its page size, so this holds at most one page). */
export const page = async <Item = StoredEvent>(events: AsyncIterable<Item>): Promise<Item[]> => {
  const collected: Item[] = []
  for await (const event of events) collected.push(event)
  return collected
}

/** Runs `action` and checks it rejects (or throws) a store error with `code`; returns the error. */
export const expectStoreError = async <Code extends StoreErrorCode>(
  action: () => unknown,
  code: Code,
): Promise<StoreError<Code>> => {
  let caught: unknown
  let rejected = false
  try {
    await action()
  } catch (error) {
    caught = error
    rejected = true
  }
  expect(rejected, `expected a rejection with ${code}`).toBe(true)
  const found = (caught as { code?: unknown } | undefined)?.code
  expect(
    isStoreError(caught, code),
    `expected ${code}, got ${String(found)}: ${String(caught)}`,
  ).toBe(true)
  return caught as StoreError<Code>
}

/** Every event of the store, read page by page from position 0n. */
export const readEverything = async (store: EventStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = []
  for (;;) {
    const last = events.at(-1)
    const next = await page(
      store.readAll({ fromPosition: last === undefined ? 0n : last.position + 1n }),
    )
    events.push(...next)
    if (next.length === 0) return events
  }
}
