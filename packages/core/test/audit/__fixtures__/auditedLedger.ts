// A ledger for audit tests: a memory store the test can tamper with, a clock moved by hand, a small
// story of deposits and payments, and helpers to find events and to rewrite the hash chain the way
// an operator with write access to the database could.
import type { Either } from 'fp-ts/lib/Either.js'
import { assert } from '@wallet-ledger/domain'
import { createLedger } from '../../../src/ledger/createLedger.js'
import type { AuditReport, Ledger, LedgerError } from '../../../src/ledger/types.js'
import type { StoredEvent } from '../../../src/ports/eventStore.js'
import { GENESIS_COMMIT_HASH, commitHash, eventHash } from '../../../src/store/chain.js'
import { createMemoryEventStore } from '../../../src/store/memoryEventStore.js'
import type { MemoryEventStore } from '../../../src/store/memoryEventStore.js'
import { iterateAll } from '../../../src/store/paging.js'
import { memoryTamperOf } from '../../../src/store/memoryTamper.js'

// ---------------------------------------------------------------- types

/** A ledger over a store the test holds, with its clock. */
export type AuditedLedger = {
  readonly ledger: Ledger
  readonly store: MemoryEventStore
  /** Moves the clock forward by `ms`. */
  readonly advance: (ms: number) => void
}

// ---------------------------------------------------------------- constructors

/** An empty ledger on a fresh memory store, its clock at 2025-03-03T09:00Z (a Monday). */
export const auditedLedger = async (): Promise<AuditedLedger> => {
  let nowMs = Date.parse('2025-03-03T09:00:00.000Z')
  const clock = (): Date => new Date(nowMs)
  const store = createMemoryEventStore({ clock })
  const ledger = await createLedger({ store, clock })
  return {
    ledger,
    store,
    advance: (ms) => {
      assert(ms >= 0, 'the test clock only moves forward')
      nowMs += ms
    },
  }
}

/**
 * The story most tests tamper with: alice and bob (merchant) open, alice deposits 100.00 USD and
 * pays bob 30.00, then carol opens (the last commit, one event). `STORY` counts what it writes.
 */
export const withStory = async (fixture: AuditedLedger): Promise<void> => {
  const { ledger, advance } = fixture
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'bob', kind: 'merchant' }))
  advance(1_000)
  const source = { type: 'bank_transfer' as const, reference: 'r1' }
  const deposit = { accountId: 'alice', asset: 'USD', amount: '100.00', source }
  rightOf(await ledger.deposit({ ...deposit, idempotencyKey: 'd1' }))
  advance(1_000)
  const payment = { channel: 'p2p' as const, payer: 'alice', payee: 'bob', asset: 'USD' }
  rightOf(await ledger.pay({ ...payment, amount: '30.00', idempotencyKey: 'p1' }))
  advance(1_000)
  rightOf(await ledger.openAccount({ accountId: 'carol', kind: 'user' }))
}

/**
 * What `withStory` writes: alice, bob, the deposit (its event, the bank inflow opened and debited,
 * alice credited), the payment (its event, alice debited, bob credited), carol.
 */
export const STORY = { events: 10, streams: 6 } as const

// ---------------------------------------------------------------- operations

/** The value of a `right`, or a test failure naming the error. */
export const rightOf = <T>(result: Either<LedgerError, T>): T => {
  if (result._tag === 'Left') throw new Error(`expected right, got ${JSON.stringify(result.left)}`)
  return result.right
}

/** Every stored event in log order. */
export const storedEvents = async (store: MemoryEventStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = []
  for await (const event of iterateAll(store)) events.push(event)
  return events
}

/** The only stored event of `type` in a stream starting with `streamPrefix`. */
export const eventOf = async (
  store: MemoryEventStore,
  streamPrefix: string,
  type: string,
): Promise<StoredEvent> => {
  const found = (await storedEvents(store)).filter(
    (event) => event.stream.startsWith(streamPrefix) && event.type === type,
  )
  assert(found.length === 1, `${found.length} ${type} events in ${streamPrefix}*`)
  return found[0]!
}

/**
 * Recomputes every event hash and commit hash from genesis over the log as it now is, as someone
 * who can write to the database and knows the hashing would: the chain then verifies, so only the
 * other checks (or a head kept elsewhere) can catch the change.
 */
export const resealChain = async (store: MemoryEventStore): Promise<void> => {
  const events = await storedEvents(store)
  let previous = GENESIS_COMMIT_HASH
  let index = 0
  while (index < events.length) {
    const claimed = events[index]!.commitHash
    let end = index
    while (end < events.length && events[end]!.commitHash === claimed) end += 1
    const commit = events.slice(index, end)
    const hashes = commit.map((event) => eventHash(event))
    previous = commitHash(previous, hashes)
    commit.forEach((event, offset) =>
      memoryTamperOf(store).replaceEvent(event.position, {
        hash: hashes[offset]!,
        commitHash: previous,
      }),
    )
    index = end
  }
}

/** Where a report found `code`: each violation's stream and revision (absent for the ledger). */
export const placesOf = (
  report: AuditReport,
  code: string,
): { stream: string; revision?: string }[] =>
  report.violations
    .filter((violation) => violation.code === code)
    .map(({ stream, revision }) => (revision === undefined ? { stream } : { stream, revision }))

/** The distinct codes of a report, sorted. */
export const codesOf = (report: AuditReport): string[] =>
  [...new Set(report.violations.map((violation) => violation.code))].sort()
