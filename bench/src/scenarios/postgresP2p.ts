// P2P transfers on PostgreSQL, 1 and 32 in flight, on a fresh schema of the server
// WALLET_LEDGER_POSTGRES_URL names (dropped afterwards); skipped loudly without one.
import { createLedger } from '@wallet-ledger/core'
import { createPostgresEventStore } from '@wallet-ledger/store-postgres'
import pg from 'pg'
import { expectConserved, openAndFund } from '../benchLedger.js'
import { percentile, ratePerSecond } from '../harness/pool.js'
import type { Scenario, ScenarioRow } from '../harness/scenario.js'
import { refusedRows, sendLedgerP2p } from '../ledgerP2p.js'
import type { WorkloadOptions } from '../workload.js'

const IN_FLIGHT = [1, 32] as const
const POOL_SIZE = 10

/** Scenario `postgres`. */
export const postgresP2p: Scenario = {
  name: 'postgres',
  title: 'P2P on PostgreSQL, 1 and 32 in flight',
  isInSmoke: true,
  run: async (sizes, context) => {
    const url = context.postgresUrl
    if (url === undefined) {
      context.skip(
        'wallet-ledger',
        'WALLET_LEDGER_POSTGRES_URL is not set (bash scripts/postgres.sh up)',
      )
      return []
    }
    const workload = {
      accounts: sizes.pick(10_000, 20),
      transfers: sizes.pick(20_000, 40),
      seed: context.seed,
    }
    context.log(`${workload.accounts} accounts, ${workload.transfers} transfers per configuration`)
    const rows: ScenarioRow[] = []
    for (const inFlight of IN_FLIGHT) rows.push(...(await runPostgresP2p(url, workload, inFlight)))
    return rows
  },
}

const runPostgresP2p = async (
  url: string,
  workload: WorkloadOptions,
  inFlight: number,
): Promise<ScenarioRow[]> => {
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`
  const store = await createPostgresEventStore({
    connectionString: url,
    schema,
    poolSize: POOL_SIZE,
  })
  const ledger = await createLedger({ store })
  try {
    await openAndFund(ledger, workload.accounts)
    const result = await sendLedgerP2p(ledger, workload, inFlight)
    await expectConserved(ledger, workload.accounts)
    const system = `wallet-ledger ${inFlight} in flight`
    return [
      { system, figure: ratePerSecond(result), unit: 'transfers/s' },
      { system, figure: percentile(result.latenciesMs, 0.5), unit: 'ms p50' },
      { system, figure: percentile(result.latenciesMs, 0.99), unit: 'ms p99' },
      ...refusedRows(system, result),
    ]
  } finally {
    await ledger.close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await client.end()
  }
}
