// The catch-up subscription every store shares: a cursor that reads pages of the log, delivers each
// event to the handler (awaited before the next), and when a page comes back empty is live and
// sleeps until the store says something changed. Stores differ only in how they read a page and
// how they wake a sleeper (a signal in one process, a poll across processes, LISTEN/NOTIFY...),
// and whether a failed read ends the subscription or is tried again (a server restarting).
import type { EventHandler, StoredEvent, Subscription } from '../ports/eventStore.js'
import { storeError } from '../ports/storeError.js'

// ---------------------------------------------------------------- types

/** How a subscription reads its store and learns of new events. */
export type CatchUpSource = {
  /** Events from `fromPosition` (inclusive) in position order, at most a page; `[]` at the end. */
  readonly readFrom: (
    fromPosition: bigint,
  ) => readonly StoredEvent[] | Promise<readonly StoredEvent[]>
  /**
   * A promise that settles once events after those already readable may exist. It is asked for
   * before the last read of a caught-up subscription, so a commit between the two cannot be missed.
   */
  readonly changed: () => Promise<void>
  /** Settles every pending `changed()` promise (a closing subscription uses it to stop waiting). */
  readonly wake: () => void
  /**
   * Whether a failed read is tried again after the next `changed()` instead of ending the
   * subscription (a store whose server may restart); default: never.
   */
  readonly isRetryable?: (failure: unknown) => boolean
}

// ---------------------------------------------------------------- operations

/**
 * Starts delivering events from `fromPosition` (inclusive) in global order, awaiting the handler
 * before the next delivery. `onFinished` runs once deliveries have stopped for any reason. A read
 * or wait that throws ends the subscription with that failure (unless it was closing, or the
 * source calls the failure retryable).
 */
export const startCatchUpSubscription = (
  source: CatchUpSource,
  fromPosition: bigint,
  handler: EventHandler,
  onFinished: (subscription: Subscription) => void,
): Subscription => {
  let isStopping = false
  let isCaughtUp = false
  let settleCaughtUp: { resolve: () => void; reject: (error: unknown) => void } | undefined
  const caughtUp = new Promise<void>((resolve, reject) => (settleCaughtUp = { resolve, reject }))
  // Whoever awaits `caughtUp` sees its rejection; `done` carries the same failure, so this one
  // copy may go unobserved without an unhandled-rejection report.
  caughtUp.catch(() => undefined)

  // The next events, or waits until some may exist; [] means "look again".
  const nextEvents = async (next: bigint): Promise<readonly StoredEvent[]> => {
    const events = await source.readFrom(next)
    if (events.length > 0) return events
    const changed = source.changed()
    const after = await source.readFrom(next)
    if (after.length > 0) return after
    if (!isCaughtUp) {
      isCaughtUp = true
      settleCaughtUp?.resolve()
    }
    await changed
    return []
  }

  const pump = async (): Promise<{ failure?: unknown }> => {
    // Deliveries never start inside subscribeToAll itself: the caller gets its handle first.
    await Promise.resolve()
    let next = fromPosition
    while (!isStopping) {
      let events: readonly StoredEvent[]
      try {
        events = await nextEvents(next)
      } catch (failure) {
        if (isStopping) return {}
        if (source.isRetryable?.(failure) !== true) return { failure }
        await source.changed()
        continue
      }
      for (const event of events) {
        if (isStopping) break
        try {
          await handler(event)
        } catch (failure) {
          return { failure }
        }
        // The cursor always moves forward, even over a log a tamper hook has put out of order.
        next = event.position >= next ? event.position + 1n : next + 1n
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
      source.wake()
      await finished
    },
  }
  return subscription
}
