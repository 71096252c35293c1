// The stores the engine's property suites run over, each with its run counts: the memory store
// (the reference) and SQLite files. A store package adds itself here (postgres when its server is
// reachable, ...); each suite runs once per store and executor.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createEventStoreDbEventStore } from '@wallet-ledger/store-eventstoredb'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
// The EventStoreDB test double is test code of its package, never published: reached by path.
import {
  startEsdbTestDouble,
  type EsdbTestDouble,
} from '../../../../store-eventstoredb/test/esdbTestDouble.js'
import { esdbDoubleTamper } from '../../../../store-eventstoredb/test/esdbDoubleTamper.js'
// The PostgreSQL store's test support (fresh schemas, dropped after use), reached by path likewise.
import {
  POSTGRES_URL,
  createTestStore,
  disposeTestStore,
} from '../../../../store-postgres/test/__fixtures__/postgresTestStore.js'
import { postgresStoreTamper } from '../../../../store-postgres/test/__fixtures__/postgresTamper.js'
import { sqliteStoreTamper } from '../../../../store-sqlite/test/__fixtures__/sqliteTamper.js'
import type { EventStore } from '../../../src/ports/eventStore.js'
import { createMemoryEventStore } from '../../../src/store/memoryEventStore.js'
import type { Executor, ManualClock } from './propertyLedger.js'
import { memoryStoreTamper, type StoreTamper } from './storeTamper.js'

// ---------------------------------------------------------------- types

/** A kind of store the properties run over. */
export type PropertyStore = {
  readonly name: string
  /** A fresh, empty store; for `'stepwise'` one without `appendMany`. */
  readonly create: (executor: Executor, clock: ManualClock) => EventStore | Promise<EventStore>
  /** This store's run count for a suite whose memory run count is `memoryRuns`. */
  readonly numRuns: (memoryRuns: number) => number
  /** The executors it runs with; default both (a store without `appendMany` has only one). */
  readonly executors?: readonly Executor[]
  /**
   * What the tamper property may do to this kind's stores (`tamperOf`): `'rows'` edit, delete and
   * swap rows; `'append-only'` edit and delete but not reorder (EventStoreDB); absent: nothing.
   */
  readonly tampering?: 'rows' | 'append-only'
  /** The time one property may take on this store; default `PROPERTY_TIMEOUT_MS`. */
  readonly timeoutMs?: number
}

/** How long one property may take on a store in memory or on a local file. */
export const PROPERTY_TIMEOUT_MS = 60_000

/** One suite run: a store and an executor. */
export type PropertyCase = {
  readonly label: string
  readonly store: PropertyStore
  readonly executor: Executor
}

// ---------------------------------------------------------------- constructors

// How to tamper with each store these kinds made, for the tamper property (a WeakMap: the stores
// are closed and forgotten after their test file).
const tampers = new WeakMap<EventStore, StoreTamper>()
const withTamper = <Store extends EventStore>(store: Store, tamper: StoreTamper): Store => {
  tampers.set(store, tamper)
  return store
}

/** Edits of `store`'s log behind its back, for a store made here that can be tampered with. */
export const tamperOf = (store: EventStore): StoreTamper | undefined => tampers.get(store)

/** The reference: every run count as the suite pins it. */
export const MEMORY_PROPERTY_STORE: PropertyStore = {
  name: 'memory',
  create: (executor, clock) => {
    const store = createMemoryEventStore({
      clock: clock.now,
      atomicAppendMany: executor === 'atomic',
    })
    return withTamper(store, memoryStoreTamper(store))
  },
  numRuns: (memoryRuns) => memoryRuns,
  tampering: 'rows',
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
    open: (clock: ManualClock): { store: EventStore; tamper: StoreTamper } => {
      directory ??= mkdtempSync(join(tmpdir(), 'wallet-ledger-properties-'))
      const path = join(directory, `${(count += 1)}.db`)
      const store = createSqliteEventStore({ path, clock: clock.now })
      opened.push(store)
      return { store, tamper: sqliteStoreTamper(path) }
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
    const { store, tamper } = sqliteFiles.open(clock)
    return withTamper(executor === 'atomic' ? store : withoutAppendMany(store), tamper)
  },
  numRuns: (memoryRuns) => Math.max(5, Math.ceil(memoryRuns / 4)),
  tampering: 'rows',
}

