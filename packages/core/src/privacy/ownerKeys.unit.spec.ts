// Proves sealing per owner and generation: a value opens only for its owner and generation, reads
// 'erased' once its key is shredded or lost, 'unreadable' when edited or malformed (never a throw,
// never another owner's text), and the next generation's key is new; v1 values still open.
import { createCipheriv, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createMemoryKeyVault } from './keyVault.js'
import { currentGeneration, openForOwner, sealForOwner, shredOwnerKeys } from './ownerKeys.js'

const editByte = (sealed: string, index: number): string => {
  const [version, generation, body] = sealed.split('.')
  const raw = Buffer.from(body ?? '', 'base64')
  raw[index % raw.length] = (raw[index % raw.length] ?? 0) ^ 1
  return `${version}.${generation}.${raw.toString('base64')}`
}

describe('owner keys', () => {
  it('opens for its owner only; an edited byte anywhere reads unreadable', async () => {
    const vault = createMemoryKeyVault()
    const sealed = await sealForOwner(vault, 'alice', '+8613812341234')
    expect(sealed).toMatch(/^v2\.0\./)
    expect(await openForOwner(vault, 'alice', sealed)).toEqual({
      state: 'clear',
      text: '+8613812341234',
    })
    await vault.keyFor('bob')
    expect(await openForOwner(vault, 'bob', sealed)).toEqual({ state: 'unreadable' })
    for (const index of [0, 11, 12, 27, 28, 40]) {
      expect(await openForOwner(vault, 'alice', editByte(sealed, index))).toEqual({
        state: 'unreadable',
      })
    }
    for (const bad of ['', 'v2.0.', 'v3.0.AAAA', 'v2.x.AAAA', 'v1.0.AAAA', 'v2.0.AAAA', 'plain']) {
      expect(await openForOwner(vault, 'alice', bad)).toEqual({ state: 'unreadable' })
    }
  })

  it('reads erased when the vault lost the key, and never recreates it on read', async () => {
    const vault = createMemoryKeyVault()
    const sealed = await sealForOwner(vault, 'alice', 'secret')
    await vault.erase('alice')
    expect(await openForOwner(vault, 'alice', sealed)).toEqual({ state: 'erased' })
    expect(await vault.findKey('alice')).toBeUndefined()
  })

  it('starts a new generation with a new key on every shredding', async () => {
    const vault = createMemoryKeyVault()
    const first = await sealForOwner(vault, 'alice', 'one')
    const firstKey = await vault.findKey('alice')
    await shredOwnerKeys(vault, 'alice')
    expect(await currentGeneration(vault, 'alice')).toBe(1)
    const second = await sealForOwner(vault, 'alice', 'two')
    expect(second).toMatch(/^v2\.1\./)
    expect(Buffer.from((await vault.findKey('alice#1')) ?? [])).not.toEqual(
      Buffer.from(firstKey ?? []),
    )
    expect(await openForOwner(vault, 'alice', first)).toEqual({ state: 'erased' })
    expect(await openForOwner(vault, 'alice', second)).toEqual({ state: 'clear', text: 'two' })
    // Recreating generation 0's name does not bring the old value back.
    await vault.keyFor('alice')
    expect(await openForOwner(vault, 'alice', first)).toEqual({ state: 'unreadable' })
    await shredOwnerKeys(vault, 'alice')
    expect(await openForOwner(vault, 'alice', second)).toEqual({ state: 'erased' })
    expect(await vault.findKey('alice')).toBeUndefined()
    expect(await currentGeneration(vault, 'alice')).toBe(2)
  })

  it('still opens a v1 value (generation 0, no authenticated owner)', async () => {
    const vault = createMemoryKeyVault()
    const key = await vault.keyFor('alice')
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const body = Buffer.concat([cipher.update('old', 'utf8'), cipher.final()])
    const sealed = `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
    expect(await openForOwner(vault, 'alice', sealed)).toEqual({ state: 'clear', text: 'old' })
  })
})
