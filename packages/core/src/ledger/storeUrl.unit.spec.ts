// Proves createLedger's store URLs: memory is built in, other schemes name the package to install,
// and a malformed URL lists the schemes (adapters installed in the workspace have their own tests).
import { describe, expect, it } from 'vitest'
import { openStoreUrl } from './storeUrl.js'

const clock = (): Date => new Date('2026-01-01T00:00:00Z')

describe('openStoreUrl', () => {
  it('opens an in-memory store for memory:', async () => {
    const store = await openStoreUrl('memory:', clock)
    expect((await store.readHead()).nextPosition).toBe(0n)
    await store.close()
  })

  it('refuses a URL without a known scheme, listing the schemes', async () => {
    await expect(openStoreUrl('wallet.db', clock)).rejects.toMatchObject({
      code: 'invalid_configuration',
      message: expect.stringContaining('sqlite:'),
    })
    await expect(openStoreUrl('mysql://x', clock)).rejects.toMatchObject({
      code: 'invalid_configuration',
    })
  })
})
