// Proves no crash loses or creates money, on both executors: a generated history runs on a ledger
// whose store dies at a generated commit among those the history makes (a dry run counts them),
// before or after the inner write; a new ledger over the surviving store runs recover(), after
// which every asset sums to zero over all accounts, no user or merchant is negative, no reserve
// hold is left open, the audit is clean, and recover() run again does nothing. A commit failing
// before its write leaves nothing behind, and the caller's retry of the interrupted command (same
// idempotency key) after recovery keeps all of this true.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createFaultyEventStore } from '@wallet-ledger/testing'
import type { FaultMode } from '@wallet-ledger/testing'
import { isStoreError } from '../../src/ports/storeError.js'
import { arbHistory } from './__fixtures__/crashHistory.js'
import type { HistoryCommand, KnownIds } from './__fixtures__/crashHistory.js'
import {
  expectConserved,
  foldAccounts,
  ledgerOver,
  seededStore,
} from './__fixtures__/propertyLedger.js'
import type { Executor, ManualClock } from './__fixtures__/propertyLedger.js'
import type { EventStore } from '../../src/ports/eventStore.js'
import {
  PROPERTY_CASES,
  PROPERTY_TIMEOUT_MS,
  type PropertyStore,
} from './__fixtures__/propertyStores.js'
import { orThrow } from '../../src/ledger/result.js'

const NUM_RUNS = 30
const HISTORY_LENGTH_MAX = 15
const seedOption = (): { seed?: number } => {
  const seed = process.env['PROPERTY_SEED']
  return seed === undefined ? {} : { seed: Number(seed) }
}

// ---------------------------------------------------------------- helpers

/** How many commits the history makes without a crash: a dry run on a store that never fails. */
const commitsOf = async (
  executor: Executor,
  history: readonly HistoryCommand[],
  kind: PropertyStore,
) => {
  const { clock, inner } = await seededStore(executor, kind)
  const store = createFaultyEventStore(inner, {
    failAfterCommits: Number.MAX_SAFE_INTEGER,
    mode: 'before',
  })
  const ledger = await ledgerOver(store, clock)
  const known: KnownIds = { payments: [], withdrawals: [], disputes: [] }
  for (const command of history) {
    await command.run(ledger, known)
    clock.nowMs += 60_000
  }
  return store.commits()
}

/** Runs a history until (and past) the crash; returns the command the crash interrupted. */
const runUntilCrash = async (
  inner: EventStore,
  executor: Executor,
  history: readonly HistoryCommand[],
  fault: { failAfterCommits: number; mode: FaultMode },
  clock: ManualClock,
  known: KnownIds,
): Promise<HistoryCommand | undefined> => {
  const store = createFaultyEventStore(inner, fault)
  expect('appendMany' in store).toBe(executor === 'atomic')
  const ledger = await ledgerOver(store, clock)
  let interrupted: HistoryCommand | undefined
  for (const command of history) {
    const wasCrashed = store.hasCrashed()
    const commitsBefore = store.commits()
    const headBefore = await inner.readHead()
    try {
      await command.run(ledger, known)
    } catch (error) {
      // The crash is an infrastructure failure: the promise rejects, and only with it.
      expect(isStoreError(error, 'store_unavailable'), `${command.label}: ${String(error)}`).toBe(
        true,
      )
      if (!wasCrashed) interrupted = command
      // The failing commit was this command's first and failed before writing: nothing is left.
      if (!wasCrashed && fault.mode === 'before' && store.commits() - commitsBefore === 1)
        expect(await inner.readHead(), command.label).toEqual(headBefore)
    }
    clock.nowMs += 60_000
  }
  // A crash never goes unnoticed: some caller saw it.
  expect(interrupted !== undefined, 'the crash surfaced to a caller').toBe(store.hasCrashed())
  return interrupted
}

/** After recovery: conservation, the audit, and no reserve hold left open. */
const expectRecovered = async (inner: EventStore): Promise<void> => {
  await expectConserved(inner)
  const { openHolds } = await foldAccounts(inner)
  expect([...openHolds].filter((hold) => hold.endsWith(':reserve'))).toEqual([])
}

// ---------------------------------------------------------------- the property

describe.each(PROPERTY_CASES)('a crash ($label)', ({ store: kind, executor }) => {
  it.each<FaultMode>(['before', 'after'])(
    'is repaired by recover() when the store dies %s a commit',
    { timeout: kind.timeoutMs ?? PROPERTY_TIMEOUT_MS },
    async (mode) => {
      await fc.assert(
        fc.asyncProperty(
          arbHistory(HISTORY_LENGTH_MAX),
          // Where the crash falls among the history's commits: anywhere from the first to the last.
          fc.integer({ min: 0, max: 999 }),
          async (history, permille) => {
            const commits = await commitsOf(executor, history, kind)
            const failAfterCommits = Math.floor((commits * permille) / 1000)
            const { clock, inner } = await seededStore(executor, kind)
            const fault = { failAfterCommits, mode }
            const known: KnownIds = { payments: [], withdrawals: [], disputes: [] }
            const interrupted = await runUntilCrash(inner, executor, history, fault, clock, known)
            const restarted = await ledgerOver(inner, clock)
            await restarted.recover()
            expect(await restarted.recover(), 'recover() a second time').toEqual({
              finished: 0,
              reversed: 0,
            })
            await expectRecovered(inner)
            expect(orThrow(await restarted.audit()).ok).toBe(true)
            // The caller retries what was interrupted, with the same idempotency key.
            if (interrupted !== undefined) {
              await interrupted.run(restarted, known)
              await expectRecovered(inner)
            }
          },
        ),
        { numRuns: kind.numRuns(NUM_RUNS), ...seedOption() },
      )
    },
  )
})
