// What callers see of a withdrawal (DESIGN.md section 6, WithdrawalView): strings only.
import type { SettlementWindow } from '../calendar/businessCalendar.js'
import type { WithdrawalState, WithdrawalStatus } from './state.js'

/**
 * A withdrawal as the public contract shows it. `expectedBy` is present once the withdrawal was
 * submitted (local dates, both inclusive); `failureReason` (an addition to DESIGN's shape) only
 * when it failed.
 */
export type WithdrawalView = {
  readonly withdrawalId: string
  readonly status: WithdrawalStatus
  readonly asset: string
  readonly amount: string
  readonly fee: string
  readonly expectedBy?: { readonly earliest: string; readonly latest: string }
  readonly failureReason?: string
}

/** The view of a withdrawal; `undefined` before it was requested. */
export const withdrawalView = (state: WithdrawalState): WithdrawalView | undefined => {
  if (state.status === 'not_requested') return undefined
  const view: WithdrawalView = {
    withdrawalId: state.withdrawalId,
    status: state.status,
    asset: state.asset,
    amount: state.amount,
    fee: state.fee,
  }
  const expectedBy = expectedByOf(state)
  const withWindow = expectedBy === undefined ? view : { ...view, expectedBy: { ...expectedBy } }
  return state.status === 'failed' ? { ...withWindow, failureReason: state.reason } : withWindow
}

const expectedByOf = (state: WithdrawalState): SettlementWindow | undefined =>
  'expectedBy' in state ? state.expectedBy : undefined
