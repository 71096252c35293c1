// How SQLite's failures become the port's errors: a store error passes as it is; a busy or locked
// file, an I/O error or anything else the driver throws is `store_unavailable` (outcome unknown,
// retry with the same idempotency key), with the driver's code kept in the details.
import { isStoreError, storeError } from '@wallet-ledger/core/adapter'
import type { StoreError } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- operations

const BUSY_BACKOFF_MS_MAX = 50

/** Whether SQLite refused because another connection holds the lock (worth a retry). */
export const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED')
}

/** A random wait before retry `attempt` (1, 2, ...) on a busy file: 1..2^attempt ms, at most 50. */
export const busyBackoffMs = (attempt: number): number =>
  1 + Math.floor(Math.random() * Math.min(BUSY_BACKOFF_MS_MAX, 2 ** attempt))

/** The port's error for anything a store operation threw. */
export const toStoreError = (error: unknown, doing: string): StoreError => {
  if (isStoreError(error)) return error
  const code = (error as { code?: unknown } | undefined)?.code
  const reason = error instanceof Error ? error.message : String(error)
  return storeError('store_unavailable', `sqlite store: ${doing} failed: ${reason}`, {
    sqliteCode: typeof code === 'string' ? code : 'unknown',
  })
}

/** Runs a synchronous store operation, turning what it throws into the port's error. */
export const guarded = <Value>(doing: string, operation: () => Value): Value => {
  try {
    return operation()
  } catch (error) {
    throw toStoreError(error, doing)
  }
}
