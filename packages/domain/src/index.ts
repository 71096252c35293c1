// The public names of @wallet-ledger/domain, listed by name (no `export *`: the API is chosen).

// ---------------------------------------------------------------- foundations
export { AssertionError, absurd, assert } from './assert.js'
export type { Decider } from './decider.js'
export { foldEvents } from './decider.js'
export type { DomainError, ErrorCode } from './errors.js'
export { ERROR_CODES, domainError, keyReusedMessage } from './errors.js'
export * as limits from './limits.js'
export type { NotFoundCode, NotFoundEntity } from './notFound.js'
export { notFound } from './notFound.js'
export type { StreamCategory } from './streamNames.js'
export { NAMESPACE_PATTERN, isNamespace, streamName } from './streamNames.js'
export type { RawEvent } from './codecs/event.js'
export { commandCodec, eventCodec } from './codecs/event.js'
export type { FieldProblem } from './codecs/report.js'
export { decodeInput, fieldProblems } from './codecs/report.js'
export { describeExpected, describeValue, describedAs } from './codecs/describe.js'
export type { InputProblem } from './codecs/plainInput.js'
export { readPlainInput } from './codecs/plainInput.js'
export { unknownFields } from './codecs/unknownFields.js'
// The brands behind the branded codecs: exported so declarations that mention them can name them.
export type {
  AccountIdBrand,
  AssetCodeBrand,
  CallerIdBrand,
  DecimalStringBrand,
  IsoInstantBrand,
  LocalDateBrand,
  PercentBrand,
  RateBrand,
  Sha256HexBrand,
} from './codecs/common.js'
export type { LocalTimeBrand } from './calendar/localDate.js'
export type { RemainderFractionBrand } from './conversion/codecs.js'
export {
  AccountId,
  AssetAmount,
  EngineId,
  AssetCode,
  CallerId,
  DecimalString,
  IsoInstant,
  LocalDate,
  Metadata,
  Percent,
  Rate,
  Sha256Hex,
  boundedString,
} from './codecs/common.js'
export {
  ConversionRate,
  DiscountPercent,
  MerchantFeeRate,
  canonicalDecimal,
  isConversionRate,
  isDiscountPercent,
  isMerchantFeeRate,
} from './codecs/rates.js'
export { compareInstants, instantNanos, isInstantInRange } from './calendar/instant.js'
export type { UpcastChain, UpcastRegistry, Upcaster } from './upcast.js'
export { upcastEvent } from './upcast.js'

// ---------------------------------------------------------------- money and assets
export type { AmountErrorCode, AssetScale, Money } from './money/money.js'
export {
  addMoney,
  compareMoney,
  formatMinor,
  formatMoney,
  formatSignedMinor,
  minMoney,
  money,
  moneyFromCanonical,
  parseAmount,
  parsePositiveAmount,
  subtractMoney,
  zero,
} from './money/money.js'
export type { RatedAmount } from './money/rounding.js'
export {
  applyRate,
  isPercent,
  isRate,
  percentOfMinor,
  splitByLargestRemainder,
  targetFractionToSourceMinor,
} from './money/rounding.js'
export type { RoundingRule } from './money/decimal.js'
export type { Asset, AssetRegistry } from './asset/asset.js'
export {
  BUILT_IN_ASSETS,
  builtInAssetRegistry,
  createAssetRegistry,
  findAsset,
} from './asset/asset.js'

// ---------------------------------------------------------------- journal and accounts
export type { Posting } from './journal/journal.js'
export {
  Direction,
  JournalEntry,
  JournalLeg,
  LegRef,
  assertBalanced,
  buildJournalEntry,
  isBalanced,
  journalTotals,
  legsOf,
  signedLegMinor,
} from './journal/journal.js'
export type { BalanceRule } from './journal/systemAccounts.js'
export {
  CRYPTO_NETWORK_ACCOUNT_PREFIX,
  PROMOTION_BUDGET_ACCOUNT_PREFIX,
  SYSTEM_ACCOUNTS,
  balanceRuleOf,
  cryptoNetworkAccount,
  isPlatformAccount,
  promotionBudgetAccount,
} from './journal/systemAccounts.js'

