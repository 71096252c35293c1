// The states of the ledger's projections, by name, and a fresh set of them.
import { LEDGER_PROJECTIONS } from '@wallet-ledger/domain'
import type { Projection } from '@wallet-ledger/domain'

// ---------------------------------------------------------------- types

type Projections = typeof LEDGER_PROJECTIONS
type StateOf<P> = P extends Projection<infer S> ? S : never

/** The states of every projection, by name. */
export type ProjectionStates = { -readonly [K in keyof Projections]: StateOf<Projections[K]> }

// ---------------------------------------------------------------- operations

/** Fresh, empty states of every projection. */
export const freshStates = (): ProjectionStates => {
  const states = {} as Record<string, unknown>
  for (const [name, projection] of Object.entries(LEDGER_PROJECTIONS))
    states[name] = projection.initialState()
  return states as ProjectionStates
}

/** Applies one input to every projection (in place; each returns the state to go on with). */
export const applyAll = (
  states: ProjectionStates,
  input: Parameters<Projection<unknown>['apply']>[1],
): void => {
  const record = states as Record<string, unknown>
  for (const [name, projection] of Object.entries(LEDGER_PROJECTIONS) as [
    string,
    Projection<unknown>,
  ][])
    record[name] = projection.apply(record[name], input)
}
