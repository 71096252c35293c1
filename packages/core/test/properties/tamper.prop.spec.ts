// Proves audit() finds tampering on every store it can be done to: a generated history runs on a
// seeded ledger and audits clean; then one generated edit is made to the stored log behind the
// store's back (memory by its hooks, SQLite and PostgreSQL by SQL on their tables, the EventStoreDB
// test double in its memory): a payload byte changed, a middle row deleted, the last row deleted,
// two rows swapped, or a hash edited. A new ledger's audit() over the store is then not ok, naming
// the damage; the last row's deletion against the head kept before it. EventStoreDB's log cannot
// be reordered by anyone, so no swap is tried there (docs/adapters.md, tamper evidence).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { AuditReport } from '../../src/ledger/types.js'
import { orThrow } from '../../src/ledger/result.js'
import type { EventStore, StoredEvent } from '../../src/ports/eventStore.js'
import { canonicalJson } from '../../src/store/canonicalJson.js'
import { iterateAll } from '../../src/store/paging.js'
import { arbHistory } from './__fixtures__/crashHistory.js'
import type { KnownIds } from './__fixtures__/crashHistory.js'
import { ledgerOver, seededStore } from './__fixtures__/propertyLedger.js'
import {
  PROPERTY_CASES,
  PROPERTY_TIMEOUT_MS,
  tamperOf,
  type PropertyCase,
} from './__fixtures__/propertyStores.js'
import type { StoreTamper } from './__fixtures__/storeTamper.js'

// Per store and tampering: memory runs this many, SQLite 5, PostgreSQL 3, the ESDB double 2.
const NUM_RUNS = 12
const HISTORY_LENGTH_MAX = 10
const seedOption = (): { seed?: number } => {
  const seed = process.env['PROPERTY_SEED']
  return seed === undefined ? {} : { seed: Number(seed) }
}

type Tampering =
  | 'edit a payload byte'
  | 'delete a middle row'
  | 'delete the last row'
  | 'swap two rows'
  | 'edit a hash'

const TAMPERINGS: readonly Tampering[] = [
  'edit a payload byte',
  'delete a middle row',
  'delete the last row',
  'swap two rows',
  'edit a hash',
]

// Memory with both executors; every other store with its first (the log is what is tampered
// with, and the other executor's histories run in the model, crash and concurrency suites).
const TAMPER_CASES: readonly PropertyCase[] = PROPERTY_CASES.filter(
  ({ store, executor }) =>
    store.tampering !== undefined &&
    (store.name === 'memory' || executor === (store.executors ?? ['atomic'])[0]),
)

// ---------------------------------------------------------------- helpers

const everyEvent = async (store: EventStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = []
  for await (const event of iterateAll(store)) events.push(event)
  return events
}

const codesOf = (report: AuditReport): string[] =>
  [...new Set(report.violations.map((violation) => violation.code))].sort()

// The `nth` digit of a JSON text changed, never into a leading zero: the text stays valid JSON.
const editDigit = (nth: number) => (json: string) => {
  const at = [...json.matchAll(/[0-9]/g)].map((match) => match.index)
  const index = at[nth % at.length]!
  const digit = json[index]!
  const changed = digit === '9' ? '8' : String(Number(digit) + 1)
  return json.slice(0, index) + changed + json.slice(index + 1)
}

/**
 * Makes the tampering on the log `events` (as read before it), choosing rows by `pickA`/`pickB`;
 * answers the codes one of which the audit must report, and the audit's options.
 */
const tamperWith = async (
  tamper: StoreTamper,
  tampering: Tampering,
  events: readonly StoredEvent[],
  picks: { readonly pickA: number; readonly pickB: number; readonly head: string },
): Promise<{ codes: readonly string[]; expectedHead?: string }> => {
  const count = events.length
  const { pickA, pickB } = picks
  switch (tampering) {
    case 'edit a payload byte': {
      const withDigits = events.filter((event) => /[0-9]/.test(canonicalJson(event.data)))
      const event = withDigits[pickA % withDigits.length]!
      await tamper.editData(event.position, editDigit(pickB))
      return { codes: ['event_hash_mismatch'] }
    }
    case 'delete a middle row':
      await tamper.deleteEvent(BigInt(1 + (pickA % (count - 2))))
      return { codes: ['position_gap'] }
    case 'delete the last row': {
      const last = events.at(-1)!
      await tamper.deleteEvent(last.position)
      // A whole commit gone is invisible to the chain alone: only the kept head names it.
      const isWholeCommit = events.at(-2)?.commitHash !== last.commitHash
      const codes = isWholeCommit ? ['expected_head_missing'] : ['commit_chain_broken']
      return { codes, expectedHead: picks.head }
    }
    case 'swap two rows': {
      const a = pickA % count
      const b = (a + 1 + (pickB % (count - 1))) % count
      await tamper.swapEvents!(BigInt(a), BigInt(b))
      return {
        codes: ['event_hash_mismatch', 'position_out_of_order', 'revision_out_of_order'],
      }
    }
    case 'edit a hash': {
      const event = events[pickA % count]!
      const flipped = (event.hash[0] === 'a' ? 'b' : 'a') + event.hash.slice(1)
      await tamper.editHash(event.position, flipped)
      return { codes: ['event_hash_mismatch'] }
    }
  }
}

// ---------------------------------------------------------------- the property

describe.each(TAMPER_CASES)('tampering ($label)', ({ store: kind, executor }) => {
  const tamperings = TAMPERINGS.filter(
    (tampering) => kind.tampering === 'rows' || tampering !== 'swap two rows',
  )
  it.each(tamperings)(
    '%s is found by audit()',
    { timeout: kind.timeoutMs ?? PROPERTY_TIMEOUT_MS },
    async (tampering) => {
      await fc.assert(
        fc.asyncProperty(
          arbHistory(HISTORY_LENGTH_MAX),
          fc.nat(),
          fc.nat(),
          async (history, pickA, pickB) => {
            const { clock, inner } = await seededStore(executor, kind)
            const tamper = tamperOf(inner)
            expect(tamper, `${kind.name} stores can be tampered with`).toBeDefined()
            const ledger = await ledgerOver(inner, clock)
            const known: KnownIds = { payments: [], withdrawals: [], disputes: [] }
            for (const command of history) {
              await command.run(ledger, known)
              clock.nowMs += 60_000
            }
            const clean = orThrow(await ledger.audit())
            expect(clean.violations).toEqual([])
            const events = await everyEvent(inner)
            const picks = { pickA, pickB, head: clean.head }
            const expected = await tamperWith(tamper!, tampering, events, picks)
            const auditor = await ledgerOver(inner, clock)
            const options =
              expected.expectedHead === undefined ? {} : { expectedHead: expected.expectedHead }
            const report = orThrow(await auditor.audit(options))
            const codes = codesOf(report)
            expect(report.ok, `${tampering}: ${codes.join(', ')}`).toBe(false)
            expect(
              codes.filter((code) => expected.codes.includes(code)),
              `${tampering}: found ${codes.join(', ')}`,
            ).not.toEqual([])
          },
        ),
        { numRuns: kind.numRuns(NUM_RUNS), ...seedOption() },
      )
    },
  )
})
