// The error codes a dispute decision can return (a subset of the closed ERROR_CODES list).
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'
import { notFound } from '../notFound.js'

/** Codes the dispute decider returns. */
export type DisputeErrorCode = Extract<
  ErrorCode,
  | 'invalid_input'
  | 'amount_not_positive'
  | 'idempotency_key_reused'
  | 'dispute_not_found'
  | 'invalid_transition'
  | 'dispute_amount_exceeds_payment'
  | 'evidence_limit_reached'
  | 'deadline_passed'
>

/** An expected rejection of a dispute command. */
export type DisputeError = DomainError<DisputeErrorCode>

/** Builds a dispute error. */
export const disputeError = (
  code: DisputeErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DisputeError => domainError(code, message, details)

/** The error of any command but OpenDispute on a dispute that was never opened. */
export const disputeNotFound = (disputeId: string): DisputeError => notFound('dispute', disputeId)
