// Proves the schema is created and versioned on open, that reopening changes nothing, and that a
// file a newer version wrote, or a foreign SQLite file, is refused with a clear error, untouched.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDatabases } from '../../test/__fixtures__/tempDatabase.js'
import { createSqliteEventStore } from '../sqliteEventStore.js'
import { APPLICATION_ID, SCHEMA_VERSION } from './migrations.js'

const nextPath = tempDatabases('sqlite-schema')
// Every version a fresh file records, one per migration.
const ALL_VERSIONS = Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1)

const versionsOf = (path: string): unknown[] => {
  const db = new Database(path, { readonly: true })
  const rows = db.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all()
  db.close()
  return rows
}

describe('the SQLite schema', () => {
  it('is created on first open, in WAL mode, and recorded once however often the file opens', async () => {
    const path = nextPath()
    await createSqliteEventStore({ path }).close()
    await createSqliteEventStore({ path }).close()
    expect(versionsOf(path)).toEqual(ALL_VERSIONS)
    const db = new Database(path, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
  })

  it('refuses a file written by a newer version, and leaves it as it was', async () => {
    const path = nextPath()
    await createSqliteEventStore({ path }).close()
    const db = new Database(path)
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1)
    db.close()
    expect(() => createSqliteEventStore({ path })).toThrow(
      expect.objectContaining({
        code: 'invalid_configuration',
        message: expect.stringMatching(
          new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer than ${SCHEMA_VERSION}.*upgrade`),
        ),
      }),
    )
    expect(versionsOf(path)).toEqual([...ALL_VERSIONS, SCHEMA_VERSION + 1])
  })

  it('migrates a version 1 file to the projection tables, keeping its events', async () => {
    const path = nextPath()
    const store = createSqliteEventStore({ path })
    await store.append('a-1', [{ type: 'Numbered', schemaVersion: 1, data: {} }], {
      expectedRevision: 'no_stream',
    })
    await store.close()
    // Back to version 1: what the previous release wrote.
    const db = new Database(path)
    for (const table of ['checkpoints', 'states', 'history', 'directory', 'balance_steps'])
      db.prepare(`DROP TABLE projection_${table}`).run()
    db.prepare('DELETE FROM schema_version WHERE version > 1').run()
    db.close()
    const reopened = createSqliteEventStore({ path })
    expect(await reopened.projections.open('').readCheckpoint()).toEqual({
      position: 0n,
      version: '',
    })
    expect((await reopened.readHead()).nextPosition).toBe(1n)
    await reopened.close()
    expect(versionsOf(path)).toEqual(ALL_VERSIONS)
  })

  it('refuses an SQLite file that is not a wallet-ledger store', () => {
    const path = nextPath()
    const db = new Database(path)
    db.prepare('CREATE TABLE people (name TEXT)').run()
    db.close()
    expect(() => createSqliteEventStore({ path })).toThrow(
      expect.objectContaining({
        code: 'invalid_configuration',
        message: expect.stringContaining('not a wallet-ledger store'),
      }),
    )
  })

  it('rejects bad options and an unopenable path with clear errors', () => {
    expect(() => createSqliteEventStore({ path: '' })).toThrow(
      expect.objectContaining({ code: 'invalid_configuration' }),
    )
    expect(() =>
      createSqliteEventStore({ path: nextPath(), synchronous: 'OFF' as 'FULL' }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_configuration',
        message: expect.stringContaining('synchronous'),
      }),
    )
    expect(() => createSqliteEventStore({ path: nextPath(), busyTimeoutMs: -1 })).toThrow(
      expect.objectContaining({
        code: 'invalid_configuration',
        message: expect.stringContaining('busyTimeoutMs'),
      }),
    )
    expect(() => createSqliteEventStore({ path: '/nonexistent-dir/x/wallet.db' })).toThrow(
      expect.objectContaining({ code: 'store_unavailable' }),
    )
  })

  it('refuses updates and deletes of stored events (the table is append-only)', async () => {
    const path = nextPath()
    const store = createSqliteEventStore({ path })
    await store.append('a-1', [{ type: 'Numbered', schemaVersion: 1, data: {} }], {
      expectedRevision: 'no_stream',
    })
    await store.close()
    const db = new Database(path)
    expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
    db.close()
  })
})