// ---------------------------------------------------------------- security
export type {
  LimitFacts,
  RequiredCheck,
  SecurityFacts,
  SenderFacts,
} from './security/authorization.js'
export {
  Authorization,
  checkAuthorization,
  checkLimits,
  requiredCheck,
} from './security/authorization.js'
export { checkLimitChange, loosenedLimits, requiredForLimitChange } from './security/limitChange.js'

// ---------------------------------------------------------------- business calendar
export type { BusinessCalendarInput, Submission, Weekday } from './calendar/index.js'
export {
  BusinessCalendar,
  DEFAULT_CUTOFF,
  LocalTime,
  SettlementWindow,
  addDays,
  createBusinessCalendar,
  epochDayOf,
  isBusinessDay,
  settlementWindow,
  weekdayOf,
} from './calendar/index.js'

// ---------------------------------------------------------------- dispute
export type {
  ActiveDisputeState,
  DisputeActiveStatus,
  DisputeCase,
  DisputeContested,
  DisputeDecision,
  DisputeError,
  DisputeErrorCode,
  DisputeEscalated,
  DisputeEvidence,
  DisputeOpened,
  DisputeReferredToLegal,
  DisputeResolution,
  DisputeResolved,
  DisputeSettlement,
  DisputeState,
  DisputeView,
  DisputedPayment,
  EscalateDispute,
  EvidenceSubmitted,
  ExpireDisputeResponse,
  OpenDispute,
  OpenedDisputeState,
  ResolveDispute,
  RespondToDispute,
  SubmitEvidence,
} from './dispute/index.js'
export {
  DisputeCommand,
  DisputeContestedV1,
  DisputeEscalatedV1,
  DisputeEvent,
  DisputeOpenedV1,
  DisputeParty,
  DisputeReason,
  DisputeReferredToLegalV1,
  DisputeResolvedV1,
  DisputedPaymentAmounts,
  DisputedPaymentFacts,
  DisputedPaymentStatus,
  EscalateDisputeCommand,
  EvidenceSubmittedV1,
  ExpireDisputeResponseCommand,
  OpenDisputeCommand,
  ResolveDisputeCommand,
  RespondToDisputeCommand,
  SubmitEvidenceCommand,
  decideDispute,
  disputeDecider,
  disputeRefundEntry,
  disputeRefunded,
  disputeStream,
  disputeUpcasters,
  disputeView,
  evolveDispute,
  initialDisputeState,
  isDisputeActive,
  settleDispute,
} from './dispute/index.js'

// ---------------------------------------------------------------- withdrawal
export type {
  CancelWithdrawal,
  CompleteWithdrawal,
  CryptoNetworkBrand,
  FailWithdrawal,
  HeldWithdrawal,
  RequestWithdrawal,
  ReturnWithdrawal,
  SubmitWithdrawal,
  VerifyWithdrawalIdentity,
  WithdrawalBasics,
  WithdrawalCancelled,
  WithdrawalCommand,
  WithdrawalCompleted,
  WithdrawalDestination,
  WithdrawalError,
  WithdrawalErrorCode,
  WithdrawalEvent,
  WithdrawalFailed,
  WithdrawalRefusalCode,
  WithdrawalRejected,
  WithdrawalRequestFailed,
  WithdrawalRequested,
  WithdrawalReturned,
  WithdrawalState,
  WithdrawalStatus,
  WithdrawalSubmitted,
  WithdrawalVerified,
  WithdrawalView,
} from './withdrawal/index.js'
export {
  CancelWithdrawalCommand,
  CompleteWithdrawalCommand,
  CryptoNetwork,
  FailWithdrawalCommand,
  RequestWithdrawalCommand,
  ReturnWithdrawalCommand,
  SubmitWithdrawalCommand,
  VerifyWithdrawalIdentityCommand,
  WithdrawalCancelledV1,
  WithdrawalCommandCodec,
  WithdrawalCompletedV1,
  WithdrawalDestinationCodec,
  WithdrawalEventCodec,
  WithdrawalFailedV1,
  WithdrawalRefusalCodeCodec,
  WithdrawalRejectedV1,
  WithdrawalRequestFailedV1,
  WithdrawalRequestedV1,
  WithdrawalReturnedV1,
  WithdrawalSenderFacts,
  WithdrawalSubmittedV1,
  WithdrawalVerifiedV1,
  outflowAccountOf,
  storedWithdrawalFailure,
  withdrawalFailureOf,
  withdrawalPayoutEntry,
  withdrawalReturnEntry,
  withdrawalDecider,
  withdrawalError,
  withdrawalStream,
  withdrawalUpcasters,
  withdrawalView,
} from './withdrawal/index.js'

