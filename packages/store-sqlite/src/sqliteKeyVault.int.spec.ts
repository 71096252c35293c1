// Proves the SQLite key vault keeps keys across a reopen, creates one key per owner even when two
// connections ask at once, and erases for good.
import { describe, expect, it } from 'vitest'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { createSqliteEventStore } from './sqliteEventStore.js'

const nextPath = tempDatabases('sqlite-vault')

describe('the SQLite key vault', () => {
  it('keeps a key across a reopen and gives every caller the same one', async () => {
    const path = nextPath()
    const first = createSqliteEventStore({ path })
    const second = createSqliteEventStore({ path })
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
    const reopened = createSqliteEventStore({ path })
    expect(await reopened.keyVault.findKey('alice')).toEqual(keys[0])
    await reopened.keyVault.erase('alice')
    expect(await reopened.keyVault.findKey('alice')).toBeUndefined()
    expect(await reopened.keyVault.keyFor('alice')).not.toEqual(keys[0])
    await reopened.close()
  })

  it('rejects a bad owner id and a closed store', async () => {
    const store = createSqliteEventStore({ path: nextPath() })
    await expect(store.keyVault.keyFor('')).rejects.toMatchObject({ code: 'invalid_argument' })
    await expect(store.keyVault.findKey('x'.repeat(257))).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    await store.close()
    await expect(store.keyVault.keyFor('alice')).rejects.toMatchObject({ code: 'store_closed' })
  })
})
