// Contract cases for snapshots, on stores that offer them: they live beside the streams (never in
// a read or the chain), can be replaced or deleted at any time, and must name a real revision.
import { describe, expect, it } from 'vitest'
import type { EventStore } from '@wallet-ledger/core'
import { expectStoreError, numbered, readEverything, type StoreHarness } from './fixtures.js'

type SnapshotMethods = Required<
  Pick<EventStore, 'readSnapshot' | 'writeSnapshot' | 'deleteSnapshot'>
>

const snapshotsOf = (store: EventStore): SnapshotMethods | undefined => {
  const { readSnapshot, writeSnapshot, deleteSnapshot } = store
  if (readSnapshot === undefined || writeSnapshot === undefined || deleteSnapshot === undefined) {
    return undefined
  }
  return { readSnapshot, writeSnapshot, deleteSnapshot }
}

/** Registers the snapshot cases. */
export const snapshotCases = (harness: StoreHarness): void => {
  describe('snapshots', () => {
    it('offers all three snapshot methods or none', () => {
      const store = harness.store()
      const present = [store.readSnapshot, store.writeSnapshot, store.deleteSnapshot].filter(
        (method) => method !== undefined,
      )
      expect([0, 3]).toContain(present.length)
    })

    it('writes, replaces, reads and deletes a snapshot beside the stream', async (context) => {
      const store = harness.store()
      const snapshots = snapshotsOf(store)
      if (snapshots === undefined) return context.skip('this store has no snapshots')
      await store.append('merchant-1', numbered(5), { expectedRevision: 'no_stream' })
      expect(await snapshots.readSnapshot('merchant-1')).toBeUndefined()
      const state = { balance: '123456789012345678901234567890.12', holds: [{ id: 'h1' }] }
      await snapshots.writeSnapshot('merchant-1', { revision: 2n, schemaVersion: 1, state })
      expect(await snapshots.readSnapshot('merchant-1')).toMatchObject({
        stream: 'merchant-1',
        revision: 2n,
        schemaVersion: 1,
        state,
      })
      await snapshots.writeSnapshot('merchant-1', {
        revision: 4n,
        schemaVersion: 2,
        state: { v: 2 },
      })
      expect(await snapshots.readSnapshot('merchant-1')).toMatchObject({
        revision: 4n,
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
      await snapshots.writeSnapshot('merchant-1', { revision: 2n, schemaVersion: 1, state: {} })
      expect({ head: await store.readHead(), events: await readEverything(store) }).toEqual(before)
    })

    it('rejects a revision the stream does not have and state that is not JSON-safe', async (context) => {
      const store = harness.store()
      const snapshots = snapshotsOf(store)
      if (snapshots === undefined) return context.skip('this store has no snapshots')
      await store.append('merchant-1', numbered(2), { expectedRevision: 'no_stream' })
      const write = (stream: string, revision: bigint, state: unknown) => () =>
        snapshots.writeSnapshot(stream, { revision, schemaVersion: 1, state })
      await expectStoreError(write('merchant-1', 2n, {}), 'invalid_argument')
      await expectStoreError(write('nobody-1', 0n, {}), 'invalid_argument')
      await expectStoreError(write('merchant-1', 1n, { amount: 1n }), 'invalid_argument')
      await expectStoreError(write('bad name', 0n, {}), 'invalid_stream_name')
      expect(await snapshots.readSnapshot('merchant-1')).toBeUndefined()
    })
  })
}
