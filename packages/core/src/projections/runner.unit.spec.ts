// Proves the checkpointed projection runner over a memory store written by createLedger (a clock
// moved by hand): the checkpoint follows the log; concurrent catch-ups and a rebuild in between
// fold each event once and agree; streams that are not the ledger's own (another namespace on the
// same store, no aggregate, a name like `constructor-1`, an empty id) are skipped, so each
// ledger's accounts, history, subscriptions and runDue see only its own streams.
import { describe, expect, it } from 'vitest'
import { historyPage } from '@wallet-ledger/domain'
import { createDefinitions } from '../engine/definitions.js'
import { createLedger } from '../ledger/createLedger.js'
import type { Ledger } from '../ledger/types.js'
import type { EventStore } from '../ports/eventStore.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import { iterateAll } from '../store/paging.js'
import { rightOf } from '../../test/workflows/__fixtures__/workflowLedger.js'
import { createProjectionRunner } from './runner.js'
import type { ProjectionStates } from './runner.js'
import { orThrow } from '../ledger/result.js'

const START_MS = Date.parse('2025-03-03T09:00:00.000Z')
const HOUR_MS = 60 * 60 * 1000

/** A store, a clock moved by hand, and a ledger over them (in `namespace` when given). */
const setUp = async (namespace?: string) => {
  let nowMs = START_MS
  const clock = () => new Date(nowMs)
  const store = createMemoryEventStore({ clock })
  const ledger = await createLedger({ store, clock, ...(namespace ? { namespace } : {}) })
  return { store, clock, ledger, advance: (ms: number) => (nowMs += ms) }
}

/** Opens `accountId`, deposits `amount` USD and pays part of it to a merchant. */
const activity = async (ledger: Ledger, accountId: string, amount: string, key: string) => {
  rightOf(await ledger.openAccount({ accountId, kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: `${accountId}-shop`, kind: 'merchant' }))
  const source = { type: 'bank_transfer' as const, reference: key }
  rightOf(
    await ledger.deposit({ accountId, asset: 'USD', amount, source, idempotencyKey: `${key}-d` }),
  )
  rightOf(
    await ledger.pay({
      channel: 'merchant_qr',
      payer: accountId,
      payee: `${accountId}-shop`,
      asset: 'USD',
      amount: '1.00',
      idempotencyKey: `${key}-p`,
    }),
  )
}

const headOf = async (store: EventStore): Promise<bigint> => (await store.readHead()).nextPosition

/** An account's rows as the runner's state answers them. */
const rowsOf = (states: ProjectionStates, accountId: string) => {
  const page = historyPage(states.history, accountId, { limit: 500 })
  if (page._tag === 'Left') throw new Error(page.left.message)
  return page.right.entries
}

describe('the projection runner', () => {
  it('starts at position 0 and moves its checkpoint to the head on each catch-up', async () => {
    const { store, ledger } = await setUp()
    const runner = createProjectionRunner(store, createDefinitions(undefined))
    expect(runner.checkpoint()).toBe(0n)
    await activity(ledger, 'alice', '10.00', 'a')
    const states = await runner.catchUp()
    expect(runner.checkpoint()).toBe(await headOf(store))
    expect(rowsOf(states, 'alice')).toHaveLength(2)
    await activity(ledger, 'bob', '20.00', 'b')
    expect(await runner.catchUp()).toBe(states)
    expect(runner.checkpoint()).toBe(await headOf(store))
    expect(rowsOf(states, 'bob')).toHaveLength(2)
  })

  it('folds each event once when catch-ups and a rebuild overlap', async () => {
    const { store, ledger } = await setUp()
    const runner = createProjectionRunner(store, createDefinitions(undefined))
    await activity(ledger, 'alice', '10.00', 'a')
    const expected = JSON.stringify(rowsOf(await runner.catchUp(), 'alice'))
    await activity(ledger, 'bob', '20.00', 'b')
    const bob = JSON.stringify(
      rowsOf(await createProjectionRunner(store, createDefinitions(undefined)).catchUp(), 'bob'),
    )
    // Folding an event twice trips the projections' assertions (a row or a due item added twice).
    const settled = await Promise.all([
      runner.catchUp(),
      runner.rebuild(),
      runner.catchUp(),
      runner.rebuild(),
      runner.catchUp(),
    ])
    for (const states of settled) {
      expect(JSON.stringify(rowsOf(states, 'alice'))).toBe(expected)
      expect(JSON.stringify(rowsOf(states, 'bob'))).toBe(bob)
    }
    expect(runner.checkpoint()).toBe(await headOf(store))
  })

  it('skips streams that are not the ledger’s own, moving its checkpoint over them', async () => {
    const { store, ledger } = await setUp()
    await activity(ledger, 'alice', '10.00', 'a')
    const junk = { type: 'Whatever', schemaVersion: 1, data: { accountId: 'alice', at: 'x' } }
    for (const stream of [
      'constructor-1',
      'toString-2',
      'account-',
      'audit-log-1',
      'x.account-alice',
    ]) {
      await store.append(stream, [junk], { expectedRevision: 'any' })
    }
    const runner = createProjectionRunner(store, createDefinitions(undefined))
    const states = await runner.catchUp()
    expect(runner.checkpoint()).toBe(await headOf(store))
    expect(rowsOf(states, 'alice')).toHaveLength(2)
    expect(rightOf(await ledger.history('alice')).entries).toHaveLength(2)
    expect(rightOf(await ledger.accounts()).accounts.map((a) => a.accountId)).toEqual([
      'alice',
      'alice-shop',
    ])
  })
})

