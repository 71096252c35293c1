// The dispute aggregate as one Decider value, and its stream name.
import type { Decider } from '../decider.js'
import type { DisputeCommand } from './commands.js'
import { decideDispute } from './decide.js'
import type { DisputeError } from './errors.js'
import type { DisputeEvent } from './events.js'
import { evolveDispute, initialDisputeState } from './state.js'
import type { DisputeState } from './state.js'

/** The dispute decider: `decideDispute`, `evolveDispute` and the state before the opening. */
export const disputeDecider: Decider<DisputeState, DisputeCommand, DisputeEvent, DisputeError> = {
  initialState: initialDisputeState,
  decide: decideDispute,
  evolve: evolveDispute,
}
