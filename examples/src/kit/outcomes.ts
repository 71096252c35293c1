// Reading a step the story expects the ledger to refuse: the refusal is the point of the step, so
// a success is a broken example and throws. (A step that must succeed uses core's `orThrow`.)
import { isOk } from '@wallet-ledger/core'
import type { LedgerError, Result } from '@wallet-ledger/core'

/** The error of a step the story expects to be refused; throws naming `step` if it succeeded. */
export const refused = <T>(outcome: Awaited<Result<T>>, step: string): LedgerError => {
  if (isOk(outcome)) {
    throw new Error(`${step}: expected a refusal, got ${JSON.stringify(outcome.right)}`)
  }
  return outcome.left
}
