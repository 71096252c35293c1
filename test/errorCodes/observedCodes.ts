// What the error-code observer shares between the per-test-file recorder (observeLefts.setup.ts)
// and the check at the end of the run (checkObserved.globalSetup.ts).
import { readFileSync, readdirSync } from 'node:fs'
import { join, sep } from 'node:path'

/** The environment variable naming the run's records folder (set by the global setup). */
export const OBSERVED_CODES_DIR_ENV = 'WALLET_LEDGER_OBSERVED_CODES_DIR'

/** One test file's record: the codes of the Lefts the library built while it ran. */
export type ObservedRecord = { readonly file: string; readonly codes: readonly string[] }

/**
 * True for a file of a package's own sources: `packages/<name>/src/...` or `examples/src/...`,
 * not a spec, a fixture or the testing kit (whose Lefts a test builds itself).
 */
export const isLibrarySource = (file: string): boolean => {
  const path = file.split(sep).join('/')
  if (path.includes('/node_modules/') || path.includes('.spec.')) return false
  if (path.includes('/__fixtures__/') || path.includes('/packages/testing/')) return false
  return /\/packages\/[^/]+\/src\//.test(path)
}

/** Every record written to `folder`. */
export const readRecords = (folder: string): ObservedRecord[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as ObservedRecord)

/** The codes of `expected` that no record carries. */
export const unobservedCodes = (
  expected: readonly string[],
  records: readonly ObservedRecord[],
): string[] => {
  const seen = new Set(records.flatMap((record) => record.codes))
  return expected.filter((code) => !seen.has(code))
}
