// The account decider: `decide` dispatches one function per command; lifecycle decisions (open,
// freeze, unfreeze, close, erase contact) live here, settings and money in their own files.
import { left, right } from 'fp-ts/lib/Either.js'
import { absurd, assert } from '../assert.js'
import type { Decider } from '../decider.js'
import { isPlatformAccount } from '../journal/systemAccounts.js'
import type {
  AccountCommand,
  CloseAccount,
  EraseContact,
  FreezeAccount,
  OpenAccount,
  UnfreezeAccount,
} from './commands.js'
import { captureHold, creditFunds, debitFunds, holdFunds, releaseHold } from './decideFunds.js'
import {
  disableTwoFactor,
  enableTwoFactor,
  setLimits,
  setMerchantFeeRate,
  setPaymentPassword,
} from './decideSettings.js'
import { accountError } from './errors.js'
import type { AccountError } from './errors.js'
import type { AccountEvent } from './events.js'
import { closed, notFound } from './guards.js'
import type { Decision } from './guards.js'
import { evolveAccount, initialAccountState } from './state.js'
import type { AccountState } from './state.js'

// ---------------------------------------------------------------- decide

/**
 * Decides one command against the account's state. Never throws for a business outcome: a
 * refusal is a `left` with a stable code, an empty `right` an idempotent no-op. Asserts that the
 * command is for this account (the engine routes commands by stream).
 */
export const decideAccount = (command: AccountCommand, state: AccountState): Decision => {
  assert(
    state.status === 'not_opened' || state.accountId === command.accountId,
    `command for ${command.accountId} sent to the stream of another account`,
  )
  switch (command.type) {
    case 'OpenAccount':
      return openAccount(command, state)
    case 'FreezeAccount':
      return freezeAccount(command, state)
    case 'UnfreezeAccount':
      return unfreezeAccount(command, state)
    case 'CloseAccount':
      return closeAccount(command, state)
    case 'EraseContact':
      return eraseContact(command, state)
    case 'EnableTwoFactor':
      return enableTwoFactor(command, state)
    case 'DisableTwoFactor':
      return disableTwoFactor(command, state)
    case 'SetPaymentPassword':
      return setPaymentPassword(command, state)
    case 'SetLimits':
      return setLimits(command, state)
    case 'SetMerchantFeeRate':
      return setMerchantFeeRate(command, state)
    case 'DebitFunds':
      return debitFunds(command, state)
    case 'CreditFunds':
      return creditFunds(command, state)
    case 'HoldFunds':
      return holdFunds(command, state)
    case 'CaptureHold':
      return captureHold(command, state)
    case 'ReleaseHold':
      return releaseHold(command, state)
    default:
      return absurd(command)
  }
}

/** The account aggregate: initial state, decide, evolve. */
export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent, AccountError> = {
  initialState: initialAccountState,
  decide: decideAccount,
  evolve: evolveAccount,
}

// ---------------------------------------------------------------- lifecycle

/**
 * Opens an account. `system` accounts must have a platform id and users and merchants must not
 * (`invalid_input`); only merchants have a fee rate. Opening twice is `account_already_exists`.
 */
const openAccount = (command: OpenAccount, state: AccountState): Decision => {
  if (state.status !== 'not_opened') {
    return left(
      accountError('account_already_exists', `account ${command.accountId} already exists`, {
        accountId: command.accountId,
      }),
    )
  }
  const { accountId, kind, at, contact, merchantFeeRate, metadata } = command
  if (isPlatformAccount(accountId) !== (kind === 'system')) {
    const message =
      kind === 'system'
        ? 'system accounts have a platform id ("system:…", "world:…")'
        : `${kind} accounts cannot use a platform id`
    return left(accountError('invalid_input', `kind: ${message}`, { path: 'kind' }))
  }
  if (merchantFeeRate !== undefined && kind !== 'merchant') {
    return left(
      accountError('invalid_input', 'merchantFeeRate: only merchant accounts have a fee rate', {
        path: 'merchantFeeRate',
      }),
    )
  }
  const data = {
    accountId,
    kind,
    at,
    ...(contact === undefined ? {} : { contact }),
    ...(merchantFeeRate === undefined ? {} : { merchantFeeRate }),
    ...(metadata === undefined ? {} : { metadata }),
  }
  return right([{ type: 'AccountOpened', schemaVersion: 1, data }])
}

/** Freezes an active account; freezing a frozen one again is a no-op. */
const freezeAccount = (command: FreezeAccount, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  if (state.status === 'frozen') return right([])
  const { accountId, reason, at } = command
  return right([{ type: 'AccountFrozen', schemaVersion: 1, data: { accountId, reason, at } }])
}

/** Unfreezes a frozen account (else `account_not_frozen`), recording how the owner was verified. */
const unfreezeAccount = (command: UnfreezeAccount, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  if (state.status !== 'frozen') {
    return left(
      accountError('account_not_frozen', `account ${state.accountId} is not frozen`, {
        accountId: state.accountId,
      }),
    )
  }
  const { accountId, verification, at } = command
  return right([
    { type: 'AccountUnfrozen', schemaVersion: 1, data: { accountId, verification, at } },
  ])
}

/** Closes an account whose every balance is zero and which has no open hold (`account_not_empty`). */
const closeAccount = (command: CloseAccount, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  const nonEmpty = Object.entries(state.balances).find(
    ([, balance]) => balance.available !== 0n || balance.held !== 0n,
  )
  if (nonEmpty !== undefined || state.holds.size > 0) {
    return left(
      accountError(
        'account_not_empty',
        `account ${state.accountId} still has a balance or an open hold`,
        {
          ...(nonEmpty === undefined ? {} : { asset: nonEmpty[0] }),
          openHolds: state.holds.size,
        },
      ),
    )
  }
  const { accountId, at } = command
  return right([{ type: 'AccountClosed', schemaVersion: 1, data: { accountId, at } }])
}

/**
 * Records that the owner was forgotten (their key shredded). The one change a closed account
 * accepts: forgetting a person is a legal duty that outlives the account, and it moves no money.
 * Recorded even without a contact (withdrawal destinations and free text are sealed too) and on
 * every request: each forgetting ends one key generation.
 */
const eraseContact = (command: EraseContact, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  const { accountId, at } = command
  return right([{ type: 'ContactErased', schemaVersion: 1, data: { accountId, at } }])
}
