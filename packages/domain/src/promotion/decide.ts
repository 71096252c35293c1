// The promotion decider: create a funded budget, record each discounted payment's use of it, give
// refunded shares back, and void a use whose payment never recorded it. The payment decides whether a discount applies (with `quoteDiscount`
// over facts from this aggregate); this decider records it in the promotion's own stream.
import type { Either } from 'fp-ts/lib/Either.js'
import { isLeft, left, right } from 'fp-ts/lib/Either.js'
import { absurd, assert } from '../assert.js'
import type { Decider } from '../decider.js'
import type { JournalEntry } from '../journal/journal.js'
import { buildJournalEntry, legsOf } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, promotionBudgetAccount } from '../journal/systemAccounts.js'
import { formatMinor, moneyFromCanonical } from '../money/money.js'
import type { DecimalString } from '../codecs/common.js'
import type {
  ApplyDiscount,
  CreatePromotion,
  PromotionCommand,
  ReturnDiscount,
  VoidDiscount,
} from './commands.js'
import type { PromotionError } from './errors.js'
import { promotionError } from './errors.js'
import { notFound } from '../notFound.js'
import type { DiscountVoided, PromotionEvent } from './events.js'
import { promotionFactsOf, quoteDiscount } from './quote.js'
import type { ActivePromotion, PromotionState, PromotionTerms } from './state.js'
import { evolvePromotion, initialPromotionState, minorOf } from './state.js'

type Decision = Either<PromotionError, readonly PromotionEvent[]>

// ---------------------------------------------------------------- decide

/**
 * Decides a promotion command. Rejections: `promotion_already_exists` (same id, other terms; the
 * same terms again record nothing), `amount_not_positive` and `invalid_input` for bad terms,
 * `promotion_not_found`, the quote's refusals on `ApplyDiscount` (`promotion_exhausted`,
 * `promotion_not_valid`, `promotion_cap_exceeded`), `invalid_transition` (returning a discount a
 * payment never had, or voiding one that refunds already gave part of back) and
 * `refund_exceeds_captured` (returning more than it had). A replayed `ApplyDiscount` (same
 * payment) or `ReturnDiscount` (same entry) records nothing, and so does a `VoidDiscount` of an
 * unknown or already voided use.
 */
export const decidePromotion = (command: PromotionCommand, state: PromotionState): Decision => {
  switch (command.type) {
    case 'CreatePromotion':
      return createPromotion(command, state)
    case 'ApplyDiscount':
      return applyDiscount(command, state)
    case 'ReturnDiscount':
      return returnDiscount(command, state)
    case 'VoidDiscount':
      return voidDiscount(command, state)
    default:
      return absurd(command)
  }
}

const createPromotion = (command: CreatePromotion, state: PromotionState): Decision => {
  const { type: _type, promotionId, entryId, at, ...terms } = command
  if (state.status === 'active') {
    if (sameTerms(state.terms, terms)) return right([])
    return left(
      promotionError(
        'promotion_already_exists',
        `promotion ${promotionId} already exists with other terms`,
        {
          promotionId,
        },
      ),
    )
  }
  const invalid = invalidTerms(terms)
  if (invalid !== undefined) return left(invalid)
  const budget = moneyFromCanonical(terms.asset, terms.budget)
  const entry = buildJournalEntry(entryId, [
    { account: SYSTEM_ACCOUNTS.marketingFund, amount: budget, direction: 'debit' },
    { account: promotionBudgetAccount(promotionId), amount: budget, direction: 'credit' },
  ])
  return right([
    { type: 'PromotionCreated', schemaVersion: 1, data: { promotionId, ...terms, entry, at } },
  ])
}

const applyDiscount = (command: ApplyDiscount, state: PromotionState): Decision => {
  if (state.status === 'not_created') return left(promotionNotFound(command.promotionId))
  assert(command.promotionId === state.promotionId, 'ApplyDiscount routed to another promotion')
  if (state.uses.has(command.paymentId)) return right([]) // A replayed step: already recorded.
  const facts = promotionFactsOf(state, command.accountId)
  const quote = quoteDiscount(facts, {
    asset: state.terms.asset,
    amount: command.amount,
    at: command.at,
  })
  if (isLeft(quote)) return quote
  const leg = budgetLegOf(state, command.entry, 'debit')
  // The payment quoted with the same rule from facts of this stream; only budget, cap and dates
  // can have moved since, and those are re-checked above, so the amounts must agree.
  assert(
    quote.right.minor === leg.minor,
    `ApplyDiscount: entry discounts ${leg.minor}, the rule gives ${quote.right.minor}`,
  )
  const data = {
    promotionId: command.promotionId,
    paymentId: command.paymentId,
    accountId: command.accountId,
    amount: leg.amount,
    entryId: command.entry.entryId,
    leg: leg.index,
    at: command.at,
  }
  return right([{ type: 'DiscountApplied', schemaVersion: 1, data }])
}

const returnDiscount = (command: ReturnDiscount, state: PromotionState): Decision => {
  if (state.status === 'not_created') return left(promotionNotFound(command.promotionId))
  assert(command.promotionId === state.promotionId, 'ReturnDiscount routed to another promotion')
  const use = state.uses.get(command.paymentId)
  if (use === undefined) {
    return left(
      promotionError(
        'invalid_transition',
        `payment ${command.paymentId} got no discount from ${state.promotionId}`,
        {
          paymentId: command.paymentId,
        },
      ),
    )
  }
  if (use.returnEntryIds.has(command.entry.entryId)) return right([]) // A replayed step.
  const leg = budgetLegOf(state, command.entry, 'credit')
  if (use.returned + leg.minor > use.discount) {
    return left(
      promotionError(
        'refund_exceeds_captured',
        `payment ${command.paymentId} cannot return more than its discount`,
        {
          paymentId: command.paymentId,
        },
      ),
    )
  }
  const data = {
    promotionId: command.promotionId,
    paymentId: command.paymentId,
    amount: leg.amount,
    entryId: command.entry.entryId,
    leg: leg.index,
    at: command.at,
  }
  return right([{ type: 'DiscountReturned', schemaVersion: 1, data }])
}

