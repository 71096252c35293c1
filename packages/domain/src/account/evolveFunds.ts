// `evolve` for the money events: balances, holds, the daily spending and the replay window. Each
// asserts the balance invariants after it: held never negative, available never negative on a
// 'non_negative' account, and (for hold events) held equal to the sum of the open holds.
import { assert } from '../assert.js'
import type { LocalDate } from '../codecs/common.js'
import { HOLDS_OPEN_PER_ACCOUNT_MAX } from '../limits.js'
import { moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'
import {
  appliedMarker,
  capturedMarker,
  holdKey,
  legKey,
  rememberOperation,
} from './appliedOperations.js'
import type {
  FundsCredited,
  FundsDebited,
  FundsHeld,
  HoldCaptured,
  HoldReleased,
} from './events.js'
import type {
  ActiveAccount,
  AssetBalance,
  DailySpending,
  FrozenAccount,
  OpenHold,
} from './state.js'

// Money moves only on accounts that are open; closed accounts were asserted away by the caller.
type LiveAccount = ActiveAccount | FrozenAccount

// ---------------------------------------------------------------- operations

/**
 * Available goes down. Debits are appended at the account's exact revision, so a second event
 * for the same leg means a corrupt stream.
 */
export const fundsDebited = (state: LiveAccount, event: FundsDebited): LiveAccount => {
  const { asset, amount, entryId, leg, limitDate } = event.data
  const debit = positive(asset, amount)
  const key = legKey(entryId, leg)
  assert(appliedMarker(state.applied, key) === undefined, `FundsDebited twice for ${key}`)
  const balance = balanceOf(state, debit)
  const next = {
    ...state,
    balances: withBalance(state, asset, { ...balance, available: balance.available - debit.minor }),
  }
  assertBalance(next, asset)
  return {
    ...next,
    spentToday:
      limitDate === undefined ? state.spentToday : spentAdded(state, asset, limitDate, debit.minor),
    applied: rememberOperation(state.applied, key, 'debit'),
  }
}

/**
 * Available goes up. Credits may be appended with expectedRevision 'any', so a duplicate leg is
 * not asserted here: it is a recorded fact, and the audit reports legs matched more than once.
 */
export const fundsCredited = (state: LiveAccount, event: FundsCredited): LiveAccount => {
  const { asset, amount, entryId, leg } = event.data
  const credit = positive(asset, amount)
  const balance = balanceOf(state, credit)
  const next = {
    ...state,
    balances: withBalance(state, asset, {
      ...balance,
      available: balance.available + credit.minor,
    }),
    applied: rememberOperation(state.applied, legKey(entryId, leg), 'credit'),
  }
  assertBalance(next, asset)
  return next
}

/** Available moves to held under a new hold id. */
export const fundsHeld = (state: LiveAccount, event: FundsHeld): LiveAccount => {
  const { holdId, asset, amount, expiresAt, limitDate } = event.data
  const held = positive(asset, amount)
  assert(!state.holds.has(holdId), `FundsHeld: hold ${holdId} is already open`)
  assert(
    state.holds.size < HOLDS_OPEN_PER_ACCOUNT_MAX,
    `FundsHeld: more than ${HOLDS_OPEN_PER_ACCOUNT_MAX} holds`,
  )
  const balance = balanceOf(state, held)
  const hold: OpenHold = {
    asset,
    scale: held.scale,
    minor: held.minor,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(limitDate === undefined ? {} : { limitDate }),
  }
  const next: LiveAccount = {
    ...state,
    balances: withBalance(state, asset, {
      scale: balance.scale,
      available: balance.available - held.minor,
      held: balance.held + held.minor,
    }),
    holds: new Map(state.holds).set(holdId, hold),
    spentToday:
      limitDate === undefined ? state.spentToday : spentAdded(state, asset, limitDate, held.minor),
    applied: rememberOperation(state.applied, holdKey(holdId), 'held'),
  }
  assertBalance(next, asset)
  assertHeldMatchesHolds(next, asset)
  return next
}

/** The hold closes: `amount` leaves the account, `released` goes back to available. */
export const holdCaptured = (state: LiveAccount, event: HoldCaptured): LiveAccount => {
  const { holdId, amount, released, entryId, leg } = event.data
  const hold = openHold(state, holdId)
  const captured = positive(hold.asset, amount)
  const rest = moneyFromCanonical(hold.asset, released)
  assert(
    captured.scale === hold.scale && rest.scale === hold.scale,
    `HoldCaptured: scale of ${holdId}`,
  )
  assert(captured.minor + rest.minor === hold.minor, `HoldCaptured: ${holdId} parts do not add up`)
  return closedHold(state, holdId, hold, rest.minor, capturedMarker(entryId, leg))
}

/** The whole hold goes back to available. */
export const holdReleased = (state: LiveAccount, event: HoldReleased): LiveAccount => {
  const { holdId, amount } = event.data
  const hold = openHold(state, holdId)
  const released = positive(hold.asset, amount)
  assert(released.scale === hold.scale, `HoldReleased: scale of ${holdId}`)
  assert(released.minor === hold.minor, `HoldReleased: ${holdId} amount differs from the hold`)
  return closedHold(state, holdId, hold, released.minor, 'released')
}

// ---------------------------------------------------------------- helpers

const positive = (asset: string, amount: string): Money => {
  const parsed = moneyFromCanonical(asset, amount)
  assert(parsed.minor > 0n, `zero amount of ${asset} in a money event`)
  return parsed
}

const balanceOf = (state: LiveAccount, amount: Money): AssetBalance => {
  const balance = state.balances[amount.asset] ?? { scale: amount.scale, available: 0n, held: 0n }
  assert(
    balance.scale === amount.scale,
    `${amount.asset}: scale ${amount.scale}, account has ${balance.scale}`,
  )
  return balance
}

const withBalance = (
  state: LiveAccount,
  asset: string,
  balance: AssetBalance,
): Readonly<Record<string, AssetBalance>> => ({ ...state.balances, [asset]: balance })

const openHold = (state: LiveAccount, holdId: string): OpenHold => {
  const hold = state.holds.get(holdId)
  assert(hold !== undefined, `hold ${holdId} is not open`)
  return hold
}

// Closing a hold: held loses the whole hold, available regains `releasedMinor`; what was released
// no longer counts toward the day's limit (it was neither captured nor is it held any more).
const closedHold = (
  state: LiveAccount,
  holdId: string,
  hold: OpenHold,
  releasedMinor: bigint,
  marker: string,
): LiveAccount => {
  const balance = state.balances[hold.asset]
  assert(balance !== undefined, `hold ${holdId} without a ${hold.asset} balance`)
  const holds = new Map(state.holds)
  holds.delete(holdId)
  const next: LiveAccount = {
    ...state,
    balances: withBalance(state, hold.asset, {
      scale: balance.scale,
      available: balance.available + releasedMinor,
      held: balance.held - hold.minor,
    }),
    holds,
    spentToday: spentReleased(state, hold, releasedMinor),
    applied: rememberOperation(state.applied, holdKey(holdId), marker),
  }
  assertBalance(next, hold.asset)
  assertHeldMatchesHolds(next, hold.asset)
  return next
}

// Only the latest local date is kept: an amount for an older date no longer matters.
const spentAdded = (
  state: LiveAccount,
  asset: string,
  localDate: LocalDate,
  minor: bigint,
): Readonly<Record<string, DailySpending>> => {
  const current = state.spentToday[asset]
  if (current !== undefined && current.localDate > localDate) return state.spentToday
  const base = current?.localDate === localDate ? current.minor : 0n
  return { ...state.spentToday, [asset]: { localDate, minor: base + minor } }
}

const spentReleased = (
  state: LiveAccount,
  hold: OpenHold,
  releasedMinor: bigint,
): Readonly<Record<string, DailySpending>> => {
  const current = state.spentToday[hold.asset]
  if (releasedMinor === 0n || current === undefined || current.localDate !== hold.limitDate) {
    return state.spentToday
  }
  // Dates only move forward, so a hold of the tracked date was counted in it.
  assert(current.minor >= releasedMinor, `spent of ${current.localDate} would go negative`)
  return {
    ...state.spentToday,
    [hold.asset]: { localDate: current.localDate, minor: current.minor - releasedMinor },
  }
}

const assertBalance = (state: LiveAccount, asset: string): void => {
  const balance = state.balances[asset]
  assert(balance !== undefined, `no ${asset} balance after a money event`)
  assert(balance.held >= 0n, `${state.accountId}: held ${asset} is negative`)
  if (state.balanceRule === 'non_negative') {
    assert(balance.available >= 0n, `${state.accountId}: available ${asset} is negative`)
  }
}

const assertHeldMatchesHolds = (state: LiveAccount, asset: string): void => {
  let sum = 0n
  for (const hold of state.holds.values()) if (hold.asset === asset) sum += hold.minor
  assert(
    state.balances[asset]?.held === sum,
    `${state.accountId}: held ${asset} differs from its holds`,
  )
}
