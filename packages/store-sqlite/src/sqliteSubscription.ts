// Catch-up subscriptions over the SQLite log. A caught-up subscription sleeps until this process
// commits (the store's signal: no polling for our own writes) or, for commits by other processes
// on the same file, until a bounded poll (one cheap `PRAGMA data_version` per interval) sees the
// file change. A slow handler never blocks an append: it only holds its cursor.
import { startCatchUpSubscription } from '@wallet-ledger/core/adapter'
import type { EventHandler, Signal, StoredEvent, Subscription } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- types

/** What a subscription needs from its store. */
export type SqliteSubscriptionSource = {
  /** One page of the log from a position (throws a store error when the store is closed). */
  readonly readPage: (fromPosition: bigint) => readonly StoredEvent[]
  /** Changes whenever another connection commits to the file. */
  readonly dataVersion: () => unknown
  /** Notified after every commit of this process and when the store closes. */
  readonly changed: Signal
  /** How often a caught-up subscription looks for other processes' commits. */
  readonly pollIntervalMs: number
}

// ---------------------------------------------------------------- operations

/**
 * Starts delivering events from `fromPosition` (inclusive) in global order, awaiting the handler
 * before the next delivery. `onFinished` runs once deliveries have stopped for any reason.
 */
export const startSqliteSubscription = (
  source: SqliteSubscriptionSource,
  fromPosition: bigint,
  handler: EventHandler,
  onFinished: (subscription: Subscription) => void,
): Subscription => {
  let isWaking = false
  // Resolves on this process's next commit, or once a poll sees another connection's commit.
  const changed = async (): Promise<void> => {
    const seenVersion = source.dataVersion()
    const woken = source.changed.wait().then(() => true)
    for (;;) {
      let timer: NodeJS.Timeout | undefined
      const polled = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), source.pollIntervalMs)
      })
      const isWoken = await Promise.race([woken, polled])
      clearTimeout(timer)
      if (isWoken || isWaking || source.dataVersion() !== seenVersion) return
    }
  }
  return startCatchUpSubscription(
    {
      readFrom: source.readPage,
      changed,
      wake: () => {
        isWaking = true
        source.changed.notify()
      },
    },
    fromPosition,
    handler,
    onFinished,
  )
}
