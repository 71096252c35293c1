// Stream names of the deposit aggregate.
import { assert } from '../assert.js'

/** `deposit-<id>`, or `<namespace>.deposit-<id>` for a ledger with a namespace. */
export const depositStream = (depositId: string, namespace?: string): string => {
  assert(depositId.length > 0, 'depositStream: empty id')
  return namespace === undefined ? `deposit-${depositId}` : `${namespace}.deposit-${depositId}`
}
