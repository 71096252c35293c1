// Proves the SQLite store keeps the shared EventStore contract, on a real file in WAL mode (reopened
// on the same file where a case needs a second connection or a restart).
import type { EventStore } from '@wallet-ledger/core'
import { describeEventStoreContract } from '@wallet-ledger/testing'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { createSqliteEventStore } from './sqliteEventStore.js'

const nextPath = tempDatabases('sqlite-contract')
const pathOf = new WeakMap<EventStore, string>()

const open = (path: string): EventStore => {
  const store = createSqliteEventStore({ path })
  pathOf.set(store, path)
  return store
}

describeEventStoreContract('sqlite', {
  create: async () => open(nextPath()),
  dispose: (store) => store.close(),
  reopen: async (store) => open(pathOf.get(store)!),
})
