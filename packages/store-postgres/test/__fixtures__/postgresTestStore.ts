// Test support: stores in a fresh PostgreSQL schema each (dropped afterwards), on the server that
// WALLET_LEDGER_POSTGRES_URL names (`bash scripts/postgres.sh up` starts one; .ci/run always does).
// Without it the PostgreSQL suites skip, loudly.
import pg from 'pg'
import { describe } from 'vitest'
import {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../../src/postgresEventStore.js'

/** The test server's URL, if any. */
export const POSTGRES_URL = process.env['WALLET_LEDGER_POSTGRES_URL']

const SKIP_REASON =
  'WALLET_LEDGER_POSTGRES_URL is not set: PostgreSQL tests SKIPPED ' +
  '(start a server with `bash scripts/postgres.sh up`; .ci/run always sets it)'

/** `describe` that skips with a console warning when no PostgreSQL server is configured. */
export const describePostgres = (name: string, body: () => void): void => {
  if (POSTGRES_URL === undefined) console.warn(`${name}: ${SKIP_REASON}`)
  describe.skipIf(POSTGRES_URL === undefined)(
    POSTGRES_URL === undefined ? `${name} (skipped: ${SKIP_REASON})` : name,
    body,
  )
}

let schemaCount = 0

/** A schema name no other test (in any worker process) uses. */
export const freshSchema = (): string => {
  schemaCount += 1
  return `test_${process.pid}_${Date.now().toString(36)}_${schemaCount}`
}

/** The test server's URL; throws when the suite should have been skipped. */
export const postgresUrl = (): string => {
  if (POSTGRES_URL === undefined) throw new Error(SKIP_REASON)
  return POSTGRES_URL
}

const schemaOf = new WeakMap<object, string>()

/** A store in a fresh schema (pool of 4 unless told). */
export const createTestStore = async (
  options: Partial<PostgresEventStoreOptions> = {},
): Promise<PostgresEventStore> => {
  const schema = options.schema ?? freshSchema()
  const store = await createPostgresEventStore({
    connectionString: postgresUrl(),
    poolSize: 4,
    ...options,
    schema,
  })
  schemaOf.set(store, schema)
  return store
}

/** The schema of a store made by `createTestStore`. */
export const schemaOfTestStore = (store: object): string => {
  const schema = schemaOf.get(store)
  if (schema === undefined) throw new Error('not a store made by createTestStore')
  return schema
}

/** Another store on the schema of a store made by `createTestStore` (closed by the caller). */
export const reopenTestStore = (store: object): Promise<PostgresEventStore> =>
  createPostgresEventStore({
    connectionString: postgresUrl(),
    poolSize: 4,
    schema: schemaOfTestStore(store),
  })

/** Runs SQL on the test server outside any store (to drop, inspect or tamper). */
export const withClient = async <Value>(
  use: (client: pg.Client) => Promise<Value>,
): Promise<Value> => {
  const client = new pg.Client({ connectionString: postgresUrl() })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/** Drops a schema and everything in it. */
export const dropSchema = (schema: string): Promise<void> =>
  withClient(async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  })

/** Closes a store made by `createTestStore` and drops its schema. */
export const disposeTestStore = async (store: { close: () => Promise<void> }): Promise<void> => {
  await store.close()
  const schema = schemaOf.get(store)
  if (schema !== undefined) await dropSchema(schema)
}
