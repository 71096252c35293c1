// Payment event types, derived from their codecs so the codec stays the single source of truth.
import * as t from 'io-ts'
import {
  PaymentAuthorizedV1,
  PaymentCancelledV1,
  PaymentCapturedV1,
  PaymentExpiredV1,
  PaymentFailedV1,
  PaymentRefundedV1,
} from './codecs.js'

/** The request was refused for a business reason. */
export type PaymentFailed = t.TypeOf<typeof PaymentFailedV1>
/** A manual payment was authorized and the payer's hold placed. */
export type PaymentAuthorized = t.TypeOf<typeof PaymentAuthorizedV1>
/** Money moved, with the journal entry. */
export type PaymentCaptured = t.TypeOf<typeof PaymentCapturedV1>
/** An authorized payment was cancelled. */
export type PaymentCancelled = t.TypeOf<typeof PaymentCancelledV1>
/** An authorized payment expired uncaptured. */
export type PaymentExpired = t.TypeOf<typeof PaymentExpiredV1>
/** A refund moved money back, with the journal entry. */
export type PaymentRefunded = t.TypeOf<typeof PaymentRefundedV1>

/** The codec of every payment event (current versions; run `paymentUpcasters` first). */
export const PaymentEvent = t.union(
  [
    PaymentFailedV1,
    PaymentAuthorizedV1,
    PaymentCapturedV1,
    PaymentCancelledV1,
    PaymentExpiredV1,
    PaymentRefundedV1,
  ],
  'PaymentEvent',
)
/** Any payment event. */
export type PaymentEvent = t.TypeOf<typeof PaymentEvent>
