// First queries after a restart on a large SQLite file: a file of P2P payments (1M events at full
// size) is written through the ledger, its projection tables folded once, and the file closed.
// Opened again, the first history(), a page of accounts(), and balances as of a position and an
// instant are each timed, against the same first queries on a ledger without the tables (the
// in-memory fold of the whole log, what every restart cost before). The events read through
// readAll after the restart are counted: the tables answer with none.
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createLedger } from '@wallet-ledger/core'
import type { EventStore, Ledger } from '@wallet-ledger/core'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import { expectConserved, openAndFund } from '../benchLedger.js'
import type { Scenario, ScenarioContext, ScenarioRow } from '../harness/scenario.js'
import { sendLedgerP2p } from '../ledgerP2p.js'
import { BENCH_ASSET, benchAccountId } from '../workload.js'

// A P2P payment writes 3 events; opening and funding an account 3 more.
const EVENTS_PER_TRANSFER = 3
const IN_FLIGHT = 100

/** Scenario `first-queries`. */
export const firstQueries: Scenario = {
  name: 'first-queries',
  title: 'first history / accounts page / balances asOf after a restart on a large SQLite file',
  isInSmoke: true,
  run: async (sizes, context) => {
    const events = sizes.pick(1_000_000, 600)
    const accounts = sizes.pick(10_000, 20)
    const transfers = Math.max(1, Math.ceil((events - accounts * 3) / EVENTS_PER_TRANSFER))
    const path = join(context.tempDir(), 'first-queries.db')
    context.log(`writing ${accounts} accounts and ${transfers} transfers to ${path}`)
    const head = await writeFile(context, path, accounts, transfers)
    const rows: ScenarioRow[] = [
      { system: 'events in the file', figure: Number(head), unit: 'events' },
    ]
    rows.push(...(await firstQueriesOn(path, head, 'tables', context)))
    rows.push(...(await firstQueriesOn(path, head, 'fold', context)))
    return rows
  },
}

// ---------------------------------------------------------------- helpers

const writeFile = async (
  context: ScenarioContext,
  path: string,
  accounts: number,
  transfers: number,
): Promise<bigint> => {
  const store = createSqliteEventStore({ path })
  const ledger = await createLedger({ store })
  try {
    await openAndFund(ledger, accounts)
    await sendLedgerP2p(ledger, { accounts, transfers, seed: context.seed }, IN_FLIGHT)
    await expectConserved(ledger, accounts)
    const started = performance.now()
    // The first query folds the whole log into the tables once (what a rebuild costs).
    orFail(await ledger.accounts({ limit: 1 }))
    context.log(`folded the log into the tables in ${Math.round(performance.now() - started)} ms`)
    return (await store.readHead()).nextPosition
  } finally {
    await ledger.close()
  }
}

type Mode = 'tables' | 'fold'

// Opens the file again and times each first query, each on a ledger of its own (a fresh restart).
const firstQueriesOn = async (
  path: string,
  head: bigint,
  mode: Mode,
  context: ScenarioContext,
): Promise<ScenarioRow[]> => {
  const system =
    mode === 'tables' ? 'wallet-ledger, projection tables' : 'in-memory fold (no tables)'
  const baseline = mode === 'tables' ? { baseline: 'in-memory fold (no tables)' } : {}
  // The last one writes a payment first: the tables are then behind, and the runner restores its
  // states from them (rows, not events) before folding the payment's events.
  const queries: [string, (ledger: Ledger) => Promise<unknown>][] = [
    ['history', (ledger) => ledger.history(benchAccountId(0), { limit: 50 })],
    ['accounts page', (ledger) => ledger.accounts({ limit: 50, after: benchAccountId(5) })],
    [
      'balances asOf position',
      (ledger) => ledger.balances(benchAccountId(1), { asOf: { position: String(head / 2n) } }),
    ],
    [
      'balances asOf instant',
      (ledger) => ledger.balances(benchAccountId(2), { asOf: new Date().toISOString() }),
    ],
    ['history after a new payment', (ledger) => ledger.history(benchAccountId(3), { limit: 50 })],
  ]
  const rows: ScenarioRow[] = []
  for (const [name, query] of queries) {
    const file = createSqliteEventStore({ path })
    const counted = countingReads(mode === 'tables' ? file : withoutTables(file))
    try {
      const ledger = await createLedger({ store: counted.store })
      if (name.endsWith('after a new payment')) await payOnce(ledger, context, mode)
      const eventsBefore = counted.eventsRead()
      const started = performance.now()
      orFail(await query(ledger))
      const ms = performance.now() - started
      const eventsRead = counted.eventsRead() - eventsBefore
      context.log(`${system}: first ${name} ${ms.toFixed(1)} ms, ${eventsRead} events read`)
      rows.push({
        system: `${system}: ${name}`,
        figure: ms,
        unit: 'ms',
        ...baselineOf(baseline, name),
      })
      if (mode === 'tables' && eventsRead > 3)
        throw new Error(`first ${name} read ${eventsRead} events: a replay`)
    } finally {
      await file.close()
    }
  }
  return rows
}

const payOnce = async (ledger: Ledger, context: ScenarioContext, mode: Mode): Promise<void> => {
  const paid = await ledger.pay({
    channel: 'p2p',
    payer: benchAccountId(3),
    payee: benchAccountId(4),
    asset: BENCH_ASSET,
    amount: '0.01',
    idempotencyKey: `first-queries-${mode}-${context.seed}`,
  })
  orFail(paid)
}

const baselineOf = (baseline: { baseline?: string }, name: string) =>
  baseline.baseline === undefined ? {} : { baseline: `${baseline.baseline}: ${name}` }

const withoutTables = (store: EventStore): EventStore => {
  const { projections: _projections, ...rest } = store
  return rest
}

const countingReads = (store: EventStore) => {
  let count = 0
  const counted: EventStore = {
    ...store,
    readAll: async function* (options) {
      for await (const event of store.readAll(options)) {
        count += 1
        yield event
      }
    },
  }
  return { store: counted, eventsRead: () => count }
}

const orFail = (result: unknown): void => {
  const answer = result as { _tag: string; left?: { message: string } }
  if (answer._tag === 'Left') throw new Error(answer.left?.message ?? 'a query was refused')
}
