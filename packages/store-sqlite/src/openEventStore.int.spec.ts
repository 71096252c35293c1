// Proves `sqlite:` URLs open the store, bad URLs are refused naming the accepted forms, and that
// createLedger({ store: 'sqlite:...' }) loads this package on demand and keeps the ledger's data
// (and its key vault) in the file.
import { describe, expect, it } from 'vitest'
import { createLedger } from '@wallet-ledger/core'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { openEventStore, parseSqliteUrl } from './openEventStore.js'

const nextPath = tempDatabases('sqlite-url')
const clock = () => new Date('2025-03-03T09:00:00.000Z')

describe('sqlite: URLs', () => {
  it('parses relative, absolute and in-memory paths and the synchronous option', () => {
    expect(parseSqliteUrl('sqlite:./wallet.db')).toEqual({ path: './wallet.db' })
    expect(parseSqliteUrl('sqlite:/var/lib/wallet.db')).toEqual({ path: '/var/lib/wallet.db' })
    expect(parseSqliteUrl('sqlite::memory:')).toEqual({ path: ':memory:' })
    expect(parseSqliteUrl('sqlite:w.db?synchronous=FULL')).toEqual({
      path: 'w.db',
      synchronous: 'FULL',
    })
  })

  it.each([
    'sqlite:',
    'sqlite://host/x.db',
    'sqlite:w.db?synchronous=OFF',
    'sqlite:w.db?x=1',
    'memory:',
  ])('refuses %s with invalid_configuration', (url) => {
    expect(() => parseSqliteUrl(url)).toThrow(
      expect.objectContaining({ code: 'invalid_configuration' }),
    )
  })

  it('opens a working store, in memory or on a file', async () => {
    for (const url of ['sqlite::memory:', `sqlite:${nextPath()}`]) {
      const store = await openEventStore(url, { clock })
      const result = await store.append('a-1', [{ type: 'Opened', schemaVersion: 1, data: {} }], {
        expectedRevision: 'no_stream',
      })
      expect(result.position).toBe(0n)
      expect((await store.readHead()).nextPosition).toBe(1n)
      await store.close()
    }
  })

  it('reads offsets beyond SQLite integers as the end, not as a failure', async () => {
    const store = await openEventStore('sqlite::memory:', { clock })
    await store.append('a-1', [{ type: 'Opened', schemaVersion: 1, data: {} }], {
      expectedRevision: 'no_stream',
    })
    const huge = 2n ** 70n
    const read = async (events: AsyncIterable<unknown>) => {
      const seen = []
      for await (const event of events) seen.push(event)
      return seen
    }
    expect(await read(store.readAll({ fromPosition: huge }))).toEqual([])
    expect(await read(store.readStream('a-1', { fromRevision: huge }))).toEqual([])
    await expect(
      store.writeSnapshot?.('a-1', {
        revision: huge,
        eventHash: 'a'.repeat(64),
        schemaVersion: 1,
        state: {},
      }),
    ).rejects.toMatchObject({ code: 'invalid_argument' })
    await store.close()
  })

  it('serves createLedger({ store: "sqlite:..." }): the data is in the file after a restart', async () => {
    const url = `sqlite:${nextPath()}`
    const ledger = await createLedger({ store: url, clock })
    expect((await ledger.openAccount({ accountId: 'alice', kind: 'user' }))._tag).toBe('Right')
    await ledger.close()
    const reopened = await createLedger({ store: url, clock })
    const account = await reopened.account('alice')
    expect(account).toMatchObject({ _tag: 'Right', right: { accountId: 'alice' } })
    await reopened.close()
  })
})
