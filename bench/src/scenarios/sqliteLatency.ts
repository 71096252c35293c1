// The latency of one payment at a time on SQLite (synchronous NORMAL, the default): p50, p99 and
// p99.9 of `ledger.pay` from call to answer, each beside the same percentile on the memory store
// with the same transfers (the engine's own share of it). A warm-up of other transfers runs first,
// untimed, so the JIT's first compilations do not land in the tail. Money must be conserved.
import { join } from 'node:path'
import { createLedger, createMemoryEventStore } from '@wallet-ledger/core'
import type { EventStore } from '@wallet-ledger/core'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import { expectConserved, openAndFund } from '../benchLedger.js'
import { percentile } from '../harness/pool.js'
import type { Scenario, ScenarioRow } from '../harness/scenario.js'
import { refusedRows, sendLedgerP2p } from '../ledgerP2p.js'
import type { WorkloadOptions } from '../workload.js'

const PERCENTILES = [
  { share: 0.5, unit: 'ms p50' },
  { share: 0.99, unit: 'ms p99' },
  { share: 0.999, unit: 'ms p99.9' },
] as const
const MEMORY = 'wallet-ledger memory 1 in flight'
const SQLITE = 'wallet-ledger sqlite NORMAL 1 in flight'

/** Scenario `sqlite-latency`. */
export const sqliteLatency: Scenario = {
  name: 'sqlite-latency',
  title: 'one P2P payment at a time on SQLite NORMAL: p50, p99, p99.9 (memory as baseline)',
  isInSmoke: true,
  run: async (sizes, context) => {
    const workload = {
      accounts: sizes.pick(1_000, 20),
      // p99.9 of 20,000 payments rests on its 20 slowest: enough to be a figure, not one outlier.
      transfers: sizes.pick(20_000, 100),
      seed: context.seed,
    }
    const warmUp = { ...workload, transfers: sizes.pick(2_000, 20), seed: context.seed + 1 }
    context.log(
      `${workload.accounts} accounts, ${warmUp.transfers} + ${workload.transfers} payments`,
    )
    const memory = await latencyRows(createMemoryEventStore(), MEMORY, workload, warmUp)
    const path = join(context.tempDir(), 'latency.db')
    const sqlite = createSqliteEventStore({ path, synchronous: 'NORMAL' })
    return [...memory, ...(await latencyRows(sqlite, SQLITE, workload, warmUp, MEMORY))]
  },
}

/** One store: the warm-up, then the timed payments one at a time, and their percentiles. */
const latencyRows = async (
  store: EventStore,
  system: string,
  workload: WorkloadOptions,
  warmUp: WorkloadOptions,
  baseline?: string,
): Promise<ScenarioRow[]> => {
  const ledger = await createLedger({ store })
  try {
    await openAndFund(ledger, workload.accounts)
    await sendLedgerP2p(ledger, warmUp, 1, 'bench-warm-up')
    const result = await sendLedgerP2p(ledger, workload, 1)
    await expectConserved(ledger, workload.accounts)
    return [
      ...PERCENTILES.map(({ share, unit }) => ({
        system,
        figure: percentile(result.latenciesMs, share),
        unit,
        ...(baseline === undefined ? {} : { baseline }),
      })),
      ...refusedRows(system, result),
    ]
  } finally {
    await ledger.close()
  }
}
