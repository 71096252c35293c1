// Proves the raw SQLite ceiling inserts exactly the rows a wallet-ledger run stored: same count,
// same bytes, one transfer per commit, batched 100 commits per transaction.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { ScenarioContext } from './harness/scenario.js'
import { measureRawSqlite } from './rawSqliteCeiling.js'
import { runSqliteP2p } from './scenarios/sqliteDurable.js'

const root = mkdtempSync(join(tmpdir(), 'bench-raw-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let folders = 0
const context = {
  seed: 5,
  tempDir: () => mkdtempSync(join(root, `${(folders += 1)}-`)),
} as ScenarioContext

describe('measureRawSqlite', () => {
  it('copies every event row of the run, timing one commit per transfer', async () => {
    const workload = { accounts: 8, transfers: 150, seed: 5 }
    // One in flight: with several on few accounts a transfer may end as concurrency_conflict and
    // write no commit, which would make the count below vary from run to run.
    const run = await runSqliteP2p(context, workload, 'NORMAL', 1)
    expect(run.result.refused).toEqual({})
    const target = join(root, 'raw.db')
    const raw = measureRawSqlite(run.path, target, run.transferFrom, 'NORMAL')
    expect(raw.transfers).toBe(workload.transfers)
    const dump = (path: string): unknown[] => {
      const db = new Database(path, { readonly: true })
      try {
        return db.prepare('SELECT * FROM events ORDER BY position').raw().all()
      } finally {
        db.close()
      }
    }
    const copied = dump(target)
    expect(copied.length).toBeGreaterThan(workload.transfers * 3)
    expect(copied).toEqual(dump(run.path))
  })
})
