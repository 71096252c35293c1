// Proves a command that clashes on every attempt gives up with concurrency_conflict (retry with
// the same key), after the bounded retries, writing nothing; the same key then succeeds once the
// store stops clashing.
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import { createLedger } from '../../ledger/createLedger.js'
import { orThrow } from '../../ledger/result.js'
import type { EventStore } from '../../ports/eventStore.js'
import { storeError } from '../../ports/storeError.js'
import { createMemoryEventStore } from '../../store/memoryEventStore.js'

// A store whose writes clash (another writer moved the stream) while `isClashing` is set.
const clashingStore = (inner: EventStore) => {
  const state = { isClashing: false, clashes: 0 }
  const clash = () => {
    state.clashes += 1
    return Promise.reject(storeError('wrong_expected_version', 'a simulated clash', {}))
  }
  const appendMany = inner.appendMany
  const store: EventStore = {
    ...inner,
    append: (stream, events, options) =>
      state.isClashing ? clash() : inner.append(stream, events, options),
    ...(appendMany === undefined
      ? {}
      : { appendMany: (writes) => (state.isClashing ? clash() : appendMany(writes)) }),
  }
  return { store, state }
}

describe('concurrency_conflict', () => {
  it('is answered when every attempt clashes, with nothing written; the same key works later', async () => {
    const inner = createMemoryEventStore()
    const { store, state } = clashingStore(inner)
    const ledger = await createLedger({ store })
    orThrow(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    const head = (await inner.readHead()).nextPosition
    const deposit = {
      accountId: 'alice',
      asset: 'USD',
      amount: '5.00',
      source: { type: 'card' as const, reference: 'c1' },
      idempotencyKey: 'dep-1',
    }
    state.isClashing = true
    const refused = await ledger.deposit(deposit)
    expect(refused._tag === 'Left' && refused.left.code).toBe('concurrency_conflict')
    expect(refused._tag === 'Left' && refused.left.message).toMatch(/same idempotency key/)
    expect(state.clashes).toBe(limits.COMMAND_RETRIES_MAX + 1)
    expect((await inner.readHead()).nextPosition).toBe(head)
    state.isClashing = false
    orThrow(await ledger.deposit(deposit))
    expect(orThrow(await ledger.balances('alice'))['USD']?.available).toBe('5.00')
  })
})