// PostgreSQL stores, each in a fresh schema on the server WALLET_LEDGER_POSTGRES_URL names (the
// store package's test support, reached by path: it is never published), dropped after the file.
const postgresStores = () => {
  const opened: EventStore[] = []
  afterAll(async () => {
    for (const store of opened.splice(0)) await disposeTestStore(store)
  })
  return async (clock: ManualClock): Promise<EventStore> => {
    const store = await createTestStore({ clock: clock.now, poolSize: 2 })
    opened.push(store)
    return store
  }
}

/**
 * PostgreSQL through its pool: every commit is a transaction of four round trips under the commit
 * lock and every run migrates a fresh schema, so the suites run a tenth as many cases, at least 3.
 */
const postgresPropertyStore = (): PropertyStore => {
  const open = postgresStores()
  return {
    name: 'postgres',
    create: async (executor, clock) => {
      const store = await open(clock)
      const tamper = postgresStoreTamper(store)
      return withTamper(executor === 'atomic' ? store : withoutAppendMany(store), tamper)
    },
    numRuns: (memoryRuns) => Math.max(3, Math.ceil(memoryRuns / 10)),
    tampering: 'rows',
    timeoutMs: 300_000,
  }
}

if (POSTGRES_URL === undefined) {
  console.warn(
    'SKIPPED: the engine properties over PostgreSQL, because WALLET_LEDGER_POSTGRES_URL is not ' +
      'set (start a server with `bash scripts/postgres.sh up`; .ci/run always sets it)',
  )
}

// EventStoreDB stores, each in a namespace of its own on one server per test file (the test double
// unless `connectionString` is given), closed after the file.
const eventStoreDbStores = (connectionString: string | undefined) => {
  let double: EsdbTestDouble | undefined
  let count = 0
  const opened: EventStore[] = []
  const run = Date.now().toString(36)
  beforeAll(async () => {
    if (connectionString === undefined) double = await startEsdbTestDouble()
  })
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()))
    await double?.stop()
  })
  return (clock: ManualClock): EventStore => {
    const server = connectionString ?? double?.connectionString
    if (server === undefined) throw new Error('the EventStoreDB test double did not start')
    const namespace = `properties-${run}-${(count += 1)}`
    const store = createEventStoreDbEventStore({ connectionString: server, clock: clock.now, namespace })
    opened.push(store)
    // Only the test double's memory can be edited; a real server's cannot from here.
    return double === undefined ? store : withTamper(store, esdbDoubleTamper(double.log, namespace))
  }
}

/**
 * EventStoreDB through its real client, over the in-process gRPC test double (not a server: see
 * docs/adapters.md). Every store call is a gRPC round trip (a model run makes about 350), and the
 * store has no `appendMany`: it runs stepwise only, a twentieth as many cases, at least 2.
 */
const eventStoreDbPropertyStore = (name: string, connectionString?: string): PropertyStore => {
  const open = eventStoreDbStores(connectionString)
  return {
    name,
    create: (_executor, clock) => open(clock),
    numRuns: (memoryRuns) => Math.max(2, Math.ceil(memoryRuns / 20)),
    executors: ['stepwise'],
    ...(connectionString === undefined ? { tampering: 'append-only' as const } : {}),
    // Round trips wait on a loaded machine's scheduler: 60 s was seen not to be enough.
    timeoutMs: 300_000,
  }
}

const esdbServer = process.env.EVENTSTORE_CONNECTION_STRING
if (esdbServer === undefined || esdbServer === '') {
  console.warn(
    'SKIPPED: the engine properties over a real EventStoreDB server, because ' +
      'EVENTSTORE_CONNECTION_STRING is not set (they run over the EventStoreDB test double)',
  )
}

/** Every store the properties run over. */
export const PROPERTY_STORES: readonly PropertyStore[] = [
  MEMORY_PROPERTY_STORE,
  SQLITE_PROPERTY_STORE,
  ...(POSTGRES_URL === undefined ? [] : [postgresPropertyStore()]),
  eventStoreDbPropertyStore('eventstoredb test double'),
  ...(esdbServer === undefined || esdbServer === ''
    ? []
    : [eventStoreDbPropertyStore('eventstoredb server', esdbServer)]),
]

/** Every store with both executors, labelled `"<store>, <executor>"` for test names. */
export const PROPERTY_CASES: readonly PropertyCase[] = PROPERTY_STORES.flatMap((store) =>
  (store.executors ?? (['atomic', 'stepwise'] as const)).map((executor) => ({
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
