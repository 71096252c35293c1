// Proves a crash changes nothing a caller can see once it is repaired, on both executors: for a
// generated history, the store dies at every one of its commits in turn (before and after the
// inner write); a new ledger runs recover(), then the caller retries every command that failed,
// in order, with the same idempotency keys and at the times they were first sent. The balances of
// every account (platform and promotion accounts included) and the status of every payment,
// withdrawal and dispute then equal those of the run without a crash, and the audit is clean.
// Memory store only: the suite runs the history 2 x commits + 1 times per case.
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createFaultyEventStore } from '@wallet-ledger/testing'
import type { FaultMode } from '@wallet-ledger/testing'
import type { Ledger } from '../../src/ledger/types.js'
import type { EventStore } from '../../src/ports/eventStore.js'
import { isStoreError } from '../../src/ports/storeError.js'
import { arbHistory } from './__fixtures__/crashHistory.js'
import type { HistoryCommand, KnownIds } from './__fixtures__/crashHistory.js'
import { auditOf, foldAccounts, ledgerOver, seededStore } from './__fixtures__/propertyLedger.js'
import type { Executor } from './__fixtures__/propertyLedger.js'

// Each history is run once per crash point and mode (2 x its commits), so few histories.
const NUM_RUNS = 12
const HISTORY_LENGTH_MAX = 10
const STEP_MS = 60_000
const checked = { histories: 0, crashes: 0 }
const seedOption = (): { seed?: number } => {
  const seed = process.env['PROPERTY_SEED']
  return seed === undefined ? {} : { seed: Number(seed) }
}

afterAll(() => {
  console.info(
    `crashRetry: ${checked.histories} histories, ${checked.crashes} crash points checked`,
  )
})

// ---------------------------------------------------------------- helpers

/** What a caller can see at the end: every balance, every workflow's status, the ids it learned. */
const finalState = async (ledger: Ledger, store: EventStore, known: KnownIds) => {
  const { balances } = await foldAccounts(store)
  const books = [...balances]
    .map(([accountId, assets]) => [accountId, [...assets].sort(([a], [b]) => (a < b ? -1 : 1))])
    .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))
  const statusOf = async (answer: Promise<{ _tag: string; right?: { status: string } }>) => {
    const result = await answer
    return result._tag === 'Right' ? result.right?.status : 'missing'
  }
  return {
    books,
    known,
    payments: await Promise.all(known.payments.map((id) => statusOf(ledger.payment(id)))),
    withdrawals: await Promise.all(known.withdrawals.map((id) => statusOf(ledger.withdrawal(id)))),
    disputes: await Promise.all(known.disputes.map((id) => statusOf(ledger.dispute(id)))),
  }
}

/** The history without a crash: its final state and how many commits it made. */
const cleanRun = async (executor: Executor, history: readonly HistoryCommand[]) => {
  const { clock, inner } = await seededStore(executor)
  const counting = createFaultyEventStore(inner, {
    failAfterCommits: Number.MAX_SAFE_INTEGER,
    mode: 'before',
  })
  const ledger = await ledgerOver(counting, clock)
  const known: KnownIds = { payments: [], withdrawals: [], disputes: [] }
  for (const command of history) {
    await command.run(ledger, known)
    clock.nowMs += STEP_MS
  }
  return { commits: counting.commits(), state: await finalState(ledger, inner, known) }
}

/**
 * The history on a store that dies at one commit. A command that rejects is retried after
 * recover(), at the instant it was sent: the clock does not move while the store is down.
 */
const crashedRun = async (
  executor: Executor,
  history: readonly HistoryCommand[],
  fault: { failAfterCommits: number; mode: FaultMode },
) => {
  const { clock, inner } = await seededStore(executor)
  const store = createFaultyEventStore(inner, fault)
  const ledger = await ledgerOver(store, clock)
  const known: KnownIds = { payments: [], withdrawals: [], disputes: [] }
  let failed = history.length
  for (const [index, command] of history.entries()) {
    try {
      await command.run(ledger, known)
    } catch (error) {
      expect(isStoreError(error, 'store_unavailable'), `${command.label}: ${String(error)}`).toBe(
        true,
      )
      failed = Math.min(failed, index)
      continue
    }
    clock.nowMs += STEP_MS
  }
  const restarted = await ledgerOver(inner, clock)
  await restarted.recover()
  for (const command of history.slice(failed)) {
    await command.run(restarted, known)
    clock.nowMs += STEP_MS
  }
  expect((await auditOf(inner)).violations).toEqual([])
  return finalState(restarted, inner, known)
}

// ---------------------------------------------------------------- the property

describe.each<Executor>(['atomic', 'stepwise'])('a crash at any commit (%s)', (executor) => {
  it(
    'then recover() and the same-key retries leave what the crash-free run leaves',
    { timeout: 300_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(arbHistory(HISTORY_LENGTH_MAX), async (history) => {
          const clean = await cleanRun(executor, history)
          checked.histories += 1
          for (const mode of ['before', 'after'] as const) {
            for (
              let failAfterCommits = 0;
              failAfterCommits < clean.commits;
              failAfterCommits += 1
            ) {
              const state = await crashedRun(executor, history, { failAfterCommits, mode })
              checked.crashes += 1
              expect(state, `crash ${mode} commit ${failAfterCommits + 1}`).toEqual(clean.state)
            }
          }
        }),
        { numRuns: NUM_RUNS, ...seedOption() },
      )
    },
  )
})
