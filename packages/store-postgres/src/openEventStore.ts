// createLedger's entry point for `postgres://` and `postgresql://` URLs (StoreAdapterModule).
import { configurationError, type StoreOpenOptions } from '@wallet-ledger/core/adapter'
import { createPostgresEventStore, type PostgresEventStore } from './postgresEventStore.js'

// ---------------------------------------------------------------- operations

/**
 * Opens the store a URL names: `postgres://user:password@host:port/database`, or `postgresql://`.
 * Besides the driver's parameters (`sslmode`, ...), the query may carry `schema=<name>` (default
 * `wallet_ledger`) and `poolSize=<n>` (default 10). Rejects `invalid_configuration` for another
 * scheme or a malformed URL, `store_unavailable` when the server cannot be reached.
 *
 * @example
 * const store = await openEventStore('postgres://app@db:5432/wallet?schema=tenant_a', { clock })
 */
export const openEventStore = async (
  url: string,
  options: StoreOpenOptions,
): Promise<PostgresEventStore> => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    // The URL may hold a password: never echo it.
    throw configurationError('store: a malformed postgres:// URL')
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw configurationError(`store: ${parsed.protocol} is not a postgres:// or postgresql:// URL`)
  }
  const schema = parsed.searchParams.get('schema') ?? undefined
  const poolSizeText = parsed.searchParams.get('poolSize') ?? undefined
  parsed.searchParams.delete('schema')
  parsed.searchParams.delete('poolSize')
  const poolSize = poolSizeText === undefined ? undefined : Number(poolSizeText)
  // The driver reads the URL itself; it gets it untouched unless our parameters are taken out.
  const isOwnParameterGiven = schema !== undefined || poolSizeText !== undefined
  return createPostgresEventStore({
    connectionString: isOwnParameterGiven ? parsed.toString() : url,
    clock: options.clock,
    ...(schema === undefined ? {} : { schema }),
    ...(poolSize === undefined ? {} : { poolSize }),
  })
}
