// Given/when/then for pure deciders (STYLE.md section 10). Every ending also folds the produced
// events through `evolve`, so a decision that its own aggregate cannot replay fails the test.
import { expect } from 'vitest'
import type { Decider } from '@wallet-ledger/domain'

/** The three endings of a decider test. */
export type DeciderThen<Event> = {
  /** The command is accepted and records exactly these events. */
  readonly then: (expected: readonly Event[]) => readonly Event[]
  /** The command is rejected with this error code; returns the error for further checks. */
  readonly thenRejects: (code: string) => { code: string; message: string; details?: unknown }
  /** The command is accepted and records nothing (an idempotent replay). */
  readonly thenNothing: () => void
}

/** A given/when/then builder over one decider. */
export type DeciderSpec<Command, Event> = {
  /** The history the decider starts from. */
  readonly given: (events: readonly Event[]) => {
    /** The command decided on that history. */
    readonly when: (command: Command) => DeciderThen<Event>
  }
}

/**
 * Wraps a decider for given/when/then tests.
 *
 * @example
 * deciderSpec(accountDecider).given([opened]).when(freeze).then([frozen])
 */
export const deciderSpec = <State, Command, Event, Error extends { code: string; message: string }>(
  decider: Decider<State, Command, Event, Error>,
): DeciderSpec<Command, Event> => ({
  given: (history) => ({
    when: (command) => {
      const state = history.reduce(decider.evolve, decider.initialState)
      const decision = decider.decide(command, state)
      const accepted = (): readonly Event[] => {
        if (decision._tag === 'Left') {
          expect.fail(
            `expected the command to be accepted, got ${decision.left.code}: ${decision.left.message}`,
          )
        }
        decision.right.reduce(decider.evolve, state)
        return decision.right
      }
      return {
        then: (expected) => {
          const events = accepted()
          expect(events).toEqual(expected)
          return events
        },
        thenRejects: (code) => {
          if (decision._tag === 'Right') {
            expect.fail(`expected rejection ${code}, got ${decision.right.length} event(s)`)
          }
          expect(decision.left.code).toBe(code)
          expect(decision.left.message.length).toBeGreaterThan(0)
          return decision.left
        },
        thenNothing: () => {
          expect(accepted()).toEqual([])
        },
      }
    },
  }),
})
