// The public names of the promotion aggregate, listed by name.
export type { ApplyDiscount, CreatePromotion, ReturnDiscount, VoidDiscount } from './commands.js'
export { PromotionCommand } from './commands.js'
export {
  ApplyDiscountCommand,
  CreatePromotionCommand,
  DiscountAppliedV1,
  DiscountReturnedV1,
  DiscountRule,
  DiscountVoidedV1,
  FixedDiscount,
  PercentDiscount,
  PromotionCreatedV1,
  PromotionFacts,
  ReturnDiscountCommand,
  VoidDiscountCommand,
} from './codecs.js'
export type {
  DiscountApplied,
  DiscountReturned,
  DiscountVoided,
  PromotionCreated,
} from './events.js'
export { PromotionEvent } from './events.js'
export type { DiscountRefusalCode, PromotionError, PromotionErrorCode } from './errors.js'
export { promotionError } from './errors.js'
export type { ActivePromotion, PromotionState, PromotionTerms, PromotionUse } from './state.js'
export { evolvePromotion, initialPromotionState } from './state.js'
export type { DiscountRequest } from './quote.js'
export { promotionFactsOf, quoteDiscount } from './quote.js'
export { decidePromotion, promotionDecider } from './decide.js'
export { promotionStream } from '../streamNames.js'
export { promotionUpcasters } from './upcast.js'
