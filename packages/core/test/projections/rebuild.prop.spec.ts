// Proves "projections rebuilt from position 0 equal the live ones" on both executors: fast-check
// generates activity over every workflow (generatedLedger.ts); a runner beside the ledger catches
// up after every step (the live, incremental states), then is rebuilt from position 0, and a fresh
// runner folds the log in one pass. All three answer every query function alike for every
// account (history rows and cursors, statements, balances, the directory, due items, settlements,
// open workflows, open disputes), compared as JSON. The ledger's own answers agree too: its
// history is the live one, and the balances projection equals each account's own state.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { balancesOf, historyPage } from '@wallet-ledger/domain'
import type { Ledger } from '../../src/ledger/types.js'
import { rightOf, workflowLedger } from '../workflows/__fixtures__/workflowLedger.js'
import { arbStep, openCast, runStep } from './__fixtures__/generatedLedger.js'
import { createProjectionRunner } from '../../src/projections/runner.js'
import { accountIdsOf, answersOf, rightValue } from './__fixtures__/projectionAnswers.js'

const NUM_RUNS = 25
const STEPS_MIN = 10
const STEPS_MAX = 40
/** The ledger's own history of every account (its runner catches up once, at the first query). */
const ledgerHistoryOf = async (ledger: Ledger, accounts: readonly string[]) =>
  JSON.stringify(
    await Promise.all(
      accounts.map(async (id) => rightOf(await ledger.history(id, { limit: 500 })).entries),
    ),
  )

describe.each(['atomic', 'stepwise'] as const)('projections (%s executor)', (executor) => {
  it(
    'rebuilt from position 0 equal the live ones, for any activity',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(arbStep, { minLength: STEPS_MIN, maxLength: STEPS_MAX }),
          async (steps) => {
            const fixture = await workflowLedger({ executor })
            const { ledger, context } = fixture
            const live = createProjectionRunner(context.store, context.definitions)
            const started = await openCast(ledger)
            await live.catchUp()
            for (const [n, step] of steps.entries()) {
              await runStep(ledger, step, started, n, fixture.advance)
              await live.catchUp()
            }
            const liveStates = await live.catchUp()
            const liveAnswers = answersOf(liveStates)
            const accounts = accountIdsOf(liveStates)
            expect(await ledgerHistoryOf(ledger, accounts)).toBe(
              JSON.stringify(
                accounts.map(
                  (id) => rightValue(historyPage(liveStates.history, id, { limit: 500 })).entries,
                ),
              ),
            )
            for (const accountId of accounts) {
              expect(balancesOf(liveStates.balances, accountId), accountId).toEqual(
                rightOf(await ledger.balances(accountId)),
              )
            }
            const fresh = createProjectionRunner(context.store, context.definitions)
            expect(answersOf(await fresh.catchUp())).toBe(liveAnswers)
            expect(answersOf(await live.rebuild())).toBe(liveAnswers)
          },
        ),
        { numRuns: NUM_RUNS },
      )
    },
  )
})
