// A catch-up subscription over the ledger's log in EventStoreDB. It catches up by paging the log
// (the same scan readAll uses) from the caller's checkpoint, its `fromPosition`; then it follows
// EventStoreDB's own `$all` subscription from the last `$all` position the catch-up looked at, so
// no event between the two phases is missed, and keeps only ledger events at or past the next
// position it owes the handler (an event seen twice at the seam is delivered once).
import { START, type EventStoreDBClient } from '@eventstore/db-client'
import {
  storeError,
  type EventHandler,
  type StoredEvent,
  type Subscription,
} from '@wallet-ledger/core/adapter'
import { toStoreError } from './esdbErrors.js'
import type { EsdbLog } from './esdbLog.js'
import { storedEventOfResolved, type StreamNames } from './esdbRecords.js'

// ---------------------------------------------------------------- types

/** What a subscription needs from its store. */
export type SubscriptionSource = {
  readonly client: EventStoreDBClient
  readonly log: EsdbLog
  readonly names: StreamNames
  /** Events per catch-up page. */
  readonly pageEvents: number
}

// ---------------------------------------------------------------- constructors

/** Starts delivering ledger events from `fromPosition` to `handler`; `onEnd` runs once at the end. */
export const startEsdbSubscription = (
  source: SubscriptionSource,
  fromPosition: bigint,
  handler: EventHandler,
  onEnd: (subscription: Subscription) => void,
): Subscription => {
  const caughtUp = deferred()
  let isClosed = false
  let stopLive: (() => Promise<void>) | undefined
  let next = fromPosition

  const deliver = async (event: StoredEvent): Promise<boolean> => {
    if (isClosed || event.position < next) return !isClosed
    await handler(event)
    next = event.position + 1n
    return !isClosed
  }

  const follow = async (): Promise<void> => {
    let lastSeen
    for (;;) {
      const page = await source.log.scan(next, source.pageEvents)
      lastSeen = page.lastSeen ?? lastSeen
      for (const event of page.events) if (!(await deliver(event))) return
      if (page.events.length < source.pageEvents) break
    }
    caughtUp.resolve()
    const live = source.client.subscribeToAll({ fromPosition: lastSeen ?? START })
    stopLive = () => live.unsubscribe()
    if (isClosed) return stopLive()
    try {
      for await (const resolved of live) {
        const event = storedEventOfResolved(resolved, source.names)
        if (event !== undefined && !(await deliver(event))) break
        if (isClosed) break
      }
    } catch (error) {
      if (!isClosed) throw toStoreError(error, {})
    } finally {
      await live.unsubscribe()
    }
  }

  // caughtUp settles first, with the reason deliveries stopped if they stopped before it.
  const done = follow().then(
    () => {
      caughtUp.reject(storeError('store_closed', 'the subscription closed before catching up'))
      onEnd(subscription)
    },
    (error: unknown) => {
      caughtUp.reject(error)
      onEnd(subscription)
      throw error
    },
  )
  caughtUp.promise.catch(() => undefined)

  const subscription: Subscription = {
    caughtUp: caughtUp.promise,
    done,
    close: async () => {
      isClosed = true
      await stopLive?.()
      await done.catch(() => undefined)
    },
  }
  return subscription
}

// ---------------------------------------------------------------- helpers

type Deferred = {
  readonly promise: Promise<void>
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

// Settles once; later calls are ignored.
const deferred = (): Deferred => {
  let resolve: () => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  return { promise, resolve, reject }
}
