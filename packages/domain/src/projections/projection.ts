// What every projection is: a pure fold over the global log, fed by core's checkpointed runner with
// events that are already upcast and decoded. This module holds the input type, the projection
// type, the union of events the projections understand, and small helpers shared by all of them.
import { assert } from '../assert.js'
import type { AccountEvent } from '../account/codecs.js'
import type { AdjustmentEvent } from '../adjustment/codecs.js'
import type { ClaimEvent } from '../claim/codecs.js'
import type { ConversionEvent } from '../conversion/events.js'
import type { DepositEvent } from '../deposit/codecs.js'
import type { DisputeEvent } from '../dispute/events.js'
import type { PaymentEvent } from '../payment/events.js'
import type { PromotionEvent } from '../promotion/events.js'
import type { WithdrawalEvent } from '../withdrawal/events.js'

// ---------------------------------------------------------------- types

/** An event as the runner hands it over: current version, decoded. Unknown types are allowed. */
export type ProjectionEvent = {
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
}

/**
 * One event of the global log with the envelope facts projections use: its global `position`
 * (strictly increasing), its `stream`, and the store's `recordedAt`. Projections read instants from
 * `event.data.at` (when it happened, DESIGN section 3), never from `recordedAt`.
 */
export type ProjectionInput = {
  readonly position: bigint
  readonly stream: string
  readonly recordedAt: string
  readonly event: ProjectionEvent
}

/**
 * A projection: a name, a fresh empty state, and a fold step.
 *
 * Ownership: `apply` may update the state it is given in place and returns it (or a new one); the
 * runner must always continue with the returned value, keep the state to itself, and read it only
 * through the query functions between two `apply` calls (queries return fresh JSON-safe values,
 * never internal objects). That is why `initialState` is a function: each call returns a new,
 * unshared state. Folding a log in any number of slices, carrying the state over, gives the same
 * state as folding it at once, and rebuilding from position 0 gives the same result.
 */
export type Projection<State> = {
  readonly name: string
  /** A new, empty state (a function: `apply` may change the state it is given). */
  readonly initialState: () => State
  /** The state after one stored event. */
  readonly apply: (state: State, input: ProjectionInput) => State
}

/** Every event the projections understand, at its current version. */
export type LedgerEvent =
  | AccountEvent
  | PaymentEvent
  | WithdrawalEvent
  | DisputeEvent
  | ConversionEvent
  | PromotionEvent
  | DepositEvent
  | AdjustmentEvent
  | ClaimEvent

// The compiler checks that this lists every type of the union and nothing else.
const LEDGER_EVENT_TYPES: Readonly<Record<LedgerEvent['type'], true>> = {
  AccountOpened: true,
  AccountFrozen: true,
  AccountUnfrozen: true,
  AccountClosed: true,
  ContactErased: true,
  TwoFactorEnabled: true,
  TwoFactorDisabled: true,
  PaymentPasswordSet: true,
  LimitsSet: true,
  MerchantFeeRateSet: true,
  FundsDebited: true,
  FundsCredited: true,
  FundsHeld: true,
  HoldCaptured: true,
  HoldReleased: true,
  PaymentFailed: true,
  PaymentAuthorized: true,
  PaymentCaptured: true,
  PaymentCancelled: true,
  PaymentExpired: true,
  PaymentRefunded: true,
  WithdrawalRequested: true,
  WithdrawalRequestFailed: true,
  WithdrawalVerified: true,
  WithdrawalRejected: true,
  WithdrawalSubmitted: true,
  WithdrawalCompleted: true,
  WithdrawalFailed: true,
  WithdrawalCancelled: true,
  WithdrawalReturned: true,
  DisputeOpened: true,
  EvidenceSubmitted: true,
  DisputeContested: true,
  DisputeEscalated: true,
  DisputeReferredToLegal: true,
  DisputeResolved: true,
  ConversionExecuted: true,
  ConversionExpired: true,
  ConversionFailed: true,
  PromotionCreated: true,
  DiscountApplied: true,
  DiscountReturned: true,
  DiscountVoided: true,
  FundsDeposited: true,
  AdjustmentPosted: true,
  IdempotencyKeyClaimed: true,
}

// ---------------------------------------------------------------- operations

/** True for the name of a ledger event type (`subscribe` refuses any other name). */
export const isLedgerEventType = (type: string): boolean => Object.hasOwn(LEDGER_EVENT_TYPES, type)

/**
 * The event as one the projections understand, or `undefined` for a type they do not know (a
 * newer aggregate's event: projections skip it). The runner has decoded it with its codec, so the
 * type name is trusted.
 */
export const ledgerEventOf = (event: ProjectionEvent): LedgerEvent | undefined =>
  Object.hasOwn(LEDGER_EVENT_TYPES, event.type) ? (event as LedgerEvent) : undefined

/**
 * Folds inputs into a state, starting from `state` (absent: a fresh one). Positions must increase
 * strictly; the runner guarantees it and this asserts it, so a slice fed twice fails loudly.
 */
export const foldProjection = <State>(
  projection: Projection<State>,
  inputs: Iterable<ProjectionInput>,
  state: State = projection.initialState(),
): State => {
  let current = state
  let previous: bigint | undefined
  for (const input of inputs) {
    assert(
      previous === undefined || input.position > previous,
      `${projection.name}: position order`,
    )
    previous = input.position
    current = projection.apply(current, input)
  }
  return current
}

/** Milliseconds of an ISO instant; asserts it parses (events carry validated instants). */
export const instantMs = (instant: string): number => {
  const ms = Date.parse(instant)
  assert(!Number.isNaN(ms), `not an instant: "${instant}"`)
  return ms
}

/** The `at` of an event's data, when it has one (every domain event does). */
export const eventAt = (event: ProjectionEvent): string | undefined => {
  const data = event.data
  if (typeof data !== 'object' || data === null || !('at' in data)) return undefined
  const at = (data as { readonly at: unknown }).at
  return typeof at === 'string' ? at : undefined
}
