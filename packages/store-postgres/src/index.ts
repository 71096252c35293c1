// @wallet-ledger/store-postgres: the PostgreSQL EventStore, with snapshots and a key vault in the
// same database, and the `openEventStore` createLedger calls for `postgres://` URLs.
export type { PostgresEventStore, PostgresEventStoreOptions } from './postgresEventStore.js'
export { POOL_SIZE_MAX, createPostgresEventStore } from './postgresEventStore.js'
export { openEventStore } from './openEventStore.js'
export { SCHEMA_VERSION } from './schema/migrations.js'
/** The longest key-vault owner id (the same for every store). */
export { OWNER_ID_LENGTH_MAX } from '@wallet-ledger/core/adapter'
