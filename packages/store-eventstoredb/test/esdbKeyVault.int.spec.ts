// Proves what the EventStoreDB key vault does beyond the shared contract's key-vault cases: an
// erasure also truncates the owner's key stream before it (so a scavenge removes the key's bytes),
// and key streams are never ledger events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEventStoreDbEventStore } from '../src/eventStoreDbEventStore.js'
import { startEsdbTestDouble, type EsdbTestDouble } from './esdbTestDouble.js'

describe('EventStoreDB key vault', () => {
  let double: EsdbTestDouble
  beforeEach(async () => {
    double = await startEsdbTestDouble()
  })
  afterEach(async () => {
    await double.stop()
  })

  it('truncates the key stream on erase and keeps keys out of the ledger log', async () => {
    const store = createEventStoreDbEventStore({ connectionString: double.connectionString })
    const key = await store.keyVault.keyFor('alice')
    await store.keyVault.erase('alice')
    expect(await store.keyVault.findKey('alice')).toBeUndefined()
    expect(await store.keyVault.keyFor('alice')).not.toEqual(key)
    const aliceStream = `@key/${Buffer.from('alice').toString('hex')}`
    // The stream's metadata names the erasure as the first readable event.
    expect(double.log.streams.get(`$$${aliceStream}`)).toHaveLength(1)
    expect((await store.readHead()).nextPosition).toBe(0n)
    await store.close()
  })
})
