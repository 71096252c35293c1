// The error codes a deposit decision can return.
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'

/** Codes the deposit decider returns. */
export type DepositErrorCode = Extract<ErrorCode, 'account_closed' | 'idempotency_key_reused'>
/** An expected rejection of a deposit. */
export type DepositError = DomainError<DepositErrorCode>

/** Builds a deposit error. */
export const depositError = (
  code: DepositErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DepositError => domainError(code, message, details)
