// Proves the repository's loading shortcuts keep it exact: with a store that tells a stream's last
// revision, a cache entry that is current costs no page read, an unknown stream loads as the
// initial state without a read, and events another writer appended are still folded in; a store
// without `readLastRevision` loads the same states by reading. And the state cache keeps what was
// used recently within its bound.
import { describe, expect, it } from 'vitest'
import type { AccountState } from '@wallet-ledger/domain'
import { createLedger } from '../ledger/createLedger.js'
import type { EventStore } from '../ports/eventStore.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import { createDefinitions } from './definitions.js'
import { createRepository, createStateCache } from './repository.js'

const fixedClock = () => new Date('2026-11-26T07:30:00.000Z')

// The store, with every page read counted.
const countingReads = (inner: EventStore, isWithLastRevision: boolean) => {
  const counted = { reads: 0 }
  const { readLastRevision: _omitted, ...withoutLastRevision } = inner
  const base = isWithLastRevision ? inner : withoutLastRevision
  const store: EventStore = {
    ...base,
    readStream: (stream, options) => {
      counted.reads += 1
      return inner.readStream(stream, options)
    },
  }
  return { store, counted }
}

const availableOf = (state: AccountState): bigint | undefined =>
  state.status === 'not_opened' ? undefined : state.balances['USD']?.available

const deposit = (ledger: Awaited<ReturnType<typeof createLedger>>, key: string) =>
  ledger.deposit({
    accountId: 'alice',
    asset: 'USD',
    amount: '10.00',
    source: { type: 'bank_transfer', reference: key },
    idempotencyKey: key,
  })

describe.each([true, false])('the repository (store tells last revisions: %s)', (isWith) => {
  it('loads from its cache while current, and folds in what another writer appended', async () => {
    const inner = createMemoryEventStore({ clock: fixedClock })
    const other = await createLedger({ store: inner, clock: fixedClock })
    await other.openAccount({ accountId: 'alice', kind: 'user' })
    await deposit(other, 'd1')
    const { store, counted } = countingReads(inner, isWith)
    const repository = createRepository(store)
    const { account } = createDefinitions(undefined)
    const first = await repository.load(account, 'alice')
    expect(availableOf(first.state)).toBe(1000n)
    const reads = counted.reads
    const again = await repository.load(account, 'alice')
    expect(again).toEqual(first)
    // A current cache entry costs a page read only where the store cannot tell its last revision.
    expect(counted.reads - reads).toBe(isWith ? 0 : 1)
    await deposit(other, 'd2')
    const caughtUp = await repository.load(account, 'alice')
    expect(availableOf(caughtUp.state)).toBe(2000n)
    expect(caughtUp.revision).toBe((first.revision as bigint) + 1n)
  })

  it('loads an unknown stream as the initial state', async () => {
    const { store, counted } = countingReads(createMemoryEventStore(), isWith)
    const repository = createRepository(store)
    const { account } = createDefinitions(undefined)
    const loaded = await repository.load(account, 'nobody')
    expect(loaded).toEqual({ state: { status: 'not_opened' }, revision: 'no_stream' })
    expect(counted.reads).toBe(isWith ? 0 : 1)
  })
})

describe('the state cache', () => {
  it('keeps entries used within half its bound, and never holds more than the bound', () => {
    const cache = createStateCache(4)
    const loaded = (n: bigint) => ({ state: n, revision: n })
    cache.set('a', loaded(0n))
    cache.set('b', loaded(1n))
    expect(cache.get('a')).toEqual(loaded(0n))
    cache.set('c', loaded(2n))
    cache.set('d', loaded(3n))
    cache.set('e', loaded(4n))
    // 'a' was used after 'b': 'b' goes first.
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('e')).toEqual(loaded(4n))
    for (let n = 0; n < 50; n += 1) cache.set(`s-${n}`, loaded(BigInt(n)))
    const kept = Array.from({ length: 50 }, (_, n) => cache.get(`s-${n}`)).filter(Boolean)
    expect(kept.length).toBeLessThanOrEqual(4)
    expect(cache.get('s-49')).toEqual(loaded(49n))
    cache.delete('s-49')
    expect(cache.get('s-49')).toBeUndefined()
  })
})
