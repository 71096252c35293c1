// Lint that enforces the architecture (STYLE.md sections 1 and 6): imports point one way, the
// domain stays pure, and decimal.js is reached only through the money module.
import tseslint from 'typescript-eslint'

const DRIVERS = ['better-sqlite3', 'pg', '@eventstore/db-client']

const restrictedImports = (patterns, paths = []) => [
  'error',
  { patterns, paths: [decimalOnlyInMoney, ...paths] },
]

// A path, not a pattern: a pattern would also match the money module's own './decimal.js'.
const decimalOnlyInMoney = {
  name: 'decimal.js',
  message: 'Import amounts and rounding from domain/src/money.',
}
const noTesting = {
  group: ['@wallet-ledger/testing', '@wallet-ledger/testing/*'],
  message: 'testing is never imported by the library.',
}
const noStores = {
  group: ['@wallet-ledger/store-*'],
  message: 'core and domain never depend on an adapter.',
}
const noCli = { group: ['@wallet-ledger/cli'], message: 'nothing depends on the cli.' }
// Fixtures and whole-ledger property suites live in each package's test/ folder, beside src/.
const noTestFolder = {
  group: ['**/test/**', '../test', '../../test'],
  message: 'production code never imports test code (fixtures live in test/).',
}

// What the engine never imports.
const CORE_RESTRICTIONS = [
  noTesting,
  noTestFolder,
  noStores,
  noCli,
  ...DRIVERS.map((d) => ({ group: [d], message: 'drivers live in their adapter.' })),
]

export default tseslint.config(
  { ignores: ['**/dist/**', '**/.tsbuild/**', '**/node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': restrictedImports([]),
    },
  },
  {
    // The domain: no I/O, no clock, no randomness, no drivers, no ids made here.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        [
          { group: ['node:*'], message: 'domain does no I/O.' },
          {
            group: ['uuid', ...DRIVERS],
            message: 'ids and drivers come from core and the adapters.',
          },
          { group: ['@wallet-ledger/*'], message: 'domain depends on nothing of ours.' },
        ],
        ['fs', 'path', 'crypto', 'os', 'child_process', 'net', 'http', 'https'].map((name) => ({
          name,
          message: 'domain does no I/O.',
        })),
      ),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time arrives in commands as a value.' },
        {
          object: 'Math',
          property: 'random',
          message: 'Randomness arrives in commands as a value.',
        },
        { object: 'crypto', property: 'randomUUID', message: 'Ids arrive in commands as values.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time arrives in commands as a value.',
        },
      ],
    },
  },
  {
    files: ['packages/domain/src/money/decimal.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The engine: never an adapter, the cli or the test kit. Specs (never built nor published) and
    // test/ may use the test kit.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': restrictedImports(CORE_RESTRICTIONS) },
  },
  {
    // Workflows derive every id through one module (workflows/shared/ids.ts).
    files: ['packages/core/src/workflows/**/*.ts'],
    ignores: ['packages/core/src/**/*.spec.ts', 'packages/core/src/workflows/shared/ids.ts'],
    rules: {
      'no-restricted-imports': restrictedImports([
        ...CORE_RESTRICTIONS,
        {
          group: ['**/engine/ids.js', '**/engine/workflowRefs.js'],
          message: 'workflows take ids from workflows/shared/ids.ts.',
        },
      ]),
    },
  },
  {
    // Adapters depend on core's port only.
    files: ['packages/store-*/src/**/*.ts'],
    ignores: ['packages/store-*/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrictedImports([
        noTesting,
        noTestFolder,
        noCli,
        { group: ['@wallet-ledger/store-*'], message: 'adapters are independent.' },
      ]),
    },
  },
  {
    // The command line: core's public API and the domain; stores only through their URL, drivers
    // never, the test kit never.
    files: ['packages/cli/src/**/*.ts'],
    ignores: ['packages/cli/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrictedImports([
        noTesting,
        noTestFolder,
        ...DRIVERS.map((d) => ({ group: [d], message: 'drivers live in their adapter.' })),
      ]),
    },
  },
  {
    // The examples are services: core's root entry only, never its adapter plumbing nor the domain
    // (everything a service needs, audit's answer included, is on @wallet-ledger/core).
    files: ['examples/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports([
        noTesting,
        {
          group: [
            '@wallet-ledger/core/adapter',
            '@wallet-ledger/domain',
            '@wallet-ledger/domain/*',
          ],
          message: 'a service imports @wallet-ledger/core only.',
        },
      ]),
    },
  },
  {
    // Production functions stay short enough to read at once (issue 6). Tests, fixtures and the
    // test kit are exempt.
    files: [
      'packages/*/src/**/*.ts',
      'packages/*/src/**/*.mts',
      'bench/src/**/*.ts',
      'examples/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts', '**/__fixtures__/**', 'packages/testing/**'],
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 70, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    // Files that had a longer function when the limit came in, each to be split (issue 6): the
    // rule is off for them only, so every other file keeps to it. Remove a file once it is split.
    files: [
      'packages/cli/src/commands/importEvents.ts',
      'packages/cli/src/commands/reads.ts',
      'packages/cli/src/demo/disputes.ts',
      'packages/cli/src/demo/payments.ts',
      'packages/core/src/engine/definitions.ts',
      'packages/core/src/engine/repository.ts',
      'packages/core/src/projections/runner.ts',
      'packages/core/src/store/catchUpSubscription.ts',
      'packages/core/src/store/memoryEventStore.ts',
      'packages/core/src/workflows/account/accounts.ts',
      'packages/core/src/workflows/deposit/deposit.ts',
      'packages/core/src/workflows/dispute/disputes.ts',
      'packages/core/src/workflows/payment/payments.ts',
      'packages/core/src/workflows/withdrawal/withdrawalLifecycle.ts',
      'packages/store-eventstoredb/src/esdbSnapshots.ts',
      'packages/store-eventstoredb/src/eventStoreDbEventStore.ts',
      'packages/store-postgres/src/postgresEventStore.ts',
      'packages/store-postgres/src/postgresProjections.ts',
      'packages/store-sqlite/src/sqliteEventStore.ts',
      'packages/store-sqlite/src/sqliteProjections.ts',
      'packages/store-sqlite/src/sqliteWriter.ts',
    ],
    rules: { 'max-lines-per-function': 'off' },
  },
)
