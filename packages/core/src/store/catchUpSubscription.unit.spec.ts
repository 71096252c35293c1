// Proves the shared catch-up loop reads asynchronous pages (as a server-backed store does), tries a
// failed read again after the next change when the source calls it retryable (a server that
// restarts), and otherwise ends the subscription with the read's failure.
import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '../ports/eventStore.js'
import { startCatchUpSubscription, type CatchUpSource } from './catchUpSubscription.js'
import { createSignal } from './memoryLog.js'

const eventAt = (position: bigint): StoredEvent => ({
  eventId: `event-${position}`,
  stream: 'note-1',
  revision: position,
  position,
  recordedAt: '2025-01-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: null,
  actor: null,
  type: 'Noted',
  schemaVersion: 1,
  data: {},
  hash: '0'.repeat(64),
  commitHash: '0'.repeat(64),
})

/** A log of `count` events read asynchronously, whose reads fail while `failures` lasts. */
const flakySource = (count: number, failures: number, isRetryable?: () => boolean) => {
  const changed = createSignal()
  let failuresLeft = failures
  let reads = 0
  // A failure counts as a change (a reconnecting listener announces one), like a version counter.
  let isChangePending = false
  const source: CatchUpSource = {
    readFrom: async (from) => {
      reads += 1
      if (failuresLeft > 0) {
        failuresLeft -= 1
        isChangePending = true
        throw new Error('the server went away')
      }
      return from < BigInt(count) ? [eventAt(from)] : []
    },
    changed: () => {
      if (!isChangePending) return changed.wait()
      isChangePending = false
      return Promise.resolve()
    },
    wake: () => changed.notify(),
    ...(isRetryable === undefined ? {} : { isRetryable }),
  }
  return { source, reads: () => reads }
}

describe('startCatchUpSubscription', () => {
  it('delivers asynchronous pages in order, then is caught up', async () => {
    const { source } = flakySource(3, 0)
    const seen: bigint[] = []
    const subscription = startCatchUpSubscription(
      source,
      1n,
      (event) => void seen.push(event.position),
      () => undefined,
    )
    await subscription.caughtUp
    expect(seen).toEqual([1n, 2n])
    await subscription.close()
    await expect(subscription.done).resolves.toBeUndefined()
  })

  it('tries a retryable failed read again after the next change, losing nothing', async () => {
    const { source, reads } = flakySource(2, 2, () => true)
    const seen: bigint[] = []
    const subscription = startCatchUpSubscription(
      source,
      0n,
      (event) => void seen.push(event.position),
      () => undefined,
    )
    await subscription.caughtUp
    expect(seen).toEqual([0n, 1n])
    expect(reads()).toBeGreaterThanOrEqual(5)
    await subscription.close()
  })

  it('ends with the failure of a read that is not retryable', async () => {
    for (const isRetryable of [undefined, () => false]) {
      const { source } = flakySource(2, 1, isRetryable)
      let finished = 0
      const subscription = startCatchUpSubscription(
        source,
        0n,
        () => undefined,
        () => (finished += 1),
      )
      await expect(subscription.caughtUp).rejects.toThrow('the server went away')
      await expect(subscription.done).rejects.toThrow('the server went away')
      expect(finished).toBe(1)
    }
  })
})
