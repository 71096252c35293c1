// Wakes the store's subscriptions when a commit lands: one dedicated connection LISTENs on the
// schema's channel (commits NOTIFY in their transaction, from any process), and this process's
// own commits wake them directly. Waiters also wake after a bounded poll interval, so a lost
// connection or a missed notification delays a delivery but never loses it.
import pg from 'pg'

// ---------------------------------------------------------------- types

/** A change counter subscriptions wait on. */
export type ChangeListener = {
  /** A number that grows with every change heard; compare before and after a read. */
  readonly version: () => number
  /**
   * Resolves when the version passes `seen`, or after `pollMs`, or on `notify(true)` at close.
   * Connects (again) to LISTEN first when not connected; a failed connection only means polling.
   */
  readonly wait: (seen: number) => Promise<void>
  /** Marks a change (this process committed) and wakes every waiter. */
  readonly notify: () => void
  /** Disconnects and wakes every waiter for good. */
  readonly close: () => Promise<void>
}

/** How the listener connects. */
export type ChangeListenerOptions = {
  readonly clientConfig: pg.ClientConfig
  readonly channel: string
  readonly pollMs: number
}

// ---------------------------------------------------------------- constructors

/** Creates the listener; it connects on the first `wait`. */
export const createChangeListener = (options: ChangeListenerOptions): ChangeListener => {
  let version = 0
  let isClosed = false
  const waiters = new Set<() => void>()
  let client: pg.Client | undefined
  let connecting: Promise<void> | undefined

  const notify = (): void => {
    version += 1
    const woken = [...waiters]
    waiters.clear()
    for (const wake of woken) wake()
  }

  const connect = async (): Promise<void> => {
    const fresh = new pg.Client(options.clientConfig)
    // A dropped connection is forgotten; the next wait reconnects, polling covers the gap.
    const forget = (): void => {
      if (client === fresh) client = undefined
      void fresh.end().catch(() => undefined)
    }
    fresh.on('error', forget)
    fresh.on('end', forget)
    fresh.on('notification', notify)
    try {
      await fresh.connect()
      await fresh.query(`LISTEN ${options.channel}`)
    } catch {
      forget()
      return
    }
    if (isClosed) await fresh.end().catch(() => undefined)
    else client = fresh
    // Whatever committed while we were not listening is caught by the read after this wait.
    notify()
  }

  const ensureConnected = async (): Promise<void> => {
    if (client !== undefined || isClosed) return
    connecting ??= connect().finally(() => (connecting = undefined))
    await connecting
  }

  return {
    version: () => version,
    wait: async (seen) => {
      await ensureConnected()
      if (version !== seen || isClosed) return
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer)
          waiters.delete(wake)
          resolve()
        }
        // The poll bound; unref'd so a forgotten subscription never keeps the process alive.
        const timer = setTimeout(wake, options.pollMs).unref()
        waiters.add(wake)
      })
    },
    notify,
    close: async () => {
      isClosed = true
      const open = client
      client = undefined
      notify()
      await connecting
      await open?.end().catch(() => undefined)
    },
  }
}
