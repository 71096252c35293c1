// The public names of the account aggregate, listed by name.
export type { AccountError, AccountErrorCode } from './errors.js'
export { accountError } from './errors.js'
export {
  AccountClosedV1,
  AccountEvent,
  AccountFrozenV1,
  AccountKind,
  AccountOpenedV1,
  AccountUnfrozenV1,
  ContactErasedV1,
  ContactReference,
  FundsCreditedV1,
  FundsDebitedV1,
  FundsHeldV1,
  HoldCapturedV1,
  HoldReleasedV1,
  LimitsSetV1,
  LimitsSetV2,
  MerchantFeeRateSetV1,
  PaymentPasswordSetV1,
  TwoFactorDisabledV1,
  TwoFactorEnabledV1,
} from './codecs.js'
export {
  AccountCommand,
  CaptureHoldCommand,
  CloseAccountCommand,
  CreditFundsCommand,
  DebitFundsCommand,
  DisableTwoFactorCommand,
  EnableTwoFactorCommand,
  EraseContactCommand,
  FreezeAccountCommand,
  HoldFundsCommand,
  InitiatedBy,
  OpenAccountCommand,
  ReleaseHoldCommand,
  SetLimitsCommand,
  SetMerchantFeeRateCommand,
  SetPaymentPasswordCommand,
  UnfreezeAccountCommand,
} from './commandCodecs.js'
export type {
  CaptureHold,
  CloseAccount,
  CreditFunds,
  DebitFunds,
  DisableTwoFactor,
  EnableTwoFactor,
  EraseContact,
  FreezeAccount,
  HoldFunds,
  OpenAccount,
  ReleaseHold,
  SetLimits,
  SetMerchantFeeRate,
  SetPaymentPassword,
  UnfreezeAccount,
} from './commands.js'
export type {
  AccountClosed,
  AccountFrozen,
  AccountOpened,
  AccountUnfrozen,
  ContactErased,
  FundsCredited,
  FundsDebited,
  FundsHeld,
  HoldCaptured,
  HoldReleased,
  LimitsSet,
  LimitsSetVersion1,
  MerchantFeeRateSet,
  PaymentPasswordSet,
  TwoFactorDisabled,
  TwoFactorEnabled,
} from './events.js'
export type {
  AccountSecurity,
  AccountState,
  ActiveAccount,
  AssetBalance,
  AssetLimits,
  ClosedAccount,
  DailySpending,
  FrozenAccount,
  OpenHold,
  OpenedAccountFields,
  OpenedAccountState,
} from './state.js'
export { evolveAccount, initialAccountState } from './state.js'
export type { AppliedOperations } from './appliedOperations.js'
export { accountDecider, decideAccount } from './decide.js'
export { accountStream } from '../streamNames.js'
export { senderFactsOf } from './senderFacts.js'
export type { HoldIdUse } from './holdIdUse.js'
export { holdIdUse } from './holdIdUse.js'
export { accountUpcasters, limitsSetV1ToV2 } from './upcast.js'
export { AccountSnapshot, accountSnapshot, accountStateFromSnapshot } from './snapshot.js'
