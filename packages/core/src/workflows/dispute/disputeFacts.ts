// What a payment's disputes say, read from their streams: whether one is still undecided (a refund
// waits for it), what they returned to the payer (refunds plus dispute refunds never pass what was
// captured), and the id the next dispute on the payment takes. Dispute ids are derived from the
// payment id and an ordinal, so the disputes of a payment are found without a projection.
import {
  addMoney,
  assert,
  disputeRefunded,
  formatMoney,
  isDisputeActive,
  limits,
  moneyFromCanonical,
  paymentView,
  zero,
} from '@wallet-ledger/domain'
import type { Money, OpenedDisputeState, PaymentState } from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import type { PaymentView } from '../../ledger/types.js'
import { disputeIdOf } from '../shared/ids.js'

// ---------------------------------------------------------------- types

/** The disputes of one payment, in the order they were opened. */
export type DisputeFacts = {
  /** Every opened dispute of the payment, oldest first (at most `DISPUTES_PER_PAYMENT_MAX`). */
  readonly disputes: readonly OpenedDisputeState[]
  /** True while one of them waits for an outcome: refunds are refused with `dispute_open`. */
  readonly hasOpenDispute: boolean
  /**
   * What the disputes returned to the payer: the sum of their `DisputeResolved.refunded`,
   * canonical in the payment's asset ('0.00' when none; '0' when the payment does not exist).
   */
  readonly refunded: string
  /** The id the next dispute of the payment takes; absent once the limit is reached. */
  readonly nextDisputeId?: string
}

// ---------------------------------------------------------------- operations

/**
 * Reads the disputes of a payment by probing their derived ids in order until one was never
 * opened (bounded by `DISPUTES_PER_PAYMENT_MAX`). A payment that does not exist has none.
 */
export const disputesOfPayment = async (
  context: LedgerContext,
  paymentId: string,
): Promise<DisputeFacts> => {
  const disputes: OpenedDisputeState[] = []
  let nextDisputeId: string | undefined
  for (let ordinal = 0; ordinal < limits.DISPUTES_PER_PAYMENT_MAX; ordinal += 1) {
    const disputeId = disputeIdOf(context, paymentId, ordinal)
    const loaded = await context.repository.load(context.definitions.dispute, disputeId)
    if (loaded.state.status === 'not_opened') {
      nextDisputeId = disputeId
      break
    }
    assert(
      loaded.state.paymentId === paymentId,
      `dispute ${disputeId} belongs to payment ${loaded.state.paymentId}, not ${paymentId}`,
    )
    disputes.push(loaded.state)
  }
  const refunded = await refundedOf(context, paymentId, disputes)
  return {
    disputes,
    hasOpenDispute: disputes.some(isDisputeActive),
    refunded,
    ...(nextDisputeId === undefined ? {} : { nextDisputeId }),
  }
}

/**
 * The payment's view with what its disputes gave back counted in `refunded` (and the status). Only
 * a captured payment can have disputes, so the others read no dispute stream.
 */
export const paymentViewWithDisputes = async (
  context: LedgerContext,
  state: PaymentState,
): Promise<PaymentView> => {
  if (!('captured' in state)) return paymentView(state)
  const { refunded } = await disputesOfPayment(context, state.paymentId)
  return paymentView(state, moneyFromCanonical(state.request.asset, refunded).minor)
}

// ---------------------------------------------------------------- helpers

/** The canonical sum of what the disputes refunded, at the payment's scale. */
const refundedOf = async (
  context: LedgerContext,
  paymentId: string,
  disputes: readonly OpenedDisputeState[],
): Promise<string> => {
  const payment = await context.repository.load(context.definitions.payment, paymentId)
  if (payment.state.status === 'not_requested') {
    // Only the dispute workflow opens disputes, and it refuses a payment that does not exist.
    assert(disputes.length === 0, `payment ${paymentId} does not exist but has disputes`)
    return '0'
  }
  const { request, scale } = payment.state
  let total: Money = zero({ code: request.asset, scale })
  for (const dispute of disputes) total = addMoney(total, disputeRefunded(dispute))
  return formatMoney(total)
}
