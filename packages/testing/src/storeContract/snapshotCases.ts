// Contract cases for snapshots, on stores that offer them: they live beside the streams (never in
// a read or the chain), can be replaced or deleted at any time, and must name a real revision and
// the hash of the stream's event there.
import { describe, expect, it } from 'vitest'
import type { EventStore } from '@wallet-ledger/core'
import { expectStoreError, numbered, page, readEverything, type StoreHarness } from './fixtures.js'

/** The snapshot methods of a store that has them. */
export type SnapshotMethods = Required<
  Pick<EventStore, 'readSnapshot' | 'writeSnapshot' | 'deleteSnapshot'>
>

/** The store's snapshot methods, or undefined when it offers none. */
export const snapshotsOf = (store: EventStore): SnapshotMethods | undefined => {
  const { readSnapshot, writeSnapshot, deleteSnapshot } = store
  if (readSnapshot === undefined || writeSnapshot === undefined || deleteSnapshot === undefined) {
    return undefined
  }
  return { readSnapshot, writeSnapshot, deleteSnapshot }
}

/** The hash of a stream's event at `revision` (the test appended it). */
export const hashAt = async (store: EventStore, stream: string, revision: bigint) => {
  const [event] = await page(store.readStream(stream, { fromRevision: revision, maxCount: 1 }))
  expect(event?.revision).toBe(revision)
  return event!.hash
}

const ZERO_HASH = '0'.repeat(64)

/** Registers the snapshot cases. */
export const snapshotCases = (harness: StoreHarness): void => {
  describe('snapshots', () => {
    it('offers all three snapshot methods or none, and readSnapshots only with them', () => {
      const store = harness.store()
      const present = [store.readSnapshot, store.writeSnapshot, store.deleteSnapshot].filter(
        (method) => method !== undefined,
      )
      expect([0, 3]).toContain(present.length)
      if (present.length === 0) expect(store.readSnapshots).toBeUndefined()
    })

    it('writes, replaces, reads and deletes a snapshot beside the stream', async (context) => {
      const store = harness.store()
      const snapshots = snapshotsOf(store)
      if (snapshots === undefined) return context.skip('this store has no snapshots')
      await store.append('merchant-1', numbered(5), { expectedRevision: 'no_stream' })
      expect(await snapshots.readSnapshot('merchant-1')).toBeUndefined()
      const state = { balance: '123456789012345678901234567890.12', holds: [{ id: 'h1' }] }
      const eventHash = await hashAt(store, 'merchant-1', 2n)
      await snapshots.writeSnapshot('merchant-1', {
        revision: 2n,
        eventHash,
        schemaVersion: 1,
        state,
      })
      expect(await snapshots.readSnapshot('merchant-1')).toMatchObject({
        stream: 'merchant-1',
        revision: 2n,
        eventHash,
        schemaVersion: 1,
        state,
      })
      await snapshots.writeSnapshot('merchant-1', {
        revision: 4n,
        eventHash: await hashAt(store, 'merchant-1', 4n),
        schemaVersion: 2,
        state: { v: 2 },
      })
      expect(await snapshots.readSnapshot('merchant-1')).toMatchObject({
        revision: 4n,
        eventHash: await hashAt(store, 'merchant-1', 4n),
        schemaVersion: 2,
      })
      await snapshots.deleteSnapshot('merchant-1')
      expect(await snapshots.readSnapshot('merchant-1')).toBeUndefined()
    })

    it('is not an event: reads, positions and the head are unchanged', async (context) => {
      const store = harness.store()
      const snapshots = snapshotsOf(store)
      if (snapshots === undefined) return context.skip('this store has no snapshots')
      await store.append('merchant-1', numbered(3), { expectedRevision: 'no_stream' })
      const before = { head: await store.readHead(), events: await readEverything(store) }
      const eventHash = await hashAt(store, 'merchant-1', 2n)
      await snapshots.writeSnapshot('merchant-1', {
        revision: 2n,
        eventHash,
        schemaVersion: 1,
        state: {},
      })
      expect({ head: await store.readHead(), events: await readEverything(store) }).toEqual(before)
    })

    it('rejects a revision the stream does not have and state that is not JSON-safe', async (context) => {
      const store = harness.store()
      const snapshots = snapshotsOf(store)
      if (snapshots === undefined) return context.skip('this store has no snapshots')
      await store.append('merchant-1', numbered(2), { expectedRevision: 'no_stream' })
      const eventHash = await hashAt(store, 'merchant-1', 1n)
      const write = (stream: string, revision: bigint, state: unknown) => () =>
        snapshots.writeSnapshot(stream, { revision, eventHash, schemaVersion: 1, state })
      await expectStoreError(write('merchant-1', 2n, {}), 'invalid_argument')
      await expectStoreError(write('merchant-1', -1n, {}), 'invalid_argument')
      await expectStoreError(write('nobody-1', 0n, {}), 'invalid_argument')
      await expectStoreError(write('merchant-1', 1n, { amount: 1n }), 'invalid_argument')
      await expectStoreError(write('bad name', 0n, {}), 'invalid_stream_name')
      expect(await snapshots.readSnapshot('merchant-1')).toBeUndefined()
    })

    it('rejects an eventHash that is not the hash of the event at the revision', async (context) => {
      const store = harness.store()
      const snapshots = snapshotsOf(store)
      if (snapshots === undefined) return context.skip('this store has no snapshots')
      await store.append('merchant-1', numbered(3), { expectedRevision: 'no_stream' })
      await store.append('merchant-2', numbered(1), { expectedRevision: 'no_stream' })
      const write = (eventHash: unknown) => () =>
        snapshots.writeSnapshot('merchant-1', {
          revision: 1n,
          eventHash: eventHash as string,
          schemaVersion: 1,
          state: { forged: true },
        })
      // Another revision's hash, another stream's hash, a well-formed hash of nothing, malformed.
      await expectStoreError(write(await hashAt(store, 'merchant-1', 2n)), 'invalid_argument')
      await expectStoreError(write(await hashAt(store, 'merchant-2', 0n)), 'invalid_argument')
      await expectStoreError(write(ZERO_HASH), 'invalid_argument')
      const good = await hashAt(store, 'merchant-1', 1n)
      await expectStoreError(write(good.toUpperCase()), 'invalid_argument')
      await expectStoreError(write(`${good}0`), 'invalid_argument')
      await expectStoreError(write(undefined), 'invalid_argument')
      expect(await snapshots.readSnapshot('merchant-1')).toBeUndefined()
      await write(good)()
      expect(await snapshots.readSnapshot('merchant-1')).toMatchObject({ eventHash: good })
    })
  })
}
