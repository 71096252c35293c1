// The stores the engine's property suites run over, each with its run counts: the memory store
// (the reference) and SQLite files. A store package adds itself here (postgres when its server is
// reachable, ...); each suite runs once per store and executor.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import type { EventStore } from '../../ports/eventStore.js'
import { createMemoryEventStore } from '../../store/memoryEventStore.js'
import type { Executor, ManualClock } from './propertyLedger.js'

// ---------------------------------------------------------------- types

/** A kind of store the properties run over. */
export type PropertyStore = {
  readonly name: string
  /** A fresh, empty store; for `'stepwise'` one without `appendMany`. */
  readonly create: (executor: Executor, clock: ManualClock) => EventStore
  /** This store's run count for a suite whose memory run count is `memoryRuns`. */
  readonly numRuns: (memoryRuns: number) => number
}

/** One suite run: a store and an executor. */
export type PropertyCase = {
  readonly label: string
  readonly store: PropertyStore
  readonly executor: Executor
}

// ---------------------------------------------------------------- constructors

/** The reference: every run count as the suite pins it. */
export const MEMORY_PROPERTY_STORE: PropertyStore = {
  name: 'memory',
  create: (executor, clock) =>
    createMemoryEventStore({ clock: clock.now, atomicAppendMany: executor === 'atomic' }),
  numRuns: (memoryRuns) => memoryRuns,
}

// A file per run in one temporary directory per test file; every store is closed after the file.
const sqliteFiles = (() => {
  let directory: string | undefined
  let count = 0
  const opened: EventStore[] = []
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()))
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true })
  })
  return {
    open: (clock: ManualClock): EventStore => {
      directory ??= mkdtempSync(join(tmpdir(), 'wallet-ledger-properties-'))
      const store = createSqliteEventStore({
        path: join(directory, `${(count += 1)}.db`),
        clock: clock.now,
      })
      opened.push(store)
      return store
    },
  }
})()

/**
 * SQLite files (WAL, synchronous NORMAL). A run costs several times a memory run (every commit is
 * an SQLite transaction), so the suites run a quarter as many cases here, at least 5.
 */
export const SQLITE_PROPERTY_STORE: PropertyStore = {
  name: 'sqlite',
  create: (executor, clock) => {
    const store = sqliteFiles.open(clock)
    return executor === 'atomic' ? store : withoutAppendMany(store)
  },
  numRuns: (memoryRuns) => Math.max(5, Math.ceil(memoryRuns / 4)),
}

/** Every store the properties run over. */
export const PROPERTY_STORES: readonly PropertyStore[] = [
  MEMORY_PROPERTY_STORE,
  SQLITE_PROPERTY_STORE,
]

/** Every store with both executors, labelled `"<store>, <executor>"` for test names. */
export const PROPERTY_CASES: readonly PropertyCase[] = PROPERTY_STORES.flatMap((store) =>
  (['atomic', 'stepwise'] as const).map((executor) => ({
    label: `${store.name}, ${executor}`,
    store,
    executor,
  })),
)

// ---------------------------------------------------------------- helpers

/** The same store without `appendMany`, so the engine runs its workflows step by step. */
const withoutAppendMany = (store: EventStore): EventStore => {
  const { appendMany: _appendMany, ...rest } = store
  return rest
}
