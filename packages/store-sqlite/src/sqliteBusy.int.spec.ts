// Proves how the store meets a file another process holds locked: a write waits off the event loop
// and commits once the lock is released, and when the lock outlasts busyRetryMs the write rejects
// with store_unavailable (naming SQLITE_BUSY) having written nothing.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { createSqliteEventStore } from './sqliteEventStore.js'

const nextPath = tempDatabases('sqlite-busy')
const opened = [{ type: 'Opened', schemaVersion: 1, data: {} }]

/** Another connection (as another process would) holding the file's write lock. */
const lockFile = (path: string) => {
  const other = new Database(path)
  other.prepare('BEGIN IMMEDIATE').run()
  return {
    release: () => {
      other.prepare('COMMIT').run()
      other.close()
    },
  }
}

describe('a file locked by another connection', () => {
  it('makes a write wait off the loop and commit once the lock is released', async () => {
    const path = nextPath()
    const store = createSqliteEventStore({ path, busyTimeoutMs: 1, busyRetryMs: 60_000 })
    const lock = lockFile(path)
    let isSettled = false
    const appended = store
      .append('a-1', opened, { expectedRevision: 'no_stream' })
      .finally(() => (isSettled = true))
    // The loop stays free while the write waits: these turns run (the first attempt has been
    // refused by then), and the write is still pending.
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve))
    expect(isSettled).toBe(false)
    lock.release()
    await expect(appended).resolves.toMatchObject({ stream: 'a-1', position: 0n })
    await store.close()
  })

  it('rejects with store_unavailable and writes nothing when the lock outlasts busyRetryMs', async () => {
    const path = nextPath()
    const store = createSqliteEventStore({ path, busyTimeoutMs: 1, busyRetryMs: 10 })
    const lock = lockFile(path)
    await expect(
      store.append('a-1', opened, { expectedRevision: 'no_stream' }),
    ).rejects.toMatchObject({ code: 'store_unavailable', details: { sqliteCode: 'SQLITE_BUSY' } })
    await expect(store.keyVault.keyFor('alice')).rejects.toMatchObject({
      code: 'store_unavailable',
    })
    lock.release()
    expect(await store.readHead()).toMatchObject({ nextPosition: 0n })
    expect(await store.keyVault.findKey('alice')).toBeUndefined()
    await expect(
      store.append('a-1', opened, { expectedRevision: 'no_stream' }),
    ).resolves.toMatchObject({ position: 0n })
    await store.close()
  })
})
