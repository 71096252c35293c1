// The checkpointed projection runner: folds the global log, from where it stopped, into every
// projection of the ledger. Over a store with projection tables it restores the states from them
// (never replaying the log), folds one page of events at a time, and commits the rows that page
// changed with the new checkpoint in one transaction; queries then read the tables. Over a store
// without them, the states live in memory and are folded from position 0 at start.
// Rebuilding from position 0 gives the same states (the projections are pure folds).
import { limits } from '@wallet-ledger/domain'
import type { ProjectionInput } from '@wallet-ledger/domain'
import { ownDefinitionOf } from '../engine/definitions.js'
import type { Definitions } from '../engine/definitions.js'
import { decodeStoredEvent } from '../engine/repository.js'
import type { EventStore, StoredEvent } from '../ports/eventStore.js'
import type { ProjectionBalanceStep, ProjectionTables } from '../ports/projectionStorage.js'
import { storeError } from '../ports/storeError.js'
import { iterateAll } from '../store/paging.js'
import { applyBookStep } from './bookSteps.js'
import type { FoldStates } from './persistedStates.js'
import { changesOf, forgetTouched, freshTrackedStates, restoreStates } from './persistedStates.js'
import type { ProjectionStates } from './projectionStates.js'
import { applyAll, freshStates } from './projectionStates.js'

export type { ProjectionStates } from './projectionStates.js'

// ---------------------------------------------------------------- types

/** Runs the ledger's projections over a store. */
export type ProjectionRunner = {
  /** Folds every event committed since the last call; concurrent calls share one pass. */
  readonly catchUp: () => Promise<ProjectionStates>
  /**
   * Brings the projection tables up to the log's end and returns them, without loading the
   * states when the tables are already current; `undefined` (after a `catchUp`) without tables.
   */
  readonly sync: () => Promise<ProjectionTables | undefined>
  /** Forgets every state (and empties the tables) and folds the whole log again from 0. */
  readonly rebuild: () => Promise<ProjectionStates>
  /** The position the next fold starts from (of the states in memory). */
  readonly checkpoint: () => bigint
}

// ---------------------------------------------------------------- constants

/**
 * The version of the folds whose rows the tables hold. Change it with any change to a projection
 * or to the rows: tables of another version are emptied and folded again from 0 on first use.
 */
export const PROJECTIONS_VERSION = '1'

// Another process folding the same events wins the checkpoint; this one reloads and tries again.
const COMMIT_CONFLICTS_MAX = 8

// ---------------------------------------------------------------- operations

/** The projection input of a stored event, upcast and decoded; undefined for a foreign stream. */
export const projectionInputOf = (
  definitions: Definitions,
  stored: StoredEvent,
): ProjectionInput | undefined => {
  const definition = ownDefinitionOf(definitions, stored.stream)
  if (definition === undefined) return undefined
  return {
    position: stored.position,
    stream: stored.stream,
    recordedAt: stored.recordedAt,
    event: decodeStoredEvent(definition, stored),
  }
}

/**
 * The projection tables of a ledger's namespace in the store, if it has any. The namespace is its
 * streams' prefix (`<namespace>.account-<id>`), `''` for none: each keeps tables of its own.
 */
export const projectionTablesOf = (
  store: Pick<EventStore, 'projections'>,
  definitions: Definitions,
): ProjectionTables | undefined => {
  const stream = definitions.account.stream('probe')
  const dot = stream.indexOf('.')
  return store.projections?.open(dot < 0 ? '' : stream.slice(0, dot))
}

/**
 * Folds one stored event into the states (a foreign stream's is skipped); the balance step it
 * made, if it changed the balances of a stream that books accounts.
 */
export const foldStored = (
  states: FoldStates,
  stored: StoredEvent,
  definitions: Definitions,
): ProjectionBalanceStep | undefined => {
  const input = projectionInputOf(definitions, stored)
  if (input === undefined) return undefined
  applyAll(states.projections, input)
  const definition = ownDefinitionOf(definitions, stored.stream)
  const isBook = definition === definitions.account || definition === definitions.promotion
  return isBook ? applyBookStep(states.steps, input) : undefined
}

