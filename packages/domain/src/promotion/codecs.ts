// The io-ts codecs of every promotion command and event (STYLE.md section 7): the single source of
// truth for their static types, which commands.ts and events.ts derive with `t.TypeOf`.
import * as t from 'io-ts'
import {
  AccountId,
  AssetCode,
  CallerId,
  DecimalString,
  EngineId,
  IsoInstant,
  Percent,
} from '../codecs/common.js'
import { commandCodec, eventCodec } from '../codecs/event.js'
import { JournalEntry } from '../journal/journal.js'

// ---------------------------------------------------------------- shared pieces

/**
 * Ids the engine makes (journal entry ids): any short string, since the engine may derive them
 * with a prefix or a separator that a caller-chosen id would not allow.
 */
export const PromotionEngineId = EngineId

/** A percentage off the payment's amount ("10" is 10 %). */
export const PercentDiscount = t.type({ percent: Percent }, 'PercentDiscount')
/** A fixed amount off the payment, canonical in the promotion's asset. */
export const FixedDiscount = t.type({ fixed: DecimalString }, 'FixedDiscount')
/** How a promotion discounts a payment: a percentage or a fixed amount. */
export const DiscountRule = t.union([PercentDiscount, FixedDiscount], 'DiscountRule')
export type DiscountRule = t.TypeOf<typeof DiscountRule>

/** The terms a promotion is created with; creating the same id again must repeat them exactly. */
const promotionTerms = {
  required: {
    promotionId: CallerId,
    asset: AssetCode,
    budget: DecimalString,
    discount: DiscountRule,
  },
  optional: { capPerAccount: DecimalString, validFrom: IsoInstant, validUntil: IsoInstant },
}

/**
 * What a payment decision needs to know about a promotion, for one paying account, as plain data
 * (built by `promotionFactsOf` from the promotion's state). Amounts are canonical in `asset`:
 * `remaining` is the budget left, `usedByAccount` the discount this account has already received
 * (net of returns). Absent `validFrom`/`validUntil`/`capPerAccount` mean no such bound.
 */
export const PromotionFacts = t.intersection(
  [
    t.type({
      promotionId: CallerId,
      asset: AssetCode,
      discount: DiscountRule,
      remaining: DecimalString,
      usedByAccount: DecimalString,
    }),
    t.partial(promotionTerms.optional),
  ],
  'PromotionFacts',
)
export type PromotionFacts = t.TypeOf<typeof PromotionFacts>

// ---------------------------------------------------------------- commands

/**
 * Creates a promotion and funds its budget from the marketing fund in journal entry `entryId`.
 * `budget`, `discount.fixed` and `capPerAccount` are canonical in `asset`.
 */
export const CreatePromotionCommand = t.intersection(
  [
    commandCodec('CreatePromotion', {
      ...promotionTerms.required,
      entryId: PromotionEngineId,
      at: IsoInstant,
    }),
    t.partial(promotionTerms.optional),
  ],
  'CreatePromotion',
)

/**
 * Records that a captured payment used the promotion. `amount` is the payment's gross amount (the
 * discount is quoted from it again and must match), `entry` the payment's journal entry, whose one
 * debit leg on the budget account is the discount this event cites.
 */
export const ApplyDiscountCommand = commandCodec('ApplyDiscount', {
  promotionId: CallerId,
  paymentId: CallerId,
  accountId: AccountId,
  amount: DecimalString,
  entry: JournalEntry,
  at: IsoInstant,
})

/**
 * Records that a refund of a discounted payment gave part of the discount back to the budget:
 * `entry` is the refund's journal entry, whose one credit leg on the budget account is the amount.
 */
export const ReturnDiscountCommand = commandCodec('ReturnDiscount', {
  promotionId: CallerId,
  paymentId: CallerId,
  entry: JournalEntry,
  at: IsoInstant,
})

/**
 * Undoes the `DiscountApplied` of payment `paymentId` citing entry `entryId`, when the payment
 * never recorded that entry (the step-by-step executor applies the discount before the payment's
 * decision, and the decision was lost or clashed): the budget and the account's used amount come
 * back, and the payment may apply the promotion again. An unknown or already voided application
 * records nothing.
 */
export const VoidDiscountCommand = commandCodec('VoidDiscount', {
  promotionId: CallerId,
  paymentId: CallerId,
  entryId: PromotionEngineId,
  at: IsoInstant,
})

// ---------------------------------------------------------------- events

/**
 * The promotion exists; `entry` moves `budget` from the marketing fund to the promotion's budget
 * account. The promotion's stream is the book of its budget account: this entry's credit leg and
 * every `DiscountApplied`/`DiscountReturned` leg cite that account (and `DiscountVoided` undoes a
 * `DiscountApplied` whose entry was never recorded).
 */
export const PromotionCreatedV1 = eventCodec(
  'PromotionCreated',
  1,
  t.intersection([
    t.type({ ...promotionTerms.required, entry: JournalEntry, at: IsoInstant }),
    t.partial(promotionTerms.optional),
  ]),
)

/** A payment of `accountId` received `amount` off; the budget account's debit is `(entryId, leg)`. */
export const DiscountAppliedV1 = eventCodec(
  'DiscountApplied',
  1,
  t.type({
    promotionId: CallerId,
    paymentId: CallerId,
    accountId: AccountId,
    amount: DecimalString,
    entryId: PromotionEngineId,
    leg: t.number,
    at: IsoInstant,
  }),
)

/** A refund gave `amount` of a payment's discount back; the budget account's credit is `(entryId, leg)`. */
export const DiscountReturnedV1 = eventCodec(
  'DiscountReturned',
  1,
  t.type({
    promotionId: CallerId,
    paymentId: CallerId,
    amount: DecimalString,
    entryId: PromotionEngineId,
    leg: t.number,
    at: IsoInstant,
  }),
)

/**
 * A `DiscountApplied` of payment `paymentId` is undone: the payment never recorded entry `entryId`,
 * so the budget account gets `amount` back (a credit) and `accountId`'s used amount drops by it.
 * `(entryId, leg)` is the voided citation, not a leg this event posts: the entry does not exist.
 */
export const DiscountVoidedV1 = eventCodec(
  'DiscountVoided',
  1,
  t.type({
    promotionId: CallerId,
    paymentId: CallerId,
    accountId: AccountId,
    amount: DecimalString,
    entryId: PromotionEngineId,
    leg: t.number,
    at: IsoInstant,
  }),
)
