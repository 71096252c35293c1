// Deposit state: a deposit is recorded once; its fingerprint tells a retry from a reused key.
import { assert } from '../assert.js'
import type { DepositEvent, FundsDeposited } from './events.js'

/** Not yet recorded, or recorded with its event. */
export type DepositState =
  | { readonly status: 'not_recorded' }
  | { readonly status: 'recorded'; readonly deposit: FundsDeposited['data'] }

/** The state before the first event. */
export const initialDepositState: DepositState = { status: 'not_recorded' }

/** Folds one event; a second FundsDeposited on one stream is a corrupt stream. */
export const evolveDeposit = (state: DepositState, event: DepositEvent): DepositState => {
  assert(state.status === 'not_recorded', `deposit ${event.data.depositId} recorded twice`)
  return { status: 'recorded', deposit: event.data }
}
