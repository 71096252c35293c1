// Reading the ledger's answers in a scenario: a step the story needs to succeed throws when it
// does not (a broken example must stop loudly, not print a wrong story), and a step the story
// expects to be refused throws when it succeeds.
import type { LedgerError } from '@wallet-ledger/core'

/** The ledger's answer, as fp-ts's Either has it. */
export type Outcome<T> =
  | { readonly _tag: 'Left'; readonly left: LedgerError }
  | { readonly _tag: 'Right'; readonly right: T }

/** The value of a successful step; throws naming `step` and the error otherwise. */
export const must = <T>(outcome: Outcome<T>, step: string): T => {
  if (outcome._tag === 'Left') {
    throw new Error(`${step}: expected success, got ${JSON.stringify(outcome.left)}`)
  }
  return outcome.right
}

/** The error of a step the story expects to be refused; throws if it succeeded. */
export const refused = <T>(outcome: Outcome<T>, step: string): LedgerError => {
  if (outcome._tag === 'Right') {
    throw new Error(`${step}: expected a refusal, got ${JSON.stringify(outcome.right)}`)
  }
  return outcome.left
}
