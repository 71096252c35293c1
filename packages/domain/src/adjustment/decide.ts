// The adjustment decider: a correction of one account's balance, the other side in suspense.
import { keyReusedMessage } from '../errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { Decider } from '../decider.js'
import { buildJournalEntry } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, balanceRuleOf } from '../journal/systemAccounts.js'
import { moneyFromCanonical } from '../money/money.js'
import type { AdjustmentCommand, AdjustmentEvent } from './codecs.js'
import type { PostAdjustment } from './commands.js'
import { adjustmentError } from './errors.js'
import type { AdjustmentError } from './errors.js'
import type { AdjustmentPosted } from './events.js'
import { evolveAdjustment, initialAdjustmentState } from './state.js'
import type { AdjustmentState } from './state.js'

type Decision = Either<AdjustmentError, readonly AdjustmentEvent[]>

/**
 * Decides a correction. Corrections are the platform's, so a frozen account is adjusted too; a
 * closed one is not. A debit never takes an account with a balance rule below zero.
 */
export const decideAdjustment = (command: AdjustmentCommand, state: AdjustmentState): Decision =>
  postAdjustment(command, state)

const postAdjustment = (command: PostAdjustment, state: AdjustmentState): Decision => {
  if (state.status === 'posted') {
    return state.adjustment.fingerprint === command.fingerprint
      ? right([])
      : left(adjustmentError('idempotency_key_reused', keyReusedMessage('adjustment')))
  }
  if (command.accountStatus === 'closed') {
    return left(
      adjustmentError('account_closed', `account ${command.accountId} is closed`, {
        accountId: command.accountId,
      }),
    )
  }
  const amount = moneyFromCanonical(command.asset, command.amount)
  const available = moneyFromCanonical(command.asset, command.available)
  const isDebit = command.direction === 'debit'
  if (
    isDebit &&
    balanceRuleOf(command.accountId) === 'non_negative' &&
    available.minor < amount.minor
  ) {
    return left(
      adjustmentError(
        'insufficient_balance',
        `account ${command.accountId} has less than ${command.amount} ${command.asset} available`,
      ),
    )
  }
  const journal = buildJournalEntry(command.entryId, [
    { account: command.accountId, amount, direction: command.direction },
    { account: SYSTEM_ACCOUNTS.suspense, amount, direction: isDebit ? 'credit' : 'debit' },
  ])
  const {
    type: _type,
    entryId: _entryId,
    accountStatus: _status,
    available: _available,
    ...facts
  } = command
  const event: AdjustmentPosted = {
    type: 'AdjustmentPosted',
    schemaVersion: 1,
    data: { ...facts, entry: journal },
  }
  return right([event])
}

/** The adjustment aggregate. */
export const adjustmentDecider: Decider<
  AdjustmentState,
  AdjustmentCommand,
  AdjustmentEvent,
  AdjustmentError
> = {
  initialState: initialAdjustmentState,
  decide: decideAdjustment,
  evolve: evolveAdjustment,
}
