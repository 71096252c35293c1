// Catch-up subscriptions over the events table: each keeps a cursor, reads a page from it, hands
// the events to the handler one at a time, and when a page comes back empty waits for the change
// listener (a NOTIFY from any process, or this process's own commit) or the poll bound. Positions
// are gap-free in commit order (see postgresCommit.ts), so the cursor never passes an event.
import {
  storeError,
  type EventHandler,
  type StoredEvent,
  type Subscription,
} from '@wallet-ledger/core/adapter'
import type { ChangeListener } from './postgresListener.js'

// ---------------------------------------------------------------- types

/** What a subscription needs from its store. */
export type SubscriptionSource = {
  readonly listener: ChangeListener
  /** One page of the global log from `fromPosition`, in position order. */
  readonly readPage: (fromPosition: bigint) => Promise<readonly StoredEvent[]>
  /** Whether the store is still open (a read failure on an open store is retried). */
  readonly isOpen: () => boolean
}

// ---------------------------------------------------------------- operations

/**
 * Starts delivering events from `fromPosition` (inclusive), awaiting the handler before the next
 * delivery. A failed read is retried after the next wake-up while the store is open (the
 * subscription outlives a restarting server); a failed handler stops it and rejects `done`.
 * `onFinished` runs once deliveries have stopped for any reason.
 */
export const startPostgresSubscription = (
  source: SubscriptionSource,
  fromPosition: bigint,
  handler: EventHandler,
  onFinished: (subscription: Subscription) => void,
): Subscription => {
  let isStopping = false
  let isCaughtUp = false
  let settleCaughtUp: { resolve: () => void; reject: (error: unknown) => void } | undefined
  const caughtUp = new Promise<void>((resolve, reject) => (settleCaughtUp = { resolve, reject }))
  // Whoever awaits `caughtUp` sees its rejection; `done` carries the same failure.
  caughtUp.catch(() => undefined)
  const isRunning = (): boolean => !isStopping && source.isOpen()

  const pump = async (): Promise<{ failure?: unknown }> => {
    // Deliveries never start inside subscribeToAll itself: the caller gets its handle first.
    await Promise.resolve()
    let next = fromPosition
    while (isRunning()) {
      const seen = source.listener.version()
      let events: readonly StoredEvent[]
      try {
        events = await source.readPage(next)
      } catch {
        await source.listener.wait(seen)
        continue
      }
      if (events.length === 0) {
        if (!isCaughtUp) {
          isCaughtUp = true
          settleCaughtUp?.resolve()
        }
        await source.listener.wait(seen)
        continue
      }
      for (const event of events) {
        if (!isRunning()) break
        try {
          await handler(event)
        } catch (failure) {
          return { failure }
        }
        next = event.position + 1n
      }
    }
    return {}
  }

  const finished = pump().then((outcome) => {
    if (!isCaughtUp) {
      const reason =
        'failure' in outcome
          ? outcome.failure
          : storeError('store_closed', 'the subscription closed before it caught up')
      settleCaughtUp?.reject(reason)
    }
    onFinished(subscription)
    return outcome
  })
  const done = finished.then((outcome) => {
    if ('failure' in outcome) throw outcome.failure
  })
  const subscription: Subscription = {
    caughtUp,
    done,
    close: async () => {
      isStopping = true
      source.listener.notify()
      await finished
    },
  }
  return subscription
}
