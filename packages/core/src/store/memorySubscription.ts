// Catch-up subscriptions over the in-memory log. Each subscription keeps only a cursor and reads
// the shared array, so a slow handler costs no memory and never blocks an append: appends only
// notify the log's signal.
import type { EventHandler, Subscription } from '../ports/eventStore.js'
import { storeError } from '../ports/storeError.js'
import { eventOf, indexFrom, type MemoryLog } from './memoryLog.js'

// ---------------------------------------------------------------- operations

/**
 * Starts delivering events from `fromPosition` (inclusive) in global order, awaiting the handler
 * before the next delivery. `onFinished` runs once deliveries have stopped for any reason.
 */
export const startMemorySubscription = (
  log: MemoryLog,
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

  const pump = async (): Promise<{ failure?: unknown }> => {
    // Deliveries never start inside subscribeToAll itself: the caller gets its handle first.
    await Promise.resolve()
    let next = fromPosition
    while (!isStopping) {
      const record = log.events[indexFrom(log.events, next, 'position')]
      if (record === undefined) {
        if (!isCaughtUp) {
          isCaughtUp = true
          settleCaughtUp?.resolve()
        }
        // Checking the end and starting to wait happen in one turn: no append slips between.
        await log.changed.wait()
        continue
      }
      const event = eventOf(record)
      try {
        await handler(event)
      } catch (failure) {
        return { failure }
      }
      // The cursor always moves forward, even over a log a tamper hook has put out of order.
      next = event.position >= next ? event.position + 1n : next + 1n
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
      log.changed.notify()
      await finished
    },
  }
  return subscription
}
