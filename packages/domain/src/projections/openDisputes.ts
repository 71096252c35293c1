// The open-disputes projection: undecided disputes by id and by payment, so the engine can refuse
// a second dispute or a refund while one is open, and the total each payment's resolved disputes
// gave back to the payer (the `disputeRefunded` a refund or a new dispute must count).
import { assert } from '../assert.js'
import { formatMinor, moneyFromCanonical } from '../money/money.js'
import type { Projection, ProjectionInput } from './projection.js'
import { ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- types

/** An undecided dispute, JSON-safe. */
export type OpenDisputeSummary = {
  readonly disputeId: string
  readonly paymentId: string
  readonly stream: string
  readonly status: 'open' | 'responded' | 'escalated' | 'referred_legal'
  readonly payer: string
  readonly payee: string
  readonly asset: string
  readonly amount: string
  readonly openedAt: string
  readonly responseDueAt: string
}

/** The state of the open-disputes projection (owned by the runner, see `Projection`). */
export type OpenDisputesState = {
  readonly byId: Map<string, OpenDisputeSummary>
  /** Open dispute ids by payment id. */
  readonly byPayment: Map<string, Set<string>>
  /** Gross refunded to the payer by resolved disputes, by payment id, in minor units. */
  readonly refundedByPayment: Map<
    string,
    { readonly asset: string; readonly scale: number; readonly minor: bigint }
  >
}

// ---------------------------------------------------------------- the projection

/** A fresh, empty open-disputes state. */
export const initialOpenDisputesState = (): OpenDisputesState => ({
  byId: new Map(),
  byPayment: new Map(),
  refundedByPayment: new Map(),
})

/** Applies one event; updates `state` in place (the runner owns it) and returns it. */
export const applyOpenDisputes = (
  state: OpenDisputesState,
  input: ProjectionInput,
): OpenDisputesState => {
  const event = ledgerEventOf(input.event)
  if (event === undefined) return state
  switch (event.type) {
    case 'DisputeOpened': {
      const { disputeId, paymentId, payer, payee, asset, amount, at, responseDueAt } = event.data
      assert(!state.byId.has(disputeId), `dispute ${disputeId} opened twice`)
      const dispute: OpenDisputeSummary = {
        disputeId,
        paymentId,
        stream: input.stream,
        status: 'open',
        payer,
        payee,
        asset,
        amount,
        openedAt: at,
        responseDueAt,
      }
      state.byId.set(disputeId, dispute)
      state.byPayment.set(paymentId, (state.byPayment.get(paymentId) ?? new Set()).add(disputeId))
      return state
    }
    case 'DisputeContested':
      return moved(state, event.data.disputeId, 'responded')
    case 'DisputeEscalated':
      return moved(state, event.data.disputeId, 'escalated')
    case 'DisputeReferredToLegal':
      return moved(state, event.data.disputeId, 'referred_legal')
    case 'DisputeResolved':
      return resolved(state, event.data.disputeId, event.data.asset, event.data.refunded)
    default:
      return state
  }
}

/** The open-disputes projection, for core's runner. */
export const openDisputesProjection: Projection<OpenDisputesState> = {
  name: 'openDisputes',
  initialState: initialOpenDisputesState,
  apply: applyOpenDisputes,
}

// ---------------------------------------------------------------- queries

/** An undecided dispute by id, or `undefined` (unknown or decided). */
export const openDisputeById = (
  state: OpenDisputesState,
  disputeId: string,
): OpenDisputeSummary | undefined => state.byId.get(disputeId)

/** The undecided disputes of a payment (the engine refuses refunds and new disputes while any). */
export const openDisputesOfPayment = (
  state: OpenDisputesState,
  paymentId: string,
): readonly OpenDisputeSummary[] =>
  [...(state.byPayment.get(paymentId) ?? [])].flatMap((id) => {
    const dispute = state.byId.get(id)
    return dispute === undefined ? [] : [dispute]
  })

/** True while a payment has an undecided dispute. */
export const hasOpenDispute = (state: OpenDisputesState, paymentId: string): boolean =>
  (state.byPayment.get(paymentId)?.size ?? 0) > 0

/** What resolved disputes gave back to the payer of a payment (canonical), `undefined` if nothing. */
export const disputeRefundedOf = (
  state: OpenDisputesState,
  paymentId: string,
): string | undefined => {
  const refunded = state.refundedByPayment.get(paymentId)
  return refunded === undefined ? undefined : formatMinor(refunded.minor, refunded.scale)
}

// ---------------------------------------------------------------- helpers

const moved = (
  state: OpenDisputesState,
  disputeId: string,
  status: OpenDisputeSummary['status'],
): OpenDisputesState => {
  const dispute = state.byId.get(disputeId)
  assert(dispute !== undefined, `dispute ${disputeId} moved to ${status} while not open`)
  state.byId.set(disputeId, { ...dispute, status })
  return state
}

const resolved = (
  state: OpenDisputesState,
  disputeId: string,
  asset: string,
  refundedAmount: string,
): OpenDisputesState => {
  const dispute = state.byId.get(disputeId)
  assert(dispute !== undefined, `dispute ${disputeId} resolved while not open`)
  state.byId.delete(disputeId)
  const open = state.byPayment.get(dispute.paymentId)
  open?.delete(disputeId)
  if (open?.size === 0) state.byPayment.delete(dispute.paymentId)
  const refunded = moneyFromCanonical(asset, refundedAmount)
  if (refunded.minor === 0n) return state
  const before = state.refundedByPayment.get(dispute.paymentId)
  assert(before === undefined || before.scale === refunded.scale, `dispute ${disputeId}: scale`)
  state.refundedByPayment.set(dispute.paymentId, {
    asset,
    scale: refunded.scale,
    minor: (before?.minor ?? 0n) + refunded.minor,
  })
  return state
}
