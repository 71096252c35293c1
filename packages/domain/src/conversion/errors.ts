// The error codes a conversion can end with (a subset of the closed ERROR_CODES list).
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'

/**
 * Codes a conversion ends with. `decide` returns `invalid_input`, `amount_not_positive`,
 * `amount_precision_exceeded` (minReceived), `amount_too_large`, `account_closed` and `idempotency_key_reused` as rejections that write
 * nothing; `account_frozen`, `quote_expired`, `security_check_failed`, `limit_exceeded`,
 * `insufficient_balance` and `min_received_not_met` are recorded (ConversionExpired,
 * ConversionFailed) and read back with `conversionFailureOf`.
 */
export type ConversionErrorCode = Extract<
  ErrorCode,
  | 'invalid_input'
  | 'amount_not_positive'
  | 'amount_precision_exceeded'
  | 'amount_too_large'
  | 'account_closed'
  | 'idempotency_key_reused'
  | 'account_frozen'
  | 'quote_expired'
  | 'security_check_failed'
  | 'limit_exceeded'
  | 'insufficient_balance'
  | 'min_received_not_met'
>

/** An expected rejection or recorded refusal of a conversion. */
export type ConversionError = DomainError<ConversionErrorCode>

/** Builds a conversion error. */
export const conversionError = (
  code: ConversionErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ConversionError => domainError(code, message, details)
