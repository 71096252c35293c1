// Deciding a refund of a captured payment. Amounts are gross; `refundShares` splits each refund
// between the payer and the promotion's budget (and takes the fee back pro rata) after everything
// refunded before, dispute refunds included, so partial refunds always add up exactly.
import { keyReusedMessage } from '../errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import { formatMinor } from '../money/money.js'
import { REFUNDS_PER_PAYMENT_MAX } from '../limits.js'
import type { RefundPayment } from './commands.js'
import type { PaymentError } from './errors.js'
import { paymentError, paymentNotFound } from './errors.js'
import type { PaymentEvent } from './events.js'
import { refundEntry, refundShares } from './postings.js'
import type { CapturedPayment, PaymentState } from './state.js'
import { minorOf } from './state.js'

type Decision = Either<PaymentError, readonly PaymentEvent[]>

// ---------------------------------------------------------------- decision

/**
 * Refunds `amount` (gross; absent: everything still refundable) of a captured payment. A refund id
 * already recorded with the same fingerprint records nothing (a retry); with another it is
 * `idempotency_key_reused`. Rejections, in order: `payment_not_found`, `invalid_transition` (never
 * captured), `dispute_open`, `limit_exceeded` (more than `REFUNDS_PER_PAYMENT_MAX` refunds),
 * `amount_not_positive`, `refund_exceeds_captured` (this payment's refunds plus the dispute
 * refunds would pass the captured amount, or nothing is left).
 */
export const refundPayment = (command: RefundPayment, state: PaymentState): Decision => {
  if (state.status === 'not_requested') return left(paymentNotFound(command.paymentId))
  if (!('refunds' in state)) {
    const message = `a ${state.status} payment cannot be refunded`
    return left(paymentError('invalid_transition', message, { status: state.status }))
  }
  const recorded = state.refunds.get(command.refundId)
  if (recorded !== undefined) {
    return recorded === command.fingerprint ? right([]) : left(keyReused(command))
  }
  const refused = refusalOf(command, state)
  if (refused !== undefined) return left(refused)
  const refundable = state.captured - state.refunded - minorOf(state, command.disputeRefunded)
  const amount = command.amount === undefined ? refundable : minorOf(state, command.amount)
  if (amount <= 0n || amount > refundable) {
    const remaining = formatMinor(refundable > 0n ? refundable : 0n, state.scale)
    const message = `at most ${remaining} can still be refunded`
    return left(paymentError('refund_exceeds_captured', message, { refundable: remaining }))
  }
  return right([paymentRefunded(command, state, amount)])
}

// ---------------------------------------------------------------- helpers

/** The refusals that do not depend on how much is left: an open dispute, the count, a zero. */
const refusalOf = (command: RefundPayment, state: CapturedPayment): PaymentError | undefined => {
  if (command.hasOpenDispute) {
    const message = 'the payment has an open dispute, which settles any refund'
    return paymentError('dispute_open', message, { paymentId: command.paymentId })
  }
  if (state.refunds.size >= REFUNDS_PER_PAYMENT_MAX) {
    const message = `at most ${REFUNDS_PER_PAYMENT_MAX} refunds per payment`
    return paymentError('limit_exceeded', message, { limit: 'refunds_per_payment' })
  }
  if (command.amount !== undefined && minorOf(state, command.amount) === 0n) {
    return paymentError('amount_not_positive', 'amount: must be greater than zero', {
      path: 'amount',
    })
  }
  return undefined
}

const keyReused = (command: RefundPayment): PaymentError =>
  paymentError('idempotency_key_reused', keyReusedMessage('refund'), {
    paymentId: command.paymentId,
  })

// The shares are cumulative over every refund of the payment, its own and its disputes' (which
// split theirs the same way), so the parts of all of them sum exactly to what was charged.
const paymentRefunded = (
  command: RefundPayment,
  state: CapturedPayment,
  amount: bigint,
): PaymentEvent => {
  const { request, scale } = state
  const refundedBefore = state.refunded + minorOf(state, command.disputeRefunded)
  const shares = refundShares(
    { gross: state.captured, discount: state.discount, fee: state.fee },
    refundedBefore,
    amount,
  )
  assert(
    shares.budget === 0n || request.promotionId !== undefined,
    'paymentRefunded: budget share without a promotion',
  )
  const parties = {
    payer: request.payer,
    payee: request.payee,
    ...(state.discount > 0n && request.promotionId !== undefined
      ? { promotionId: request.promotionId }
      : {}),
  }
  const entry = refundEntry(
    command.entryId,
    parties,
    { asset: request.asset, scale, minor: amount },
    shares,
  )
  return {
    type: 'PaymentRefunded',
    schemaVersion: 1,
    data: {
      paymentId: command.paymentId,
      refundId: command.refundId,
      fingerprint: command.fingerprint,
      amount: formatMinor(amount, scale),
      entry,
      at: command.at,
    },
  }
}
