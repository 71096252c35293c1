// Contract cases for writing: order, expected revisions, concurrent writers and appendMany's
// all-or-nothing commit. Every rejection is checked by code and followed by proof nothing was written.
import { describe, expect, it } from 'vitest'
import type { EventStore, StreamWrite } from '@wallet-ledger/core'
import {
  expectStoreError,
  newEvent,
  numbered,
  numbersOf,
  page,
  readEverything,
  type StoreHarness,
} from './fixtures.js'

const appendManyOf = (store: EventStore) => store.appendMany

/** Registers the append cases. */
export const appendCases = (harness: StoreHarness): void => {
  describe('append', () => {
    it('reads back appended events in order with revisions from 0n', async () => {
      const store = harness.store()
      await store.append('order-1', numbered(3), { expectedRevision: 'no_stream' })
      await store.append('order-1', numbered(2, 3), { expectedRevision: 2n })
      const events = await page(store.readStream('order-1'))
      expect(numbersOf(events)).toEqual([0, 1, 2, 3, 4])
      expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n])
      expect(events.every((event) => event.stream === 'order-1' && event.type === 'Numbered')).toBe(
        true,
      )
      expect(events.every((event) => event.schemaVersion === 1)).toBe(true)
    })

    it('returns the last revision and position written', async () => {
      const store = harness.store()
      const first = await store.append('order-1', numbered(2), { expectedRevision: 'no_stream' })
      const second = await store.append('order-2', numbered(3), { expectedRevision: 'no_stream' })
      expect(first).toMatchObject({ stream: 'order-1', nextExpectedRevision: 1n, position: 1n })
      expect(second).toMatchObject({ stream: 'order-2', nextExpectedRevision: 2n, position: 4n })
      expect(second.commitHash).toBe((await store.readHead()).commitHash)
    })

    it('keeps revisions per stream', async () => {
      const store = harness.store()
      await store.append('a-1', numbered(2), { expectedRevision: 'no_stream' })
      await store.append('b-1', numbered(1), { expectedRevision: 'no_stream' })
      await store.append('a-1', numbered(1), { expectedRevision: 1n })
      expect((await page(store.readStream('a-1'))).map((event) => event.revision)).toEqual([
        0n,
        1n,
        2n,
      ])
      expect((await page(store.readStream('b-1'))).map((event) => event.revision)).toEqual([0n])
    })

    it('reads an unknown stream as empty', async () => {
      expect(await page(harness.store().readStream('nobody-1'))).toEqual([])
    })

    it("accepts 'no_stream' on a new stream and rejects it on an existing one", async () => {
      const store = harness.store()
      await store.append('order-1', numbered(1), { expectedRevision: 'no_stream' })
      const error = await expectStoreError(
        () => store.append('order-1', numbered(1, 1), { expectedRevision: 'no_stream' }),
        'wrong_expected_version',
      )
      expect(error.details).toMatchObject({ stream: 'order-1', expected: 'no_stream', actual: '0' })
      // Details are JSON-safe: a caller logs them as they are.
      expect(JSON.parse(JSON.stringify(error.details))).toEqual(error.details)
      expect(numbersOf(await page(store.readStream('order-1')))).toEqual([0])
    })

    it("accepts 'any' on new and existing streams", async () => {
      const store = harness.store()
      await store.append('order-1', numbered(1), { expectedRevision: 'any' })
      await store.append('order-1', numbered(1, 1), { expectedRevision: 'any' })
      expect(numbersOf(await page(store.readStream('order-1')))).toEqual([0, 1])
    })

    it('accepts the exact last revision and rejects any other, writing nothing', async () => {
      const store = harness.store()
      await store.append('order-1', numbered(2), { expectedRevision: 'no_stream' })
      const headBefore = await store.readHead()
      for (const wrong of [0n, 2n, 7n]) {
        const error = await expectStoreError(
          () => store.append('order-1', numbered(1, 9), { expectedRevision: wrong }),
          'wrong_expected_version',
        )
        expect(error.details).toMatchObject({
          stream: 'order-1',
          expected: String(wrong),
          actual: '1',
        })
      }
      expect(await store.readHead()).toEqual(headBefore)
      await store.append('order-1', numbered(1, 2), { expectedRevision: 1n })
      expect(numbersOf(await page(store.readStream('order-1')))).toEqual([0, 1, 2])
    })

    it('rejects an exact revision on a stream that does not exist', async () => {
      const store = harness.store()
      const error = await expectStoreError(
        () => store.append('order-1', numbered(1), { expectedRevision: 0n }),
        'wrong_expected_version',
      )
      expect(error.details).toMatchObject({ stream: 'order-1', expected: '0', actual: 'no_stream' })
      expect(await page(store.readStream('order-1'))).toEqual([])
    })

    it('lets exactly one of several concurrent appends at the same revision win', async () => {
      const store = harness.store()
      await store.append('order-1', numbered(1), { expectedRevision: 'no_stream' })
      const outcomes = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((n) =>
          store.append('order-1', numbered(1, n), { expectedRevision: 0n }),
        ),
      )
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled')
      expect(winners).toHaveLength(1)
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          await expectStoreError(() => Promise.reject(outcome.reason), 'wrong_expected_version')
        }
      }
      expect(await page(store.readStream('order-1'))).toHaveLength(2)
    })

    it("lets exactly one of two concurrent 'no_stream' appends create a stream", async () => {
      const store = harness.store()
      const outcomes = await Promise.allSettled([
        store.append('order-1', numbered(1, 1), { expectedRevision: 'no_stream' }),
        store.append('order-1', numbered(1, 2), { expectedRevision: 'no_stream' }),
      ])
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
      expect(await page(store.readStream('order-1'))).toHaveLength(1)
    })

    it('keeps its own copy of the data it was given', async () => {
      const store = harness.store()
      const data = { amount: '1.00', tags: ['a'] }
      await store.append('order-1', [newEvent('Tagged', data)], { expectedRevision: 'no_stream' })
      data.amount = '2.00'
      data.tags.push('b')
      const [stored] = await page(store.readStream('order-1'))
      expect(stored?.data).toEqual({ amount: '1.00', tags: ['a'] })
    })
  })

  describe('appendMany', () => {
    it('is either absent or a function (a store without atomic commits leaves it out)', () => {
      const appendMany: unknown = appendManyOf(harness.store())
      expect(appendMany === undefined || typeof appendMany === 'function').toBe(true)
    })

    it('writes several streams as one commit, results in write order', async (context) => {
      const store = harness.store()
      const appendMany = appendManyOf(store)
      if (appendMany === undefined) return context.skip('this store has no appendMany')
      await store.append('b-1', numbered(1), { expectedRevision: 'no_stream' })
      const results = await appendMany([
        { stream: 'a-1', events: numbered(2), expectedRevision: 'no_stream' },
        { stream: 'b-1', events: numbered(1, 1), expectedRevision: 0n },
      ])
      expect(
        results.map((result) => [result.stream, result.nextExpectedRevision, result.position]),
      ).toEqual([
        ['a-1', 1n, 2n],
        ['b-1', 1n, 3n],
      ])
      const events = await readEverything(store)
      expect(events.map((event) => event.position)).toEqual([0n, 1n, 2n, 3n])
      expect(new Set(events.slice(1).map((event) => event.commitHash)).size).toBe(1)
      expect(results.every((result) => result.commitHash === events[3]?.commitHash)).toBe(true)
    })

    it('is atomic: one wrong expected revision writes nothing at all', async (context) => {
      const store = harness.store()
      const appendMany = appendManyOf(store)
      if (appendMany === undefined) return context.skip('this store has no appendMany')
      await store.append('b-1', numbered(2), { expectedRevision: 'no_stream' })
      const headBefore = await store.readHead()
      const writes: StreamWrite[] = [
        { stream: 'a-1', events: numbered(2), expectedRevision: 'no_stream' },
        { stream: 'b-1', events: numbered(1, 2), expectedRevision: 0n },
        { stream: 'c-1', events: numbered(1), expectedRevision: 'any' },
      ]
      const error = await expectStoreError(() => appendMany(writes), 'wrong_expected_version')
      expect(error.details).toMatchObject({ stream: 'b-1', expected: '0', actual: '1' })
      expect(await store.readHead()).toEqual(headBefore)
      expect(await page(store.readStream('a-1'))).toEqual([])
      expect(await page(store.readStream('c-1'))).toEqual([])
      expect(await page(store.readStream('b-1'))).toHaveLength(2)
    })

    it('lets exactly one of two concurrent commits on a shared stream win', async (context) => {
      const store = harness.store()
      const appendMany = appendManyOf(store)
      if (appendMany === undefined) return context.skip('this store has no appendMany')
      await store.append('shared-1', numbered(1), { expectedRevision: 'no_stream' })
      const commitOn = (own: string) =>
        appendMany([
          { stream: own, events: numbered(1), expectedRevision: 'no_stream' },
          { stream: 'shared-1', events: numbered(1, 1), expectedRevision: 0n },
        ])
      const outcomes = await Promise.allSettled([commitOn('x-1'), commitOn('y-1')])
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
      const written =
        (await page(store.readStream('x-1'))).length + (await page(store.readStream('y-1'))).length
      expect(written).toBe(1)
      expect(await page(store.readStream('shared-1'))).toHaveLength(2)
    })

    it('rejects a stream named twice in one commit, writing nothing', async (context) => {
      const store = harness.store()
      const appendMany = appendManyOf(store)
      if (appendMany === undefined) return context.skip('this store has no appendMany')
      await expectStoreError(
        () =>
          appendMany([
            { stream: 'a-1', events: numbered(1), expectedRevision: 'any' },
            { stream: 'a-1', events: numbered(1), expectedRevision: 'any' },
          ]),
        'invalid_argument',
      )
      expect(await readEverything(store)).toEqual([])
    })
  })
}
