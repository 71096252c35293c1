// Everything a command handler needs, built once by createLedger and passed explicitly.
import type { AssetRegistry, BusinessCalendar } from '@wallet-ledger/domain'
import type { EventStore } from '../ports/eventStore.js'
import type { Definitions } from '../engine/definitions.js'
import type { LocalDateTime } from '../engine/localTime.js'
import type { Repository } from '../engine/repository.js'
import type { KeyVault } from '../privacy/keyVault.js'
import type { InFlight } from '../workflows/execution/inFlight.js'
import type { LedgerHooks } from './types.js'

/** The engine's wiring for one ledger. */
export type LedgerContext = {
  readonly store: EventStore
  readonly repository: Repository
  readonly definitions: Definitions
  readonly registry: AssetRegistry
  readonly calendar: BusinessCalendar
  readonly clock: () => Date
  readonly nextId: () => string
  /** The uuid namespace entity ids are derived from. */
  readonly idNamespace: string
  readonly localTime: (instant: Date) => LocalDateTime
  readonly hooks: LedgerHooks
  /** Per-owner keys for contacts and destinations (crypto-shredding). */
  readonly keyVault: KeyVault
  /** Whether workflows commit in one atomic appendMany (else step by step). */
  readonly isAtomic: boolean
  /** The step-by-step commits in progress, which recover() leaves alone. */
  readonly inFlight: InFlight
  readonly authorizationTtlMs: number
  /**
   * Runs after an account is frozen: cancels its withdrawals not yet submitted (DESIGN.md freeze
   * rules). Set by createLedger once the withdrawal workflow exists.
   */
  readonly onFrozen: (accountId: string) => Promise<void>
  readonly disputeResponseMs: number
}
