// The end-of-run check of the error codes (test/errorCodes.spec.ts explains the scheme): creates
// the folder the test files' records go to and, once every project has run, fails the run if the
// whole suite ran and an ERROR_CODES entry was never returned as a Left by the library.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { ERROR_CODES } from '@wallet-ledger/domain'
import { OBSERVED_CODES_DIR_ENV, readRecords, unobservedCodes } from './observedCodes.js'

// Every test file of every project, as vitest itself finds them (no CLI filter applied).
const allTestFiles = async (project: TestProject): Promise<string[]> => {
  const globbed = await Promise.all(project.vitest.projects.map((each) => each.globTestFiles()))
  return globbed.flatMap(({ testFiles }) => testFiles)
}

/** Creates the records folder; the returned teardown runs the check. */
export default function setup(project: TestProject): () => Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'wallet-ledger-codes-'))
  process.env[OBSERVED_CODES_DIR_ENV] = folder
  return async () => {
    const records = readRecords(folder)
    rmSync(folder, { recursive: true, force: true })
    const ran = new Set(project.vitest.state.getFiles().map((file) => file.filepath))
    const notRun = (await allTestFiles(project)).filter((file) => !ran.has(file))
    // A run of some files or some tests cannot observe every code: say so, check nothing.
    if (notRun.length > 0 || project.vitest.config.testNamePattern !== undefined) {
      console.warn(
        `error codes: not checked (a partial run: ${notRun.length} test files not run` +
          `${project.vitest.config.testNamePattern === undefined ? '' : ', a name filter'})`,
      )
      return
    }
    const missing = unobservedCodes(ERROR_CODES, records)
    if (missing.length > 0) {
      // vitest reports a teardown's throw but keeps its exit code: set ours so the run fails.
      process.exitCode = 1
      throw new Error(
        `error codes never returned as a Left by the library during the tests: ${missing.join(', ')}` +
          ' (test/errorCodes.spec.ts explains the check)',
      )
    }
    console.log(`error codes: all ${ERROR_CODES.length} observed in ${records.length} test files`)
  }
}
