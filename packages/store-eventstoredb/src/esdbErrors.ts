// Client failures as port store errors: a revision clash is `wrong_expected_version` (nothing
// written), an oversized append is `limit_exceeded`; anything else the client reports (lost link,
// deadline, leader change, unknown) is `store_unavailable`, whose outcome the caller treats as
// unknown. Port errors already built pass through unchanged.
import { ErrorType, isCommandError } from '@eventstore/db-client'
import { isStoreError, storeError, type ExpectedRevision } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- operations

/** The port error for a failure of one call on `stream` (absent for `$all` calls). */
export const toStoreError = (
  error: unknown,
  context: { readonly stream?: string; readonly expected?: ExpectedRevision },
): Error => {
  if (isStoreError(error)) return error
  if (!(error instanceof Error)) return unavailable(String(error))
  if (isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION) {
    const stream = context.stream ?? error.streamName
    const expected = String(context.expected ?? error.expectedVersion)
    const actual = error.actualVersion === undefined ? 'no_stream' : String(error.actualVersion)
    return storeError(
      'wrong_expected_version',
      `stream ${stream}: expected revision ${expected}, actual ${actual}`,
      { stream, expected, actual },
    )
  }
  if (isCommandError(error) && error.type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
    return storeError('limit_exceeded', `EventStoreDB refused the append: ${error.message}`, {
      limit: 'maxAppendSize',
      max: error.maxAppendSize,
      ...(context.stream === undefined ? {} : { stream: context.stream }),
    })
  }
  return unavailable(error.message, error)
}

/** Whether a read failed because the stream does not exist (it then reads as empty). */
export const isStreamNotFound = (error: unknown): boolean =>
  error instanceof Error && isCommandError(error) && error.type === ErrorType.STREAM_NOT_FOUND

// ---------------------------------------------------------------- helpers

const unavailable = (message: string, cause?: Error): Error => {
  const error = storeError('store_unavailable', `EventStoreDB: ${message}`)
  if (cause !== undefined) Object.assign(error, { cause })
  return error
}