describe('ledgers sharing a store in several namespaces', () => {
  /** Three ledgers on one store: namespaces 'a' and 'b', and none; each has its own alice. */
  const shared = async () => {
    const { store, clock, advance } = await setUp()
    const ledgers = {
      a: await createLedger({ store, clock, namespace: 'a' }),
      b: await createLedger({ store, clock, namespace: 'b' }),
      none: await createLedger({ store, clock }),
    }
    await activity(ledgers.a, 'alice', '10.00', 'k')
    await activity(ledgers.b, 'alice', '20.00', 'k')
    rightOf(await ledgers.b.openAccount({ accountId: 'bob', kind: 'user' }))
    await activity(ledgers.none, 'alice', '30.00', 'k')
    return { store, ledgers, advance }
  }

  it('lists and shows each ledger’s own accounts and history only', async () => {
    const { ledgers } = await shared()
    const ids = async (ledger: Ledger) =>
      rightOf(await ledger.accounts()).accounts.map((account) => account.accountId)
    expect(await ids(ledgers.a)).toEqual(['alice', 'alice-shop'])
    expect(await ids(ledgers.b)).toEqual(['alice', 'alice-shop', 'bob'])
    expect(await ids(ledgers.none)).toEqual(['alice', 'alice-shop'])
    const deposits = async (ledger: Ledger) =>
      rightOf(await ledger.history('alice')).entries.map((row) => `${row.kind} ${row.amount}`)
    expect(await deposits(ledgers.a)).toEqual(['payment 1.00', 'deposit 10.00'])
    expect(await deposits(ledgers.b)).toEqual(['payment 1.00', 'deposit 20.00'])
    expect(await deposits(ledgers.none)).toEqual(['payment 1.00', 'deposit 30.00'])
    const { closing } = rightOf(
      await ledgers.b.statement('alice', {
        asset: 'USD',
        from: new Date(0),
        to: new Date(START_MS + HOUR_MS),
      }),
    )
    expect(closing).toBe('19.00')
  })

  it('notifies each ledger’s subscribers of its own events only', async () => {
    const { store, ledgers } = await shared()
    // The last event of ledger a comes after the others' events.
    rightOf(await ledgers.a.openAccount({ accountId: 'zed', kind: 'user' }))
    const own: string[] = []
    for await (const stored of iterateAll(store)) {
      if (stored.stream.startsWith('a.')) own.push(stored.position.toString())
    }
    const seen: string[] = []
    const subscription = rightOf(
      await ledgers.a.subscribe((notification) => void seen.push(notification.position)),
    )
    await subscription.caughtUp
    await subscription.close()
    expect(seen).toEqual(own)
  })

  it('expires only its own due authorizations', async () => {
    const { ledgers, advance } = await shared()
    const authorize = (ledger: Ledger) =>
      ledger.pay({
        channel: 'online',
        payer: 'alice',
        payee: 'alice-shop',
        asset: 'USD',
        amount: '2.00',
        capture: 'manual',
        idempotencyKey: 'manual',
      })
    rightOf(await authorize(ledgers.b))
    advance(8 * 24 * HOUR_MS)
    expect(orThrow(await ledgers.a.runDue())).toEqual({ expired: 0 })
    expect(orThrow(await ledgers.none.runDue())).toEqual({ expired: 0 })
    expect(orThrow(await ledgers.b.runDue())).toEqual({ expired: 1 })
  })
})
