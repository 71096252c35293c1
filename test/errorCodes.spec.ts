// Proves every error code callers may switch on is returned as a Left by the library during the
// suite, not merely named in a test. How: test/errorCodes/observeLefts.setup.ts, a setup file every
// project runs (vitest.workspace.ts), wraps fp-ts's `left` and records the `code` of each Left the
// library's own sources build (its caller is `packages/<name>/src`, not a spec, a fixture or the
// testing kit), one record file per test file in a folder made by
// test/errorCodes/checkObserved.globalSetup.ts. When every project has run, that global setup's
// teardown fails the run (exit code 1) if the whole suite ran and an ERROR_CODES entry was never
// recorded; a partial run (some files, or a name filter) is said to be unchecked. A code in a
// string, a comment or a Left built by a test is never evidence. This file checks the pieces.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, checkLimitChange } from '@wallet-ledger/domain'
import viteConfig from '../vitest.config.js'
import { projects } from '../vitest.workspace.js'
import { isLibrarySource, unobservedCodes } from './errorCodes/observedCodes.js'
import { observedSoFar } from './errorCodes/observeLefts.setup.js'

// The root has no fp-ts of its own: the packages' copy, the one the recorder wraps.
const eitherFile = createRequire(
  new URL('../packages/domain/package.json', import.meta.url),
).resolve('fp-ts/lib/Either.js')
const { left } = (await import(eitherFile)) as {
  left: <E>(error: E) => { readonly _tag: 'Left'; readonly left: E }
}

describe('error codes observed as Lefts', () => {
  it('records a Left the library returns, not one a test builds or a code in a string', () => {
    const named = 'promotion_cap_exceeded'
    const built = left({ code: 'same_account', message: `built by a test, naming ${named}` })
    expect(built._tag).toBe('Left')
    const refused = checkLimitChange(
      { hasTwoFactor: true, hasPaymentPassword: false },
      { perDayMax: 100n },
      {},
      undefined,
    )
    expect(refused._tag === 'Left' && refused.left.code).toBe('security_check_failed')
    const seen = observedSoFar()
    expect(seen.has('security_check_failed')).toBe(true)
    expect(seen.has('same_account')).toBe(false)
    expect(seen.has(named)).toBe(false)
  })

  it('counts only library sources as the maker of a Left', () => {
    expect(isLibrarySource('/r/packages/domain/src/account/guards.ts')).toBe(true)
    expect(isLibrarySource('/r/packages/store-sqlite/src/sqliteEventStore.ts')).toBe(true)
    expect(isLibrarySource('/r/packages/core/src/workflows/refunds.unit.spec.ts')).toBe(false)
    expect(isLibrarySource('/r/packages/core/src/workflows/__fixtures__/workflowLedger.ts')).toBe(
      false,
    )
    expect(isLibrarySource('/r/packages/testing/src/model/ledgerModel.ts')).toBe(false)
    expect(isLibrarySource('/r/test/errorCodes.spec.ts')).toBe(false)
    expect(isLibrarySource('/r/node_modules/io-ts/lib/index.js')).toBe(false)
  })

  it('names every code no record carries', () => {
    const records = [
      { file: 'a.spec.ts', codes: ['invalid_input'] },
      { file: 'b.spec.ts', codes: ['invalid_input', 'quote_expired', 'not_a_listed_code'] },
    ]
    expect(unobservedCodes(['invalid_input', 'quote_expired', 'same_account'], records)).toEqual([
      'same_account',
    ])
    expect(unobservedCodes(ERROR_CODES, [{ file: 'all', codes: [...ERROR_CODES] }])).toEqual([])
  })

  it('is wired: every project runs the recorder and the run ends with the check', () => {
    for (const project of projects) {
      expect(project.test?.setupFiles, String(project.test?.name)).toEqual([
        expect.stringMatching(/test\/errorCodes\/observeLefts\.setup\.ts$/),
      ])
    }
    expect(viteConfig.test?.globalSetup).toEqual(['./test/errorCodes/checkObserved.globalSetup.ts'])
  })
})
