// Proves long streams get snapshots: after a busy merchant's account passes the snapshot interval
// the engine writes one, and a new ledger over the same store answers from it, reading only the
// events after it, with the same balances as a full replay.
import { describe, expect, it } from 'vitest'
import { createLedger } from '../ledger/createLedger.js'
import type { EventStore } from '../ports/eventStore.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import { SNAPSHOT_EVERY_EVENTS } from './repository.js'

const PAYMENTS = SNAPSHOT_EVERY_EVENTS + 10

/** The store, counting the events read back from one stream. */
const countingReads = (store: EventStore, stream: string) => {
  let read = 0
  const counted: EventStore = {
    ...store,
    readStream: (name, options) => {
      const inner = store.readStream(name, options)
      if (name !== stream) return inner
      return {
        [Symbol.asyncIterator]: async function* () {
          for await (const event of inner) {
            read += 1
            yield event
          }
        },
      }
    },
  }
  return { store: counted, read: () => read }
}

describe('snapshots of long streams', () => {
  it('are written for a busy merchant and used by a new ledger on the same store', async () => {
    const store = createMemoryEventStore()
    const ledger = await createLedger({ store })
    await ledger.openAccount({ kind: 'user', accountId: 'alice' })
    await ledger.openAccount({ kind: 'merchant', accountId: 'shop' })
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '1000.00',
      source: { type: 'card', reference: 'c' },
      idempotencyKey: 'd',
    })
    for (let index = 0; index < PAYMENTS; index += 1) {
      const paid = await ledger.pay({
        channel: 'merchant_qr',
        payer: 'alice',
        payee: 'shop',
        asset: 'USD',
        amount: '1.00',
        idempotencyKey: `p${index}`,
      })
      expect(paid._tag).toBe('Right')
    }
    const snapshot = await store.readSnapshot?.('account-shop')
    // Revisions count from 0: the snapshot covers the first SNAPSHOT_EVERY_EVENTS events.
    expect(snapshot?.revision).toBeGreaterThanOrEqual(BigInt(SNAPSHOT_EVERY_EVENTS - 1))
    const expected = await ledger.balances('shop')

    const counting = countingReads(store, 'account-shop')
    const restarted = await createLedger({ store: counting.store })
    expect(await restarted.balances('shop')).toEqual(expected)
    expect(expected).toMatchObject({
      _tag: 'Right',
      right: { USD: { available: `${PAYMENTS}.00` } },
    })
    // One opening event and one credit per payment; only those after the snapshot are read.
    expect(counting.read()).toBeLessThan(PAYMENTS + 1 - SNAPSHOT_EVERY_EVENTS + 1)
  })
})
