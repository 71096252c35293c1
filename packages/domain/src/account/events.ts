// Account event types, derived from their codecs (codecs.ts). Only current versions appear here:
// stored events of older versions are upcast (upcast.ts) before a decider sees them.
import type * as t from 'io-ts'
import type {
  AccountClosedV1,
  AccountFrozenV1,
  AccountOpenedV1,
  AccountUnfrozenV1,
  ContactErasedV1,
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

export type { AccountEvent, AccountKind } from './codecs.js'

/** The account exists. */
export type AccountOpened = t.TypeOf<typeof AccountOpenedV1>
/** The account stops sending. */
export type AccountFrozen = t.TypeOf<typeof AccountFrozenV1>
/** The account sends again. */
export type AccountUnfrozen = t.TypeOf<typeof AccountUnfrozenV1>
/** The account is closed. */
export type AccountClosed = t.TypeOf<typeof AccountClosedV1>
/** The contact reference is forgotten. */
export type ContactErased = t.TypeOf<typeof ContactErasedV1>
/** Two-factor is on. */
export type TwoFactorEnabled = t.TypeOf<typeof TwoFactorEnabledV1>
/** Two-factor is off. */
export type TwoFactorDisabled = t.TypeOf<typeof TwoFactorDisabledV1>
/** A payment password version is set. */
export type PaymentPasswordSet = t.TypeOf<typeof PaymentPasswordSetV1>
/** One asset's limits (current version, 2). */
export type LimitsSet = t.TypeOf<typeof LimitsSetV2>
/** One asset's limits as version 1 stored them. */
export type LimitsSetVersion1 = t.TypeOf<typeof LimitsSetV1>
/** A merchant's fee rate. */
export type MerchantFeeRateSet = t.TypeOf<typeof MerchantFeeRateSetV1>
/** Available went down. */
export type FundsDebited = t.TypeOf<typeof FundsDebitedV1>
/** Available went up. */
export type FundsCredited = t.TypeOf<typeof FundsCreditedV1>
/** Available moved to held. */
export type FundsHeld = t.TypeOf<typeof FundsHeldV1>
/** A hold was captured (and its rest released). */
export type HoldCaptured = t.TypeOf<typeof HoldCapturedV1>
/** A hold went back to available. */
export type HoldReleased = t.TypeOf<typeof HoldReleasedV1>