// ---------------------------------------------------------------- account
export type {
  AccountClosed,
  AccountError,
  AccountErrorCode,
  AccountFrozen,
  AccountOpened,
  AccountSecurity,
  AccountState,
  AccountUnfrozen,
  ActiveAccount,
  AppliedOperations,
  AssetBalance,
  AssetLimits,
  CaptureHold,
  CloseAccount,
  ClosedAccount,
  ContactErased,
  CreditFunds,
  DailySpending,
  DebitFunds,
  DisableTwoFactor,
  EnableTwoFactor,
  EraseContact,
  FreezeAccount,
  FrozenAccount,
  FundsCredited,
  FundsDebited,
  FundsHeld,
  HoldCaptured,
  HoldFunds,
  HoldReleased,
  LimitsSet,
  LimitsSetVersion1,
  MerchantFeeRateSet,
  OpenAccount,
  OpenHold,
  OpenedAccountFields,
  OpenedAccountState,
  PaymentPasswordSet,
  ReleaseHold,
  SetLimits,
  SetMerchantFeeRate,
  SetPaymentPassword,
  TwoFactorDisabled,
  TwoFactorEnabled,
  UnfreezeAccount,
} from './account/index.js'
export {
  AccountClosedV1,
  AccountCommand,
  AccountEvent,
  AccountFrozenV1,
  AccountKind,
  AccountOpenedV1,
  AccountSnapshot,
  AccountUnfrozenV1,
  CaptureHoldCommand,
  CloseAccountCommand,
  ContactErasedV1,
  ContactReference,
  CreditFundsCommand,
  DebitFundsCommand,
  DisableTwoFactorCommand,
  EnableTwoFactorCommand,
  EraseContactCommand,
  FreezeAccountCommand,
  FundsCreditedV1,
  FundsDebitedV1,
  FundsHeldV1,
  HoldCapturedV1,
  HoldFundsCommand,
  HoldReleasedV1,
  InitiatedBy,
  LimitsSetV1,
  LimitsSetV2,
  MerchantFeeRateSetV1,
  OpenAccountCommand,
  PaymentPasswordSetV1,
  ReleaseHoldCommand,
  SetLimitsCommand,
  SetMerchantFeeRateCommand,
  SetPaymentPasswordCommand,
  TwoFactorDisabledV1,
  TwoFactorEnabledV1,
  UnfreezeAccountCommand,
  accountDecider,
  accountError,
  accountSnapshot,
  accountStateFromSnapshot,
  accountStream,
  accountUpcasters,
  decideAccount,
  evolveAccount,
  holdIdUse,
  initialAccountState,
  limitsSetV1ToV2,
  senderFactsOf,
} from './account/index.js'
export type { HoldIdUse } from './account/index.js'
export type { FreezeAction, FreezeMovement, FreezeRule, Initiator } from './freezeRules.js'
export { FREEZE_RULES, freezeRuleFor, frozenAccountAllows } from './freezeRules.js'

// ---------------------------------------------------------------- promotion
export type {
  ActivePromotion,
  ApplyDiscount,
  CreatePromotion,
  DiscountApplied,
  DiscountRefusalCode,
  DiscountRequest,
  DiscountReturned,
  DiscountVoided,
  PromotionCreated,
  PromotionError,
  PromotionErrorCode,
  PromotionState,
  PromotionTerms,
  PromotionUse,
  ReturnDiscount,
  VoidDiscount,
} from './promotion/index.js'
export {
  ApplyDiscountCommand,
  CreatePromotionCommand,
  DiscountAppliedV1,
  DiscountReturnedV1,
  DiscountRule,
  DiscountVoidedV1,
  FixedDiscount,
  PercentDiscount,
  PromotionCommand,
  PromotionCreatedV1,
  PromotionEvent,
  PromotionFacts,
  ReturnDiscountCommand,
  VoidDiscountCommand,
  decidePromotion,
  evolvePromotion,
  initialPromotionState,
  promotionDecider,
  promotionError,
  promotionFactsOf,
  promotionStream,
  promotionUpcasters,
  quoteDiscount,
} from './promotion/index.js'

