// What other parts of the ledger read from a dispute: DESIGN's DisputeView (strings only) and the
// facts the payment decider needs about dispute refunds.
import { assert } from '../assert.js'
import { formatMoney, zero } from '../money/money.js'
import type { Money } from '../money/money.js'
import type { DisputeEvidence, DisputeState } from './state.js'

// ---------------------------------------------------------------- types

/**
 * DESIGN.md section 6's DisputeView, JSON-safe. The fields beyond DESIGN's shape (always present)
 * tell a person what is disputed, what is held, what came back and by when the payee must answer.
 */
export type DisputeView = {
  readonly disputeId: string
  readonly paymentId: string
  readonly status:
    'open' | 'responded' | 'escalated' | 'resolved_payer' | 'resolved_payee' | 'referred_legal'
  readonly evidence: readonly {
    readonly by: string
    readonly reference: string
    readonly sha256: string
  }[]
  readonly reason: string
  readonly asset: string
  /** The disputed amount. */
  readonly amount: string
  /** What is held from the payee while the dispute is undecided ('0…' once decided). */
  readonly held: string
  /** What the payer got back; '0…' until resolved for the payer. */
  readonly refunded: string
  /** When the payee's response is due (ISO instant). */
  readonly responseDueAt: string
}

// ---------------------------------------------------------------- operations

/** The view of an opened dispute. Asserts it was opened (the engine answers `dispute_not_found`). */
export const disputeView = (state: DisputeState): DisputeView => {
  assert(state.status !== 'not_opened', 'disputeView: the dispute was never opened')
  const isDecided = state.status === 'resolved_payer' || state.status === 'resolved_payee'
  return {
    disputeId: state.disputeId,
    paymentId: state.paymentId,
    status: state.status,
    evidence: state.evidence.map((item: DisputeEvidence) => ({
      by: item.by,
      reference: item.reference,
      sha256: item.sha256,
    })),
    reason: state.reason,
    asset: state.asset,
    amount: formatMoney(state.amount),
    held: formatMoney(
      isDecided ? zero({ code: state.asset, scale: state.amount.scale }) : state.held,
    ),
    refunded: formatMoney(disputeRefunded(state)),
    responseDueAt: state.responseDueAt,
  }
}

/**
 * What the dispute has returned to the payer: the `refunded` of its `DisputeResolved` event (zero
 * before an outcome, and for the payee outcome). The engine adds this, read from the event field
 * `DisputeResolved.data.refunded` (canonical, in `data.asset`), to the payment's dispute refunds,
 * so the payment decider can keep "refunds plus dispute refunds never exceed what was captured" and
 * pass `payment.refunded` (refunds plus earlier dispute refunds) to the next OpenDispute.
 */
export const disputeRefunded = (state: DisputeState): Money => {
  assert(state.status !== 'not_opened', 'disputeRefunded: the dispute was never opened')
  if (state.status === 'resolved_payer') return state.resolution.refunded
  return zero({ code: state.asset, scale: state.amount.scale })
}
