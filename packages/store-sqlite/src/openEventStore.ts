// `sqlite:` URLs, as createLedger passes them: `sqlite:./wallet.db` (relative to the working
// directory), `sqlite:/abs/path.db`, `sqlite::memory:`; options after `?`: `synchronous=FULL`.
import { configurationError } from '@wallet-ledger/core/adapter'
import type { EventStore, StoreOpenOptions } from '@wallet-ledger/core/adapter'
import { createSqliteEventStore, type SqliteSynchronous } from './sqliteEventStore.js'

// ---------------------------------------------------------------- operations

/**
 * Opens the store a `sqlite:` URL names (the adapter entry point createLedger calls). Rejects with
 * `invalid_configuration` for a URL it cannot use, `store_unavailable` when the file cannot open.
 *
 * @example
 * const store = await openEventStore('sqlite:./wallet.db?synchronous=FULL', { clock: () => new Date() })
 */
export const openEventStore = async (
  url: string,
  options: StoreOpenOptions,
): Promise<EventStore> => {
  const { path, synchronous } = parseSqliteUrl(url)
  return createSqliteEventStore({
    path,
    clock: options.clock,
    ...(synchronous === undefined ? {} : { synchronous }),
  })
}

/** The file path and options of a `sqlite:` URL; throws `invalid_configuration` otherwise. */
export const parseSqliteUrl = (
  url: string,
): { readonly path: string; readonly synchronous?: SqliteSynchronous } => {
  const shown = JSON.stringify(String(url).slice(0, 200))
  if (typeof url !== 'string' || !/^sqlite:/i.test(url)) {
    throw configurationError(`store: ${shown} is not a sqlite: URL`)
  }
  const rest = url.slice('sqlite:'.length)
  const queryAt = rest.indexOf('?')
  const path = queryAt === -1 ? rest : rest.slice(0, queryAt)
  if (path.length === 0 || path.includes('\0') || path.startsWith('//')) {
    throw configurationError(
      `store: ${shown} names no file; use sqlite:./wallet.db, sqlite:/abs/path.db or sqlite::memory:`,
    )
  }
  const query = new URLSearchParams(queryAt === -1 ? '' : rest.slice(queryAt + 1))
  let synchronous: SqliteSynchronous | undefined
  for (const [key, value] of query) {
    if (key !== 'synchronous' || (value !== 'NORMAL' && value !== 'FULL')) {
      throw configurationError(`store: ${shown}: the only option is synchronous=NORMAL|FULL`)
    }
    synchronous = value
  }
  return synchronous === undefined ? { path } : { path, synchronous }
}
