// Promotion event types, derived from their codecs so the codec stays the single source of truth.
import * as t from 'io-ts'
import {
  DiscountAppliedV1,
  DiscountReturnedV1,
  DiscountVoidedV1,
  PromotionCreatedV1,
} from './codecs.js'

/** The promotion exists and its budget is funded, with the journal entry. */
export type PromotionCreated = t.TypeOf<typeof PromotionCreatedV1>
/** A payment received a discount from the budget. */
export type DiscountApplied = t.TypeOf<typeof DiscountAppliedV1>
/** A refund gave part of a discount back to the budget. */
export type DiscountReturned = t.TypeOf<typeof DiscountReturnedV1>
/** A discount whose payment never recorded its entry went back to the budget. */
export type DiscountVoided = t.TypeOf<typeof DiscountVoidedV1>

/** The codec of every promotion event (current versions; run `promotionUpcasters` first). */
export const PromotionEvent = t.union(
  [PromotionCreatedV1, DiscountAppliedV1, DiscountReturnedV1, DiscountVoidedV1],
  'PromotionEvent',
)
/** Any promotion event. */
export type PromotionEvent = t.TypeOf<typeof PromotionEvent>
