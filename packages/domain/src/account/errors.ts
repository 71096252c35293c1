// The error codes an account decision can return (a subset of the closed ERROR_CODES list).
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'

/** Codes the account decider returns. */
export type AccountErrorCode = Extract<
  ErrorCode,
  | 'invalid_input'
  | 'amount_not_positive'
  | 'account_not_found'
  | 'account_already_exists'
  | 'account_frozen'
  | 'account_not_frozen'
  | 'account_closed'
  | 'account_not_empty'
  | 'insufficient_balance'
  | 'security_check_failed'
  | 'capture_exceeds_authorized'
  | 'hold_not_found'
  | 'too_many_holds'
>

/** An expected rejection of an account command. */
export type AccountError = DomainError<AccountErrorCode>

/** Builds an account error. */
export const accountError = (
  code: AccountErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): AccountError => domainError(code, message, details)
