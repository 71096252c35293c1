// The public names of @wallet-ledger/testing, listed by name.
export type { DeciderSpec, DeciderThen } from './deciderSpec.js'
export { deciderSpec } from './deciderSpec.js'

// ---------------------------------------------------------------- money arbitraries
export type {
  ExactFraction,
  InvalidAmountCase,
  InvalidAmountKind,
  MoneyBounds,
} from './arbitraries/money.js'
export {
  arbAmountInput,
  arbAsset,
  arbAssetPair,
  arbCanonicalAmount,
  arbInvalidAmount,
  arbInvalidAmountCase,
  arbMoney,
  arbPositiveMoney,
  arbRate,
  arbRegisteredAsset,
  exactFraction,
  maxMinorOf,
} from './arbitraries/money.js'

// ---------------------------------------------------------------- hostile input arbitraries
export type { HostileInput, InputShape } from './arbitraries/garbage.js'
export {
  arbHostileAmount,
  arbHostileInput,
  arbHostileValue,
  arbUnknownFieldName,
} from './arbitraries/garbage.js'

// ---------------------------------------------------------------- calendar arbitraries
export type { CalendarOptions, DateSpan } from './arbitraries/calendar.js'
export {
  DEFAULT_SPAN,
  arbAnyLocalDate,
  arbBusinessCalendar,
  arbInvalidCalendarInput,
  arbLocalDate,
  arbLocalTime,
  arbSubmission,
} from './arbitraries/calendar.js'

// ---------------------------------------------------------------- dispute arbitraries
export type { DisputeHistory, DisputeHistoryOptions } from './arbitraries/dispute.js'
export {
  DISPUTE_OPENED_AT,
  DISPUTE_RESPONSE_DUE_AT,
  arbDisputeCommand,
  arbDisputeHistory,
  arbDisputeOpening,
  arbOpenDisputeCommand,
  disputableOf,
  runDisputeCommands,
} from './arbitraries/dispute.js'

// ---------------------------------------------------------------- the EventStore contract suite
export type { EventStoreContractOptions } from './storeContract/describeEventStoreContract.js'
export { describeEventStoreContract } from './storeContract/describeEventStoreContract.js'

// ---------------------------------------------------------------- withdrawal arbitraries
export type {
  WithdrawalRequestOptions,
  WithdrawalHistory,
  WithdrawalSender,
} from './arbitraries/withdrawal.js'
export {
  arbRequestWithdrawal,
  arbWithdrawalCommand,
  arbWithdrawalDestination,
  arbWithdrawalHistory,
  arbWithdrawalSenderFacts,
  runWithdrawalCommands,
} from './arbitraries/withdrawal.js'

// ---------------------------------------------------------------- promotion arbitraries
export type { PromotionHistory } from './arbitraries/promotion.js'
export {
  PROMOTION_AT,
  PROMOTION_ID,
  arbCreatePromotion,
  arbDiscountRule,
  arbPromotionCommand,
  arbPromotionHistory,
  budgetReturnEntry,
  buildCreatePromotion,
  buildPromotionFacts,
  discountedPaymentEntry,
  runPromotionCommands,
} from './arbitraries/promotion.js'

// ---------------------------------------------------------------- payment arbitraries
export type { PaymentHistory, PaymentRequestOptions, PaymentSender } from './arbitraries/payment.js'
export {
  PAYMENT_AT,
  PAYMENT_EXPIRES_AT,
  PAYMENT_FINGERPRINT,
  PAYMENT_ID,
  arbPaymentCommand,
  arbPaymentFollowUp,
  arbPaymentHistory,
  arbPaymentSender,
  arbRequestPayment,
  buildCancelPayment,
  buildCapturePayment,
  buildExpirePayment,
  buildManualRequestPayment,
  buildPaymentPayee,
  buildPaymentSender,
  buildRefundPayment,
  buildRequestPayment,
  runPaymentCommands,
} from './arbitraries/payment.js'

// ---------------------------------------------------------------- conversion arbitraries
export type { InvalidConversionInput } from './arbitraries/conversion.js'
export {
  arbConversionCommand,
  arbConversionHistory,
  arbConvertFunds,
  arbExecutableConvertFunds,
  arbInvalidConversionInput,
} from './arbitraries/conversion.js'

// ---------------------------------------------------------------- account arbitraries
export type { AccountHistory, AccountHistoryOptions } from './arbitraries/account.js'
export {
  arbAccountCommand,
  arbAccountHistory,
  arbAccountId,
  runAccountCommands,
} from './arbitraries/account.js'

// ---------------------------------------------------------------- a crashing EventStore
export type { FaultMode, FaultyEventStore, FaultyEventStoreOptions } from './faultyEventStore.js'
export { createFaultyEventStore } from './faultyEventStore.js'

// ---------------------------------------------------------------- projections: a simulated ledger and its logs
export type { SimulatorCore, SimulatorOptions, StepLimit } from './arbitraries/ledgerSimulator.js'
export { SIMULATED_FINGERPRINT, createSimulatorCore } from './arbitraries/ledgerSimulator.js'
export type { LedgerSimulator } from './arbitraries/ledgerWorkflows.js'
export { createLedgerSimulator } from './arbitraries/ledgerWorkflows.js'
export type { LedgerScript, LedgerScriptStep } from './arbitraries/projections.js'
export {
  arbBalancedPostings,
  arbLedgerScript,
  fundedLedger,
  historyRowOf,
  historyRowsOf,
  runLedgerScript,
} from './arbitraries/projections.js'

// ---------------------------------------------------------------- the reference model of a ledger
export type {
  Expected,
  LedgerModel,
  LedgerModelOptions,
  ModelAccount,
  ModelAdjust,
  ModelAmount,
  ModelBalance,
  ModelBalanceView,
  ModelConversion,
  ModelConvert,
  ModelDeposit,
  ModelHold,
  ModelLimits,
  ModelOutcome,
  ModelPay,
  ModelPayment,
  ModelPaymentStatus,
  ModelPrice,
  ModelPromotion,
  ModelDiscount,
  ModelRefund,
  ModelRequestWithdrawal,
  ModelSetLimits,
  ModelWithdrawal,
  ModelWithdrawalStatus,
  ModelWithdrawalStep,
  ModelWorkflow,
} from './model/index.js'
export {
  addModelPromotion,
  canonical,
  cancelWithdrawalsOf,
  createLedgerModel,
  discountOf,
  expectedBalances,
  expectedConversionView,
  expectedPaymentView,
  expectedWithdrawalView,
  fieldsKey,
  firstShare,
  isPlatformId,
  mayGoNegative,
  modelAdjust,
  modelCancel,
  modelCapture,
  modelClose,
  modelConvert,
  modelDeposit,
  modelDisableTwoFactor,
  modelEnableTwoFactor,
  modelFreeze,
  modelPay,
  modelRefund,
  modelRequestWithdrawal,
  modelSetLimits,
  modelSetPaymentPassword,
  modelTotals,
  modelUnfreeze,
  modelWithdrawalStep,
  openModelAccount,
  payerRefundShare,
  paymentById,
  percentHalfEven,
  priceOf,
  readAmount,
  refundFeeShare,
  returnDiscount,
  senderRefusal,
  spendDiscount,
  utcDateOf,
  withdrawalById,
  zeroBalanceView,
} from './model/index.js'
