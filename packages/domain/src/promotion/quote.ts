// The one rule for how much a promotion takes off a payment, shared by the payment decider (which
// quotes from facts passed in its command) and the promotion decider (which re-quotes from its own
// state when the discount is applied), so both always agree.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import type { DomainError } from '../errors.js'
import { formatMinor, formatMoney, moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'
import { percentOfMinor } from '../money/rounding.js'
import type { DecimalString, IsoInstant } from '../codecs/common.js'
import type { PromotionFacts } from './codecs.js'
import type { DiscountRefusalCode } from './errors.js'
import { promotionError } from './errors.js'
import type { ActivePromotion } from './state.js'
import { usedBy } from './state.js'

// ---------------------------------------------------------------- types

/** The payment a discount is quoted for: asset, gross canonical amount, and when it happens. */
export type DiscountRequest = {
  readonly asset: string
  readonly amount: string
  readonly at: string
}

// ---------------------------------------------------------------- operations

/** The facts a payment decision needs about this promotion for the paying account `accountId`. */
export const promotionFactsOf = (state: ActivePromotion, accountId: string): PromotionFacts => {
  const { terms } = state
  return {
    promotionId: state.promotionId as PromotionFacts['promotionId'],
    asset: terms.asset as PromotionFacts['asset'],
    discount: terms.discount,
    remaining: formatMinor(state.remaining, state.scale),
    usedByAccount: formatMinor(usedBy(state, accountId), state.scale),
    ...(terms.capPerAccount === undefined
      ? {}
      : { capPerAccount: terms.capPerAccount as DecimalString }),
    ...(terms.validFrom === undefined ? {} : { validFrom: terms.validFrom as IsoInstant }),
    ...(terms.validUntil === undefined ? {} : { validUntil: terms.validUntil as IsoInstant }),
  }
}

/**
 * The discount a promotion gives a payment, all or nothing (DESIGN: a promotion that cannot cover
 * the full discount refuses; the person can pay without it). Checked in this order:
 * - `promotion_not_valid`: another asset, `at` outside `validFrom..validUntil` (both inclusive), or
 *   a fixed discount not below the amount (we refuse rather than cap it, so every discounted
 *   payment still charges the payer something and keeps a payer leg to authorize and cite);
 * - `promotion_exhausted`: the remaining budget is below the discount;
 * - `promotion_cap_exceeded`: the account's discounts (net of returns) would pass `capPerAccount`.
 *   We refuse rather than shrink the discount, for the same all-or-nothing reason.
 * A percent discount is rounded down to the minor unit: the budget never pays more than the
 * advertised percentage, and the payer pays less than one minor unit more than the exact price.
 * A zero result (a tiny amount) is `right` zero: the payment goes ahead without the promotion.
 */
export const quoteDiscount = (
  facts: PromotionFacts,
  request: DiscountRequest,
): Either<DomainError<DiscountRefusalCode>, Money> => {
  const amount = moneyFromCanonical(request.asset, request.amount)
  assert(amount.minor > 0n, 'quoteDiscount: amount not positive')
  if (request.asset !== facts.asset) {
    return left(
      notValid(
        `promotion ${facts.promotionId} is for ${facts.asset}, not ${request.asset}`,
        'asset',
      ),
    )
  }
  const at = Date.parse(request.at)
  if (facts.validFrom !== undefined && at < Date.parse(facts.validFrom)) {
    return left(
      notValid(`promotion ${facts.promotionId} starts at ${facts.validFrom}`, 'not_started'),
    )
  }
  if (facts.validUntil !== undefined && at > Date.parse(facts.validUntil)) {
    return left(notValid(`promotion ${facts.promotionId} ended at ${facts.validUntil}`, 'ended'))
  }
  const discount = discountOf(facts, amount)
  if (discount.minor >= amount.minor) {
    return left(
      notValid(
        `a discount of ${formatMoney(discount)} needs a larger payment`,
        'amount_below_discount',
      ),
    )
  }
  if (discount.minor === 0n) return right(discount)
  return checkBudget(facts, discount)
}

// ---------------------------------------------------------------- helpers

const discountOf = (facts: PromotionFacts, amount: Money): Money => {
  if ('percent' in facts.discount) {
    // Rounded down once: the budget never pays more than the advertised percentage.
    return { ...amount, minor: percentOfMinor(amount.minor, facts.discount.percent, 'down') }
  }
  const fixed = moneyFromCanonical(facts.asset, facts.discount.fixed)
  assert(fixed.scale === amount.scale, `fixed discount "${facts.discount.fixed}" at another scale`)
  return fixed
}

const checkBudget = (
  facts: PromotionFacts,
  discount: Money,
): Either<DomainError<DiscountRefusalCode>, Money> => {
  const remaining = sameScale(facts.remaining, discount)
  if (remaining < discount.minor) {
    return left(
      promotionError(
        'promotion_exhausted',
        `promotion ${facts.promotionId} has not enough budget left`,
        {
          promotionId: facts.promotionId,
        },
      ),
    )
  }
  if (facts.capPerAccount !== undefined) {
    const used = sameScale(facts.usedByAccount, discount)
    if (used + discount.minor > sameScale(facts.capPerAccount, discount)) {
      return left(
        promotionError(
          'promotion_cap_exceeded',
          `this account has reached the promotion's cap of ${facts.capPerAccount}`,
          {
            promotionId: facts.promotionId,
          },
        ),
      )
    }
  }
  return right(discount)
}

const sameScale = (amount: string, like: Money): bigint => {
  const parsed = moneyFromCanonical(like.asset, amount)
  assert(parsed.scale === like.scale, `amount "${amount}" is not at the scale of ${like.asset}`)
  return parsed.minor
}

const notValid = (message: string, reason: string): DomainError<'promotion_not_valid'> =>
  promotionError('promotion_not_valid', message, { reason })
