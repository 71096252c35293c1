// Catch-up subscriptions over the in-memory log. Each subscription keeps only a cursor and reads
// the shared array, so a slow handler costs no memory and never blocks an append: appends only
// notify the log's signal.
import type { EventHandler, Subscription } from '../ports/eventStore.js'
import { startCatchUpSubscription } from './catchUpSubscription.js'
import { eventOf, indexFrom, type MemoryLog } from './memoryLog.js'

// ---------------------------------------------------------------- operations

// One event per read: a subscription always sees the log as it is now.
const EVENTS_PER_READ = 1

/**
 * Starts delivering events from `fromPosition` (inclusive) in global order, awaiting the handler
 * before the next delivery. `onFinished` runs once deliveries have stopped for any reason.
 */
export const startMemorySubscription = (
  log: MemoryLog,
  fromPosition: bigint,
  handler: EventHandler,
  onFinished: (subscription: Subscription) => void,
): Subscription =>
  startCatchUpSubscription(
    {
      readFrom: (next) => {
        const start = indexFrom(log.events, next, 'position')
        return log.events.slice(start, start + EVENTS_PER_READ).map(eventOf)
      },
      changed: () => log.changed.wait(),
      wake: () => log.changed.notify(),
    },
    fromPosition,
    handler,
    onFinished,
  )
