// P2P transfers/s on the SQLite store: a fresh file, N accounts opened and funded, then M seeded
// transfers with `inFlight` of them in flight at once (a pool: a new one starts as each ends), for
// `synchronous` NORMAL or FULL (or, for comparison, on the memory store: `--store memory`). Afterwards the balances must sum to what was deposited. Not a
// test; run it by hand: node bench/dist/sqliteP2p.js --synchronous FULL --in-flight 100
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLedger, createMemoryEventStore } from '@wallet-ledger/core'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import type { SqliteSynchronous } from '@wallet-ledger/store-sqlite'
import { expectConserved, openAndFund } from './benchLedger.js'
import { BENCH_ASSET, benchAccountId, formatBenchAmount, transfersOf } from './workload.js'

// ---------------------------------------------------------------- options

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback)
}
const synchronous = argument('synchronous', 'NORMAL') as SqliteSynchronous
const inFlight = Number(argument('in-flight', '1'))
const accounts = Number(argument('accounts', '1000'))
const transfers = Number(argument('transfers', '2000'))
const seed = Number(argument('seed', '42'))
// `--store memory` runs the same workload on the in-memory store, for comparison.
const storeKind = argument('store', 'sqlite')
if (synchronous !== 'NORMAL' && synchronous !== 'FULL') throw new Error('--synchronous NORMAL|FULL')
if (!Number.isSafeInteger(inFlight) || inFlight < 1) throw new Error('--in-flight must be >= 1')

// ---------------------------------------------------------------- the run

const directory = mkdtempSync(join(tmpdir(), 'wallet-ledger-bench-'))
const store =
  storeKind === 'memory'
    ? createMemoryEventStore()
    : createSqliteEventStore({ path: join(directory, 'bench.db'), synchronous })
const ledger = await createLedger({ store })
try {
  await openAndFund(ledger, accounts)
  const queue = [...transfersOf({ accounts, transfers, seed })].entries()
  const refused: Record<string, number> = {}
  const started = performance.now()
  const worker = async (): Promise<void> => {
    for (const [index, transfer] of queue) {
      const paid = await ledger.pay({
        channel: 'p2p',
        payer: benchAccountId(transfer.payer),
        payee: benchAccountId(transfer.payee),
        asset: BENCH_ASSET,
        amount: formatBenchAmount(transfer.amountMinor),
        idempotencyKey: `bench-transfer-${seed}-${index}`,
      })
      if (paid._tag === 'Left') refused[paid.left.code] = (refused[paid.left.code] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: inFlight }, () => worker()))
  const elapsedMs = performance.now() - started
  await expectConserved(ledger, accounts)
  const perSecond = Math.round((transfers * 1000) / elapsedMs)
  console.log(
    `${storeKind === 'memory' ? 'memory' : `sqlite ${synchronous}`}, ${inFlight} in flight: ${transfers} transfers in ` +
      `${Math.round(elapsedMs)} ms = ${perSecond} transfers/s; refused ${JSON.stringify(refused)}`,
  )
} finally {
  await ledger.close()
  rmSync(directory, { recursive: true, force: true })
}
