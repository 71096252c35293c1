// Proves the persisted projections answer exactly as the in-memory fold, on every store with
// projection tables (SQLite; PostgreSQL when its server is set): fast-check generates activity
// (generatedLedger.ts); after random steps a fresh ledger over the same store restores its runner
// from the tables and folds only what is new (committing a batch); at the end every query's answer
// (history pages and filters, statements, balances now and as of positions and instants, directory
// pages) equals a ledger's over the same events without the tables, the states restored from the
// tables answer every projection query as the fold's, and a rebuild from 0 changes no answer.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { PROMOTION_BUDGET_ACCOUNT_PREFIX } from '@wallet-ledger/domain'
import { createLedger } from '../../src/ledger/createLedger.js'
import type { Ledger } from '../../src/ledger/types.js'
import type { EventStore } from '../../src/ports/eventStore.js'
import { createDefinitions } from '../../src/engine/definitions.js'
import { restoreStates } from '../../src/projections/persistedStates.js'
import { createProjectionRunner } from '../../src/projections/runner.js'
import { manualClock } from '../properties/__fixtures__/propertyLedger.js'
import { PROPERTY_CASES } from '../properties/__fixtures__/propertyStores.js'
import { rightOf } from '../workflows/__fixtures__/workflowLedger.js'
import { CAST, arbStep, openCast, runStep } from './__fixtures__/generatedLedger.js'
import { answersOf } from './__fixtures__/projectionAnswers.js'

const STEPS_MAX = 30
const MEMORY_RUNS = 40
const EPOCH = '1970-01-01T00:00:00.000Z'
const FAR = '9999-12-31T23:59:59.999Z'
const BUDGET = `${PROMOTION_BUDGET_ACCOUNT_PREFIX}spring`

/** Every page of `read`, following `next`. */
const pagesOf = async <Page extends { next?: string }>(
  read: (after: string | undefined) => Promise<Page>,
): Promise<Page[]> => {
  const pages: Page[] = []
  let after: string | undefined
  do {
    const page = await read(after)
    pages.push(page)
    after = page.next
  } while (after !== undefined)
  return pages
}

const withAfter = (after: string | undefined) => (after === undefined ? {} : { after })

/** What the ledger answers to every read the projections serve, as one JSON text. */
const ledgerAnswersOf = async (ledger: Ledger, headPosition: bigint): Promise<string> => {
  const directory = await Promise.all(
    ([undefined, 'user', 'merchant', 'system'] as const).map((kind) =>
      pagesOf(async (after) =>
        rightOf(await ledger.accounts({ ...(kind && { kind }), limit: 2, ...withAfter(after) })),
      ),
    ),
  )
  const positions = [0n, headPosition / 2n, headPosition - 1n, headPosition + 3n]
  const perAccount = []
  for (const accountId of [...CAST, BUDGET, 'nobody']) {
    const history = await ledger.history(accountId, { limit: 500 })
    const ats = history._tag === 'Right' ? history.right.entries.map((row) => row.at) : []
    const instants = [EPOCH, FAR, ...new Set(ats)].slice(0, 8)
    perAccount.push({
      accountId,
      history,
      pages: await pagesOf(async (after) =>
        rightOf(await ledger.history(accountId, { limit: 3, ...withAfter(after) })),
      ).catch((error: unknown) => String(error)),
      filtered: await Promise.all(
        ([{ asset: 'BTC' }, { status: 'completed' }, { channel: 'p2p' }] as const).map((filter) =>
          ledger.history(accountId, { ...filter, limit: 2 }),
        ),
      ),
      statements: await Promise.all(
        ['USD', 'BTC'].map((asset) =>
          ledger.statement(accountId, { asset, from: ats.at(-1) ?? EPOCH, to: FAR }),
        ),
      ),
      balances: await ledger.balances(accountId),
      atPositions: await Promise.all(
        positions.map((p) => ledger.balances(accountId, { asOf: { position: String(p) } })),
      ),
      atInstants: await Promise.all(instants.map((asOf) => ledger.balances(accountId, { asOf }))),
    })
  }
  return JSON.stringify({ directory, perAccount })
}

/** The store without its projection tables: a ledger over it folds the log in memory. */
const foldOnly = (store: EventStore): EventStore => {
  const { projections: _projections, ...rest } = store
  return rest
}

const CASES = PROPERTY_CASES.filter(
  ({ store }) => store.name === 'sqlite' || store.name === 'postgres',
)

describe.each(CASES)('persisted projections ($label)', ({ store: kind, executor, label }) => {
  it(
    'answer every query as the in-memory fold, after restores, and after a rebuild from 0',
    { timeout: kind.timeoutMs ?? 240_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(arbStep, fc.boolean()), { minLength: 5, maxLength: STEPS_MAX }),
          async (steps) => {
            const clock = manualClock()
            const store = await kind.create(executor, clock)
            expect(store.projections, label).toBeDefined()
            const options = { clock: clock.now }
            const ledger = await createLedger({ store, ...options })
            const started = await openCast(ledger)
            for (const [n, [step, probe]] of steps.entries()) {
              await runStep(ledger, step, started, n, (ms) => void (clock.nowMs += ms))
              // A fresh ledger restores from the tables and commits what came since.
              if (probe) rightOf(await (await createLedger({ store, ...options })).history('alice'))
            }
            const head = (await store.readHead()).nextPosition
            const persisted = await ledgerAnswersOf(ledger, head)
            const folded = await ledgerAnswersOf(
              await createLedger({ store: foldOnly(store), ...options }),
              head,
            )
            expect(persisted).toBe(folded)
            const definitions = createDefinitions(undefined)
            const tables = store.projections?.open('')
            const fold = await createProjectionRunner(foldOnly(store), definitions).catchUp()
            const restored = tables === undefined ? undefined : await restoreStates(tables)
            expect(restored && answersOf(restored.projections)).toBe(answersOf(fold))
            await createProjectionRunner(store, definitions, tables).rebuild()
            expect(await ledgerAnswersOf(await createLedger({ store, ...options }), head)).toBe(
              folded,
            )
          },
        ),
        { numRuns: kind.numRuns(MEMORY_RUNS) },
      )
    },
  )
})
