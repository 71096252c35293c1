// The errors the command reports to a person: a sentence and an exit code, never a stack trace
// unless --verbose. Exit codes: 0 done, 1 the data is wrong (audit violations, a refused import),
// 2 the command could not run (bad arguments, the store could not be opened or read).

/** Exit code: the command ran and found the data wrong. */
export const EXIT_FINDINGS = 1
/** Exit code: the command could not do its work. */
export const EXIT_FAILURE = 2

/** An error meant for a person: its message is the whole report, `exitCode` the process's. */
export type CliError = Error & { readonly code: 'cli_error'; readonly exitCode: number }

/** Builds a CliError (thrown, caught once in `runCli`). */
export const cliError = (message: string, exitCode: number = EXIT_FAILURE): CliError =>
  Object.assign(new Error(message), { code: 'cli_error' as const, exitCode })

/** True for an error built by `cliError`. */
export const isCliError = (error: unknown): error is CliError =>
  error instanceof Error && (error as { code?: unknown }).code === 'cli_error'

const SQLITE_MESSAGES: Readonly<Record<string, string>> = {
  SQLITE_BUSY: 'the database is locked by another process; try again when it has finished',
  SQLITE_LOCKED: 'the database is locked by another process; try again when it has finished',
  SQLITE_NOTADB: 'the file is not a wallet-ledger SQLite database',
  SQLITE_CORRUPT: 'the database file is damaged (run `wallet-ledger audit` on a copy)',
  SQLITE_CANTOPEN: 'the database file cannot be opened (does its folder exist? can you write it?)',
  SQLITE_READONLY: 'the database file is read-only for you',
  SQLITE_FULL: 'the disk is full',
}

/**
 * A sentence for any error: a CliError's message; a store or configuration error's message with
 * its code; a driver error translated where we know it. Unknown errors keep their message.
 */
export const describeError = (error: unknown): string => {
  if (isCliError(error)) return error.message
  if (!(error instanceof Error)) return `unexpected failure: ${String(error)}`
  const code = (error as { code?: unknown }).code
  const cause = (error as { cause?: unknown }).cause
  const causeCode = cause instanceof Error ? (cause as { code?: unknown }).code : undefined
  for (const candidate of [code, causeCode]) {
    if (typeof candidate === 'string' && SQLITE_MESSAGES[candidate] !== undefined) {
      return `${SQLITE_MESSAGES[candidate]} (${candidate})`
    }
  }
  if (/database is locked/i.test(error.message)) return SQLITE_MESSAGES['SQLITE_BUSY']!
  return typeof code === 'string' ? `${error.message} (${code})` : error.message
}
