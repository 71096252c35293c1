// Infrastructure failures of the EventStore port (STYLE.md section 5): plain `Error`s carrying a
// stable `code`, so callers test the code and never `instanceof` (classes break across copies).

// ---------------------------------------------------------------- types

/** Every code a store's rejection may carry. Codes are stable forever; new ones may be added. */
export const STORE_ERROR_CODES = [
  'wrong_expected_version',
  'store_unavailable',
  'store_closed',
  'limit_exceeded',
  'invalid_stream_name',
  'invalid_argument',
] as const

/** The closed union of store error codes. */
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number]

/**
 * An infrastructure failure: an `Error` with a stable `code` and optional plain `details`.
 * `wrong_expected_version` carries `{ stream, expected, actual }` as strings, so details stay
 * JSON-safe for a caller's logs (`actual` is the stream's last revision, e.g. `"4"`, or
 * `"no_stream"`). A rejected append's outcome is unknown only for `store_unavailable`;
 * every other code means nothing was written.
 */
export type StoreError<Code extends StoreErrorCode = StoreErrorCode> = Error & {
  readonly code: Code
  readonly details?: Readonly<Record<string, unknown>>
}

// ---------------------------------------------------------------- constructors

/** Builds a store error; `details` is omitted when absent. */
export const storeError = <Code extends StoreErrorCode>(
  code: Code,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): StoreError<Code> => {
  const error = new Error(message) as Error & {
    code: Code
    details?: Readonly<Record<string, unknown>>
  }
  error.name = 'StoreError'
  error.code = code
  if (details !== undefined) error.details = details
  return error
}

// ---------------------------------------------------------------- operations

const KNOWN_CODES: ReadonlySet<string> = new Set(STORE_ERROR_CODES)

/**
 * Whether `error` is a store error, and when `code` is given, one with that code. Works across
 * package copies: it looks at the `code`, never at a class.
 */
export const isStoreError = <Code extends StoreErrorCode = StoreErrorCode>(
  error: unknown,
  code?: Code,
): error is StoreError<Code> => {
  if (!(error instanceof Error)) return false
  const found = (error as { code?: unknown }).code
  if (typeof found !== 'string' || !KNOWN_CODES.has(found)) return false
  return code === undefined || found === code
}