// ---------------------------------------------------------------- payment
export type {
  AuthorizedPayment,
  CancelPayment,
  CaptureAmounts,
  CapturePayment,
  CapturedPayment,
  ClosedPayment,
  ExpirePayment,
  FailedPayment,
  PaymentAuthorized,
  PaymentCancelled,
  PaymentCaptured,
  PaymentError,
  PaymentErrorCode,
  PaymentExpired,
  PaymentFailed,
  PaymentFailure,
  PaymentParties,
  PaymentRefunded,
  PaymentState,
  PaymentView,
  PaymentViewStatus,
  RefundPayment,
  RefundShares,
  RequestPayment,
  RequestedPayment,
} from './payment/index.js'
export {
  CancelPaymentCommand,
  CaptureMode,
  CapturePaymentCommand,
  ExpirePaymentCommand,
  PayeeFacts,
  PaymentAuthorizedV1,
  PaymentCancelledV1,
  PaymentCapturedV1,
  PaymentChannel,
  PaymentCommand,
  PaymentEvent,
  PaymentExpiredV1,
  PaymentFailedV1,
  PaymentFailureCode,
  PaymentHold,
  PaymentRefundedV1,
  PaymentRequest,
  PaymentSenderFacts,
  RefundPaymentCommand,
  RequestPaymentCommand,
  captureEntry,
  decidePayment,
  evolvePayment,
  initialPaymentState,
  merchantFeeOf,
  paymentDecider,
  paymentError,
  paymentFailureOf,
  paymentNotFound,
  paymentStream,
  paymentUpcasters,
  paymentView,
  storedPaymentFailure,
  refundEntry,
  refundShares,
} from './payment/index.js'

// ---------------------------------------------------------------- conversion
export type {
  ConversionError,
  ConversionErrorCode,
  ConversionExecuted,
  ConversionExpired,
  ConversionFailed,
  ConversionNotStarted,
  ConversionPrice,
  ConversionRequest,
  ConversionState,
  ConversionView,
  ConversionViewAmount,
  ConvertFunds,
  ExecutedConversion,
  ExpiredConversion,
  FailedConversion,
} from './conversion/index.js'
export {
  AssetScaleNumber,
  ConversionCommand,
  ConversionEngineId,
  ConversionEvent,
  ConversionExecutedV1,
  ConversionExpiredV1,
  ConversionFailedV1,
  ConversionMinorUnits,
  ConversionReason,
  ConversionRefusalCode,
  ConversionSenderFacts,
  ConversionTarget,
  ConvertFundsCommand,
  RemainderFraction,
  conversionDecider,
  conversionEntry,
  conversionError,
  conversionFailureOf,
  conversionStream,
  conversionUpcasters,
  conversionView,
  decideConversion,
  evolveConversion,
  initialConversionState,
  priceConversion,
  storedConversionFailure,
} from './conversion/index.js'

// ---------------------------------------------------------------- deposit and adjustment
export type {
  DepositError,
  DepositErrorCode,
  DepositState,
  FundsDeposited,
  RecordDeposit,
} from './deposit/index.js'
export {
  DepositCommand,
  DepositEvent,
  DepositSource,
  DepositSourceType,
  FundsDepositedV1,
  RecordDepositCommand,
  decideDeposit,
  depositDecider,
  depositStream,
  depositUpcasters,
  depositWorldAccount,
  evolveDeposit,
  initialDepositState,
} from './deposit/index.js'
export type {
  AdjustmentError,
  AdjustmentErrorCode,
  AdjustmentPosted,
  AdjustmentState,
  PostAdjustment,
} from './adjustment/index.js'
export {
  AdjustmentCommand,
  AdjustmentEvent,
  AdjustmentPostedV1,
  PostAdjustmentCommand,
  adjustmentDecider,
  adjustmentStream,
  adjustmentUpcasters,
  decideAdjustment,
  evolveAdjustment,
  initialAdjustmentState,
} from './adjustment/index.js'

