// Contract cases for a store's own key vault (`store.keyVault`), on stores that offer one: one key
// per owner however many callers race to create it, across connections too; keys kept across a
// reopen; erase final (a later keyFor makes a new key); bad owner ids and closed stores refused.
import { describe, expect, it } from 'vitest'
import type { EventStore, KeyVault } from '@wallet-ledger/core'
import { expectStoreError, type StoreHarness } from './fixtures.js'

const hexOf = (key: Uint8Array | undefined): string | undefined =>
  key === undefined ? undefined : Buffer.from(key).toString('hex')

const vaultOf = (store: EventStore): KeyVault | undefined => store.keyVault

/** Registers the key-vault cases. */
export const keyVaultCases = (harness: StoreHarness): void => {
  describe('keyVault', () => {
    it('gives racing callers one 32-byte key per owner, and another owner another', async (context) => {
      const vault = vaultOf(harness.store())
      if (vault === undefined) return context.skip('this store has no key vault')
      const keys = await Promise.all([
        vault.keyFor('alice'),
        vault.keyFor('alice'),
        vault.keyFor('alice'),
      ])
      expect(keys[0]).toHaveLength(32)
      expect(new Set(keys.map(hexOf))).toEqual(new Set([hexOf(keys[0])]))
      expect(hexOf(await vault.findKey('alice'))).toBe(hexOf(keys[0]))
      expect(hexOf(await vault.keyFor('bob'))).not.toBe(hexOf(keys[0]))
      expect(await vault.findKey('nobody')).toBeUndefined()
    })

    it('erases a key for good; a later keyFor makes a new one', async (context) => {
      const vault = vaultOf(harness.store())
      if (vault === undefined) return context.skip('this store has no key vault')
      const first = hexOf(await vault.keyFor('alice'))
      const bob = hexOf(await vault.keyFor('bob'))
      await vault.erase('alice')
      await vault.erase('nobody')
      expect(await vault.findKey('alice')).toBeUndefined()
      expect(hexOf(await vault.findKey('bob'))).toBe(bob)
      const second = hexOf(await vault.keyFor('alice'))
      expect(second).toHaveLength(64)
      expect(second).not.toBe(first)
    })

    it('shares keys between stores on one database and keeps them across a reopen', async (context) => {
      const store = harness.store()
      const vault = vaultOf(store)
      if (vault === undefined) return context.skip('this store has no key vault')
      const opening = harness.reopen()
      if (opening === undefined) return context.skip('this store cannot be reopened (memory)')
      const other = vaultOf(await opening)!
      const keys = await Promise.all([
        vault.keyFor('alice'),
        other.keyFor('alice'),
        vault.keyFor('alice'),
        other.keyFor('alice'),
      ])
      expect(new Set(keys.map(hexOf)).size).toBe(1)
      await store.close()
      const reopened = vaultOf((await harness.reopen())!)!
      expect(hexOf(await reopened.findKey('alice'))).toBe(hexOf(keys[0]))
      await reopened.erase('alice')
      expect(await other.findKey('alice')).toBeUndefined()
    })

    it('refuses an empty or overlong owner id, and a closed store', async (context) => {
      const store = harness.store()
      const vault = vaultOf(store)
      if (vault === undefined) return context.skip('this store has no key vault')
      await expectStoreError(() => vault.keyFor(''), 'invalid_argument')
      await expectStoreError(() => vault.findKey('x'.repeat(257)), 'invalid_argument')
      await expectStoreError(() => vault.erase(''), 'invalid_argument')
      expect(await vault.findKey('x'.repeat(256))).toBeUndefined()
      await store.close()
      await expectStoreError(() => vault.keyFor('alice'), 'store_closed')
      await expectStoreError(() => vault.findKey('alice'), 'store_closed')
    })
  })
}
