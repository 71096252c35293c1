// The public names of @wallet-ledger/store-eventstoredb, listed by name.
export type {
  EventStoreDbEventStore,
  EventStoreDbEventStoreOptions,
} from './eventStoreDbEventStore.js'
export { createEventStoreDbEventStore } from './eventStoreDbEventStore.js'
export { openEventStore } from './openEventStore.js'
