// The error codes an adjustment decision can return.
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'

/** Codes the adjustment decider returns. */
export type AdjustmentErrorCode = Extract<
  ErrorCode,
  'account_closed' | 'insufficient_balance' | 'idempotency_key_reused'
>
/** An expected rejection of an adjustment. */
export type AdjustmentError = DomainError<AdjustmentErrorCode>

/** Builds an adjustment error. */
export const adjustmentError = (
  code: AdjustmentErrorCode,
  message: string,
  details?: Record<string, unknown>,
): AdjustmentError => domainError(code, message, details)
