// Proves, over generated ledger scripts (every event decided by its aggregate on a simulated
// ledger, some workflows cut short as by a crash) and generated balanced postings: every projection
// folded in two slices with the state carried over equals the projection folded at once; balances
// sum to zero per asset once the legs still missing are counted; each account's history adds up to
// its balance; statements close at opening plus their rows and agree with point-in-time balances;
// a script run without crashes leaves nothing open; due items are due and in order.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbBalancedPostings, arbLedgerScript, runLedgerScript } from '@wallet-ledger/testing'
import { signedLegMinor } from '../journal/journal.js'
import { moneyFromCanonical } from '../money/money.js'
import { balancesAsOf, balancesProjection, totalsByAsset } from './balances.js'
import { dueAt, dueItemsProjection } from './dueItems.js'
import { historyProjection } from './history.js'
import { LEDGER_PROJECTIONS } from './ledgerProjections.js'
import { openWorkflowsProjection } from './openWorkflows.js'
import { openWorkflows } from './openWorkflowsView.js'
import type { Projection } from './projection.js'
import { foldProjection } from './projection.js'
import { signedMinorOf, statement } from './statement.js'

const RUNS = { numRuns: 60 }

const arbScriptAndCut = arbLedgerScript({ maxLength: 30 }).chain((script) =>
  fc.tuple(fc.constant(script), fc.nat({ max: script.log.length })),
)

const signedTotal = (balance: { available: string; held: string }, asset: string): bigint => {
  const signed = (amount: string) =>
    amount.startsWith('-')
      ? -moneyFromCanonical(asset, amount.slice(1)).minor
      : moneyFromCanonical(asset, amount).minor
  return signed(balance.available) + signed(balance.held)
}

describe('projections: rebuilding', () => {
  it('folding in two slices equals folding at once, for every projection', () => {
    fc.assert(
      fc.property(arbScriptAndCut, ([script, cut]) => {
        for (const projection of Object.values(LEDGER_PROJECTIONS) as Projection<unknown>[]) {
          const whole = foldProjection(projection, script.log)
          const first = foldProjection(projection, script.log.slice(0, cut))
          const carried = foldProjection(projection, script.log.slice(cut), first)
          expect(carried).toEqual(whole)
        }
      }),
      RUNS,
    )
  })
})

describe('projections: money adds up', () => {
  it('balances sum to zero per asset for any balanced entries applied as account events', () => {
    fc.assert(
      fc.property(arbBalancedPostings({ maxLength: 30 }), (log) => {
        const totals = totalsByAsset(foldProjection(balancesProjection, log))
        for (const total of totals.values()) expect(total).toBe(0n)
      }),
      { numRuns: 200 },
    )
  })

  it('balances sum to zero per asset once the legs still missing are counted', () => {
    fc.assert(
      fc.property(arbLedgerScript({ maxLength: 30 }), ({ log }) => {
        const totals = totalsByAsset(foldProjection(balancesProjection, log))
        const open = openWorkflows(foldProjection(openWorkflowsProjection, log))
        expect(open.unrecordedEntries).toEqual([])
        for (const workflow of open.workflows) {
          for (const leg of workflow.missingLegs) {
            totals.set(leg.asset, (totals.get(leg.asset) ?? 0n) + signedLegMinor(leg))
          }
        }
        for (const total of totals.values()) expect(total).toBe(0n)
      }),
      RUNS,
    )
  })

  it("each account's history adds up to its balance, asset by asset", () => {
    fc.assert(
      fc.property(arbLedgerScript({ maxLength: 30 }), ({ log }) => {
        const history = foldProjection(historyProjection, log)
        const balances = foldProjection(balancesProjection, log)
        for (const [accountId, book] of balances.accounts) {
          for (const [asset, balance] of book.balances) {
            const rows = [...(history.accounts.get(accountId)?.rows.values() ?? [])]
            const sum = rows
              .filter((row) => row.entry.asset === asset)
              .reduce((total, row) => total + signedMinorOf(row.entry), 0n)
            expect(sum).toBe(balance.available + balance.held)
          }
        }
      }),
      RUNS,
    )
  })

  it('statements close at opening plus their rows and agree with balances as of their bounds', () => {
    const arbQuery = arbLedgerScript({ maxLength: 30 }).chain((script) => {
      const instants = script.log.map((input) => (input.event.data as { at: string }).at)
      return fc.tuple(
        fc.constant(script.log),
        fc.constantFrom('alice', 'bob', 'shop', 'world:bank-inflow', 'system:fees'),
        fc.constantFrom(...instants),
        fc.constantFrom(...instants),
      )
    })
    fc.assert(
      fc.property(arbQuery, ([log, accountId, a, b]) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const result = statement(foldProjection(historyProjection, log), accountId, {
          asset: 'USD',
          from,
          to,
          scale: 2,
        })
        if (result._tag === 'Left') throw new Error(result.left.message)
        const { opening, closing, entries } = result.right
        const minor = (amount: string) => signedTotal({ available: amount, held: '0.00' }, 'USD')
        const listed = entries.reduce((total, entry) => total + signedMinorOf(entry), 0n)
        expect(minor(closing)).toBe(minor(opening) + listed)
        const stream = log.filter((input) => input.stream === `account-${accountId}`)
        const before = new Date(Date.parse(from) - 1).toISOString()
        const asOf = (at: string) => balancesAsOf(stream, accountId, { at })['USD']
        const atOpening = asOf(before)
        const atClosing = asOf(to)
        expect(minor(opening)).toBe(atOpening === undefined ? 0n : signedTotal(atOpening, 'USD'))
        expect(minor(closing)).toBe(atClosing === undefined ? 0n : signedTotal(atClosing, 'USD'))
      }),
      RUNS,
    )
  })
})

describe('projections: workflows and due items', () => {
  it('a script run without crashes leaves no workflow open and no orphan hold', () => {
    fc.assert(
      fc.property(arbLedgerScript({ maxLength: 30 }), ({ steps }) => {
        const whole = steps.map((step) => {
          if (!('steps' in step)) return step
          const { steps: _cut, ...rest } = step
          return rest
        })
        const { log } = runLedgerScript(whole)
        expect(openWorkflows(foldProjection(openWorkflowsProjection, log))).toEqual({
          workflows: [],
          orphanHolds: [],
          unrecordedEntries: [],
        })
      }),
      RUNS,
    )
  })

  it('lists only items due at or before now, earliest first', () => {
    const arbNow = arbLedgerScript({ maxLength: 30 }).chain((script) =>
      fc.tuple(
        fc.constant(script.log),
        fc.date({
          min: new Date('2026-03-01T00:00:00.000Z'),
          max: new Date('2026-04-30T00:00:00.000Z'),
          noInvalidDate: true,
        }),
      ),
    )
    fc.assert(
      fc.property(arbNow, ([log, now]) => {
        const due = dueAt(foldProjection(dueItemsProjection, log), now.toISOString())
        const times = due.map((item) => Date.parse(item.dueAt))
        for (const time of times) expect(time).toBeLessThanOrEqual(now.getTime())
        expect(times).toEqual([...times].sort((x, y) => x - y))
      }),
      RUNS,
    )
  })
})
