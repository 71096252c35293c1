// Payment command types, derived from their codecs so the codec stays the single source of truth.
import * as t from 'io-ts'
import {
  CancelPaymentCommand,
  CapturePaymentCommand,
  ExpirePaymentCommand,
  RefundPaymentCommand,
  RequestPaymentCommand,
} from './codecs.js'

/** Requests a payment, with the facts of the payer, payee and promotion. */
export type RequestPayment = t.TypeOf<typeof RequestPaymentCommand>
/** Captures an authorized payment, fully or partly. */
export type CapturePayment = t.TypeOf<typeof CapturePaymentCommand>
/** Cancels an authorized payment. */
export type CancelPayment = t.TypeOf<typeof CancelPaymentCommand>
/** Expires an authorized payment whose hold is due (sent by `runDue`). */
export type ExpirePayment = t.TypeOf<typeof ExpirePaymentCommand>
/** Refunds part or all of a captured payment. */
export type RefundPayment = t.TypeOf<typeof RefundPaymentCommand>

/** The codec of every payment command. */
export const PaymentCommand = t.union(
  [
    RequestPaymentCommand,
    CapturePaymentCommand,
    CancelPaymentCommand,
    ExpirePaymentCommand,
    RefundPaymentCommand,
  ],
  'PaymentCommand',
)
/** Any payment command. */
export type PaymentCommand = t.TypeOf<typeof PaymentCommand>
