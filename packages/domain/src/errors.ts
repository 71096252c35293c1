// Expected rejections are plain data with a stable snake_case code (STYLE.md section 5).

/** Every error code a caller may switch on. Codes are stable forever; new ones may be added. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_asset',
  'asset_already_registered',
  'amount_precision_exceeded',
  'amount_not_positive',
  'amount_too_large',
  'account_not_found',
  'account_already_exists',
  'account_frozen',
  'account_not_frozen',
  'account_closed',
  'account_not_empty',
  'insufficient_balance',
  'security_check_failed',
  'limit_exceeded',
  'idempotency_key_reused',
  'payment_not_found',
  'withdrawal_not_found',
  'dispute_not_found',
  'conversion_not_found',
  'promotion_not_found',
  'promotion_already_exists',
  'refund_exceeds_captured',
  'capture_exceeds_authorized',
  'dispute_open',
  'dispute_amount_exceeds_payment',
  'invalid_transition',
  'quote_expired',
  'min_received_not_met',
  'promotion_exhausted',
  'promotion_not_valid',
  'promotion_cap_exceeded',
  'same_account',
  'hold_not_found',
  'too_many_holds',
  'evidence_limit_reached',
  'deadline_passed',
  'concurrency_conflict',
] as const

/** The closed union of error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number]

/** An expected rejection: plain data, never an `Error` subclass. */
export type DomainError<Code extends string = ErrorCode> = {
  readonly code: Code
  readonly message: string
  readonly details?: Readonly<Record<string, unknown>>
}

/** Builds a domain error; `details` is omitted when absent so errors stay JSON-equal. */
export const domainError = <Code extends ErrorCode>(
  code: Code,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError<Code> => (details === undefined ? { code, message } : { code, message, details })

/**
 * The message of `idempotency_key_reused` for a command of `kind` ('payment', 'refund', ...). Keys
 * are scoped per kind of command, so the message says so: the same key may name a payment and a
 * refund, but not two payments.
 */
export const keyReusedMessage = (kind: string): string =>
  `this idempotency key was already used for a ${kind} with other details; keys are scoped per ` +
  `kind of command (a payment and a refund may share one), so send a new key for a new ${kind}`
