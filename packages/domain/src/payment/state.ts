// The payment's state and evolve. The state machine (PaymentView's statuses, plus `expired`):
//   not_requested -> failed                         (business refusal: the only event)
//   not_requested -> completed                      (instant capture)
//   not_requested -> authorized -> completed        (manual capture, full or partial)
//                              \-> cancelled | expired
//   completed -> partially_refunded -> refunded     (refunds; `completed -> refunded` at once too)
import { absurd, assert } from '../assert.js'
import { isBalanced } from '../journal/journal.js'
import { moneyFromCanonical } from '../money/money.js'
import type { PaymentRequest } from './codecs.js'
import type {
  PaymentAuthorized,
  PaymentCaptured,
  PaymentEvent,
  PaymentFailed,
  PaymentRefunded,
} from './events.js'

// ---------------------------------------------------------------- types

/** What every requested payment knows: its request as recorded, and the amount in minor units. */
export type RequestedPayment = {
  readonly paymentId: string
  readonly request: PaymentRequest
  readonly scale: number
  /** The requested gross amount, in minor units. */
  readonly amount: bigint
}

/** Refused for a business reason. */
export type FailedPayment = RequestedPayment & {
  readonly status: 'failed'
  readonly reason: PaymentFailed['data']['reason']
}

/** Authorized, the payer's hold open until `expiresAt`. */
export type AuthorizedPayment = RequestedPayment & {
  readonly status: 'authorized'
  readonly holdId: string
  readonly expiresAt: string
  readonly merchantFeeRate?: string
}

/** Authorized, then cancelled or expired; the hold was released. */
export type ClosedPayment = RequestedPayment & {
  readonly status: 'cancelled' | 'expired'
  readonly holdId: string
}

/** Captured, maybe refunded. Amounts in minor units; `captured = charged + discount`. */
export type CapturedPayment = RequestedPayment & {
  readonly status: 'completed' | 'partially_refunded' | 'refunded'
  /** Gross amount captured. */
  readonly captured: bigint
  /** Paid by the promotion's budget. */
  readonly discount: bigint
  /** Kept by the platform from the payee. */
  readonly fee: bigint
  /** Gross amount refunded by this payment's refunds (dispute refunds are the dispute's). */
  readonly refunded: bigint
  /** Fingerprint of each refund, by refund id, so a retried refund records nothing. */
  readonly refunds: ReadonlyMap<string, string>
}

/** The state of one payment stream. */
export type PaymentState =
  | { readonly status: 'not_requested' }
  | FailedPayment
  | AuthorizedPayment
  | ClosedPayment
  | CapturedPayment

/** The state before the first event. */
export const initialPaymentState: PaymentState = { status: 'not_requested' }

// ---------------------------------------------------------------- evolve

/** Applies one recorded event; asserts on an event that cannot follow the state (corrupt stream). */
export const evolvePayment = (state: PaymentState, event: PaymentEvent): PaymentState => {
  switch (event.type) {
    case 'PaymentFailed':
      return { ...requested(state, event), status: 'failed', reason: event.data.reason }
    case 'PaymentAuthorized':
      return authorized(state, event)
    case 'PaymentCaptured':
      return captured(state, event)
    case 'PaymentCancelled':
      return { ...authorizedOrFail(state, event.type), status: 'cancelled' }
    case 'PaymentExpired':
      return { ...authorizedOrFail(state, event.type), status: 'expired' }
    case 'PaymentRefunded':
      return refunded(state, event)
    default:
      return absurd(event)
  }
}

const requested = (
  state: PaymentState,
  event: PaymentFailed | PaymentAuthorized | PaymentCaptured,
): RequestedPayment => {
  const { request } = event.data
  assert(state.status === 'not_requested', `${event.type} with a request on an existing payment`)
  assert(request !== undefined, `${event.type} as first event without the request`)
  const amount = moneyFromCanonical(request.asset, request.amount)
  assert(amount.minor > 0n, `${event.type}: amount not positive`)
  return { paymentId: event.data.paymentId, request, scale: amount.scale, amount: amount.minor }
}

const authorized = (state: PaymentState, event: PaymentAuthorized): AuthorizedPayment => {
  const base = requested(state, event)
  const { holdId, expiresAt, merchantFeeRate } = event.data
  assert(base.request.capture === 'manual', 'PaymentAuthorized for an instant payment')
  return {
    ...base,
    status: 'authorized',
    holdId,
    expiresAt,
    ...(merchantFeeRate === undefined ? {} : { merchantFeeRate }),
  }
}

const captured = (state: PaymentState, event: PaymentCaptured): CapturedPayment => {
  const base =
    event.data.request === undefined ? authorizedOrFail(state, event.type) : requested(state, event)
  assert(isBalanced(event.data.entry), 'PaymentCaptured: entry not balanced')
  const capturedMinor = minorOf(base, event.data.amount)
  const discount = minorOf(base, event.data.discount)
  const fee = minorOf(base, event.data.fee)
  const released = minorOf(base, event.data.released)
  assert(capturedMinor > 0n, 'PaymentCaptured: nothing captured')
  assert(discount < capturedMinor, 'PaymentCaptured: discount not below the amount')
  assert(fee <= capturedMinor, 'PaymentCaptured: fee above the amount')
  assert(
    capturedMinor + released === base.amount,
    'PaymentCaptured: captured + released is not the amount',
  )
  const { paymentId, request, scale, amount } = base
  return {
    paymentId,
    request,
    scale,
    amount,
    status: 'completed',
    captured: capturedMinor,
    discount,
    fee,
    refunded: 0n,
    refunds: new Map(),
  }
}

const refunded = (state: PaymentState, event: PaymentRefunded): CapturedPayment => {
  const { refundId, fingerprint } = event.data
  assert(
    state.status === 'completed' || state.status === 'partially_refunded',
    `PaymentRefunded on a ${state.status} payment`,
  )
  assert(isBalanced(event.data.entry), 'PaymentRefunded: entry not balanced')
  assert(!state.refunds.has(refundId), `PaymentRefunded twice for refund ${refundId}`)
  const total = state.refunded + minorOf(state, event.data.amount)
  assert(total > state.refunded, 'PaymentRefunded: amount not positive')
  assert(total <= state.captured, 'PaymentRefunded: refunds above the captured amount')
  return {
    ...state,
    status: total === state.captured ? 'refunded' : 'partially_refunded',
    refunded: total,
    refunds: new Map(state.refunds).set(refundId, fingerprint),
  }
}

// ---------------------------------------------------------------- helpers

const authorizedOrFail = (state: PaymentState, type: string): AuthorizedPayment => {
  assert(state.status === 'authorized', `${type} on a ${state.status} payment`)
  return state
}

/** Minor units of a canonical amount of the payment's asset (absent is 0); asserts the scale. */
export const minorOf = (payment: RequestedPayment, amount: string | undefined): bigint => {
  if (amount === undefined) return 0n
  const parsed = moneyFromCanonical(payment.request.asset, amount)
  assert(
    parsed.scale === payment.scale,
    `"${amount}" is not at the scale of ${payment.request.asset}`,
  )
  return parsed.minor
}
