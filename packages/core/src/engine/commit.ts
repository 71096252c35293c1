// Commits decided events: one atomic appendMany, or one append per stream in the order given.
// After a commit the cache learns each stream's new state without reading or decoding it back.
import { assert } from '@wallet-ledger/domain'
import type { RawEvent } from '@wallet-ledger/domain'
import type {
  AppendResult,
  CommitMetadata,
  EventStore,
  ExpectedRevision,
} from '../ports/eventStore.js'
import type { AnyAggregateDefinition } from './aggregate.js'
import type { Loaded, Repository } from './repository.js'

// ---------------------------------------------------------------- types

/** Events decided for one stream against a loaded state. */
export type Write = {
  readonly definition: AnyAggregateDefinition
  readonly stream: string
  readonly loaded: Loaded<unknown>
  readonly events: readonly RawEvent[]
  /** The state after the events, folded by the decider's evolve. */
  readonly nextState: unknown
  readonly expectedRevision: ExpectedRevision
  /**
   * The account commands these events were decided from, for account writes: the step-by-step
   * executor decides them again, one step at a time, against fresh state.
   */
  readonly commands?: readonly unknown[]
}

// ---------------------------------------------------------------- operations

const revisionBefore = (loaded: Loaded<unknown>): bigint =>
  loaded.revision === 'no_stream' ? -1n : loaded.revision

/**
 * Remembers the state after a write, unless others appended in between (possible with `'any'`):
 * then the folded state misses their events, so the stream is forgotten and reloaded next time.
 */
const rememberAfter = (repository: Repository, write: Write, result: AppendResult): boolean => {
  const expectedLast = revisionBefore(write.loaded) + BigInt(write.events.length)
  if (result.nextExpectedRevision === expectedLast) {
    repository.remember(write.stream, { state: write.nextState, revision: expectedLast })
    return true
  }
  repository.forget(write.stream)
  return false
}

/**
 * Writes a snapshot of a long stream the commit took past the snapshot interval (accounts: a busy
 * merchant), so no later command replays its whole history. Only for states this process knows
 * exactly; a snapshot is a cache beside the streams, never the truth.
 */
const snapshotAfter = async (repository: Repository, write: Write): Promise<void> => {
  if (write.definition.snapshot === undefined) return
  const revision = revisionBefore(write.loaded) + BigInt(write.events.length)
  await repository.maybeSnapshot(write.definition, write.stream, {
    state: write.nextState,
    revision,
  })
}

/** Appends all writes as one atomic commit; nothing is written if any expectation fails. */
export const commitAtomically = async (
  store: EventStore,
  repository: Repository,
  writes: readonly Write[],
  metadata: CommitMetadata,
): Promise<readonly AppendResult[]> => {
  const nonEmpty = writes.filter((write) => write.events.length > 0)
  assert(store.appendMany !== undefined, 'commitAtomically needs a store with appendMany')
  assert(
    new Set(nonEmpty.map((write) => write.stream)).size === nonEmpty.length,
    'one write per stream',
  )
  if (nonEmpty.length === 0) return []
  try {
    const results =
      nonEmpty.length === 1 && nonEmpty[0] !== undefined
        ? [
            await store.append(nonEmpty[0].stream, nonEmpty[0].events, {
              ...metadata,
              expectedRevision: nonEmpty[0].expectedRevision,
            }),
          ]
        : await store.appendMany(
            nonEmpty.map(({ stream, events, expectedRevision }) => ({
              stream,
              events,
              expectedRevision,
            })),
            metadata,
          )
    const known = nonEmpty.filter((write, index) => {
      const result = results[index]
      assert(result !== undefined, `no append result for ${write.stream}`)
      return rememberAfter(repository, write, result)
    })
    for (const write of known) await snapshotAfter(repository, write)
    return results
  } catch (error) {
    // A clash or an unknown outcome: what we knew of these streams may be stale.
    for (const write of nonEmpty) repository.forget(write.stream)
    throw error
  }
}

/** Appends one stream's write on its own (the step-by-step executor's unit of work). */
export const commitOne = async (
  store: EventStore,
  repository: Repository,
  write: Write,
  metadata: CommitMetadata,
): Promise<AppendResult | undefined> => {
  if (write.events.length === 0) return undefined
  try {
    const result = await store.append(write.stream, write.events, {
      ...metadata,
      expectedRevision: write.expectedRevision,
    })
    if (rememberAfter(repository, write, result)) await snapshotAfter(repository, write)
    return result
  } catch (error) {
    repository.forget(write.stream)
    throw error
  }
}
