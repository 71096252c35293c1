// Stream names of the claim aggregate.
import { assert } from '../assert.js'

/** `claim-<id>`, or `<namespace>.claim-<id>` for a ledger with a namespace. */
export const claimStream = (claimId: string, namespace?: string): string => {
  assert(claimId.length > 0, 'claimStream: empty id')
  return namespace === undefined ? `claim-${claimId}` : `${namespace}.claim-${claimId}`
}
