// Throwaway database files for the SQLite tests: one temporary directory per test file, removed
// after it, and a fresh file name per call.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** Registers the directory's removal and returns a function naming a new file in it. */
export const tempDatabases = (label: string): (() => string) => {
  const directory = mkdtempSync(join(tmpdir(), `wallet-ledger-${label}-`))
  afterAll(() => rmSync(directory, { recursive: true, force: true }))
  let count = 0
  return () => join(directory, `${(count += 1)}.db`)
}
