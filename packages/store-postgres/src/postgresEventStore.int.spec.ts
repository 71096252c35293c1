// Proves the PostgreSQL store keeps the shared EventStore contract, on a real server.
import { describeEventStoreContract } from '@wallet-ledger/testing'
import {
  createTestStore,
  describePostgres,
  disposeTestStore,
  reopenTestStore,
} from '../test/__fixtures__/postgresTestStore.js'

describePostgres('store-postgres', () => {
  describeEventStoreContract('postgres', {
    create: () => createTestStore(),
    dispose: disposeTestStore,
    reopen: reopenTestStore,
  })
})
