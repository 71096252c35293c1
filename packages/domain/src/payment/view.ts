// What the engine returns for a payment: DESIGN's PaymentView (strings only), and the error a
// refused request reports, rebuilt from the recorded `PaymentFailed`.
import { absurd, assert } from '../assert.js'
import type { DomainError } from '../errors.js'
import { domainError } from '../errors.js'
import { formatMinor } from '../money/money.js'
import type { PaymentChannel, PaymentFailureCode } from './codecs.js'
import type { PaymentEvent, PaymentFailed } from './events.js'
import type { PaymentState } from './state.js'

// ---------------------------------------------------------------- types

/** A payment's status as people see it; an expired authorization shows as `failed` ('expired'). */
export type PaymentViewStatus =
  'authorized' | 'completed' | 'failed' | 'cancelled' | 'refunded' | 'partially_refunded'

/**
 * DESIGN's PaymentView, JSON-safe. `amount` is the requested gross amount, `charged` what the
 * payer paid after the discount (zero until captured), `refunded` the gross total given back to
 * the payer: this payment's refunds plus what its disputes refunded (`disputeRefunded`, present
 * when a dispute refunded anything), and the status says `partially_refunded` or `refunded` by
 * that total. `failureReason` is the refusal's code, or 'expired'. Optional extras: `captured`
 * (gross, once captured), `discount` (when a promotion paid part), `promotionId`, `memo`.
 */
export type PaymentView = {
  readonly paymentId: string
  readonly status: PaymentViewStatus
  readonly channel: PaymentChannel
  readonly payer: string
  readonly payee: string
  readonly asset: string
  readonly amount: string
  readonly charged: string
  readonly refunded: string
  readonly failureReason?: string
  readonly captured?: string
  readonly discount?: string
  readonly promotionId?: string
  readonly memo?: string
  readonly disputeRefunded?: string
}

/** The error a refused payment request reports: its recorded reason and `details.paymentId`. */
export type PaymentFailure = DomainError<PaymentFailureCode>

// ---------------------------------------------------------------- operations

/**
 * The view of a payment; asserts the payment exists (the engine answers `payment_not_found`).
 * `disputeRefundedMinor` is what the payment's disputes refunded (the engine reads their streams).
 */
export const paymentView = (state: PaymentState, disputeRefundedMinor = 0n): PaymentView => {
  assert(state.status !== 'not_requested', 'paymentView: no payment')
  const { request, scale } = state
  const format = (minor: bigint) => formatMinor(minor, scale)
  const base = {
    paymentId: state.paymentId,
    channel: request.channel,
    payer: request.payer,
    payee: request.payee,
    asset: request.asset,
    amount: request.amount,
    charged: format(0n),
    refunded: format(0n),
    ...(request.promotionId === undefined ? {} : { promotionId: request.promotionId }),
    ...(request.memo === undefined ? {} : { memo: request.memo }),
  }
  switch (state.status) {
    case 'failed':
      return { ...base, status: 'failed', failureReason: state.reason.code }
    case 'expired':
      return { ...base, status: 'failed', failureReason: 'expired' }
    case 'authorized':
    case 'cancelled':
      return { ...base, status: state.status }
    case 'completed':
    case 'partially_refunded':
    case 'refunded': {
      const refunded = state.refunded + disputeRefundedMinor
      return {
        ...base,
        status:
          refunded === 0n
            ? 'completed'
            : refunded >= state.captured
              ? 'refunded'
              : 'partially_refunded',
        charged: format(state.captured - state.discount),
        refunded: format(refunded),
        captured: format(state.captured),
        ...(state.discount === 0n ? {} : { discount: format(state.discount) }),
        ...(disputeRefundedMinor === 0n ? {} : { disputeRefunded: format(disputeRefundedMinor) }),
      }
    }
    default:
      return absurd(state)
  }
}

/**
 * The error to return when `events` (just decided for a `RequestPayment`) record a refusal, with
 * `details.paymentId`; `undefined` when they do not. The engine appends the events first, then
 * returns this error: a refused payment is stored and reported.
 */
export const paymentFailureOf = (events: readonly PaymentEvent[]): PaymentFailure | undefined => {
  const failed = events.find((event): event is PaymentFailed => event.type === 'PaymentFailed')
  return failed === undefined ? undefined : failureFrom(failed.data.paymentId, failed.data.reason)
}

/** The recorded refusal of a failed payment (for a retried request), `undefined` otherwise. */
export const storedPaymentFailure = (state: PaymentState): PaymentFailure | undefined =>
  state.status === 'failed' ? failureFrom(state.paymentId, state.reason) : undefined

// ---------------------------------------------------------------- helpers

const failureFrom = (paymentId: string, reason: PaymentFailed['data']['reason']): PaymentFailure =>
  domainError(reason.code, reason.message, { paymentId })
