// Proves forgetOwner records ContactErased, shreds the owner's key for good (the next write gets a
// new key; what the old one sealed reads erased), leaves balances, history and audit unchanged,
// leaves other owners readable, and refuses unverified, unknown or malformed requests.
import { describe, expect, it } from 'vitest'
import { createLedger } from '../ledger/createLedger.js'
import { orThrow } from '../ledger/result.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import { createMemoryKeyVault } from './keyVault.js'
import { openForOwner } from './ownerKeys.js'
import type { EventStore } from '../ports/eventStore.js'

const VERIFIED = { method: 'two_factor', verified: true } as const
const contactOf = (name: string) => ({
  phone: `+86138${name.length}2341234`,
  email: `${name}@x.io`,
})

const sealedOf = async (store: EventStore, accountId: string): Promise<string[]> => {
  const sealed: string[] = []
  for await (const event of store.readAll()) {
    const data = event.data as { accountId?: string; contact?: string; destination?: unknown }
    if (data.accountId !== accountId) continue
    if (typeof data.contact === 'string') sealed.push(data.contact)
    const destination = data.destination as { reference?: unknown } | undefined
    if (typeof destination?.reference === 'string') sealed.push(destination.reference)
  }
  return sealed
}

const setUp = async () => {
  const store = createMemoryEventStore()
  const keyVault = createMemoryKeyVault()
  const ledger = await createLedger({ store, keyVault })
  for (const accountId of ['alice', 'bob']) {
    orThrow(await ledger.openAccount({ accountId, kind: 'user', contact: contactOf(accountId) }))
    orThrow(
      await ledger.deposit({
        ...{ accountId, asset: 'USD', amount: '100.00', idempotencyKey: `d-${accountId}` },
        source: { type: 'bank_transfer', reference: `seed-${accountId}` },
      }),
    )
    orThrow(
      await ledger.requestWithdrawal({
        ...{ accountId, asset: 'USD', amount: '10.00', idempotencyKey: `w-${accountId}` },
        destination: { type: 'bank_account', bank: 'ACME', accountNumber: `DE44${accountId}` },
      }),
    )
  }
  return { store, keyVault, ledger }
}

describe('forgetOwner', () => {
  it('shreds the key, records the forgetting, and keeps money and audit intact', async () => {
    const { store, keyVault, ledger } = await setUp()
    const before = {
      balances: orThrow(await ledger.balances('alice')),
      history: orThrow(await ledger.history('alice')),
    }
    const sealedBefore = await sealedOf(store, 'alice')
    expect(sealedBefore).toHaveLength(2)
    orThrow(await ledger.forgetOwner({ accountId: 'alice', authorization: VERIFIED }))

    const erased = await Promise.all(sealedBefore.map((s) => openForOwner(keyVault, 'alice', s)))
    expect(erased).toEqual([{ state: 'erased' }, { state: 'erased' }])
    expect(await keyVault.findKey('alice')).toBeUndefined()
    expect(orThrow(await ledger.settings('alice'))).not.toHaveProperty('contact')
    const types: string[] = []
    for await (const event of store.readStream('account-alice')) types.push(event.type)
    expect(types).toContain('ContactErased')
    expect(orThrow(await ledger.balances('alice'))).toEqual(before.balances)
    expect(orThrow(await ledger.history('alice'))).toEqual(before.history)
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })

    // Bob is untouched.
    for (const sealed of await sealedOf(store, 'bob')) {
      expect((await openForOwner(keyVault, 'bob', sealed)).state).toBe('clear')
    }
    expect(orThrow(await ledger.settings('bob')).contact).toEqual({
      phone: '+86******1234',
      email: 'b***@x.io',
    })
  })

  it('seals a later write with a new key that the old values never open with', async () => {
    const { store, keyVault, ledger } = await setUp()
    orThrow(await ledger.forgetOwner({ accountId: 'alice', authorization: VERIFIED }))
    orThrow(
      await ledger.requestWithdrawal({
        ...{ accountId: 'alice', asset: 'USD', amount: '5.00', idempotencyKey: 'w-after' },
        destination: { type: 'bank_account', bank: 'ACME', accountNumber: 'DE44new' },
      }),
    )
    const sealed = await sealedOf(store, 'alice')
    const opened = await Promise.all(sealed.map((s) => openForOwner(keyVault, 'alice', s)))
    expect(opened.map((o) => o.state)).toEqual(['erased', 'erased', 'clear'])
    expect(opened[2]).toEqual({ state: 'clear', text: expect.stringContaining('DE44new') })
    expect(await keyVault.findKey('alice')).toBeUndefined()
    // A second forgetting shreds the new key too.
    orThrow(await ledger.forgetOwner({ accountId: 'alice', authorization: VERIFIED }))
    expect((await openForOwner(keyVault, 'alice', sealed[2] ?? '')).state).toBe('erased')
    expect(orThrow(await ledger.audit()).ok).toBe(true)
  })

  it('refuses an unverified check, an unknown account and bad input, writing nothing', async () => {
    const { store, keyVault, ledger } = await setUp()
    const unverified = { method: 'two_factor', verified: false } as const
    expect(
      await ledger.forgetOwner({ accountId: 'alice', authorization: unverified }),
    ).toMatchObject({ _tag: 'Left', left: { code: 'security_check_failed' } })
    expect(
      await ledger.forgetOwner({ accountId: 'nobody', authorization: VERIFIED }),
    ).toMatchObject({ _tag: 'Left', left: { code: 'account_not_found' } })
    expect(
      await ledger.forgetOwner({ accountId: 'system:suspense', authorization: VERIFIED }),
    ).toMatchObject({ _tag: 'Left', left: { code: 'account_not_found' } })
    const bad = await ledger.forgetOwner({ accountId: 'alice' } as never)
    expect(bad).toMatchObject({ _tag: 'Left', left: { code: 'invalid_input' } })
    expect(JSON.stringify(bad)).toContain('authorization')
    expect(await keyVault.findKey('alice')).toBeDefined()
    for (const sealed of await sealedOf(store, 'alice')) {
      expect((await openForOwner(keyVault, 'alice', sealed)).state).toBe('clear')
    }
  })
})
