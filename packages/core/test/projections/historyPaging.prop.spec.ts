// Proves history paging through `ledger.history` for any generated activity (generatedLedger.ts:
// payments of every kind, refunds, withdrawals, disputes, conversions): for every account, page
// size and filter, following `next` from the first page gives exactly the rows of one big page
// with the same filters, in the same order, with no row twice, every page but the last full, and
// a cursor that carries the filters (later pages are asked without them).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { HistoryEntry, Ledger } from '../../src/ledger/types.js'
import { rightOf, workflowLedger } from '../workflows/__fixtures__/workflowLedger.js'
import { CAST, arbStep, openCast, runStep } from './__fixtures__/generatedLedger.js'

const NUM_RUNS = 20
const STEPS_MAX = 40

type Filters = {
  asset?: string
  channel?: 'merchant_qr' | 'online' | 'p2p' | 'bill'
  status?: 'pending' | 'completed' | 'failed' | 'cancelled' | 'reversed'
}

const arbFilters: fc.Arbitrary<Filters> = fc.record(
  {
    asset: fc.constantFrom('USD', 'BTC'),
    channel: fc.constantFrom(
      'merchant_qr' as const,
      'online' as const,
      'p2p' as const,
      'bill' as const,
    ),
    status: fc.constantFrom(
      'pending' as const,
      'completed' as const,
      'failed' as const,
      'cancelled' as const,
      'reversed' as const,
    ),
  },
  { requiredKeys: [] },
)

/** Every page of an account's history of `limit` rows, the first with the filters, the rest by cursor. */
const walk = async (ledger: Ledger, accountId: string, limit: number, filters: Filters) => {
  const pages: HistoryEntry[][] = []
  let after: string | undefined
  do {
    const options = after === undefined ? { ...filters, limit } : { limit, after }
    const page = rightOf(await ledger.history(accountId, options))
    pages.push(page.entries)
    after = page.next
    expect(pages.length, 'pages end').toBeLessThanOrEqual(500)
  } while (after !== undefined)
  return pages
}

describe('history pages', () => {
  it(
    'chain through `next` without gaps or repeats, keeping the filters, for any activity',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(arbStep, { minLength: 5, maxLength: STEPS_MAX }),
          fc.integer({ min: 1, max: 6 }),
          arbFilters,
          async (steps, limit, filters) => {
            const fixture = await workflowLedger()
            const started = await openCast(fixture.ledger)
            for (const [n, step] of steps.entries()) {
              await runStep(fixture.ledger, step, started, n, fixture.advance)
            }
            for (const accountId of CAST) {
              const whole = rightOf(
                await fixture.ledger.history(accountId, { ...filters, limit: 500 }),
              )
              expect(whole.next).toBeUndefined()
              const pages = await walk(fixture.ledger, accountId, limit, filters)
              const rows = pages.flat()
              expect(rows).toEqual(whole.entries)
              expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length)
              expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true)
              expect(pages.at(-1)?.length ?? 0).toBeLessThanOrEqual(limit)
              for (const row of rows) {
                expect(row).toMatchObject(filters)
              }
            }
          },
        ),
        { numRuns: NUM_RUNS },
      )
    },
  )
})
