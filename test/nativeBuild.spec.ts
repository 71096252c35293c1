// Proves the workspace builds better-sqlite3 (12.x, the line that runs on Node 20) without a
// prompt: the native addon loads, opens a database file in WAL mode and runs a transaction. The
// SQLite event store will stand on exactly this.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

const folder = mkdtempSync(join(tmpdir(), 'wallet-ledger-native-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('better-sqlite3', () => {
  it('loads on this Node and commits in WAL mode', () => {
    const database = new Database(join(folder, 'probe.db'))
    try {
      expect(database.pragma('journal_mode = WAL', { simple: true })).toBe('wal')
      database.exec('CREATE TABLE amounts (minor TEXT NOT NULL)')
      const insert = database.prepare('INSERT INTO amounts (minor) VALUES (?)')
      database.transaction((values: string[]) => values.forEach((value) => insert.run(value)))([
        '1',
        '123456789012345678901234567890',
      ])
      const rows = database.prepare('SELECT minor FROM amounts ORDER BY rowid').all() as {
        minor: string
      }[]
      expect(rows.map((row) => row.minor)).toEqual(['1', '123456789012345678901234567890'])
    } finally {
      database.close()
    }
  })
})
