// The io-ts codecs of every account command. Commands are never stored, so they carry no version.
// Amounts are canonical strings (exactly the asset's scale) made by the engine from caller input.
import * as t from 'io-ts'
import {
  AccountId,
  AssetCode,
  DecimalString,
  IsoInstant,
  LocalDate,
  Metadata,
} from '../codecs/common.js'
import { MerchantFeeRate } from '../codecs/rates.js'
import { commandCodec } from '../codecs/event.js'
import { Authorization } from '../security/authorization.js'
import {
  AccountKind,
  ContactReference,
  EngineId,
  LegIndex,
  Reason,
  withOptional,
} from './codecs.js'

// ---------------------------------------------------------------- shared pieces

/** Who started a money movement; a frozen account refuses the owner's debits and holds. */
export const InitiatedBy = t.keyof({ owner: null, platform: null }, 'InitiatedBy')
export type InitiatedBy = t.TypeOf<typeof InitiatedBy>

const simple = <Type extends string>(type: Type) =>
  commandCodec(type, { accountId: AccountId, at: IsoInstant })

// ---------------------------------------------------------------- lifecycle

/** Opens an account; `system` accounts must have a platform id ("world:…", "system:…"). */
export const OpenAccountCommand = t.intersection(
  [
    commandCodec('OpenAccount', { accountId: AccountId, kind: AccountKind, at: IsoInstant }),
    t.partial({ contact: ContactReference, merchantFeeRate: MerchantFeeRate, metadata: Metadata }),
  ],
  'OpenAccount',
)

/** Freezes an account: it keeps receiving but cannot send. */
export const FreezeAccountCommand = commandCodec('FreezeAccount', {
  accountId: AccountId,
  reason: Reason,
  at: IsoInstant,
})

/** Unfreezes a frozen account, recording how the owner was verified. */
export const UnfreezeAccountCommand = commandCodec('UnfreezeAccount', {
  accountId: AccountId,
  verification: Reason,
  at: IsoInstant,
})

/** Closes an account with zero balances and no open hold. */
export const CloseAccountCommand = simple('CloseAccount')

/** Records that the engine shredded the contact's key. Allowed on closed accounts too. */
export const EraseContactCommand = simple('EraseContact')

// ---------------------------------------------------------------- settings

/** Turns two-factor verification on. */
export const EnableTwoFactorCommand = simple('EnableTwoFactor')

/** Turns two-factor verification off; needs a verified `two_factor` authorization. */
export const DisableTwoFactorCommand = commandCodec('DisableTwoFactor', {
  accountId: AccountId,
  authorization: Authorization,
  at: IsoInstant,
})

/** Records that a (new) payment password is set; the secret never reaches the ledger. */
export const SetPaymentPasswordCommand = simple('SetPaymentPassword')

/**
 * Replaces one asset's limits; an absent amount means no limit of that kind. Raising or removing a
 * limit needs the authorization the payments it allows would need.
 */
export const SetLimitsCommand = withOptional(
  { type: t.literal('SetLimits'), accountId: AccountId, asset: AssetCode, at: IsoInstant },
  {
    perPaymentMax: DecimalString,
    perDayMax: DecimalString,
    stepUpAbove: DecimalString,
    // What the caller's app verified; a loosening needs it (security/limitChange.ts).
    authorization: Authorization,
  },
  'SetLimits',
)

/** Sets a merchant's fee rate (merchant accounts only). */
export const SetMerchantFeeRateCommand = commandCodec('SetMerchantFeeRate', {
  accountId: AccountId,
  merchantFeeRate: MerchantFeeRate,
  at: IsoInstant,
})

// ---------------------------------------------------------------- money

/**
 * Debits available, citing the journal leg `(entryId, leg)`. `limitDate` makes the amount count
 * toward the owner's daily limit of that local date.
 */
export const DebitFundsCommand = withOptional(
  {
    type: t.literal('DebitFunds'),
    accountId: AccountId,
    operationId: EngineId,
    asset: AssetCode,
    amount: DecimalString,
    entryId: EngineId,
    leg: LegIndex,
    initiatedBy: InitiatedBy,
    at: IsoInstant,
  },
  { limitDate: LocalDate },
  'DebitFunds',
)

/** Credits available, citing the journal leg `(entryId, leg)`. */
export const CreditFundsCommand = commandCodec('CreditFunds', {
  accountId: AccountId,
  operationId: EngineId,
  asset: AssetCode,
  amount: DecimalString,
  entryId: EngineId,
  leg: LegIndex,
  at: IsoInstant,
})

/** Moves `amount` from available to held under `holdId`. */
export const HoldFundsCommand = withOptional(
  {
    type: t.literal('HoldFunds'),
    accountId: AccountId,
    operationId: EngineId,
    holdId: EngineId,
    asset: AssetCode,
    amount: DecimalString,
    initiatedBy: InitiatedBy,
    at: IsoInstant,
  },
  { expiresAt: IsoInstant, limitDate: LocalDate },
  'HoldFunds',
)

/** Captures `amount` (at most the hold) citing its journal leg; the rest is released. */
export const CaptureHoldCommand = commandCodec('CaptureHold', {
  accountId: AccountId,
  operationId: EngineId,
  holdId: EngineId,
  amount: DecimalString,
  entryId: EngineId,
  leg: LegIndex,
  initiatedBy: InitiatedBy,
  at: IsoInstant,
})

/** Releases a whole hold back to available. */
export const ReleaseHoldCommand = commandCodec('ReleaseHold', {
  accountId: AccountId,
  operationId: EngineId,
  holdId: EngineId,
  at: IsoInstant,
})

// ---------------------------------------------------------------- union

/** Every account command. */
export const AccountCommand = t.union(
  [
    OpenAccountCommand,
    FreezeAccountCommand,
    UnfreezeAccountCommand,
    CloseAccountCommand,
    EraseContactCommand,
    EnableTwoFactorCommand,
    DisableTwoFactorCommand,
    SetPaymentPasswordCommand,
    SetLimitsCommand,
    SetMerchantFeeRateCommand,
    DebitFundsCommand,
    CreditFundsCommand,
    HoldFundsCommand,
    CaptureHoldCommand,
    ReleaseHoldCommand,
  ],
  'AccountCommand',
)
/** Every account command. */
export type AccountCommand = t.TypeOf<typeof AccountCommand>
