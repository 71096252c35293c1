// What an adapter package exports so that createLedger can open it from a URL.
import type { EventStore } from './eventStore.js'

/** Options createLedger passes to an adapter it opens from a URL. */
export type StoreOpenOptions = {
  /** The ledger's clock: `recordedAt` of new events comes from it. */
  readonly clock: () => Date
}

/**
 * The module shape of a store package (`@wallet-ledger/store-sqlite` ...): one function that opens
 * the store a URL names. It rejects with an `Error` whose `code` is `invalid_configuration` for a
 * URL it cannot use, and with a store error (`store_unavailable`) when the store cannot be reached.
 */
export type StoreAdapterModule = {
  /** Opens the store a URL names (see the type's description for its failures). */
  readonly openEventStore: (url: string, options: StoreOpenOptions) => Promise<EventStore>
}