// The engine voids only a use whose payment never recorded the entry; a refund of it proves the
// payment was recorded, so voiding it would take the discount back twice.
const voidDiscount = (command: VoidDiscount, state: PromotionState): Decision => {
  if (state.status === 'not_created') return left(promotionNotFound(command.promotionId))
  assert(command.promotionId === state.promotionId, 'VoidDiscount routed to another promotion')
  const use = state.uses.get(command.paymentId)
  // Unknown, already voided, or applied again since with another entry: nothing to undo.
  if (use === undefined || use.entryId !== command.entryId) return right([])
  if (use.returned > 0n) {
    return left(
      promotionError(
        'invalid_transition',
        `payment ${command.paymentId} was refunded part of its discount: it cannot be voided`,
        { paymentId: command.paymentId },
      ),
    )
  }
  // The use keeps the fields of the DiscountApplied it came from, so they decoded once already.
  const data = {
    promotionId: command.promotionId,
    paymentId: command.paymentId,
    accountId: use.accountId,
    amount: formatMinor(use.discount, state.scale),
    entryId: use.entryId,
    leg: use.leg,
    at: command.at,
  } as DiscountVoided['data']
  return right([{ type: 'DiscountVoided', schemaVersion: 1, data }])
}

// ---------------------------------------------------------------- helpers

type TermsInput = Omit<CreatePromotion, 'type' | 'promotionId' | 'entryId' | 'at'>

const sameTerms = (recorded: PromotionTerms, requested: TermsInput): boolean =>
  recorded.asset === requested.asset &&
  recorded.budget === requested.budget &&
  JSON.stringify(recorded.discount) === JSON.stringify(requested.discount) &&
  recorded.capPerAccount === requested.capPerAccount &&
  recorded.validFrom === requested.validFrom &&
  recorded.validUntil === requested.validUntil

// "0", "0.00" and "100", "100.0": a promotion of nothing, or one that makes payments free.
const ZERO_OR_HUNDRED_PERCENT = /^(0|100)(\.0+)?$/

const invalidTerms = (terms: TermsInput): PromotionError | undefined => {
  const budget = minorAtScaleOf(terms.asset, terms.budget, undefined)
  if (budget.minor === 0n)
    return promotionError('amount_not_positive', 'budget: must be greater than zero', {
      path: 'budget',
    })
  if ('percent' in terms.discount && ZERO_OR_HUNDRED_PERCENT.test(terms.discount.percent)) {
    return invalidInput('discount.percent', 'a percent discount must be above 0 and below 100')
  }
  if ('fixed' in terms.discount) {
    const fixed = minorAtScaleOf(terms.asset, terms.discount.fixed, budget.scale).minor
    if (fixed === 0n)
      return promotionError('amount_not_positive', 'discount.fixed: must be greater than zero', {
        path: 'discount.fixed',
      })
    if (fixed > budget.minor)
      return invalidInput('discount.fixed', 'the fixed discount is larger than the budget')
  }
  if (
    terms.capPerAccount !== undefined &&
    minorAtScaleOf(terms.asset, terms.capPerAccount, budget.scale).minor === 0n
  ) {
    return promotionError('amount_not_positive', 'capPerAccount: must be greater than zero', {
      path: 'capPerAccount',
    })
  }
  if (
    terms.validFrom !== undefined &&
    terms.validUntil !== undefined &&
    Date.parse(terms.validFrom) >= Date.parse(terms.validUntil)
  ) {
    return invalidInput('validUntil', 'validUntil must be after validFrom')
  }
  return undefined
}

// Amounts come canonical from the engine, so a scale other than the budget's is our own bug.
const minorAtScaleOf = (asset: string, amount: DecimalString, scale: number | undefined) => {
  const parsed = moneyFromCanonical(asset, amount)
  assert(
    scale === undefined || parsed.scale === scale,
    `"${amount}" is not at the scale of ${asset}`,
  )
  return parsed
}

/** The one leg of `entry` on this promotion's budget account, asserted to go in `direction`. */
const budgetLegOf = (
  state: ActivePromotion,
  entry: JournalEntry,
  direction: 'debit' | 'credit',
) => {
  const legs = legsOf(entry, promotionBudgetAccount(state.promotionId))
  assert(
    legs.length === 1,
    `entry ${entry.entryId}: expected one leg on the budget account, got ${legs.length}`,
  )
  const [{ leg, index }] = legs as [(typeof legs)[number]]
  assert(
    leg.direction === direction,
    `entry ${entry.entryId}: budget leg is a ${leg.direction}, not a ${direction}`,
  )
  assert(leg.asset === state.terms.asset, `entry ${entry.entryId}: budget leg in ${leg.asset}`)
  return { index, amount: leg.amount, minor: minorOf(state, leg.amount) }
}

const invalidInput = (path: string, message: string): PromotionError =>
  promotionError('invalid_input', `${path}: ${message}`, { path })

const promotionNotFound = (promotionId: string): PromotionError =>
  notFound('promotion', promotionId)

// ---------------------------------------------------------------- decider and stream

/** The promotion aggregate. */
export const promotionDecider: Decider<
  PromotionState,
  PromotionCommand,
  PromotionEvent,
  PromotionError
> = {
  initialState: initialPromotionState,
  decide: decidePromotion,
  evolve: evolvePromotion,
}
