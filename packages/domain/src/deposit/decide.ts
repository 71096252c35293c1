// The deposit decider: money from a bank, a card or a crypto network credited to an account.
import { keyReusedMessage } from '../errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { Decider } from '../decider.js'
import { buildJournalEntry } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, cryptoNetworkAccount } from '../journal/systemAccounts.js'
import { moneyFromCanonical } from '../money/money.js'
import type { DepositCommand, RecordDeposit } from './commands.js'
import { depositError } from './errors.js'
import type { DepositError } from './errors.js'
import type { DepositEvent, FundsDeposited } from './events.js'
import { evolveDeposit, initialDepositState } from './state.js'
import type { DepositState } from './state.js'
import type { DepositSource } from './codecs.js'

type Decision = Either<DepositError, readonly DepositEvent[]>

/**
 * The world account a deposit's money comes from. A crypto deposit comes from its network's
 * account; without a network named, the asset's code stands for it ("usdt").
 */
export const depositWorldAccount = (source: DepositSource, asset: string): string => {
  if (source.type === 'bank_transfer') return SYSTEM_ACCOUNTS.bankInflow
  if (source.type === 'card') return SYSTEM_ACCOUNTS.cardInflow
  return cryptoNetworkAccount((source.network ?? asset).toLowerCase())
}

/** Decides a deposit: a frozen account still receives; a closed one does not. */
export const decideDeposit = (command: DepositCommand, state: DepositState): Decision =>
  recordDeposit(command, state)

const recordDeposit = (command: RecordDeposit, state: DepositState): Decision => {
  if (state.status === 'recorded') {
    return state.deposit.fingerprint === command.fingerprint
      ? right([])
      : left(depositError('idempotency_key_reused', keyReusedMessage('deposit')))
  }
  if (command.accountStatus === 'closed') {
    return left(
      depositError('account_closed', `account ${command.accountId} is closed`, {
        accountId: command.accountId,
      }),
    )
  }
  const amount = moneyFromCanonical(command.asset, command.amount)
  const journal = buildJournalEntry(command.entryId, [
    { account: depositWorldAccount(command.source, command.asset), amount, direction: 'debit' },
    { account: command.accountId, amount, direction: 'credit' },
  ])
  const event: FundsDeposited = {
    type: 'FundsDeposited',
    schemaVersion: 1,
    data: {
      depositId: command.depositId,
      accountId: command.accountId,
      asset: command.asset,
      amount: command.amount,
      source: command.source,
      fingerprint: command.fingerprint,
      entry: journal,
      at: command.at,
    },
  }
  return right([event])
}

/** The deposit aggregate. */
export const depositDecider: Decider<DepositState, DepositCommand, DepositEvent, DepositError> = {
  initialState: initialDepositState,
  decide: decideDeposit,
  evolve: evolveDeposit,
}
