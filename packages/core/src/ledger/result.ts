// Helpers for the Either every ledger call resolves to.
import type { Either } from 'fp-ts/lib/Either.js'
import type { LedgerError } from './types.js'

/** True when the call succeeded; narrows to the Right. */
export const isOk = <T>(
  result: Either<LedgerError, T>,
): result is { readonly _tag: 'Right'; readonly right: T } => result._tag === 'Right'

/** An expected failure turned into an exception, for callers that prefer throwing (scripts, tests). */
export type LedgerRejection = Error & {
  readonly code: string
  readonly details?: Record<string, unknown>
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
    code: string
    details?: Record<string, unknown>
  }
  error.name = 'LedgerRejection'
  error.code = result.left.code
  if (result.left.details !== undefined) error.details = result.left.details
  throw error
}
