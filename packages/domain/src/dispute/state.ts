// The dispute's state and `evolve`: a fold over recorded facts that asserts on an event that
// cannot follow the state (a corrupt stream), never silently ignores it (STYLE.md section 4).
import { absurd, assert } from '../assert.js'
import { EVIDENCE_ITEMS_PER_DISPUTE_MAX } from '../limits.js'
import { isBalanced } from '../journal/journal.js'
import { addMoney, moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'
import { settleDispute } from './resolution.js'
import type {
  DisputeContested,
  DisputeEscalated,
  DisputeEvent,
  DisputeOpened,
  DisputeReferredToLegal,
  DisputeResolved,
  EvidenceSubmitted,
} from './events.js'

// ---------------------------------------------------------------- types

/** One piece of evidence as the dispute keeps it. */
export type DisputeEvidence = Pick<EvidenceSubmitted['data'], 'by' | 'reference' | 'sha256'>

type OpenedData = DisputeOpened['data']

/**
 * The disputed payment's money when the dispute opened, in minor units of the dispute's asset:
 * what a refund to the payer is split by (`refundShares`, as for a payment's refunds).
 */
export type DisputedPayment = {
  /** Gross captured. */
  readonly captured: bigint
  /** Paid by the promotion's budget (`promotionId` set when positive). */
  readonly discount: bigint
  /** The merchant fee the platform kept. */
  readonly fee: bigint
  /** Gross refunded before this dispute: the payment's refunds and earlier disputes' refunds. */
  readonly refunded: bigint
  readonly promotionId?: string
}

/** What every opened dispute knows, whatever its status. Amounts are in the payment's asset. */
export type DisputeCase = {
  readonly disputeId: OpenedData['disputeId']
  readonly paymentId: OpenedData['paymentId']
  readonly reason: OpenedData['reason']
  readonly payer: OpenedData['payer']
  readonly payee: OpenedData['payee']
  readonly holdId: OpenedData['holdId']
  readonly asset: OpenedData['asset']
  /** The disputed amount: `held + shortfall`. */
  readonly amount: Money
  /** What the engine held from the payee (never more than the payee had available). */
  readonly held: Money
  /** What the payee could not cover when the dispute opened; the platform covers it on a refund. */
  readonly shortfall: Money
  readonly responseDueAt: OpenedData['responseDueAt']
  readonly payment: DisputedPayment
  readonly fingerprint: OpenedData['fingerprint']
  readonly openedAt: OpenedData['at']
  readonly evidence: readonly DisputeEvidence[]
}

/** How a dispute ended. `captured + released = held`; `refunded - captured` the platform covered. */
export type DisputeResolution = {
  readonly outcome: DisputeResolved['data']['outcome']
  readonly decidedBy: DisputeResolved['data']['decidedBy']
  readonly refunded: Money
  readonly captured: Money
  readonly released: Money
  /** The journal entry of the refund; absent when nothing was refunded. */
  readonly entryId?: string
  readonly at: DisputeResolved['data']['at']
}

/** Statuses in which the dispute is still undecided and the hold is open. */
export type DisputeActiveStatus = 'open' | 'responded' | 'escalated' | 'referred_legal'

/** A dispute's state: a discriminated union on `status`, DESIGN's DisputeView statuses plus `not_opened`. */
export type DisputeState =
  | { readonly status: 'not_opened' }
  | (DisputeCase & { readonly status: DisputeActiveStatus })
  | (DisputeCase & {
      readonly status: 'resolved_payer' | 'resolved_payee'
      readonly resolution: DisputeResolution
    })

/** A dispute that exists. */
export type OpenedDisputeState = Exclude<DisputeState, { status: 'not_opened' }>

/** A dispute still waiting for its outcome. */
export type ActiveDisputeState = Extract<OpenedDisputeState, { status: DisputeActiveStatus }>

// ---------------------------------------------------------------- constructors

/** Before `DisputeOpened`. */
export const initialDisputeState: DisputeState = { status: 'not_opened' }

// ---------------------------------------------------------------- operations

/** True while the dispute waits for an outcome: the payment must refuse refunds (`dispute_open`). */
export const isDisputeActive = (state: DisputeState): state is ActiveDisputeState =>
  state.status === 'open' ||
  state.status === 'responded' ||
  state.status === 'escalated' ||
  state.status === 'referred_legal'

/** Applies one recorded event. Asserts the event can follow the state. */
export const evolveDispute = (state: DisputeState, event: DisputeEvent): DisputeState => {
  switch (event.type) {
    case 'DisputeOpened':
      return opened(state, event)
    case 'EvidenceSubmitted':
      return evidenceSubmitted(state, event)
    case 'DisputeContested':
      return moved(state, event, ['open'], 'responded')
    case 'DisputeEscalated':
      return moved(state, event, ['open', 'responded'], 'escalated')
    case 'DisputeReferredToLegal':
      return moved(state, event, ['escalated'], 'referred_legal')
    case 'DisputeResolved':
      return resolved(state, event)
    default:
      return absurd(event)
  }
}

// ---------------------------------------------------------------- helpers

const opened = (state: DisputeState, event: DisputeOpened): DisputeState => {
  const data = event.data
  assert(
    state.status === 'not_opened',
    `DisputeOpened on dispute ${data.disputeId} in status ${state.status}`,
  )
  const amount = moneyFromCanonical(data.asset, data.amount)
  const held = moneyFromCanonical(data.asset, data.held)
  const shortfall = moneyFromCanonical(data.asset, data.shortfall)
  assert(amount.minor > 0n, `DisputeOpened ${data.disputeId}: amount must be positive`)
  assert(
    addMoney(held, shortfall).minor === amount.minor,
    `DisputeOpened ${data.disputeId}: held + shortfall != amount`,
  )
  assert(
    Date.parse(data.responseDueAt) > Date.parse(data.at),
    `DisputeOpened ${data.disputeId}: deadline not after opening`,
  )
  const payment = disputedPaymentOf(event, amount)
  return {
    status: 'open',
    disputeId: data.disputeId,
    paymentId: data.paymentId,
    reason: data.reason,
    payer: data.payer,
    payee: data.payee,
    holdId: data.holdId,
    asset: data.asset,
    amount,
    held,
    shortfall,
    responseDueAt: data.responseDueAt,
    payment,
    fingerprint: data.fingerprint,
    openedAt: data.at,
    evidence: [],
  }
}

// The payment's money as the opening recorded it; asserts it can be a real payment's, with the
// disputed amount within what was left to refund.
const disputedPaymentOf = (event: DisputeOpened, amount: Money): DisputedPayment => {
  const { asset, payment, disputeId } = event.data
  const minorOf = (value: string): bigint => {
    const parsed = moneyFromCanonical(asset, value)
    assert(parsed.scale === amount.scale, `DisputeOpened ${disputeId}: "${value}" off the scale`)
    return parsed.minor
  }
  const captured = minorOf(payment.captured)
  const discount = minorOf(payment.discount)
  const fee = minorOf(payment.fee)
  const refunded = minorOf(payment.refunded)
  assert(discount < captured, `DisputeOpened ${disputeId}: discount not below captured`)
  assert(fee <= captured, `DisputeOpened ${disputeId}: fee above captured`)
  assert(
    refunded + amount.minor <= captured,
    `DisputeOpened ${disputeId}: refunded + disputed above captured`,
  )
  assert(
    discount === 0n || payment.promotionId !== undefined,
    `DisputeOpened ${disputeId}: a discount without its promotion`,
  )
  const { promotionId } = payment
  return {
    captured,
    discount,
    fee,
    refunded,
    ...(promotionId === undefined ? {} : { promotionId }),
  }
}

const assertSameDispute = (state: OpenedDisputeState, event: DisputeEvent): void => {
  assert(
    state.disputeId === event.data.disputeId,
    `${event.type} for ${event.data.disputeId} on dispute ${state.disputeId}`,
  )
}

const evidenceSubmitted = (state: DisputeState, event: EvidenceSubmitted): DisputeState => {
  assert(isDisputeActive(state), `EvidenceSubmitted in status ${state.status}`)
  assertSameDispute(state, event)
  assert(
    state.evidence.length < EVIDENCE_ITEMS_PER_DISPUTE_MAX,
    `dispute ${state.disputeId}: evidence over the limit`,
  )
  const { by, reference, sha256 } = event.data
  return { ...state, evidence: [...state.evidence, { by, reference, sha256 }] }
}

const moved = (
  state: DisputeState,
  event: DisputeContested | DisputeEscalated | DisputeReferredToLegal,
  from: readonly DisputeActiveStatus[],
  to: DisputeActiveStatus,
): DisputeState => {
  assert(isDisputeActive(state), `${event.type} in status ${state.status}`)
  assertSameDispute(state, event)
  assert(from.includes(state.status), `${event.type} cannot follow status ${state.status}`)
  return { ...state, status: to }
}

const resolved = (state: DisputeState, event: DisputeResolved): DisputeState => {
  assert(isDisputeActive(state), `DisputeResolved in status ${state.status}`)
  assertSameDispute(state, event)
  const data = event.data
  const byPayee = data.decidedBy === 'payee'
  assert(
    byPayee
      ? state.status === 'open'
      : state.status === 'escalated' || state.status === 'referred_legal',
    `DisputeResolved by ${data.decidedBy} in status ${state.status}`,
  )
  assert(!byPayee || data.outcome === 'payer', 'a payee can only resolve a dispute for the payer')
  const asset = state.asset
  assert(data.asset === asset, `DisputeResolved in ${data.asset} on a dispute in ${asset}`)
  const refunded = moneyFromCanonical(asset, data.refunded)
  const captured = moneyFromCanonical(asset, data.captured)
  const released = moneyFromCanonical(asset, data.released)
  assertSettlement(state, data.outcome, { refunded, captured, released })
  assert((data.entry !== undefined) === refunded.minor > 0n, 'DisputeResolved: entry iff a refund')
  assert(data.entry === undefined || isBalanced(data.entry), 'DisputeResolved: unbalanced entry')
  const resolution: DisputeResolution = {
    outcome: data.outcome,
    decidedBy: data.decidedBy,
    refunded,
    captured,
    released,
    ...(data.entry === undefined ? {} : { entryId: data.entry.entryId }),
    at: data.at,
  }
  const status = data.outcome === 'payer' ? 'resolved_payer' : 'resolved_payee'
  return { ...state, status, resolution }
}

const assertSettlement = (
  state: DisputeCase,
  outcome: DisputeResolution['outcome'],
  amounts: Pick<DisputeResolution, 'refunded' | 'captured' | 'released'>,
): void => {
  const { refunded, captured, released } = amounts
  assert(
    captured.scale === state.held.scale && released.scale === state.held.scale,
    'DisputeResolved: scale mismatch',
  )
  assert(refunded.scale === state.held.scale, 'DisputeResolved: refunded scale mismatch')
  assert(
    captured.minor + released.minor === state.held.minor,
    'DisputeResolved: captured + released != held',
  )
  assert(refunded.minor <= state.amount.minor, 'DisputeResolved: refunded more than disputed')
  assert(
    outcome === 'payer' ? refunded.minor > 0n : refunded.minor === 0n,
    `DisputeResolved: ${outcome} with refund ${refunded.minor}`,
  )
  // The payee's hold pays the payee's share first (the refund less the fee's share); the platform
  // covers only what the hold cannot, never more than the shortfall (settleDispute asserts it).
  const expected = settleDispute(state, refunded.minor)
  assert(
    captured.minor === expected.captured.minor,
    'DisputeResolved: captured is not min(payee share, held)',
  )
}
