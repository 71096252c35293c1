// The withdrawal aggregate as one decider.
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
