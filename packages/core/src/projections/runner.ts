// The checkpointed projection runner: folds the global log, from where it stopped, into every
// projection of the ledger. Queries call catchUp() first, so they see every committed event.
// Rebuilding from position 0 gives the same states (the projections are pure folds).
import { LEDGER_PROJECTIONS } from '@wallet-ledger/domain'
import type { Projection, ProjectionInput } from '@wallet-ledger/domain'
import { ownDefinitionOf } from '../engine/definitions.js'
import type { Definitions } from '../engine/definitions.js'
import { decodeStoredEvent } from '../engine/repository.js'
import type { EventStore, StoredEvent } from '../ports/eventStore.js'
import { iterateAll } from '../store/paging.js'

// ---------------------------------------------------------------- types

type Projections = typeof LEDGER_PROJECTIONS
type StateOf<P> = P extends Projection<infer S> ? S : never

/** The states of every projection, by name. */
export type ProjectionStates = { -readonly [K in keyof Projections]: StateOf<Projections[K]> }

/** Runs the ledger's projections over a store. */
export type ProjectionRunner = {
  /** Folds every event committed since the last call; concurrent calls share one pass. */
  readonly catchUp: () => Promise<ProjectionStates>
  /** Forgets every state and folds the whole log again from position 0. */
  readonly rebuild: () => Promise<ProjectionStates>
  /** The position the next fold starts from. */
  readonly checkpoint: () => bigint
}

// ---------------------------------------------------------------- operations

const freshStates = (): ProjectionStates => {
  const states = {} as Record<string, unknown>
  for (const [name, projection] of Object.entries(LEDGER_PROJECTIONS))
    states[name] = projection.initialState()
  return states as ProjectionStates
}

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

/** A runner over a store; states live in memory and are rebuilt from the log at start. */
export const createProjectionRunner = (
  store: EventStore,
  definitions: Definitions,
): ProjectionRunner => {
  let states = freshStates()
  let next = 0n
  let pass: Promise<ProjectionStates> | undefined

  const fold = async (): Promise<ProjectionStates> => {
    const entries = Object.entries(LEDGER_PROJECTIONS) as [
      keyof ProjectionStates,
      Projection<unknown>,
    ][]
    for await (const stored of iterateAll(store, { fromPosition: next })) {
      const input = projectionInputOf(definitions, stored)
      if (input !== undefined) {
        try {
          for (const [name, projection] of entries)
            (states as Record<string, unknown>)[name] = projection.apply(states[name], input)
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

  const catchUp = (): Promise<ProjectionStates> => {
    // One pass at a time: a caller arriving mid-pass waits for it, then folds what came since.
    const previous = pass ?? Promise.resolve(states)
    const current = previous.then(fold, fold)
    pass = current
    return current
  }

  return {
    catchUp,
    rebuild: async () => {
      await (pass ?? Promise.resolve())
      states = freshStates()
      next = 0n
      return catchUp()
    },
    checkpoint: () => next,
  }
}
