// Decisions that move money on one account: debit, credit, hold, capture, release. The order of
// checks is the same everywhere: the account must exist; a step already applied is a no-op (even
// if the account was frozen or closed since); closed refuses; frozen consults the freeze table;
// then the amount and the balance rule.
import { left, right } from 'fp-ts/lib/Either.js'
import { freezeRuleFor, frozenAccountAllows } from '../freezeRules.js'
import { HOLDS_OPEN_PER_ACCOUNT_MAX } from '../limits.js'
import { formatMinor, formatMoney } from '../money/money.js'
import type { Money } from '../money/money.js'
import { appliedMarker, capturedMarker, holdKey, legKey } from './appliedOperations.js'
import type { CaptureHold, CreditFunds, DebitFunds, HoldFunds, ReleaseHold } from './commands.js'
import { accountError } from './errors.js'
import { closed, frozen, knownScaleOf, notFound, positiveCommandAmount } from './guards.js'
import type { Decision } from './guards.js'
import type { AccountState, OpenedAccountState } from './state.js'

// ---------------------------------------------------------------- operations

/** Debits available; a 'non_negative' account refuses to go below zero. */
export const debitFunds = (command: DebitFunds, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (isAppliedLeg(state, command)) return right([])
  if (state.status === 'closed') return closed(state)
  if (state.status === 'frozen' && !frozenAccountAllows(command.initiatedBy, 'debit'))
    return frozen(state)
  const amount = amountOf(state, command)
  if (amount._tag === 'Left') return amount
  const shortfall = insufficient(state, amount.right)
  if (shortfall !== undefined) return shortfall
  const { accountId, asset, entryId, leg, at, limitDate } = command
  const data = { accountId, asset, amount: formatMoney(amount.right), entryId, leg, at }
  return right([
    {
      type: 'FundsDebited',
      schemaVersion: 1,
      data: limitDate === undefined ? data : { ...data, limitDate },
    },
  ])
}

/** Credits available; a frozen account still receives (freeze table row `receive`). */
export const creditFunds = (command: CreditFunds, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (isAppliedLeg(state, command)) return right([])
  if (state.status === 'closed') return closed(state)
  if (state.status === 'frozen' && !freezeRuleFor('receive').allowedWhenFrozen) return frozen(state)
  const amount = amountOf(state, command)
  if (amount._tag === 'Left') return amount
  const { accountId, asset, entryId, leg, at } = command
  return right([
    {
      type: 'FundsCredited',
      schemaVersion: 1,
      data: { accountId, asset, amount: formatMoney(amount.right), entryId, leg, at },
    },
  ])
}

/** Moves available to held under a new hold id; at most `HOLDS_OPEN_PER_ACCOUNT_MAX` open holds. */
export const holdFunds = (command: HoldFunds, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (
    state.holds.has(command.holdId) ||
    appliedMarker(state.applied, holdKey(command.holdId)) !== undefined
  ) {
    return right([])
  }
  if (state.status === 'closed') return closed(state)
  if (state.status === 'frozen' && !frozenAccountAllows(command.initiatedBy, 'hold'))
    return frozen(state)
  const amount = amountOf(state, command)
  if (amount._tag === 'Left') return amount
  if (state.holds.size >= HOLDS_OPEN_PER_ACCOUNT_MAX) {
    return left(
      accountError(
        'too_many_holds',
        `account ${state.accountId} has ${HOLDS_OPEN_PER_ACCOUNT_MAX} open holds`,
        {
          limit: HOLDS_OPEN_PER_ACCOUNT_MAX,
        },
      ),
    )
  }
  const shortfall = insufficient(state, amount.right)
  if (shortfall !== undefined) return shortfall
  const { accountId, holdId, asset, at, expiresAt, limitDate } = command
  const data = {
    accountId,
    holdId,
    asset,
    amount: formatMoney(amount.right),
    at,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(limitDate === undefined ? {} : { limitDate }),
  }
  return right([{ type: 'FundsHeld', schemaVersion: 1, data }])
}

/**
 * Captures `amount` of a hold (at most what it holds: `capture_exceeds_authorized`); the rest is
 * released in the same event and the hold closes. A replay of the same capture is a no-op.
 */
export const captureHold = (command: CaptureHold, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  const hold = state.holds.get(command.holdId)
  if (hold === undefined) {
    const marker = appliedMarker(state.applied, holdKey(command.holdId))
    if (marker === capturedMarker(command.entryId, command.leg)) return right([])
    return state.status === 'closed' ? closed(state) : holdNotFound(state, command.holdId, marker)
  }
  if (state.status === 'frozen' && !frozenAccountAllows(command.initiatedBy, 'capture'))
    return frozen(state)
  const amount = positiveCommandAmount(hold.asset, command.amount, hold.scale)
  if (amount._tag === 'Left') return amount
  if (amount.right.minor > hold.minor) {
    return left(
      accountError(
        'capture_exceeds_authorized',
        `capture of ${command.amount} is more than the ${formatMinor(hold.minor, hold.scale)} held`,
        {
          holdId: command.holdId,
          held: formatMinor(hold.minor, hold.scale),
        },
      ),
    )
  }
  const { accountId, holdId, entryId, leg, at } = command
  const released = formatMinor(hold.minor - amount.right.minor, hold.scale)
  return right([
    {
      type: 'HoldCaptured',
      schemaVersion: 1,
      data: { accountId, holdId, amount: formatMoney(amount.right), entryId, leg, released, at },
    },
  ])
}

/** Releases a whole hold; runs on frozen accounts (freeze table row `release_hold`). */
export const releaseHold = (command: ReleaseHold, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  const hold = state.holds.get(command.holdId)
  if (hold === undefined) {
    const marker = appliedMarker(state.applied, holdKey(command.holdId))
    if (marker === 'released') return right([])
    return state.status === 'closed' ? closed(state) : holdNotFound(state, command.holdId, marker)
  }
  if (state.status === 'frozen' && !freezeRuleFor('release_hold').allowedWhenFrozen)
    return frozen(state)
  const { accountId, holdId, at } = command
  const amount = formatMinor(hold.minor, hold.scale)
  return right([
    { type: 'HoldReleased', schemaVersion: 1, data: { accountId, holdId, amount, at } },
  ])
}

// ---------------------------------------------------------------- helpers

// A step citing a journal leg the account already applied: a replay.
const isAppliedLeg = (state: OpenedAccountState, command: { entryId: string; leg: number }) =>
  appliedMarker(state.applied, legKey(command.entryId, command.leg)) !== undefined

// The command's amount, positive and in the scale the account uses for the asset.
const amountOf = (state: OpenedAccountState, command: { asset: string; amount: string }) =>
  positiveCommandAmount(command.asset, command.amount, knownScaleOf(state, command.asset))

const insufficient = (state: OpenedAccountState, amount: Money): Decision | undefined => {
  if (state.balanceRule !== 'non_negative') return undefined
  const available = state.balances[amount.asset]?.available ?? 0n
  if (available >= amount.minor) return undefined
  return left(
    accountError(
      'insufficient_balance',
      `${formatMoney(amount)} ${amount.asset} is more than the available balance`,
      {
        asset: amount.asset,
        available: formatMinor(available, amount.scale),
      },
    ),
  )
}

const holdNotFound = (
  state: OpenedAccountState,
  holdId: string,
  marker: string | undefined,
): Decision =>
  left(
    accountError('hold_not_found', `account ${state.accountId} has no open hold ${holdId}`, {
      holdId,
      // Why it is not open, when the account still remembers: captured or released.
      ...(marker === undefined ? {} : { closedAs: marker.split(':')[0] }),
    }),
  )