// ---------------------------------------------------------------- projections
export type {
  LedgerEvent,
  Projection,
  ProjectionEvent,
  ProjectionInput,
} from './projections/index.js'
export { foldProjection, isLedgerEventType, ledgerEventOf } from './projections/index.js'
export type {
  Booking,
  BookingLookup,
  RecordedEntry,
  WorkflowKind,
  WorkflowRef,
} from './projections/index.js'
export { bookingsOf, recordedEntryOf, workflowOf } from './projections/index.js'
export type {
  AccountBook,
  AssetBalances,
  Balance,
  BalanceCutoff,
  BalancesState,
  HeldAmount,
} from './projections/index.js'
export {
  applyBalances,
  balanceView,
  balancesAsOf,
  balancesOf,
  balancesProjection,
  initialBalancesState,
  totalsByAsset,
} from './projections/index.js'
export type {
  AccountHistory,
  Channel,
  EntryStatus,
  HistoryEntry,
  HistoryRow,
  HistoryState,
} from './projections/index.js'
export { CHANNELS, ENTRY_STATUSES, initialHistoryState } from './projections/index.js'
export { applyHistory, historyProjection } from './projections/index.js'
export type { HistoryFilters, HistoryPage, HistoryQuery } from './projections/index.js'
export {
  historyPage,
  historyPageOf,
  historyPageStart,
  matchesFilters,
} from './projections/index.js'
export type { Statement, StatementQuery } from './projections/index.js'
export { signedMinorOf, statement } from './projections/index.js'
export type { SettlementState, SettlementTotals, SettlementView } from './projections/index.js'
export {
  applySettlement,
  initialSettlementState,
  merchantSettlement,
  merchantSettlements,
  settlementProjection,
} from './projections/index.js'
export type {
  HoldClaim,
  HoldIntent,
  MissingLeg,
  OpenEntry,
  OpenHoldFact,
  OpenWorkflow,
  OpenWorkflows,
  OpenWorkflowsState,
  OrphanHold,
  PendingHold,
  ReserveNaming,
} from './projections/index.js'
export {
  applyOpenWorkflows,
  holdKey,
  initialOpenWorkflowsState,
  openWorkflows,
  openWorkflowsProjection,
} from './projections/index.js'
export type { DueItem, DueItemsState, DueKind } from './projections/index.js'
export {
  applyDueItems,
  dueAt,
  dueItemsProjection,
  initialDueItemsState,
  waitingItems,
} from './projections/index.js'
export type { OpenDisputeSummary, OpenDisputesState } from './projections/index.js'
export {
  applyOpenDisputes,
  disputeRefundedOf,
  hasOpenDispute,
  initialOpenDisputesState,
  openDisputeById,
  openDisputesOfPayment,
  openDisputesProjection,
} from './projections/index.js'
export { LEDGER_PROJECTIONS } from './projections/index.js'
export type { AccountDirectoryState, DirectoryEntry, DirectoryPage } from './projections/index.js'
export {
  DIRECTORY_PAGE_ROWS_MAX,
  accountDirectoryProjection,
  applyAccountDirectory,
  directoryPage,
  initialAccountDirectoryState,
} from './projections/index.js'

// ---------------------------------------------------------------- claim (idempotency keys)
export type {
  ClaimError,
  ClaimErrorCode,
  ClaimIdempotencyKey,
  ClaimState,
  IdempotencyKeyClaimed,
} from './claim/index.js'
export {
  ClaimCommand,
  ClaimEvent,
  ClaimIdempotencyKeyCommand,
  ClaimKind,
  IdempotencyKeyClaimedV1,
  claimDecider,
  claimStream,
  claimUpcasters,
  decideClaim,
  evolveClaim,
  initialClaimState,
} from './claim/index.js'
