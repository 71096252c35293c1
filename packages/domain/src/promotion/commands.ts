// Promotion command types, derived from their codecs so the codec stays the single source of truth.
import * as t from 'io-ts'
import {
  ApplyDiscountCommand,
  CreatePromotionCommand,
  ReturnDiscountCommand,
  VoidDiscountCommand,
} from './codecs.js'

/** Creates a promotion and funds its budget from the marketing fund. */
export type CreatePromotion = t.TypeOf<typeof CreatePromotionCommand>
/** Records that a captured payment used the promotion (the budget account's debit). */
export type ApplyDiscount = t.TypeOf<typeof ApplyDiscountCommand>
/** Records that a refund gave part of a payment's discount back (the budget account's credit). */
export type ReturnDiscount = t.TypeOf<typeof ReturnDiscountCommand>
/** Undoes a discount whose payment never recorded its entry (the budget account's credit back). */
export type VoidDiscount = t.TypeOf<typeof VoidDiscountCommand>

/** The codec of every promotion command. */
export const PromotionCommand = t.union(
  [CreatePromotionCommand, ApplyDiscountCommand, ReturnDiscountCommand, VoidDiscountCommand],
  'PromotionCommand',
)
/** Any promotion command. */
export type PromotionCommand = t.TypeOf<typeof PromotionCommand>
