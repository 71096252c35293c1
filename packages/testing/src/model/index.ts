// The reference model of a ledger's balances and answers: the public names, listed.
export type {
  Expected,
  LedgerModel,
  ModelAccount,
  ModelBalance,
  ModelConversion,
  ModelHold,
  ModelLimits,
  ModelOutcome,
  ModelPayment,
  ModelPaymentStatus,
  ModelPromotion,
  ModelWithdrawal,
  ModelWithdrawalStatus,
  ModelWorkflow,
} from './types.js'
export type { ModelAmount } from './arithmetic.js'
export {
  canonical,
  fieldsKey,
  firstShare,
  percentHalfEven,
  readAmount,
  refundFeeShare,
  utcDateOf,
} from './arithmetic.js'
export type { LedgerModelOptions } from './ledgerModel.js'
export {
  createLedgerModel,
  isPlatformId,
  mayGoNegative,
  openModelAccount,
  senderRefusal,
} from './ledgerModel.js'
export type { ModelSetLimits } from './accountCommands.js'
export {
  modelClose,
  modelDisableTwoFactor,
  modelEnableTwoFactor,
  modelFreeze,
  modelSetLimits,
  modelSetPaymentPassword,
  modelUnfreeze,
} from './accountCommands.js'
export type { ModelAdjust, ModelDeposit } from './moneyCommands.js'
export { modelAdjust, modelDeposit } from './moneyCommands.js'
export type { ModelPay, ModelRefund } from './paymentCommands.js'
export { modelCancel, modelCapture, modelPay, modelRefund, paymentById } from './paymentCommands.js'
export type { ModelRequestWithdrawal, ModelWithdrawalStep } from './withdrawalCommands.js'
export {
  cancelWithdrawalsOf,
  modelRequestWithdrawal,
  modelWithdrawalStep,
  withdrawalById,
} from './withdrawalCommands.js'
export type { ModelConvert, ModelPrice } from './conversionCommands.js'
export { modelConvert, priceOf } from './conversionCommands.js'
export type { ModelDiscount } from './promotionCommands.js'
export {
  addModelPromotion,
  discountOf,
  payerRefundShare,
  returnDiscount,
  spendDiscount,
} from './promotionCommands.js'
export type { ModelBalanceView } from './views.js'
export {
  expectedBalances,
  expectedConversionView,
  expectedPaymentView,
  expectedWithdrawalView,
  modelTotals,
  zeroBalanceView,
} from './views.js'
