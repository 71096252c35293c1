// Whether an account has used a hold id: a workflow that must take a hold again (its first one was
// released by recover() before the workflow recorded it) needs an id the account never used, since
// the account treats a used id as a replay and takes nothing.
import { appliedMarker, holdKey } from './appliedOperations.js'
import type { AccountState } from './state.js'

/**
 * `'open'`: the hold is open (taking it again is a replay, nothing to do); `'used'`: the account
 * took and closed it (within its replay window); `'unused'`: a new hold may take this id.
 */
export type HoldIdUse = 'open' | 'used' | 'unused'

/** How the account has used `holdId` so far. */
export const holdIdUse = (state: AccountState, holdId: string): HoldIdUse => {
  if (state.status === 'not_opened') return 'unused'
  if (state.holds.has(holdId)) return 'open'
  return appliedMarker(state.applied, holdKey(holdId)) === undefined ? 'unused' : 'used'
}
