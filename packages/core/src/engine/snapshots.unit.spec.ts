// Proves long streams get snapshots: after a busy merchant's account passes the snapshot interval
// the engine writes one naming its event's hash, and a new ledger over the same store answers from
// it, reading only the events after it; a snapshot whose hash is not its event's is ignored.
import { describe, expect, it } from 'vitest'
import { createLedger } from '../ledger/createLedger.js'
import type { Ledger } from '../ledger/types.js'
import { assert } from '@wallet-ledger/domain'
import type { EventStore, JsonValue, Snapshot } from '../ports/eventStore.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import { SNAPSHOT_EVERY_EVENTS } from './repository.js'
import { orThrow } from '../ledger/result.js'

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

/** `count` payments of `amount` from alice to shop, keyed `<prefix><n>`. */
const payShop = async (ledger: Ledger, count: number, amount: string, prefix: string) => {
  for (let index = 0; index < count; index += 1) {
    const paid = await ledger.pay({
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount,
      idempotencyKey: `${prefix}${index}`,
    })
    expect(paid._tag).toBe('Right')
  }
}

/** A ledger whose merchant `shop` received PAYMENTS payments of 1.00 (so it has a snapshot). */
const busyMerchant = async () => {
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
  await payShop(ledger, PAYMENTS, '1.00', 'p')
  const snapshot = await store.readSnapshot!('account-shop')
  assert(snapshot !== undefined, 'the busy merchant has a snapshot')
  return { store, ledger, snapshot }
}

/** The snapshot's state with the first balance's available minor units replaced. */
const withAvailable = (snapshot: Snapshot, minor: string): JsonValue => {
  const state = structuredClone(snapshot.state) as { balances: { available: string }[] }
  state.balances[0]!.available = minor
  return state as unknown as JsonValue
}

describe('snapshots of long streams', () => {
  it('are written for a busy merchant and used by a new ledger on the same store', async () => {
    const { store, ledger, snapshot } = await busyMerchant()
    // Revisions count from 0: the snapshot covers the first SNAPSHOT_EVERY_EVENTS events.
    expect(snapshot.revision).toBeGreaterThanOrEqual(BigInt(SNAPSHOT_EVERY_EVENTS - 1))
    const atRevision = store.readStream('account-shop', {
      fromRevision: snapshot.revision,
      maxCount: 1,
    })
    let hashAtRevision: string | undefined
    for await (const event of atRevision) hashAtRevision = event.hash
    expect(snapshot.eventHash).toBe(hashAtRevision)
    const expected = await ledger.balances('shop')

    const counting = countingReads(store, 'account-shop')
    const restarted = await createLedger({ store: counting.store })
    expect(await restarted.balances('shop')).toEqual(expected)
    expect(expected).toMatchObject({
      _tag: 'Right',
      right: { USD: { available: `${PAYMENTS}.00` } },
    })
    // One opening event and one credit per payment; only those after the snapshot are read, plus
    // the snapshot's own event, whose hash is checked.
    expect(counting.read()).toBeLessThan(PAYMENTS + 1 - SNAPSHOT_EVERY_EVENTS + 2)
  })

  it('are ignored and reported when the event at their revision has another hash', async () => {
    const { store, ledger, snapshot } = await busyMerchant()
    const expected = await ledger.balances('shop')
    // A store that kept a snapshot of another history (no adapter check stops this one).
    const forged = {
      ...snapshot,
      eventHash: '0'.repeat(64),
      state: withAvailable(snapshot, '99999999'),
    }
    const errors: unknown[] = []
    const restarted = await createLedger({
      store: { ...store, readSnapshot: async () => forged },
      hooks: { onError: ({ error }) => errors.push(error) },
    })
    expect(await restarted.balances('shop')).toEqual(expected)
    expect(errors).toEqual([expect.objectContaining({ code: 'snapshot_mismatch' })])
    // The forged state with the right hash is used: only audit() can tell (audit's own test).
    const trusted = await createLedger({
      store: { ...store, readSnapshot: async () => ({ ...forged, eventHash: snapshot.eventHash }) },
    })
    // 999999.99 at the snapshot's revision, then 1.00 per later credit.
    const minor = 99999999n + (BigInt(PAYMENTS) - snapshot.revision) * 100n
    expect(await trusted.balances('shop')).toMatchObject({
      right: { USD: { available: `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}` } },
    })
  })

  it('are each checked by audit() against the replay: a forged state is reported', async () => {
    const { store, ledger, snapshot } = await busyMerchant()
    // A second ledger loads the snapshot and takes the stream past another interval.
    const restarted = await createLedger({ store })
    await payShop(restarted, SNAPSHOT_EVERY_EVENTS, '0.01', 'q')
    const second = await store.readSnapshot!('account-shop')
    expect(second?.revision).toBeGreaterThan(snapshot.revision)
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })

    // Through the port, with the right hash: the store cannot tell, the audit can.
    const { revision, eventHash, schemaVersion } = second!
    const state = withAvailable(second!, '99999999')
    await store.writeSnapshot!('account-shop', { revision, eventHash, schemaVersion, state })
    const report = orThrow(await ledger.audit())
    expect(report.ok).toBe(false)
    expect(report.violations).toEqual([
      expect.objectContaining({
        code: 'snapshot_mismatch',
        stream: 'account-shop',
        revision: String(revision),
      }),
    ])
  })
})
