// The project list. vitest 4 reads projects only from `test.projects`, so vitest.config.ts imports
// this file; each package runs as its own project and resolves its siblings' TypeScript sources
// through the `@wallet-ledger/source` export condition (no build needed to test).
import { fileURLToPath } from 'node:url'
import type { TestProjectInlineConfiguration } from 'vitest/config'

const OBSERVE_LEFTS = fileURLToPath(
  new URL('./test/errorCodes/observeLefts.setup.ts', import.meta.url),
)

const SOURCE_CONDITIONS = ['@wallet-ledger/source', 'import', 'module', 'node', 'default']
// Vitest hands the SSR conditions to Node as --conditions, where 'import' would make a CommonJS
// require() (pg's own require('pg-pool')) pick the ESM build; Node adds import/require itself.
const NODE_CONDITIONS = SOURCE_CONDITIONS.filter((condition) => condition !== 'import')

const project = (name: string, root: string): TestProjectInlineConfiguration => ({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: NODE_CONDITIONS } },
  test: {
    name,
    root,
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    environment: 'node',
    // A guard against a hung test, not a timing check: property suites and lint runs take several
    // seconds on a loaded 2-core machine, past vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Records the error codes the library returns (test/errorCodes.spec.ts explains the check).
    setupFiles: [OBSERVE_LEFTS],
  },
})

const withTimeout = (
  config: TestProjectInlineConfiguration,
  testTimeout: number,
): TestProjectInlineConfiguration => ({
  ...config,
  test: { ...config.test, testTimeout, hookTimeout: testTimeout },
})

const withGlobalSetup = (
  config: TestProjectInlineConfiguration,
  globalSetup: string,
): TestProjectInlineConfiguration => ({ ...config, test: { ...config.test, globalSetup } })

export const projects: TestProjectInlineConfiguration[] = [
  project('domain', './packages/domain'),
  project('core', './packages/core'),
  project('testing', './packages/testing'),
  project('store-sqlite', './packages/store-sqlite'),
  project('store-eventstoredb', './packages/store-eventstoredb'),
  // Each case migrates a fresh schema on a shared server: a loaded machine needs more than 5 s.
  withTimeout(project('store-postgres', './packages/store-postgres'), 60_000),
  // The cli's tests run the binary as child processes, a second or two each on a loaded machine;
  // it is built once for the project, before any test file starts.
  withGlobalSetup(
    withTimeout(project('cli', './packages/cli'), 60_000),
    './test/__fixtures__/buildBinary.ts',
  ),
  project('bench', './bench'),
  project('examples', './examples'),
  // Repository-wide checks: the lint rules that hold the architecture together.
  project('repo', '.'),
]
