// Contract cases for `readSnapshots`, on stores that offer it: every stream's snapshot, paged in
// stream-name order after `afterStream`, with a bounded page, so an auditor can check them all.
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import type { EventStore, Snapshot } from '@wallet-ledger/core'
import { expectStoreError, numbered, type StoreHarness } from './fixtures.js'
import { hashAt, snapshotsOf } from './snapshotCases.js'

const pageOf = async (
  store: EventStore,
  options?: { afterStream?: string; maxCount?: number },
): Promise<Snapshot[]> => {
  const snapshots: Snapshot[] = []
  for await (const snapshot of store.readSnapshots!(options)) snapshots.push(snapshot)
  return snapshots
}

// Streams whose names sort differently by length, case and punctuation than by insertion.
const STREAMS = ['b-2', 'a-10', 'B-1', 'a-1', 'a.9', 'a:0', 'a-2']

const withSnapshots = async (store: EventStore): Promise<void> => {
  const snapshots = snapshotsOf(store)!
  for (const stream of STREAMS) {
    await store.append(stream, numbered(2), { expectedRevision: 'no_stream' })
    const eventHash = await hashAt(store, stream, 1n)
    await snapshots.writeSnapshot(stream, {
      revision: 1n,
      eventHash,
      schemaVersion: 1,
      state: { stream },
    })
  }
}

/** Registers the `readSnapshots` cases. */
export const snapshotPageCases = (harness: StoreHarness): void => {
  describe('readSnapshots', () => {
    it('pages every snapshot in stream-name order', async (context) => {
      const store = harness.store()
      if (store.readSnapshots === undefined) return context.skip('this store has no readSnapshots')
      expect(await pageOf(store)).toEqual([])
      await withSnapshots(store)
      const sorted = [...STREAMS].sort()
      const all = await pageOf(store)
      expect(all.map((snapshot) => snapshot.stream)).toEqual(sorted)
      expect(all[0]).toMatchObject({
        revision: 1n,
        eventHash: await hashAt(store, sorted[0]!, 1n),
        schemaVersion: 1,
        state: { stream: sorted[0] },
      })
      const walked: string[] = []
      let afterStream: string | undefined
      for (;;) {
        const next = await pageOf(store, { maxCount: 2, ...(afterStream ? { afterStream } : {}) })
        expect(next.length).toBeLessThanOrEqual(2)
        if (next.length === 0) break
        walked.push(...next.map((snapshot) => snapshot.stream))
        afterStream = next.at(-1)!.stream
      }
      expect(walked).toEqual(sorted)
      // `afterStream` need not have a snapshot: the page starts after it in name order.
      expect((await pageOf(store, { afterStream: 'a-15' })).map((s) => s.stream)).toEqual(
        sorted.filter((stream) => stream > 'a-15'),
      )
    })

    it('leaves out deleted snapshots and shows replaced ones once', async (context) => {
      const store = harness.store()
      if (store.readSnapshots === undefined) return context.skip('this store has no readSnapshots')
      await withSnapshots(store)
      const snapshots = snapshotsOf(store)!
      await snapshots.deleteSnapshot('a-1')
      await store.append('b-2', numbered(1, 2), { expectedRevision: 1n })
      const eventHash = await hashAt(store, 'b-2', 2n)
      await snapshots.writeSnapshot('b-2', { revision: 2n, eventHash, schemaVersion: 1, state: {} })
      const all = await pageOf(store)
      expect(all.map((snapshot) => snapshot.stream)).toEqual(
        [...STREAMS].filter((stream) => stream !== 'a-1').sort(),
      )
      expect(all.find((snapshot) => snapshot.stream === 'b-2')).toMatchObject({
        revision: 2n,
        eventHash,
      })
    })

    it('bounds the page and checks its options', async (context) => {
      const store = harness.store()
      if (store.readSnapshots === undefined) return context.skip('this store has no readSnapshots')
      const max = limits.READ_PAGE_SNAPSHOTS_MAX
      await expectStoreError(() => pageOf(store, { maxCount: max + 1 }), 'limit_exceeded')
      await expectStoreError(() => pageOf(store, { maxCount: 0 }), 'invalid_argument')
      await expectStoreError(() => pageOf(store, { maxCount: 1.5 }), 'invalid_argument')
      await expectStoreError(
        () => pageOf(store, { afterStream: 'bad name' }),
        'invalid_stream_name',
      )
      expect(await pageOf(store, { maxCount: max })).toEqual([])
    })
  })
}
