// Proves the EventStoreDB adapter, through the real @eventstore/db-client over gRPC, keeps the
// shared EventStore contract against the in-process test double (a double, not a server: see
// docs/adapters.md); each test gets its own namespace, so other tests' events are foreign data.
import { afterAll, beforeAll } from 'vitest'
import type { EventStore } from '@wallet-ledger/core'
import { describeEventStoreContract } from '@wallet-ledger/testing'
import { createEventStoreDbEventStore } from '../src/eventStoreDbEventStore.js'
import { startEsdbTestDouble, type EsdbTestDouble } from './esdbTestDouble.js'

let double: EsdbTestDouble | undefined
let namespaces = 0
const namespaceOf = new WeakMap<EventStore, string>()

const open = (namespace: string): EventStore => {
  if (double === undefined) throw new Error('the test double did not start')
  const store = createEventStoreDbEventStore({
    connectionString: double.connectionString,
    namespace,
  })
  namespaceOf.set(store, namespace)
  return store
}

beforeAll(async () => {
  double = await startEsdbTestDouble()
})
afterAll(async () => {
  await double?.stop()
})

describeEventStoreContract('EventStoreDB adapter over the gRPC test double', {
  create: async () => open(`contract-${(namespaces += 1)}`),
  dispose: (store) => store.close(),
  reopen: async (store) => open(namespaceOf.get(store)!),
})
