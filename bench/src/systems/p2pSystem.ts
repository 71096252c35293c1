// A system the P2P comparison can drive: wallet-ledger or a peer, each set up with the same funded
// accounts and sent the same seeded transfers, so the interleaved runner can time them side by side.
import type { Transfer } from '../workload.js'

/** One system under comparison. Every method throws on a refusal: all accounts are funded. */
export type P2pSystem = {
  /** The table's `system` column. */
  readonly name: string
  /** Opens `accounts` accounts and funds each with `FUNDING_MINOR` (not timed). */
  readonly setup: (accounts: number) => Promise<void>
  /** One transfer, `index` making its idempotency key where the system has one. */
  readonly transfer: (transfer: Transfer, index: number) => Promise<void>
  /** The sum of every account's balance, in minor units, to prove money was conserved. */
  readonly totalMinor: (accounts: number) => Promise<bigint>
  readonly close: () => Promise<void>
}
