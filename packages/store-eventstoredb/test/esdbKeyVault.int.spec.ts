// Proves the EventStoreDB key vault: one key per owner however many callers race to create it,
// the same key from a store opened later (it outlives a restart), and erase makes it unreadable,
// after which a new, different key is created.
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

  it('creates one key per owner, keeps it across stores and forgets it on erase', async () => {
    const first = createEventStoreDbEventStore({ connectionString: double.connectionString })
    const second = createEventStoreDbEventStore({ connectionString: double.connectionString })
    const keys = await Promise.all([
      first.keyVault.keyFor('alice'),
      second.keyVault.keyFor('alice'),
      first.keyVault.keyFor('alice'),
    ])
    expect(keys[0]).toHaveLength(32)
    expect(keys[1]).toEqual(keys[0])
    expect(keys[2]).toEqual(keys[0])
    expect(await first.keyVault.keyFor('bob')).not.toEqual(keys[0])
    await first.close()
    await second.close()

    const reopened = createEventStoreDbEventStore({ connectionString: double.connectionString })
    expect(await reopened.keyVault.findKey('alice')).toEqual(keys[0])
    await reopened.keyVault.erase('alice')
    expect(await reopened.keyVault.findKey('alice')).toBeUndefined()
    expect(await reopened.keyVault.keyFor('alice')).not.toEqual(keys[0])
    // The erasure also truncates the key stream before it, for the server's scavenge.
    const aliceStream = `@key/${Buffer.from('alice').toString('hex')}`
    expect(double.log.streams.get(`$$${aliceStream}`)).toHaveLength(1)
    // Key streams are not ledger events.
    expect((await reopened.readHead()).nextPosition).toBe(0n)
    await reopened.close()
  })

  it('refuses an empty or overlong owner id', async () => {
    const store = createEventStoreDbEventStore({ connectionString: double.connectionString })
    await expect(store.keyVault.keyFor('')).rejects.toMatchObject({ code: 'invalid_argument' })
    await expect(store.keyVault.findKey('x'.repeat(257))).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    await store.close()
  })
})
