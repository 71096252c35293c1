// The journal entries a withdrawal records: the payout at completion and the bank's return.
import { assert } from '../assert.js'
import { buildJournalEntry } from '../journal/journal.js'
import type { JournalEntry } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, cryptoNetworkAccount } from '../journal/systemAccounts.js'
import { addMoney, moneyFromCanonical } from '../money/money.js'
import type { WithdrawalDestination } from './events.js'
import type { HeldWithdrawal } from './state.js'

/** The world account a destination's money leaves through: the bank outflow or the network's. */
export const outflowAccountOf = (destination: WithdrawalDestination): string =>
  destination.type === 'bank_account'
    ? SYSTEM_ACCOUNTS.bankOutflow
    : cryptoNetworkAccount(destination.network)

/**
 * The payout. Leg 0 debits the account `amount + fee` (what the hold captures); the amount is
 * credited to the outflow account and the fee, when not zero, to `system:fees`.
 */
export const withdrawalPayoutEntry = (
  withdrawal: HeldWithdrawal,
  entryId: string,
): JournalEntry => {
  const amount = moneyFromCanonical(withdrawal.asset, withdrawal.amount)
  const fee = moneyFromCanonical(withdrawal.asset, withdrawal.fee)
  const entry = buildJournalEntry(entryId, [
    { account: withdrawal.accountId, amount: addMoney(amount, fee), direction: 'debit' },
    { account: outflowAccountOf(withdrawal.destination), amount, direction: 'credit' },
    { account: SYSTEM_ACCOUNTS.fees, amount: fee, direction: 'credit' },
  ])
  assert(entry.legs[0]?.account === withdrawal.accountId, 'completion: leg 0 is not the account')
  return entry
}

/**
 * The bank's return of a completed withdrawal: leg 0 debits the outflow account, leg 1 credits the
 * account the amount. The fee is not returned: the platform did the work it charged for.
 */
export const withdrawalReturnEntry = (
  withdrawal: HeldWithdrawal,
  entryId: string,
): JournalEntry => {
  const amount = moneyFromCanonical(withdrawal.asset, withdrawal.amount)
  const entry = buildJournalEntry(entryId, [
    { account: outflowAccountOf(withdrawal.destination), amount, direction: 'debit' },
    { account: withdrawal.accountId, amount, direction: 'credit' },
  ])
  assert(entry.legs[1]?.account === withdrawal.accountId, 'return: leg 1 is not the account')
  return entry
}
