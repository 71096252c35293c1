// The error codes a withdrawal decision can return (a subset of the closed ERROR_CODES list).
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'

/**
 * Codes the withdrawal decider returns. `account_frozen`, `security_check_failed`,
 * `limit_exceeded` and `insufficient_balance` are recorded as a failed request (see `withdrawalFailureOf`);
 * the others write nothing.
 */
export type WithdrawalErrorCode = Extract<
  ErrorCode,
  | 'invalid_input'
  | 'amount_not_positive'
  | 'account_closed'
  | 'account_frozen'
  | 'security_check_failed'
  | 'limit_exceeded'
  | 'insufficient_balance'
  | 'idempotency_key_reused'
  | 'withdrawal_not_found'
  | 'invalid_transition'
>

/** An expected rejection of a withdrawal command. */
export type WithdrawalError = DomainError<WithdrawalErrorCode>

/** Builds a withdrawal error. */
export const withdrawalError = (
  code: WithdrawalErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): WithdrawalError => domainError(code, message, details)
