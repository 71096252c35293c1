// Catch-up subscriptions over the events table, on the catch-up loop every store shares
// (`startCatchUpSubscription` from core/adapter): a cursor reads pages of the log, and a caught-up
// subscription waits for the change listener (a NOTIFY from any process, this process's own
// commit, or the poll bound). Positions are gap-free in commit order (see postgresCommit.ts), so
// the cursor never passes an event. A failed read is tried again after the next wake-up while
// the store is open, so a subscription outlives a restarting server.
import {
  startCatchUpSubscription,
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
 * delivery; a failed handler stops it and rejects `done`. `onFinished` runs once deliveries have
 * stopped for any reason.
 */
export const startPostgresSubscription = (
  source: SubscriptionSource,
  fromPosition: bigint,
  handler: EventHandler,
  onFinished: (subscription: Subscription) => void,
): Subscription =>
  startCatchUpSubscription(
    {
      readFrom: source.readPage,
      // The version is taken before the caller's last read, so a commit after it wakes the wait.
      changed: () => source.listener.wait(source.listener.version()),
      wake: () => source.listener.notify(),
      isRetryable: () => source.isOpen(),
    },
    fromPosition,
    handler,
    onFinished,
  )
