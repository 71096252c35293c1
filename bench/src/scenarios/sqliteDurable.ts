// P2P transfers durable on SQLite: a fresh file per configuration, synchronous NORMAL and FULL,
// with 1 and 100 transfers in flight (with many in flight the store shares one transaction among
// the commands that wait: group commit), against the ceiling of raw better-sqlite3 inserts of the
// same event rows, 100 transfers per transaction. Every run must conserve money.
import { join } from 'node:path'
import { createLedger } from '@wallet-ledger/core'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import type { SqliteSynchronous } from '@wallet-ledger/store-sqlite'
import { expectConserved, openAndFund } from '../benchLedger.js'
import { cpuMicrosecondsEach, ratePerSecond } from '../harness/pool.js'
import type { Scenario, ScenarioContext, ScenarioRow } from '../harness/scenario.js'
import { refusedRows, sendLedgerP2p } from '../ledgerP2p.js'
import type { LedgerP2pResult } from '../ledgerP2p.js'
import { RAW_TRANSFERS_PER_TRANSACTION, measureRawSqlite } from '../rawSqliteCeiling.js'
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
  title: 'P2P on SQLite, NORMAL and FULL, 1 and 100 in flight, against raw better-sqlite3 inserts',
  isInSmoke: true,
  run: async (sizes, context) => {
    const workload = {
      accounts: sizes.pick(10_000, 30),
      transfers: sizes.pick(50_000, 60),
      seed: context.seed,
    }
    context.log(`${workload.accounts} accounts, ${workload.transfers} transfers per configuration`)
    // Untimed, so the first configuration does not pay the JIT's warm-up alone.
    if (!sizes.isSmoke)
      await runSqliteP2p(context, { ...WARM_UP, seed: context.seed }, 'NORMAL', 100)
    const rows: ScenarioRow[] = []
    for (const { synchronous, inFlight } of CONFIGURATIONS) {
      const run = await runSqliteP2p(context, workload, synchronous, inFlight)
      const system = systemOf(synchronous, inFlight)
      const baseline =
        synchronous === 'FULL'
          ? { baseline: systemOf('NORMAL', inFlight) }
          : inFlight > 1
            ? { baseline: RAW }
            : {}
      rows.push(
        { system, figure: ratePerSecond(run.result), unit: 'transfers/s', ...baseline },
        { system, figure: cpuMicrosecondsEach(run.result), unit: 'µs CPU/transfer', ...baseline },
        ...refusedRows(system, run.result),
      )
      if (synchronous === 'NORMAL' && inFlight > 1) {
        const raw = measureRawSqlite(
          run.path,
          join(context.tempDir(), 'raw.db'),
          run.transferFrom,
          'NORMAL',
        )
        rows.push(
          { system: RAW, figure: (raw.transfers * 1000) / raw.elapsedMs, unit: 'transfers/s' },
          { system: RAW, figure: (raw.cpuMs * 1000) / raw.transfers, unit: 'µs CPU/transfer' },
        )
      }
    }
    return rows
  },
}

const RAW = `raw better-sqlite3 NORMAL, ${RAW_TRANSFERS_PER_TRANSACTION} transfers/tx`
const WARM_UP = { accounts: 50, transfers: 500 }
const systemOf = (synchronous: SqliteSynchronous, inFlight: number): string =>
  `wallet-ledger ${synchronous} ${inFlight} in flight`

/** One configuration on a fresh file (left in place for the raw ceiling to read). */
export const runSqliteP2p = async (
  context: ScenarioContext,
  workload: WorkloadOptions,
  synchronous: SqliteSynchronous,
  inFlight: number,
): Promise<{ result: LedgerP2pResult; path: string; transferFrom: bigint }> => {
  const path = join(context.tempDir(), 'bench.db')
  const store = createSqliteEventStore({ path, synchronous })
  const ledger = await createLedger({ store })
  try {
    await openAndFund(ledger, workload.accounts)
    const transferFrom = (await store.readHead()).nextPosition
    const result = await sendLedgerP2p(ledger, workload, inFlight)
    await expectConserved(ledger, workload.accounts)
    return { result, path, transferFrom }
  } finally {
    await ledger.close()
  }
}
