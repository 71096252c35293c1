// P2P on SQLite against Emmett's SQLite store (@event-driven-io/emmett-sqlite 0.38.5 on the sqlite3
// driver, its own settings: WAL, a connection opened per operation), one transfer at a time, in one
// process, interleaved: wallet-ledger on SQLite NORMAL and FULL, Emmett as a debit command then a
// credit command. Not in the smoke: its peers build sqlite3 from source (bench/peers-sqlite).
import { join } from 'node:path'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import type { Scenario, ScenarioRow } from '../harness/scenario.js'
import { createEmmettSystem } from '../systems/emmettSystem.js'
import type { P2pSystem } from '../systems/p2pSystem.js'
import { runInterleaved } from '../systems/runInterleaved.js'
import { createWalletLedgerSystem } from '../systems/walletLedgerSystem.js'

const EMMETT_SQLITE = 'emmett-sqlite'

type EmmettSqlite = { readonly getSQLiteEventStore: (options: { fileName: string }) => unknown }

/** Scenario `emmett-sqlite`. */
export const emmettSqlite: Scenario = {
  name: 'emmett-sqlite',
  title: "P2P on SQLite, one at a time: wallet-ledger against Emmett's SQLite store, interleaved",
  isInSmoke: false,
  run: async (sizes, context) => {
    const [emmett, sqlite] = await Promise.all([
      context.peer('@event-driven-io/emmett', 'peers-sqlite'),
      context.peer('@event-driven-io/emmett-sqlite', 'peers-sqlite'),
    ])
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
    if (emmett === undefined || sqlite === undefined) {
      context.skip(EMMETT_SQLITE, 'not installed in bench/peers-sqlite')
    } else {
      const store = (sqlite as EmmettSqlite).getSQLiteEventStore({
        fileName: join(context.tempDir(), 'emmett.db'),
      })
      systems.push(createEmmettSystem(emmett, EMMETT_SQLITE, store))
    }
    try {
      const results = await runInterleaved(systems, workload, context.log)
      const hasEmmett = results.some((result) => result.name === EMMETT_SQLITE)
      return results.flatMap((result): ScenarioRow[] => {
        const baseline =
          result.name !== EMMETT_SQLITE && hasEmmett ? { baseline: EMMETT_SQLITE } : {}
        return [
          {
            system: result.name,
            figure: (result.transfers * 1000) / result.wallMs,
            unit: 'transfers/s',
            ...baseline,
          },
          {
            system: result.name,
            figure: (result.cpuMs * 1000) / result.transfers,
            unit: 'µs CPU/transfer',
            ...baseline,
          },
        ]
      })
    } finally {
      for (const system of systems) await system.close()
    }
  },
}
