// P2P transfers/s on the PostgreSQL store: a fresh schema on the server WALLET_LEDGER_POSTGRES_URL
// names, N accounts opened and funded, then M seeded transfers with `inFlight` of them in flight
// at once over one ledger whose pool has `poolSize` connections. Afterwards the balances must sum to
// what was deposited, and the schema is dropped. Not a test; run it by hand:
//   export WALLET_LEDGER_POSTGRES_URL="$(bash scripts/postgres.sh up --durable)"
//   pnpm --filter @wallet-ledger/bench build && node bench/dist/postgresP2p.js --in-flight 32
import { createLedger } from '@wallet-ledger/core'
import { createPostgresEventStore } from '@wallet-ledger/store-postgres'
import pg from 'pg'
import { expectConserved, openAndFund } from './benchLedger.js'
import { BENCH_ASSET, benchAccountId, formatBenchAmount, transfersOf } from './workload.js'

// ---------------------------------------------------------------- options

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback)
}
const inFlight = Number(argument('in-flight', '1'))
const poolSize = Number(argument('pool-size', '10'))
const accounts = Number(argument('accounts', '1000'))
const transfers = Number(argument('transfers', '2000'))
const seed = Number(argument('seed', '42'))
const url = process.env['WALLET_LEDGER_POSTGRES_URL']
if (url === undefined)
  throw new Error('set WALLET_LEDGER_POSTGRES_URL (bash scripts/postgres.sh up)')
if (!Number.isSafeInteger(inFlight) || inFlight < 1) throw new Error('--in-flight must be >= 1')

// ---------------------------------------------------------------- the run

const schema = `bench_${process.pid}_${Date.now().toString(36)}`
const store = await createPostgresEventStore({ connectionString: url, schema, poolSize })
const ledger = await createLedger({ store })
try {
  await openAndFund(ledger, accounts)
  const queue = [...transfersOf({ accounts, transfers, seed })].entries()
  const refused: Record<string, number> = {}
  const latenciesMs: number[] = []
  const started = performance.now()
  const worker = async (): Promise<void> => {
    for (const [index, transfer] of queue) {
      const sent = performance.now()
      const paid = await ledger.pay({
        channel: 'p2p',
        payer: benchAccountId(transfer.payer),
        payee: benchAccountId(transfer.payee),
        asset: BENCH_ASSET,
        amount: formatBenchAmount(transfer.amountMinor),
        idempotencyKey: `bench-transfer-${seed}-${index}`,
      })
      latenciesMs.push(performance.now() - sent)
      if (paid._tag === 'Left') refused[paid.left.code] = (refused[paid.left.code] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: inFlight }, () => worker()))
  const elapsedMs = performance.now() - started
  await expectConserved(ledger, accounts)
  latenciesMs.sort((a, b) => a - b)
  const at = (share: number): string =>
    (
      latenciesMs[Math.min(latenciesMs.length - 1, Math.floor(latenciesMs.length * share))] ?? 0
    ).toFixed(1)
  console.log(
    `postgres, ${inFlight} in flight, pool ${poolSize}: ${transfers} transfers in ` +
      `${Math.round(elapsedMs)} ms = ${Math.round((transfers * 1000) / elapsedMs)} transfers/s; ` +
      `one payment p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; refused ${JSON.stringify(refused)}`,
  )
} finally {
  await ledger.close()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await client.end()
}
