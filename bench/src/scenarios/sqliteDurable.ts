// P2P transfers durable on SQLite: a fresh file per configuration, synchronous NORMAL and FULL,
// with 1 and 100 transfers in flight (with many in flight the store shares one transaction among
// the commands that wait: group commit). Every run must conserve money.
import { join } from 'node:path'
import { createLedger } from '@wallet-ledger/core'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import type { SqliteSynchronous } from '@wallet-ledger/store-sqlite'
import { expectConserved, openAndFund } from '../benchLedger.js'
import { cpuMicrosecondsEach, ratePerSecond } from '../harness/pool.js'
import type { Scenario, ScenarioContext, ScenarioRow } from '../harness/scenario.js'
import { refusedRows, sendLedgerP2p } from '../ledgerP2p.js'
import type { WorkloadOptions } from '../workload.js'

const CONFIGURATIONS: readonly { synchronous: SqliteSynchronous; inFlight: number }[] = [
  { synchronous: 'NORMAL', inFlight: 1 },
  { synchronous: 'NORMAL', inFlight: 100 },
  { synchronous: 'FULL', inFlight: 1 },
  { synchronous: 'FULL', inFlight: 100 },
]

/** Scenario `sqlite-durable`. */
export const sqliteDurable: Scenario = {
  name: 'sqlite-durable',
  title: 'P2P on SQLite, NORMAL and FULL, 1 and 100 in flight',
  isInSmoke: true,
  run: async (sizes, context) => {
    const workload = {
      accounts: sizes.pick(10_000, 50),
      transfers: sizes.pick(50_000, 100),
      seed: context.seed,
    }
    context.log(`${workload.accounts} accounts, ${workload.transfers} transfers per configuration`)
    const rows: ScenarioRow[] = []
    for (const { synchronous, inFlight } of CONFIGURATIONS) {
      rows.push(...(await runSqliteP2p(context, workload, synchronous, inFlight)))
    }
    return rows
  },
}

/** One configuration on a fresh file: transfers/s and CPU per transfer. */
export const runSqliteP2p = async (
  context: ScenarioContext,
  workload: WorkloadOptions,
  synchronous: SqliteSynchronous,
  inFlight: number,
): Promise<ScenarioRow[]> => {
  const store = createSqliteEventStore({ path: join(context.tempDir(), 'bench.db'), synchronous })
  const ledger = await createLedger({ store })
  try {
    await openAndFund(ledger, workload.accounts)
    const result = await sendLedgerP2p(ledger, workload, inFlight)
    await expectConserved(ledger, workload.accounts)
    const system = `wallet-ledger ${synchronous} ${inFlight} in flight`
    return [
      { system, figure: ratePerSecond(result), unit: 'transfers/s' },
      { system, figure: cpuMicrosecondsEach(result), unit: 'µs CPU/transfer' },
      ...refusedRows(system, result),
    ]
  } finally {
    await ledger.close()
  }
}
