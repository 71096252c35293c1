// An EventStore that crashes: it passes calls through to an inner store until a chosen commit, which
// rejects with `store_unavailable` (before or after the inner store wrote it), and from then on
// every call rejects, as if the process had died. Crash properties run a ledger over it, then a new
// ledger over the inner store (the "restarted process") to check that recover() repairs the damage.
import { storeError } from '@wallet-ledger/core/adapter'
import type { EventStore } from '@wallet-ledger/core'
import { assert } from '@wallet-ledger/domain'

// ---------------------------------------------------------------- types

/**
 * Where the failing commit stops: `'before'` writes nothing (the request never reached the store);
 * `'after'` lets the inner store commit, then rejects anyway (the answer was lost on the way back,
 * so the caller cannot know the outcome).
 */
export type FaultMode = 'before' | 'after'

/** When and how the store fails. */
export type FaultyEventStoreOptions = {
  /** Commits (calls of `append` or `appendMany`) that succeed before the failing one; 0 or more. */
  readonly failAfterCommits: number
  readonly mode: FaultMode
}

/** The wrapped store, plus what a test needs to know about the crash. */
export type FaultyEventStore = EventStore & {
  /** Whether the failing commit has happened (every call rejects from then on). */
  readonly hasCrashed: () => boolean
  /** Calls of `append` or `appendMany` so far, the failing one included. */
  readonly commits: () => number
}

// ---------------------------------------------------------------- constructors

/**
 * Wraps `inner`. The `failAfterCommits + 1`-th commit rejects with `store_unavailable`, and so does
 * every later call of any method (reads and `readHead` included; `subscribeToAll` throws). Reads
 * before the crash pass through. `appendMany` is offered only when `inner` offers it, so the engine
 * picks the same executor as it would on `inner`. `close()` closes nothing: the inner store
 * outlives the crash, as a database outlives the process that used it.
 *
 * @example
 * const inner = createMemoryEventStore()
 * const store = createFaultyEventStore(inner, { failAfterCommits: 3, mode: 'after' })
 */
export const createFaultyEventStore = (
  inner: EventStore,
  options: FaultyEventStoreOptions,
): FaultyEventStore => {
  assert(
    Number.isInteger(options.failAfterCommits) && options.failAfterCommits >= 0,
    'failAfterCommits is a count of commits, 0 or more',
  )
  let commits = 0
  let hasCrashed = false

  const crashed = () =>
    storeError('store_unavailable', 'the store is unavailable (simulated crash)', {
      simulated: true,
    })
  const ensureAlive = (): void => {
    if (hasCrashed) throw crashed()
  }

  // Runs one commit through the fault: the failing one rejects before or after the inner write.
  const commit = async <T>(write: () => Promise<T>): Promise<T> => {
    ensureAlive()
    commits += 1
    if (commits <= options.failAfterCommits) return write()
    hasCrashed = true
    if (options.mode === 'after') {
      // The inner outcome is whatever it was (written, or refused on its own); the caller only
      // learns that the store became unavailable.
      await write().catch(() => undefined)
    }
    throw crashed()
  }

  const store: FaultyEventStore = {
    append: (stream, events, appendOptions) =>
      commit(() => inner.append(stream, events, appendOptions)),
    readStream: (stream, readOptions) =>
      guardedPages(ensureAlive, () => inner.readStream(stream, readOptions)),
    readAll: (readOptions) => guardedPages(ensureAlive, () => inner.readAll(readOptions)),
    subscribeToAll: (subscribeOptions, handler) => {
      ensureAlive()
      return inner.subscribeToAll(subscribeOptions, handler)
    },
    readHead: async () => {
      ensureAlive()
      return inner.readHead()
    },
    close: async () => undefined,
    // The key vault lives in the database, so it outlives the crash like the streams do.
    ...(inner.keyVault === undefined ? {} : { keyVault: inner.keyVault }),
    hasCrashed: () => hasCrashed,
    commits: () => commits,
  }
  const appendMany = inner.appendMany
  const withMany: FaultyEventStore =
    appendMany === undefined
      ? store
      : { ...store, appendMany: (writes, metadata) => commit(() => appendMany(writes, metadata)) }
  return withSnapshots(withMany, inner, ensureAlive)
}

// ---------------------------------------------------------------- helpers

// A page read that fails at its first `next()` once the store has crashed, like a real read would.
async function* guardedPages<Item>(
  ensureAlive: () => void,
  read: () => AsyncIterable<Item>,
): AsyncGenerator<Item, void, undefined> {
  ensureAlive()
  for await (const event of read()) yield event
}

// The snapshot methods, passed through (guarded) when the inner store has them; they are not
// commits: a snapshot is a cache beside the streams.
const withSnapshots = (
  store: FaultyEventStore,
  inner: EventStore,
  ensureAlive: () => void,
): FaultyEventStore => {
  const { readSnapshot, writeSnapshot, deleteSnapshot, readSnapshots } = inner
  if (readSnapshot === undefined || writeSnapshot === undefined || deleteSnapshot === undefined)
    return store
  return {
    ...store,
    ...(readSnapshots === undefined
      ? {}
      : { readSnapshots: (options) => guardedPages(ensureAlive, () => readSnapshots(options)) }),
    readSnapshot: async (stream) => {
      ensureAlive()
      return readSnapshot(stream)
    },
    writeSnapshot: async (stream, snapshot) => {
      ensureAlive()
      return writeSnapshot(stream, snapshot)
    },
    deleteSnapshot: async (stream) => {
      ensureAlive()
      return deleteSnapshot(stream)
    },
  }
}
