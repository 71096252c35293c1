// The promotion's state and evolve: a funded budget, how much of it is left, and which payments used
// it, so a step replayed by the engine changes nothing and refunds return at most what was used. A
// voided use is forgotten (its payment never recorded it), so the payment may use the promotion again.
import { assert, absurd } from '../assert.js'
import { isBalanced } from '../journal/journal.js'
import { promotionBudgetAccount } from '../journal/systemAccounts.js'
import { moneyFromCanonical } from '../money/money.js'
import type { DiscountRule } from './codecs.js'
import type {
  DiscountApplied,
  DiscountReturned,
  DiscountVoided,
  PromotionCreated,
  PromotionEvent,
} from './events.js'

// ---------------------------------------------------------------- types

/** The terms a promotion was created with, as recorded (canonical strings). */
export type PromotionTerms = {
  readonly asset: string
  readonly budget: string
  readonly discount: DiscountRule
  readonly capPerAccount?: string
  readonly validFrom?: string
  readonly validUntil?: string
}

/**
 * One payment's use of the promotion: the budget leg it cites `(entryId, leg)`, its discount, what
 * refunds gave back, and their entries.
 */
export type PromotionUse = {
  readonly accountId: string
  readonly entryId: string
  readonly leg: number
  readonly discount: bigint
  readonly returned: bigint
  readonly returnEntryIds: ReadonlySet<string>
}

/** A created promotion. Amounts are minor units of `terms.asset` at `scale`. */
export type ActivePromotion = {
  readonly status: 'active'
  readonly promotionId: string
  readonly terms: PromotionTerms
  readonly scale: number
  readonly budget: bigint
  /** The budget account's balance: budget − discounts applied + discounts returned. */
  readonly remaining: bigint
  /** Discount received per account, net of returns (what `capPerAccount` bounds). */
  readonly usedByAccount: ReadonlyMap<string, bigint>
  /** Every payment that used the promotion (and whose use was not voided), by payment id. */
  readonly uses: ReadonlyMap<string, PromotionUse>
}

/** The state of one promotion stream. */
export type PromotionState = { readonly status: 'not_created' } | ActivePromotion

/** The state before the first event. */
export const initialPromotionState: PromotionState = { status: 'not_created' }

// ---------------------------------------------------------------- evolve

/** Applies one recorded event; asserts on an event that cannot follow the state (corrupt stream). */
export const evolvePromotion = (state: PromotionState, event: PromotionEvent): PromotionState => {
  switch (event.type) {
    case 'PromotionCreated':
      return created(state, event)
    case 'DiscountApplied':
      return applied(activeOrFail(state, event.type), event)
    case 'DiscountReturned':
      return returned(activeOrFail(state, event.type), event)
    case 'DiscountVoided':
      return voided(activeOrFail(state, event.type), event)
    default:
      return absurd(event)
  }
}

const activeOrFail = (state: PromotionState, type: string): ActivePromotion => {
  assert(state.status === 'active', `${type} before PromotionCreated`)
  return state
}

const created = (state: PromotionState, event: PromotionCreated): ActivePromotion => {
  assert(state.status === 'not_created', 'PromotionCreated twice')
  const { entry, at: _at, promotionId, ...terms } = event.data
  const budget = moneyFromCanonical(terms.asset, terms.budget)
  assert(budget.minor > 0n, 'PromotionCreated: budget not positive')
  assert(isBalanced(entry), 'PromotionCreated: funding entry not balanced')
  assert(
    entry.legs.some(
      (leg) => leg.account === promotionBudgetAccount(promotionId) && leg.amount === terms.budget,
    ),
    'PromotionCreated: entry does not fund the budget account',
  )
  return {
    status: 'active',
    promotionId,
    terms,
    scale: budget.scale,
    budget: budget.minor,
    remaining: budget.minor,
    usedByAccount: new Map(),
    uses: new Map(),
  }
}

const applied = (state: ActivePromotion, event: DiscountApplied): ActivePromotion => {
  const { paymentId, accountId, entryId, leg } = event.data
  const amount = minorOf(state, event.data.amount)
  assert(!state.uses.has(paymentId), `DiscountApplied twice for payment ${paymentId}`)
  assert(amount > 0n, 'DiscountApplied: amount not positive')
  assert(amount <= state.remaining, 'DiscountApplied: more than the remaining budget')
  const use: PromotionUse = {
    accountId,
    entryId,
    leg,
    discount: amount,
    returned: 0n,
    returnEntryIds: new Set(),
  }
  return {
    ...state,
    remaining: state.remaining - amount,
    usedByAccount: new Map(state.usedByAccount).set(accountId, usedBy(state, accountId) + amount),
    uses: new Map(state.uses).set(paymentId, use),
  }
}

const returned = (state: ActivePromotion, event: DiscountReturned): ActivePromotion => {
  const { paymentId, entryId } = event.data
  const amount = minorOf(state, event.data.amount)
  const use = state.uses.get(paymentId)
  assert(use !== undefined, `DiscountReturned for payment ${paymentId} that used no discount`)
  assert(!use.returnEntryIds.has(entryId), `DiscountReturned twice for entry ${entryId}`)
  assert(amount > 0n, 'DiscountReturned: amount not positive')
  assert(use.returned + amount <= use.discount, 'DiscountReturned: more than the discount given')
  const next: PromotionUse = {
    ...use,
    returned: use.returned + amount,
    returnEntryIds: new Set(use.returnEntryIds).add(entryId),
  }
  const remaining = state.remaining + amount
  assert(remaining <= state.budget, 'DiscountReturned: remaining above the budget')
  return {
    ...state,
    remaining,
    usedByAccount: new Map(state.usedByAccount).set(
      use.accountId,
      usedBy(state, use.accountId) - amount,
    ),
    uses: new Map(state.uses).set(paymentId, next),
  }
}

// Undoes a use whose entry was never recorded: nothing of it can have been returned.
const voided = (state: ActivePromotion, event: DiscountVoided): ActivePromotion => {
  const { paymentId, accountId, entryId, leg } = event.data
  const amount = minorOf(state, event.data.amount)
  const use = state.uses.get(paymentId)
  assert(use !== undefined, `DiscountVoided for payment ${paymentId} that has no discount`)
  assert(use.entryId === entryId && use.leg === leg, `DiscountVoided: ${entryId}#${leg} not cited`)
  assert(use.accountId === accountId, `DiscountVoided: the discount went to ${use.accountId}`)
  assert(amount === use.discount, 'DiscountVoided: amount is not the discount applied')
  assert(use.returned === 0n, 'DiscountVoided: part of the discount was returned')
  const remaining = state.remaining + amount
  assert(remaining <= state.budget, 'DiscountVoided: remaining above the budget')
  const uses = new Map(state.uses)
  uses.delete(paymentId)
  return {
    ...state,
    remaining,
    usedByAccount: new Map(state.usedByAccount).set(accountId, usedBy(state, accountId) - amount),
    uses,
  }
}

// ---------------------------------------------------------------- helpers

/** The discount `accountId` has received from the promotion, net of returns. */
export const usedBy = (state: ActivePromotion, accountId: string): bigint =>
  state.usedByAccount.get(accountId) ?? 0n

/** Minor units of a canonical amount of the promotion's asset; asserts the scale matches. */
export const minorOf = (state: ActivePromotion, amount: string): bigint => {
  const parsed = moneyFromCanonical(state.terms.asset, amount)
  assert(
    parsed.scale === state.scale,
    `amount "${amount}" is not at the scale of ${state.terms.asset}`,
  )
  return parsed.minor
}
