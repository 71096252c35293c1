// Proves the EventStoreDB adapter keeps the shared EventStore contract against a real server, when
// EVENTSTORE_CONNECTION_STRING names one; without it the suite is skipped, loudly (no server can
// run on our CI machines: test/esdbTestDouble.int.spec.ts runs the same suite over the test double).
import { randomUUID } from 'node:crypto'
import { describe } from 'vitest'
import type { EventStore } from '@wallet-ledger/core'
import { describeEventStoreContract } from '@wallet-ledger/testing'
import { createEventStoreDbEventStore } from './eventStoreDbEventStore.js'

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING ?? ''
const isServerGiven = connectionString !== ''
if (!isServerGiven) {
  console.warn(
    'SKIPPED: the EventStore contract against a real EventStoreDB server, because ' +
      'EVENTSTORE_CONNECTION_STRING is not set (e.g. esdb://localhost:2113?tls=false)',
  )
}

// A fresh namespace per test and per run: a real server keeps every earlier run's events.
const run = randomUUID().slice(0, 8)
let tests = 0
const namespaceOf = new WeakMap<EventStore, string>()

const open = (namespace: string): EventStore => {
  const store = createEventStoreDbEventStore({ connectionString, namespace })
  namespaceOf.set(store, namespace)
  return store
}

describe.skipIf(!isServerGiven)('a real EventStoreDB server', () => {
  describeEventStoreContract('EventStoreDB', {
    create: async () => open(`wl-${run}-${(tests += 1)}`),
    dispose: (store) => store.close(),
    reopen: async (store) => open(namespaceOf.get(store)!),
  })
})
