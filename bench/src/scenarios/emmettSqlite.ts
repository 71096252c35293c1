// P2P on SQLite against Emmett's SQLite store (@event-driven-io/emmett-sqlite 0.38.5 on the sqlite3
// driver, its own settings: WAL, a connection opened per operation), one transfer at a time:
// wallet-ledger on SQLite NORMAL and FULL interleaved in this process, then Emmett (a debit command
// then a credit command) in a child process of its own (systems/emmettSqliteRun.ts says why). Not
// in the smoke: its peers build sqlite3 from source (bench/peers-sqlite).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import type { Scenario, ScenarioContext } from '../harness/scenario.js'
import type { P2pSystem } from '../systems/p2pSystem.js'
import { interleavedRows, runInterleaved } from '../systems/runInterleaved.js'
import type { InterleavedResult } from '../systems/runInterleaved.js'
import { createWalletLedgerSystem } from '../systems/walletLedgerSystem.js'
import type { WorkloadOptions } from '../workload.js'

const EMMETT_SQLITE = 'emmett-sqlite'

/** Scenario `emmett-sqlite`. */
export const emmettSqlite: Scenario = {
  name: 'emmett-sqlite',
  title: "P2P on SQLite, one at a time: wallet-ledger against Emmett's SQLite store",
  isInSmoke: false,
  run: async (sizes, context) => {
    const workload = {
      accounts: sizes.pick(2_000, 20),
      transfers: sizes.pick(10_000, 40),
      seed: context.seed,
    }
    context.log(`${workload.accounts} accounts, ${workload.transfers} transfers`)
    const systems: P2pSystem[] = []
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      const store = createSqliteEventStore({
        path: join(context.tempDir(), 'ledger.db'),
        synchronous,
      })
      systems.push(
        await createWalletLedgerSystem(context.seed, store, `wallet-ledger ${synchronous}`),
      )
    }
    const results: InterleavedResult[] = []
    try {
      results.push(...(await runInterleaved(systems, workload, context.log)))
    } finally {
      for (const system of systems) await system.close()
    }
    const emmett = await runEmmettChild(context, workload)
    if (typeof emmett === 'string') context.skip(EMMETT_SQLITE, emmett)
    else results.push(emmett)
    return interleavedRows(results, EMMETT_SQLITE)
  },
}

/** Emmett's run in a child process (systems/emmettSqliteRun.ts says why), or why it has none. */
const runEmmettChild = async (
  context: ScenarioContext,
  workload: WorkloadOptions,
): Promise<InterleavedResult | string> => {
  if ((await context.peer('@event-driven-io/emmett-sqlite', 'peers-sqlite')) === undefined) {
    return 'not installed in bench/peers-sqlite'
  }
  const script = join(import.meta.dirname, '..', 'systems', 'emmettSqliteRun.js')
  const file = join(context.tempDir(), 'emmett.db')
  const args = [script, ...[workload.accounts, workload.transfers, workload.seed].map(String), file]
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' })
  if (child.status !== 0) {
    const why = (child.stderr || child.error?.message || '')
      .trim()
      .split('\n')
      .slice(-4)
      .join(' / ')
    return `Emmett's SQLite store failed: ${why}`
  }
  return JSON.parse(child.stdout) as InterleavedResult
}
