// The public names of @wallet-ledger/store-sqlite, listed by name.
export type {
  SqliteEventStore,
  SqliteEventStoreOptions,
  SqliteSynchronous,
} from './sqliteEventStore.js'
export { createSqliteEventStore } from './sqliteEventStore.js'
export { openEventStore, parseSqliteUrl } from './openEventStore.js'
