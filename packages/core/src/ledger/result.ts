// Helpers for the Either every ledger call resolves to.
import type { Either } from 'fp-ts/lib/Either.js'
import type { ErrorCode, ErrorDetails, LedgerError } from './types.js'

/** True when the call succeeded; narrows to the Right. */
export const isOk = <T>(
  result: Either<LedgerError, T>,
): result is { readonly _tag: 'Right'; readonly right: T } => result._tag === 'Right'

/**
 * True when the failure has one of `codes`; narrows it so `details` has that code's type.
 *
 * @example
 * if (paid._tag === 'Left' && hasCode(paid.left, 'limit_exceeded')) show(paid.left.details?.limit)
 */
export const hasCode = <Code extends ErrorCode>(
  error: LedgerError,
  ...codes: readonly Code[]
): error is LedgerError<Code> => (codes as readonly ErrorCode[]).includes(error.code)

/** An expected failure turned into an exception, for callers that prefer throwing (scripts, tests). */
export type LedgerRejection = Error & {
  readonly code: ErrorCode
  readonly details?: ErrorDetails
}

/**
 * The value of a successful call, or throws the failure as an `Error` carrying its `code`,
 * `message` and `details`.
 *
 * @example
 * const { accountId } = orThrow(await ledger.openAccount({ kind: 'user' }))
 */
export const orThrow = <T>(result: Either<LedgerError, T>): T => {
  if (result._tag === 'Right') return result.right
  const error = new Error(`${result.left.code}: ${result.left.message}`) as Error & {
    code: ErrorCode
    details?: ErrorDetails
  }
  error.name = 'LedgerRejection'
  error.code = result.left.code
  if (result.left.details !== undefined) error.details = result.left.details
  throw error
}
