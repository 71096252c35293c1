// Driver failures become the port's errors (STYLE.md section 9): a store error passes through, a
// configuration error too, and anything else from the driver or the server (a lost connection, a
// server shutting down, a timeout) is `store_unavailable`, whose outcome is unknown.
import { isStoreError, storeError } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- operations

/** The SQLSTATE of a unique violation: a (stream, revision) or position taken by another writer. */
export const UNIQUE_VIOLATION = '23505'

/** The SQLSTATE code of a server error, if `error` is one. */
export const sqlStateOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/** Whether `error` is already one of ours: a store error or an `invalid_configuration` error. */
export const isOwnError = (error: unknown): boolean =>
  isStoreError(error) ||
  (error instanceof Error && (error as { code?: unknown }).code === 'invalid_configuration')

/** `error` as the port's rejection: our own errors unchanged, driver failures `store_unavailable`. */
export const storeFailure = (error: unknown, doing: string): Error => {
  if (isOwnError(error)) return error as Error
  const reason = error instanceof Error ? error.message : String(error)
  const failure = storeError('store_unavailable', `PostgreSQL failed while ${doing}: ${reason}`, {
    ...(sqlStateOf(error) === undefined ? {} : { sqlState: sqlStateOf(error) }),
  })
  return Object.assign(failure, { cause: error })
}
