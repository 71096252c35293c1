// The error codes a claim decision can return.
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'

/** Codes the claim decider returns. */
export type ClaimErrorCode = Extract<ErrorCode, 'idempotency_key_reused'>
/** An expected rejection of a claim. */
export type ClaimError = DomainError<ClaimErrorCode>

/** Builds a claim error. */
export const claimError = (
  code: ClaimErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ClaimError => domainError(code, message, details)
