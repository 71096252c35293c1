// The model of promotions: a budget funded from the marketing fund, and the discount a payment
// gets, all or nothing (DESIGN.md section 3): a percent rounded down or a fixed amount, refused
// when not valid (another asset, outside its dates, not below the amount), when the budget cannot
// cover it, or when it would pass the account's cap. A refund gives the budget its share back.
import { firstShare } from './arithmetic.js'
import { debit, platformAccount } from './ledgerModel.js'
import type { LedgerModel, ModelPayment, ModelPromotion } from './types.js'

// ---------------------------------------------------------------- types

/** The discount a payment gets, or the code of the promotion's refusal. */
export type ModelDiscount = { readonly minor: bigint } | { readonly code: string }

// ---------------------------------------------------------------- operations

/** Records a promotion the ledger created, its budget taken from the marketing fund. */
export const addModelPromotion = (
  model: LedgerModel,
  promotion: Omit<ModelPromotion, 'remaining' | 'usedBy'> & { readonly budget: bigint },
): ModelPromotion => {
  const { budget, ...terms } = promotion
  const recorded: ModelPromotion = { ...terms, remaining: budget, usedBy: new Map() }
  model.promotions.set(recorded.promotionId, recorded)
  debit(platformAccount(model, 'world:marketing-fund'), promotion.asset, budget)
  return recorded
}

/** The discount `promotion` gives `payer` on `amount` of `asset` now. */
export const discountOf = (
  model: LedgerModel,
  promotion: ModelPromotion,
  payer: string,
  asset: string,
  amount: bigint,
): ModelDiscount => {
  const notValid = { code: 'promotion_not_valid' }
  if (asset !== promotion.asset) return notValid
  if (promotion.validFromMs !== undefined && model.nowMs < promotion.validFromMs) return notValid
  if (promotion.validUntilMs !== undefined && model.nowMs > promotion.validUntilMs) return notValid
  const { discount } = promotion
  const minor =
    'fixed' in discount
      ? discount.fixed
      : (amount * percentParts(discount.percent).numerator) /
        percentParts(discount.percent).denominator
  if (minor >= amount) return notValid
  if (minor === 0n) return { minor }
  if (promotion.remaining < minor) return { code: 'promotion_exhausted' }
  const used = promotion.usedBy.get(payer) ?? 0n
  if (promotion.capPerAccount !== undefined && used + minor > promotion.capPerAccount)
    return { code: 'promotion_cap_exceeded' }
  return { minor }
}

// "12.5" percent as the fraction 125 / 1000 of an amount.
const percentParts = (percent: string) => {
  const [whole = '0', fraction = ''] = percent.split('.')
  return {
    numerator: BigInt(whole + fraction),
    denominator: 100n * 10n ** BigInt(fraction.length),
  }
}

/** The budget pays a captured payment's discount. */
export const spendDiscount = (model: LedgerModel, payment: ModelPayment): void => {
  const promotion = promotionOf(model, payment)
  if (promotion === undefined || payment.discount === 0n) return
  promotion.remaining -= payment.discount
  promotion.usedBy.set(
    payment.payer,
    (promotion.usedBy.get(payment.payer) ?? 0n) + payment.discount,
  )
}

/**
 * The payer's part of a refund taking a payment's refunded total from `before` to `after`: the
 * difference of cumulative largest-remainder splits between what the payer was charged and the
 * discount (ties to the payer), so any sequence of refunds gives the payer exactly what they paid.
 */
export const payerRefundShare = (payment: ModelPayment, before: bigint, after: bigint): bigint => {
  const charged = payment.captured - payment.discount
  return (
    firstShare(after, charged, payment.discount) - firstShare(before, charged, payment.discount)
  )
}

/** The budget takes back its share of a refund. */
export const returnDiscount = (model: LedgerModel, payment: ModelPayment, share: bigint): void => {
  const promotion = promotionOf(model, payment)
  if (promotion === undefined || share === 0n) return
  promotion.remaining += share
  promotion.usedBy.set(payment.payer, (promotion.usedBy.get(payment.payer) ?? 0n) - share)
}

const promotionOf = (model: LedgerModel, payment: ModelPayment): ModelPromotion | undefined =>
  payment.promotionId === undefined ? undefined : model.promotions.get(payment.promotionId)
