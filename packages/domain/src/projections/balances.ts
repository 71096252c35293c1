// The balances projection: per account and asset, available and held, folded from the account
// events that move money (and the promotion events that book a budget account's legs). The same
// fold answers point-in-time queries: `balancesAsOf` folds one account's own stream to a cutoff.
import { absurd, assert } from '../assert.js'
import { formatSignedMinor, moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'
import type { Booking, BookingLookup } from './bookings.js'
import { bookingsOf } from './bookings.js'
import type { LedgerEvent, Projection, ProjectionInput } from './projection.js'
import { eventAt, instantMs, ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- types

/** DESIGN's Balance: canonical strings; `total = available + held`. World accounts may be negative. */
export type Balance = { readonly available: string; readonly held: string; readonly total: string }

/** One asset of one account, in minor units at `scale`. */
export type AssetBalances = {
  readonly scale: number
  readonly available: bigint
  readonly held: bigint
}

/** An open hold as the balances keep it. */
export type HeldAmount = { readonly asset: string; readonly scale: number; readonly minor: bigint }

/** One account's book: balances per asset and open holds by hold id. Owned by the state. */
export type AccountBook = {
  readonly balances: Map<string, AssetBalances>
  readonly holds: Map<string, HeldAmount>
}

/** The state of the balances projection (owned by the runner, see `Projection`). */
export type BalancesState = {
  readonly accounts: Map<string, AccountBook>
  /** The asset of each promotion, for the legs its discount events book. */
  readonly promotionAssets: Map<string, string>
}

/** Where a point-in-time query stops: an instant (inclusive, on the event's `at`) or a position. */
export type BalanceCutoff = { readonly at: string } | { readonly position: bigint }

// ---------------------------------------------------------------- the projection

/** A fresh, empty balances state. */
export const initialBalancesState = (): BalancesState => ({
  accounts: new Map(),
  promotionAssets: new Map(),
})

/**
 * Applies one event. Updates `state` in place (the runner owns it) and returns it; each account's
 * per-asset balance object is replaced, never mutated, so a balance read earlier stays as it was.
 * Asserts what a valid log cannot do: capture or release a hold that is not open, a capture whose
 * parts differ from the hold, a negative held amount, two scales for one asset.
 */
export const applyBalances = (state: BalancesState, input: ProjectionInput): BalancesState => {
  const event = ledgerEventOf(input.event)
  if (event === undefined) return state
  applyEvent(state, event)
  return state
}

/** The balances projection, for core's runner. */
export const balancesProjection: Projection<BalancesState> = {
  name: 'balances',
  initialState: initialBalancesState,
  apply: applyBalances,
}

// ---------------------------------------------------------------- queries

/** Every asset an account has touched, as DESIGN's `Balance` (an unknown account has none). */
export const balancesOf = (state: BalancesState, accountId: string): Record<string, Balance> => {
  const book = state.accounts.get(accountId)
  const result: Record<string, Balance> = {}
  if (book === undefined) return result
  for (const [asset, balance] of [...book.balances].sort(([a], [b]) => (a < b ? -1 : 1))) {
    result[asset] = balanceView(balance)
  }
  return result
}

/**
 * An account's balances at a cutoff, folded from that account's own stream (`inputs`, in order):
 * events whose `at` is at or before `cutoff.at`, or whose position is at or before
 * `cutoff.position`. The core reads the stream and calls this for `balances(id, { asOf })`.
 */
export const balancesAsOf = (
  inputs: Iterable<ProjectionInput>,
  accountId: string,
  cutoff: BalanceCutoff,
): Record<string, Balance> => {
  const state = initialBalancesState()
  const limitMs = 'at' in cutoff ? instantMs(cutoff.at) : undefined
  for (const input of inputs) {
    if (!isWithin(input, cutoff, limitMs)) continue
    applyBalances(state, input)
  }
  return balancesOf(state, accountId)
}

/** Signed minor units per asset summed over every account: all zero for a complete, valid log. */
export const totalsByAsset = (state: BalancesState): Map<string, bigint> => {
  const totals = new Map<string, bigint>()
  for (const book of state.accounts.values()) {
    for (const [asset, balance] of book.balances) {
      totals.set(asset, (totals.get(asset) ?? 0n) + balance.available + balance.held)
    }
  }
  return totals
}

/** DESIGN's Balance of one asset balance. */
export const balanceView = (balance: AssetBalances): Balance => ({
  available: formatSignedMinor(balance.available, balance.scale),
  held: formatSignedMinor(balance.held, balance.scale),
  total: formatSignedMinor(balance.available + balance.held, balance.scale),
})

// ---------------------------------------------------------------- helpers

const applyEvent = (state: BalancesState, event: LedgerEvent): void => {
  switch (event.type) {
    case 'FundsHeld': {
      const { accountId, holdId, asset, amount } = event.data
      const held = moneyFromCanonical(asset, amount)
      const book = bookOf(state, accountId)
      assert(!book.holds.has(holdId), `FundsHeld: hold ${holdId} of ${accountId} already open`)
      book.holds.set(holdId, { asset, scale: held.scale, minor: held.minor })
      return move(book, held, -held.minor, held.minor)
    }
    case 'HoldCaptured': {
      const { accountId, holdId, amount, released } = event.data
      const book = bookOf(state, accountId)
      const hold = openHold(book, accountId, holdId)
      const captured = moneyFromCanonical(hold.asset, amount).minor
      const rest = moneyFromCanonical(hold.asset, released).minor
      assert(captured + rest === hold.minor, `HoldCaptured: ${holdId} parts differ from the hold`)
      book.holds.delete(holdId)
      return move(book, { ...hold }, rest, -hold.minor)
    }
    case 'HoldReleased': {
      const { accountId, holdId, amount } = event.data
      const book = bookOf(state, accountId)
      const hold = openHold(book, accountId, holdId)
      assert(moneyFromCanonical(hold.asset, amount).minor === hold.minor, `HoldReleased: ${holdId}`)
      book.holds.delete(holdId)
      return move(book, { ...hold }, hold.minor, -hold.minor)
    }
    case 'PromotionCreated':
      state.promotionAssets.set(event.data.promotionId, event.data.asset)
      return postAll(state, event)
    default:
      return postAll(state, event)
  }
}

const postAll = (state: BalancesState, event: LedgerEvent): void => {
  for (const booking of bookingsOf(event, lookupOf(state))) post(state, booking)
}

const post = (state: BalancesState, booking: Booking): void => {
  const amount = moneyFromCanonical(booking.asset, booking.amount)
  assert(amount.minor > 0n, `${booking.entryId}/${booking.leg}: a booking moves nothing`)
  const signed =
    booking.direction === 'credit'
      ? amount.minor
      : booking.direction === 'debit'
        ? -amount.minor
        : absurd(booking.direction)
  move(bookOf(state, booking.accountId), amount, signed, 0n)
}

// Replaces the asset's balance object with one moved by the two deltas.
const move = (book: AccountBook, amount: Money, available: bigint, held: bigint): void => {
  const before = book.balances.get(amount.asset) ?? { scale: amount.scale, available: 0n, held: 0n }
  assert(
    before.scale === amount.scale,
    `${amount.asset}: scale ${amount.scale}, was ${before.scale}`,
  )
  const after = {
    scale: before.scale,
    available: before.available + available,
    held: before.held + held,
  }
  assert(after.held >= 0n, `${amount.asset}: held went negative`)
  book.balances.set(amount.asset, after)
}

const bookOf = (state: BalancesState, accountId: string): AccountBook => {
  const existing = state.accounts.get(accountId)
  if (existing !== undefined) return existing
  const created: AccountBook = { balances: new Map(), holds: new Map() }
  state.accounts.set(accountId, created)
  return created
}

const openHold = (book: AccountBook, accountId: string, holdId: string): HeldAmount => {
  const hold = book.holds.get(holdId)
  assert(hold !== undefined, `hold ${holdId} of ${accountId} is not open`)
  return hold
}

const lookupOf = (state: BalancesState): BookingLookup => ({
  holdAsset: (accountId, holdId) => state.accounts.get(accountId)?.holds.get(holdId)?.asset,
  promotionAsset: (promotionId) => state.promotionAssets.get(promotionId),
})

const isWithin = (
  input: ProjectionInput,
  cutoff: BalanceCutoff,
  limitMs: number | undefined,
): boolean => {
  if ('position' in cutoff) return input.position <= cutoff.position
  const at = eventAt(input.event)
  assert(at !== undefined && limitMs !== undefined, `${input.stream}: event without an instant`)
  return instantMs(at) <= limitMs
}
