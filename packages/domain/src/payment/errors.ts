// The error codes a payment decision can return (a subset of the closed ERROR_CODES list).
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'
import { notFound } from '../notFound.js'

/** Codes the payment decider returns as a rejection (nothing recorded). */
export type PaymentErrorCode = Extract<
  ErrorCode,
  | 'invalid_input'
  | 'amount_not_positive'
  | 'same_account'
  | 'idempotency_key_reused'
  | 'payment_not_found'
  | 'invalid_transition'
  | 'capture_exceeds_authorized'
  | 'refund_exceeds_captured'
  | 'dispute_open'
  | 'limit_exceeded'
>

/** An expected rejection of a payment command. */
export type PaymentError = DomainError<PaymentErrorCode>

/** Builds a payment error. */
export const paymentError = (
  code: PaymentErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): PaymentError => domainError(code, message, details)

/** The payment a command names has no events. */
export const paymentNotFound = (paymentId: string): PaymentError => notFound('payment', paymentId)
