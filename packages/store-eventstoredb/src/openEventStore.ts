// The adapter module's entry for createLedger: opens the store an `esdb://`, `esdb+discover://`
// or `kurrentdb://` URL names (the URL is the client's connection string).
import type { EventStore, StoreOpenOptions } from '@wallet-ledger/core/adapter'
import { configurationError } from '@wallet-ledger/core/adapter'
import { createEventStoreDbEventStore } from './eventStoreDbEventStore.js'

const SCHEME = /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//i

/**
 * Opens an EventStoreDB store from a URL, stamping events with `options.clock`. Throws
 * `invalid_configuration` for a URL of another scheme or one the client cannot parse.
 */
export const openEventStore = async (
  url: string,
  options: StoreOpenOptions,
): Promise<EventStore> => {
  if (!SCHEME.test(url)) {
    throw configurationError(
      'store: an EventStoreDB URL starts with esdb://, esdb+discover:// or kurrentdb://',
    )
  }
  return createEventStoreDbEventStore({ connectionString: url, clock: options.clock })
}
