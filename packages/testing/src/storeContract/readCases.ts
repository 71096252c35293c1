// Contract cases for reading: stream pages by revision, the global log by position, the default
// page size, and the argument checks of both reads.
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import type { EventStore } from '@wallet-ledger/core'
import { expectStoreError, numbered, numbersOf, page, type StoreHarness } from './fixtures.js'

// Appends `count` numbered events to a stream in commits of at most APPEND_EVENTS_MAX.
const fill = async (store: EventStore, stream: string, count: number): Promise<void> => {
  for (let from = 0; from < count; from += limits.APPEND_EVENTS_MAX) {
    const size = Math.min(limits.APPEND_EVENTS_MAX, count - from)
    const expectedRevision = from === 0 ? 'no_stream' : BigInt(from - 1)
    await store.append(stream, numbered(size, from), { expectedRevision })
  }
}

/** Registers the read cases. */
export const readCases = (harness: StoreHarness): void => {
  describe('readStream', () => {
    it('pages with fromRevision and maxCount', async () => {
      const store = harness.store()
      await fill(store, 'order-1', 10)
      const pages: unknown[][] = []
      for (let from = 0n; from < 12n; from += 3n) {
        pages.push(
          numbersOf(await page(store.readStream('order-1', { fromRevision: from, maxCount: 3 }))),
        )
      }
      expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]])
      expect(await page(store.readStream('order-1', { fromRevision: 10n }))).toEqual([])
    })

    it('returns READ_PAGE_EVENTS_MAX events by default and the rest on the next page', async () => {
      const store = harness.store()
      const total = limits.READ_PAGE_EVENTS_MAX + 5
      await fill(store, 'busy-1', total)
      const first = await page(store.readStream('busy-1'))
      expect(first).toHaveLength(limits.READ_PAGE_EVENTS_MAX)
      const next = BigInt(limits.READ_PAGE_EVENTS_MAX)
      const second = await page(store.readStream('busy-1', { fromRevision: next }))
      expect(second.map((event) => event.revision)).toEqual(
        [0n, 1n, 2n, 3n, 4n].map((n) => next + n),
      )
      expect(await page(store.readAll())).toHaveLength(limits.READ_PAGE_EVENTS_MAX)
    })

    it('rejects maxCount over READ_PAGE_EVENTS_MAX with limit_exceeded', async () => {
      const store = harness.store()
      await fill(store, 'order-1', 1)
      const maxCount = limits.READ_PAGE_EVENTS_MAX + 1
      await expectStoreError(
        () => page(store.readStream('order-1', { maxCount })),
        'limit_exceeded',
      )
      expect(await page(store.readStream('order-1', { maxCount: maxCount - 1 }))).toHaveLength(1)
    })

    it('rejects a non-positive maxCount and a negative fromRevision', async () => {
      const store = harness.store()
      await expectStoreError(
        () => page(store.readStream('order-1', { maxCount: 0 })),
        'invalid_argument',
      )
      await expectStoreError(
        () => page(store.readStream('order-1', { fromRevision: -1n })),
        'invalid_argument',
      )
    })
  })

  describe('readAll', () => {
    it('returns events of every stream in commit order with consecutive positions', async () => {
      const store = harness.store()
      await store.append('a-1', numbered(1, 0), { expectedRevision: 'no_stream' })
      await store.append('b-1', numbered(2, 1), { expectedRevision: 'no_stream' })
      await store.append('a-1', numbered(1, 3), { expectedRevision: 0n })
      await store.append('c-1', numbered(1, 4), { expectedRevision: 'any' })
      const events = await page(store.readAll())
      expect(numbersOf(events)).toEqual([0, 1, 2, 3, 4])
      expect(events.map((event) => event.stream)).toEqual(['a-1', 'b-1', 'b-1', 'a-1', 'c-1'])
      expect(events.map((event) => event.position)).toEqual([0n, 1n, 2n, 3n, 4n])
    })

    it('pages with fromPosition and maxCount', async () => {
      const store = harness.store()
      for (let n = 0; n < 7; n += 1) {
        await store.append(`s-${n % 3}`, numbered(1, n), { expectedRevision: 'any' })
      }
      const pages: unknown[][] = []
      for (let from = 0n; from < 8n; from += 2n) {
        pages.push(numbersOf(await page(store.readAll({ fromPosition: from, maxCount: 2 }))))
      }
      expect(pages).toEqual([[0, 1], [2, 3], [4, 5], [6]])
    })

    it('reads nothing from the head onwards', async () => {
      const store = harness.store()
      await fill(store, 'order-1', 3)
      const head = await store.readHead()
      expect(head.nextPosition).toBe(3n)
      expect(await page(store.readAll({ fromPosition: head.nextPosition }))).toEqual([])
    })

    it('rejects maxCount over READ_PAGE_EVENTS_MAX and a negative fromPosition', async () => {
      const store = harness.store()
      const maxCount = limits.READ_PAGE_EVENTS_MAX + 1
      await expectStoreError(() => page(store.readAll({ maxCount })), 'limit_exceeded')
      await expectStoreError(() => page(store.readAll({ fromPosition: -1n })), 'invalid_argument')
    })
  })
}
