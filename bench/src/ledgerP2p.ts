// The P2P workload sent through a wallet-ledger, N in flight: every transfer is `ledger.pay` with
// channel 'p2p' through the public API, every check on. Refusals are counted, not thrown; the
// scenarios then prove the balances still sum to what was deposited (expectConserved).
import type { Ledger } from '@wallet-ledger/core'
import { runPool } from './harness/pool.js'
import type { ScenarioRow } from './harness/scenario.js'
import type { PoolResult } from './harness/pool.js'
import { BENCH_ASSET, benchAccountId, formatBenchAmount, transfersOf } from './workload.js'
import type { Transfer, WorkloadOptions } from './workload.js'

/** A pooled run of transfers and the refusals by error code (expected: none). */
export type LedgerP2pResult = PoolResult & { readonly refused: Readonly<Record<string, number>> }

/** Sends the workload's transfers with `inFlight` at once. */
export const sendLedgerP2p = async (
  ledger: Ledger,
  workload: WorkloadOptions,
  inFlight: number,
  keyPrefix = 'bench-transfer',
): Promise<LedgerP2pResult> => {
  const refused: Record<string, number> = {}
  const result = await runPool(transfersOf(workload), inFlight, async (transfer, index) => {
    const paid = await ledger.pay(p2pPayInput(transfer, `${keyPrefix}-${workload.seed}-${index}`))
    if (paid._tag === 'Left') refused[paid.left.code] = (refused[paid.left.code] ?? 0) + 1
  })
  return { ...result, refused }
}

/**
 * A row counting the refused transfers when there were any (none is expected; with many in flight
 * on few accounts a `concurrency_conflict` can end a transfer), so the table shows it.
 */
export const refusedRows = (system: string, result: LedgerP2pResult): ScenarioRow[] => {
  const refused = Object.values(result.refused).reduce((sum, count) => sum + count, 0)
  if (refused === 0) return []
  return [
    { system: `${system} ${JSON.stringify(result.refused)}`, figure: refused, unit: 'refused' },
  ]
}

/** The `ledger.pay` input of one workload transfer. */
export const p2pPayInput = (transfer: Transfer, idempotencyKey: string) => ({
  channel: 'p2p' as const,
  payer: benchAccountId(transfer.payer),
  payee: benchAccountId(transfer.payee),
  asset: BENCH_ASSET,
  amount: formatBenchAmount(transfer.amountMinor),
  idempotencyKey,
})
