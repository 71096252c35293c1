// The set-up and the check every store's P2P benchmark shares: open and fund the accounts, and
// afterwards prove the balances still sum to what was deposited.
import type { Ledger } from '@wallet-ledger/core'
import { runPool } from './harness/pool.js'
import {
  BENCH_ASSET,
  FUNDING_MINOR,
  benchAccountId,
  formatBenchAmount,
  parseBenchAmount,
} from './workload.js'

/** How many accounts are opened and funded at once (durable stores group their commits). */
const FUNDING_IN_FLIGHT = 50

/** Opens `accounts` user accounts and funds each with `FUNDING_MINOR`. */
export async function openAndFund(target: Ledger, accounts: number): Promise<void> {
  const indices = Array.from({ length: accounts }, (_, index) => index)
  await runPool(indices, FUNDING_IN_FLIGHT, async (index) => {
    const accountId = benchAccountId(index)
    const opened = await target.openAccount({ accountId, kind: 'user' })
    const deposited = await target.deposit({
      accountId,
      asset: BENCH_ASSET,
      amount: formatBenchAmount(FUNDING_MINOR),
      source: { type: 'bank_transfer', reference: `bench-funding-${index}` },
      idempotencyKey: `bench-funding-${index}`,
    })
    if (opened._tag === 'Left') throw new Error(`open ${accountId}: ${opened.left.message}`)
    if (deposited._tag === 'Left') throw new Error(`fund ${accountId}: ${deposited.left.message}`)
  })
}

/** The sum of the accounts' `BENCH_ASSET` totals, in minor units (an account without it: 0). */
export async function totalOf(target: Ledger, accountIds: readonly string[]): Promise<bigint> {
  let totalMinor = 0n
  for (const accountId of accountIds) {
    const balances = await target.balances(accountId)
    if (balances._tag === 'Left')
      throw new Error(`balances of ${accountId}: ${balances.left.message}`)
    totalMinor += parseBenchAmount(balances.right[BENCH_ASSET]?.total ?? '0.00')
  }
  return totalMinor
}

/** The ids of the first `accounts` bench accounts. */
export const benchAccountIds = (accounts: number): string[] =>
  Array.from({ length: accounts }, (_, index) => benchAccountId(index))

/** Throws unless the accounts' totals sum to what `openAndFund` deposited. */
export async function expectConserved(target: Ledger, accounts: number): Promise<void> {
  const totalMinor = await totalOf(target, benchAccountIds(accounts))
  if (totalMinor !== FUNDING_MINOR * BigInt(accounts)) throw new Error('money was created or lost')
}
