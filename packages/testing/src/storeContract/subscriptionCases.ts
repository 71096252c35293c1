// Contract cases for catch-up subscriptions: history then live events, each once and in global
// order; awaited handlers; a slow handler never blocks appends; close and failures stop delivery.
// No test sleeps: each waits for a count of deliveries or for a promise the store settles.
import { describe, expect, it } from 'vitest'
import { numbered, numbersOf, recorder, type StoreHarness } from './fixtures.js'

/** Registers the subscription cases. */
export const subscriptionCases = (harness: StoreHarness): void => {
  describe('subscribeToAll', () => {
    it('delivers history, then live events, each once and in order', async () => {
      const store = harness.store()
      await store.append('a-1', numbered(2, 0), { expectedRevision: 'no_stream' })
      await store.append('b-1', numbered(1, 2), { expectedRevision: 'no_stream' })
      const live = recorder()
      const subscription = store.subscribeToAll({}, live.handler)
      await subscription.caughtUp
      expect(numbersOf(live.seen)).toEqual([0, 1, 2])
      await store.append('a-1', numbered(1, 3), { expectedRevision: 1n })
      await store.append('c-1', numbered(2, 4), { expectedRevision: 'any' })
      await live.until(6)
      await subscription.close()
      expect(numbersOf(live.seen)).toEqual([0, 1, 2, 3, 4, 5])
      expect(live.seen.map((event) => event.position)).toEqual([0n, 1n, 2n, 3n, 4n, 5n])
      await expect(subscription.done).resolves.toBeUndefined()
    })

    it('starts at fromPosition, inclusive', async () => {
      const store = harness.store()
      await store.append('a-1', numbered(5), { expectedRevision: 'no_stream' })
      const live = recorder()
      const subscription = store.subscribeToAll({ fromPosition: 3n }, live.handler)
      await subscription.caughtUp
      await store.append('a-1', numbered(1, 5), { expectedRevision: 4n })
      await live.until(3)
      await subscription.close()
      expect(numbersOf(live.seen)).toEqual([3, 4, 5])
    })

    it('from the head, delivers only new events', async () => {
      const store = harness.store()
      await store.append('a-1', numbered(3), { expectedRevision: 'no_stream' })
      const live = recorder()
      const head = await store.readHead()
      const subscription = store.subscribeToAll({ fromPosition: head.nextPosition }, live.handler)
      await subscription.caughtUp
      expect(live.seen).toEqual([])
      await store.append('a-1', numbered(1, 3), { expectedRevision: 2n })
      await live.until(1)
      await subscription.close()
      expect(numbersOf(live.seen)).toEqual([3])
    })

    it('awaits an async handler before the next delivery', async () => {
      const store = harness.store()
      let inFlight = 0
      let maxInFlight = 0
      const live = recorder(async () => {
        inFlight += 1
        maxInFlight = Math.max(maxInFlight, inFlight)
        await Promise.resolve()
        await Promise.resolve()
        inFlight -= 1
      })
      const subscription = store.subscribeToAll({}, live.handler)
      await store.append('a-1', numbered(4), { expectedRevision: 'no_stream' })
      await store.append('a-1', numbered(4, 4), { expectedRevision: 3n })
      await live.until(8)
      await subscription.close()
      expect(maxInFlight).toBe(1)
      expect(numbersOf(live.seen)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    })

    it('never lets a slow handler block appends', async () => {
      const store = harness.store()
      let release: () => void = () => undefined
      const gate = new Promise<void>((resolve) => (release = resolve))
      const slow = recorder(() => gate)
      const subscription = store.subscribeToAll({}, slow.handler)
      for (let n = 0; n < 5; n += 1) {
        await store.append('a-1', numbered(1, n), {
          expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1),
        })
      }
      expect(slow.seen).toEqual([])
      release()
      await slow.until(5)
      await subscription.close()
      expect(numbersOf(slow.seen)).toEqual([0, 1, 2, 3, 4])
    })

    it('delivers nothing after close() resolves; closing twice is harmless', async () => {
      const store = harness.store()
      const first = recorder()
      const subscription = store.subscribeToAll({}, first.handler)
      await store.append('a-1', numbered(1), { expectedRevision: 'no_stream' })
      await first.until(1)
      await subscription.close()
      await subscription.close()
      await store.append('a-1', numbered(1, 1), { expectedRevision: 0n })
      // A second subscription catching up proves the new event is visible to subscribers.
      const second = recorder()
      const witness = store.subscribeToAll({}, second.handler)
      await witness.caughtUp
      await witness.close()
      expect(numbersOf(second.seen)).toEqual([0, 1])
      expect(numbersOf(first.seen)).toEqual([0])
      await expect(subscription.done).resolves.toBeUndefined()
    })

    it('stops at a failing handler and rejects done with its error', async () => {
      const store = harness.store()
      const failure = new Error('projection broke')
      const live = recorder((event) => {
        if ((event.data as { n?: number }).n === 1) throw failure
      })
      await store.append('a-1', numbered(3), { expectedRevision: 'no_stream' })
      const subscription = store.subscribeToAll({}, live.handler)
      await expect(subscription.done).rejects.toBe(failure)
      await expect(subscription.caughtUp).rejects.toBe(failure)
      expect(numbersOf(live.seen)).toEqual([0])
    })

    it('ends subscriptions when the store closes: done resolves', async () => {
      const store = harness.store()
      const live = recorder()
      const subscription = store.subscribeToAll({}, live.handler)
      await subscription.caughtUp
      await store.close()
      await expect(subscription.done).resolves.toBeUndefined()
    })
  })
}
