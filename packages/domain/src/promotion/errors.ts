// The error codes a promotion decision or quote can return (a subset of the closed ERROR_CODES).
import { domainError } from '../errors.js'
import type { DomainError, ErrorCode } from '../errors.js'

/** Why a promotion cannot discount a payment; the person can still pay without it. */
export type DiscountRefusalCode = Extract<
  ErrorCode,
  'promotion_exhausted' | 'promotion_not_valid' | 'promotion_cap_exceeded'
>

/** Codes the promotion decider returns. */
export type PromotionErrorCode =
  | DiscountRefusalCode
  | Extract<
      ErrorCode,
      | 'invalid_input'
      | 'amount_not_positive'
      | 'promotion_not_found'
      | 'promotion_already_exists'
      | 'refund_exceeds_captured'
      | 'invalid_transition'
    >

/** An expected rejection of a promotion command. */
export type PromotionError = DomainError<PromotionErrorCode>

/** Builds a promotion error. */
export const promotionError = <Code extends PromotionErrorCode>(
  code: Code,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError<Code> => domainError(code, message, details)
