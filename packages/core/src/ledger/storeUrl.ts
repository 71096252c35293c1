// Store URLs: `memory:` is served here; every other scheme by its adapter package, loaded on
// demand (an optional peer dependency), so core never depends on a driver.
import type { EventStore } from '../ports/eventStore.js'
import type { StoreAdapterModule } from '../ports/storeAdapter.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'

/** The schemes createLedger knows, and the package that serves each. */
export const STORE_SCHEMES: Readonly<Record<string, string>> = {
  'sqlite:': '@wallet-ledger/store-sqlite',
  'postgres:': '@wallet-ledger/store-postgres',
  'postgresql:': '@wallet-ledger/store-postgres',
  'esdb:': '@wallet-ledger/store-eventstoredb',
  'esdb+discover:': '@wallet-ledger/store-eventstoredb',
  'kurrentdb:': '@wallet-ledger/store-eventstoredb',
}

const schemeList = (): string => ['memory:', ...Object.keys(STORE_SCHEMES)].join(', ')

/** A configuration error: thrown by createLedger, since no ledger exists to return a value. */
export const configurationError = (message: string): Error =>
  Object.assign(new Error(message), { code: 'invalid_configuration' })

const schemeOf = (url: string): string | undefined => /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]

const isMissingModule = (error: unknown, packageName: string): boolean =>
  error instanceof Error &&
  (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' &&
  error.message.includes(packageName)

/** Loads an adapter package; the specifier is a variable so bundlers and lint leave it alone. */
const loadAdapter = async (packageName: string): Promise<StoreAdapterModule> => {
  try {
    const loaded = (await import(packageName)) as Partial<StoreAdapterModule>
    if (typeof loaded.openEventStore !== 'function') {
      throw configurationError(`${packageName} does not export openEventStore(url, options)`)
    }
    return loaded as StoreAdapterModule
  } catch (error) {
    if (!isMissingModule(error, packageName)) throw error
    throw configurationError(
      `store: this URL needs the package ${packageName}; install it beside @wallet-ledger/core ` +
        `(npm install ${packageName})`,
    )
  }
}

/**
 * Opens the store a URL names: `memory:`, `sqlite:<path>`, `postgres://...`, `esdb://...`.
 * Throws `invalid_configuration` for a malformed URL, an unknown scheme or a missing adapter.
 */
export const openStoreUrl = async (url: string, clock: () => Date): Promise<EventStore> => {
  if (url === 'memory:' || url === 'memory://') return createMemoryEventStore({ clock })
  const scheme = schemeOf(url)?.toLowerCase()
  const packageName = scheme === undefined ? undefined : STORE_SCHEMES[scheme]
  if (packageName === undefined) {
    throw configurationError(
      `store: "${url.slice(0, 200)}" is not a store URL; use one of the schemes ${schemeList()}`,
    )
  }
  const adapter = await loadAdapter(packageName)
  return adapter.openEventStore(url, { clock })
}
