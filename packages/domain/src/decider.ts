import type { Either } from 'fp-ts/lib/Either.js'

/**
 * An aggregate: three pure functions and nothing else (STYLE.md section 4). `decide` returns the
 * events to record or an expected rejection; an empty array means "valid, nothing to record".
 * `evolve` is total over valid histories and asserts on an event that cannot follow the state.
 */
export type Decider<State, Command, Event, Error> = {
  readonly initialState: State
  /** The events a command produces from a state, or why it is refused. */
  readonly decide: (command: Command, state: State) => Either<Error, readonly Event[]>
  /** The state after one event. */
  readonly evolve: (state: State, event: Event) => State
}

/** Folds events into a state with a decider's `evolve`. */
export const foldEvents = <State, Event>(
  evolve: (state: State, event: Event) => State,
  initialState: State,
  events: Iterable<Event>,
): State => {
  let state = initialState
  for (const event of events) state = evolve(state, event)
  return state
}
