// Contract cases for `readLastRevision`, on stores that offer it: it always names the revision of
// the stream's last event as `readStream` gives it ('no_stream' before any), after appends, atomic
// commits and rejected writes alike, and rejects bad names and closed stores like a read.
import { describe, expect, it } from 'vitest'
import type { EventStore } from '@wallet-ledger/core'
import { expectStoreError, numbered, page, type StoreHarness } from './fixtures.js'

type ReadLastRevision = NonNullable<EventStore['readLastRevision']>

// The revision of the stream's last event as its first page shows it (streams here are short).
const lastReadRevision = async (store: EventStore, stream: string) =>
  (await page(store.readStream(stream))).at(-1)?.revision ?? 'no_stream'

/** Registers the last-revision cases. */
export const lastRevisionCases = (harness: StoreHarness): void => {
  describe('readLastRevision', () => {
    const methodOf = (store: EventStore): ReadLastRevision | undefined => store.readLastRevision

    it("names 'no_stream' for an unknown stream, then the last revision after appends", async (context) => {
      const store = harness.store()
      const readLastRevision = methodOf(store)
      if (readLastRevision === undefined) return context.skip('this store has no readLastRevision')
      expect(await readLastRevision('order-1')).toBe('no_stream')
      await store.append('order-1', numbered(3), { expectedRevision: 'no_stream' })
      expect(await readLastRevision('order-1')).toBe(2n)
      await store.append('other-1', numbered(2), { expectedRevision: 'no_stream' })
      await store.append('order-1', numbered(1, 3), { expectedRevision: 'any' })
      expect(await readLastRevision('order-1')).toBe(3n)
      expect(await readLastRevision('other-1')).toBe(1n)
      expect(await readLastRevision('order-1')).toBe(await lastReadRevision(store, 'order-1'))
    })

    it('follows atomic commits and is unchanged by a rejected write', async (context) => {
      const store = harness.store()
      const readLastRevision = methodOf(store)
      if (readLastRevision === undefined) return context.skip('this store has no readLastRevision')
      await store.append('a-1', numbered(2), { expectedRevision: 'no_stream' })
      await expectStoreError(
        () => store.append('a-1', numbered(1), { expectedRevision: 0n }),
        'wrong_expected_version',
      )
      expect(await readLastRevision('a-1')).toBe(1n)
      if (store.appendMany === undefined) return
      await store.appendMany([
        { stream: 'a-1', events: numbered(2), expectedRevision: 1n },
        { stream: 'b-1', events: numbered(1), expectedRevision: 'no_stream' },
      ])
      expect(await readLastRevision('a-1')).toBe(3n)
      expect(await readLastRevision('b-1')).toBe(0n)
      await expectStoreError(
        () =>
          store.appendMany!([
            { stream: 'c-1', events: numbered(1), expectedRevision: 'no_stream' },
            { stream: 'b-1', events: numbered(1), expectedRevision: 'no_stream' },
          ]),
        'wrong_expected_version',
      )
      expect(await readLastRevision('c-1')).toBe('no_stream')
      expect(await readLastRevision('c-1')).toBe(await lastReadRevision(store, 'c-1'))
    })

    it('rejects an invalid stream name and a closed store', async (context) => {
      const store = harness.store()
      const readLastRevision = methodOf(store)
      if (readLastRevision === undefined) return context.skip('this store has no readLastRevision')
      await expectStoreError(() => readLastRevision('bad name'), 'invalid_stream_name')
      await store.close()
      await expectStoreError(() => readLastRevision('order-1'), 'store_closed')
    })
  })
}
