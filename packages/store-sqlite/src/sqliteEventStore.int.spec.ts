// Proves the SQLite store keeps the shared EventStore contract, on a real file in WAL mode.
import { describeEventStoreContract } from '@wallet-ledger/testing'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { createSqliteEventStore } from './sqliteEventStore.js'

const nextPath = tempDatabases('sqlite-contract')

describeEventStoreContract('sqlite', {
  create: async () => createSqliteEventStore({ path: nextPath() }),
  dispose: (store) => store.close(),
})
