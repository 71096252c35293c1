// The withdrawal aggregate as one decider, and the name of its stream.
import { assert } from '../assert.js'
import type { Decider } from '../decider.js'
import type { WithdrawalCommand } from './commands.js'
import { decide } from './decide.js'
import type { WithdrawalError } from './errors.js'
import type { WithdrawalEvent } from './events.js'
import { evolve, initialState } from './state.js'
import type { WithdrawalState } from './state.js'

/**
 * The withdrawal decider (DESIGN.md section 3): requested (amount + fee held) -> verified ->
 * submitted (settlement window recorded) -> completed -> returned, or rejected / failed /
 * cancelled with the hold released. The engine composes the account's hold events.
 */
export const withdrawalDecider: Decider<
  WithdrawalState,
  WithdrawalCommand,
  WithdrawalEvent,
  WithdrawalError
> = { initialState, decide, evolve }

const NAMESPACE = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The stream of one withdrawal: `withdrawal-<id>`, or `<namespace>.withdrawal-<id>` for a ledger
 * with a namespace (letters, digits, '-' and '_', so the '.' separates it unambiguously).
 */
export const withdrawalStream = (withdrawalId: string, namespace?: string): string => {
  assert(withdrawalId.length > 0, 'withdrawalStream: empty withdrawal id')
  if (namespace === undefined) return `withdrawal-${withdrawalId}`
  assert(NAMESPACE.test(namespace), `withdrawalStream: bad namespace "${namespace}"`)
  return `${namespace}.withdrawal-${withdrawalId}`
}
