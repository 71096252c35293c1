// Account command types, derived from their codecs (commandCodecs.ts).
import type * as t from 'io-ts'
import type {
  CaptureHoldCommand,
  CloseAccountCommand,
  CreditFundsCommand,
  DebitFundsCommand,
  DisableTwoFactorCommand,
  EnableTwoFactorCommand,
  EraseContactCommand,
  FreezeAccountCommand,
  HoldFundsCommand,
  OpenAccountCommand,
  ReleaseHoldCommand,
  SetLimitsCommand,
  SetMerchantFeeRateCommand,
  SetPaymentPasswordCommand,
  UnfreezeAccountCommand,
} from './commandCodecs.js'

export type { AccountCommand, InitiatedBy } from './commandCodecs.js'

/** Opens an account. */
export type OpenAccount = t.TypeOf<typeof OpenAccountCommand>
/** Freezes an account. */
export type FreezeAccount = t.TypeOf<typeof FreezeAccountCommand>
/** Unfreezes an account. */
export type UnfreezeAccount = t.TypeOf<typeof UnfreezeAccountCommand>
/** Closes an account. */
export type CloseAccount = t.TypeOf<typeof CloseAccountCommand>
/** Records the erasure of the contact. */
export type EraseContact = t.TypeOf<typeof EraseContactCommand>
/** Turns two-factor on. */
export type EnableTwoFactor = t.TypeOf<typeof EnableTwoFactorCommand>
/** Turns two-factor off. */
export type DisableTwoFactor = t.TypeOf<typeof DisableTwoFactorCommand>
/** Records a new payment password version. */
export type SetPaymentPassword = t.TypeOf<typeof SetPaymentPasswordCommand>
/** Replaces one asset's limits. */
export type SetLimits = t.TypeOf<typeof SetLimitsCommand>
/** Sets a merchant's fee rate. */
export type SetMerchantFeeRate = t.TypeOf<typeof SetMerchantFeeRateCommand>
/** Debits available. */
export type DebitFunds = t.TypeOf<typeof DebitFundsCommand>
/** Credits available. */
export type CreditFunds = t.TypeOf<typeof CreditFundsCommand>
/** Holds funds. */
export type HoldFunds = t.TypeOf<typeof HoldFundsCommand>
/** Captures a hold, fully or partly. */
export type CaptureHold = t.TypeOf<typeof CaptureHoldCommand>
/** Releases a hold. */
export type ReleaseHold = t.TypeOf<typeof ReleaseHoldCommand>