/** A runner over a store; with `tables`, the states persist there (see the file's comment). */
export const createProjectionRunner = (
  store: EventStore,
  definitions: Definitions,
  tables?: ProjectionTables,
): ProjectionRunner => {
  const memory = createMemoryFold(store, definitions)
  let loaded: FoldStates | undefined
  let next = 0n
  let pass: Promise<unknown> = Promise.resolve()

  // One pass at a time: a caller arriving mid-pass waits for it, then does its own.
  const exclusive = <Value>(work: () => Promise<Value>): Promise<Value> => {
    const current = pass.then(work, work)
    pass = current.catch(() => undefined)
    return current
  }

  const load = async (persisted: ProjectionTables): Promise<FoldStates> => {
    const checkpoint = await persisted.readCheckpoint()
    if (checkpoint.version === PROJECTIONS_VERSION || checkpoint.position === 0n) {
      next = checkpoint.position
      return restoreStates(persisted)
    }
    await persisted.reset()
    next = 0n
    return freshTrackedStates()
  }

  // Folds one page into `states`; the balance steps it made and the position after it.
  const foldPage = async (states: FoldStates, from: bigint) => {
    const steps: ProjectionBalanceStep[] = []
    let to = from
    for await (const stored of store.readAll({
      fromPosition: from,
      maxCount: limits.READ_PAGE_EVENTS_MAX,
    })) {
      const step = foldStored(states, stored, definitions)
      if (step !== undefined) steps.push(step)
      to = stored.position + 1n
    }
    return { steps, to }
  }

  const foldPersisted = async (persisted: ProjectionTables): Promise<ProjectionStates> => {
    let conflicts = 0
    for (;;) {
      loaded ??= await load(persisted)
      const states = loaded
      forgetTouched(states)
      const from = next
      let batch
      try {
        const { steps, to } = await foldPage(states, from)
        if (to === from) return states.projections
        batch = { from, to, ...changesOf(states), balanceSteps: steps }
      } catch (error) {
        // A half-folded page: forget the states; the tables still hold the last good checkpoint.
        loaded = undefined
        throw error
      }
      const isCommitted = await persisted.commit(batch, PROJECTIONS_VERSION).catch((error) => {
        loaded = undefined
        throw error
      })
      if (isCommitted) {
        next = batch.to
        continue
      }
      loaded = undefined
      conflicts += 1
      if (conflicts > COMMIT_CONFLICTS_MAX)
        throw storeError(
          'store_unavailable',
          'projections: other processes keep moving the checkpoint',
        )
    }
  }

  const catchUp = (): Promise<ProjectionStates> =>
    exclusive(() => (tables === undefined ? memory.fold() : foldPersisted(tables)))

  return {
    catchUp,
    sync: () =>
      exclusive(async () => {
        if (tables === undefined) {
          await memory.fold()
          return undefined
        }
        if (loaded === undefined) {
          // The fast path after a restart: current tables need no states in memory at all.
          const checkpoint = await tables.readCheckpoint()
          const isCurrent =
            (checkpoint.version === PROJECTIONS_VERSION || checkpoint.position === 0n) &&
            (await store.readHead()).nextPosition <= checkpoint.position
          if (isCurrent) return tables
        }
        await foldPersisted(tables)
        return tables
      }),
    rebuild: () =>
      exclusive(async () => {
        if (tables === undefined) return memory.rebuild()
        await tables.reset()
        loaded = freshTrackedStates()
        next = 0n
        return foldPersisted(tables)
      }),
    checkpoint: () => (tables === undefined ? memory.checkpoint() : next),
  }
}

// ---------------------------------------------------------------- helpers

// The states in memory only (a store without projection tables).
const createMemoryFold = (store: EventStore, definitions: Definitions) => {
  let states = freshStates()
  let next = 0n
  const fold = async (): Promise<ProjectionStates> => {
    for await (const stored of iterateAll(store, { fromPosition: next })) {
      const input = projectionInputOf(definitions, stored)
      if (input !== undefined) {
        try {
          applyAll(states, input)
        } catch (error) {
          // Some projections took the event and others did not: forget them all, so the next
          // query folds again from 0 and meets the same failure, not one this half-fold made up
          // (an entry "recorded twice"). The error itself goes on to the caller.
          states = freshStates()
          next = 0n
          throw error
        }
      }
      next = stored.position + 1n
    }
    return states
  }
  return {
    fold,
    rebuild: (): Promise<ProjectionStates> => {
      states = freshStates()
      next = 0n
      return fold()
    },
    checkpoint: () => next,
  }
}
