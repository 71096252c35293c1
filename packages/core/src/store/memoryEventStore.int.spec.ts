// Proves the in-memory store keeps the shared EventStore contract, with appendMany and without it
// (the store the engine's step-by-step workflows run against).
import { describeEventStoreContract } from '@wallet-ledger/testing'
import { createMemoryEventStore } from './memoryEventStore.js'

describeEventStoreContract('memory', {
  create: async () => createMemoryEventStore(),
  dispose: (store) => store.close(),
})

describeEventStoreContract('memory without appendMany', {
  create: async () => createMemoryEventStore({ atomicAppendMany: false }),
  dispose: (store) => store.close(),
})
