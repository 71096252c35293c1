// Stream names of the adjustment aggregate.
import { assert } from '../assert.js'

/** `adjustment-<id>`, or `<namespace>.adjustment-<id>` for a ledger with a namespace. */
export const adjustmentStream = (adjustmentId: string, namespace?: string): string => {
  assert(adjustmentId.length > 0, 'adjustmentStream: empty id')
  return namespace === undefined
    ? `adjustment-${adjustmentId}`
    : `${namespace}.adjustment-${adjustmentId}`
}
