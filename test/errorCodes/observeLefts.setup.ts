// Registered for every test project (vitest.workspace.ts): wraps fp-ts's `left` so that each Left
// the library's own sources build with an error `code` is recorded, then writes the codes this test
// file saw to the run's records folder. test/errorCodes/checkObserved.globalSetup.ts compares them
// with ERROR_CODES once every project has run. Lefts built by test code (specs, fixtures, the
// testing kit) are not counted: only a code the library returned during a test is evidence.
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, vi } from 'vitest'
import { OBSERVED_CODES_DIR_ENV, isLibrarySource } from './observedCodes.js'

const observed = new Set<string>()

/** The codes recorded so far in this test file (for the observer's own test). */
export const observedSoFar = (): ReadonlySet<string> => new Set(observed)

// The file that called `left`, read from V8's call sites (no source-map work, so it stays cheap).
const callerFile = (): string | undefined => {
  const previous = Error.prepareStackTrace
  const limit = Error.stackTraceLimit
  try {
    Error.stackTraceLimit = 3
    Error.prepareStackTrace = (_error, sites) => sites
    const holder: { stack?: NodeJS.CallSite[] } = {}
    Error.captureStackTrace(holder, callerFile)
    // [0] is the wrapped `left`, [1] whoever called it.
    return holder.stack?.[1]?.getFileName() ?? undefined
  } finally {
    Error.prepareStackTrace = previous
    Error.stackTraceLimit = limit
  }
}

// The root has no fp-ts of its own (pnpm): mock the file the packages' imports resolve to.
const { eitherFile } = await vi.hoisted(async () => {
  const { createRequire } = await import('node:module')
  const fromDomain = createRequire(new URL('../../packages/domain/package.json', import.meta.url))
  return { eitherFile: fromDomain.resolve('fp-ts/lib/Either.js') }
})

vi.mock(eitherFile, async (importOriginal) => {
  const real = await importOriginal<{ left: (error: unknown) => unknown }>()
  const left = (error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code
    if (typeof code === 'string') {
      const file = callerFile()
      if (file !== undefined && isLibrarySource(file)) observed.add(code)
    }
    return real.left(error)
  }
  return { ...real, left }
})

afterAll(() => {
  const folder = process.env[OBSERVED_CODES_DIR_ENV]
  if (folder === undefined) return
  const file = expect.getState().testPath ?? 'unknown'
  writeFileSync(
    join(folder, `${randomUUID()}.json`),
    JSON.stringify({ file, codes: [...observed] }),
  )
})
