// The io-ts codecs of every account event, all versions (STYLE.md section 7): the single source of
// truth for their static types, which events.ts derives with `t.TypeOf`. Commands are in
// commandCodecs.ts. Money events stay lean: they are written on every payment.
import * as t from 'io-ts'
import {
  AccountId,
  AssetCode,
  DecimalString,
  EngineId,
  IsoInstant,
  LocalDate,
  Metadata,
  Percent,
  boundedString,
} from '../codecs/common.js'
import { eventCodec } from '../codecs/event.js'
import { CONTACT_REFERENCE_LENGTH_MAX, JOURNAL_LEGS_MAX, REASON_LENGTH_MAX } from '../limits.js'

// ---------------------------------------------------------------- shared pieces

/** What an account is for; `system` covers the platform's world and system accounts. */
export const AccountKind = t.keyof({ user: null, merchant: null, system: null }, 'AccountKind')
export type AccountKind = t.TypeOf<typeof AccountKind>

/**
 * Ids the engine makes (hold ids, journal entry ids, operation ids): any short string, since the
 * engine may derive them with a prefix or a separator a caller-chosen id would not allow.
 */
export { EngineId }

/** The index of a leg in its journal entry. */
export const LegIndex = new t.Type<number, number, unknown>(
  `LegIndex(0..${JOURNAL_LEGS_MAX - 1})`,
  (u): u is number => isLegIndex(u),
  (u, c) => (isLegIndex(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)
const isLegIndex = (u: unknown): u is number =>
  typeof u === 'number' && Number.isInteger(u) && u >= 0 && u < JOURNAL_LEGS_MAX

/**
 * The contact as the engine stores it: an opaque reference or ciphertext of phone and email,
 * encrypted per owner so that erasing the key forgets the person (crypto-shredding). The domain
 * never reads it.
 */
export const ContactReference = boundedString(CONTACT_REFERENCE_LENGTH_MAX, 'ContactReference')

/** A free-text reason or verification note. */
export const Reason = boundedString(REASON_LENGTH_MAX, 'Reason')

/** The version of the payment password: 1 for the first one set, then one more per change. */
export const PasswordVersion = new t.Type<number, number, unknown>(
  'PasswordVersion',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 1,
  (u, c) =>
    typeof u === 'number' && Number.isSafeInteger(u) && u >= 1 ? t.success(u) : t.failure(u, c),
  t.identity,
)

/** An object codec with required and optional properties. */
export const withOptional = <Required extends t.Props, Optional extends t.Props>(
  required: Required,
  optional: Optional,
  name: string,
) => t.intersection([t.type(required), t.partial(optional)], name)

// ---------------------------------------------------------------- lifecycle events

/** The account exists. Merchants without `merchantFeeRate` pay no fee ("0"). */
export const AccountOpenedV1 = eventCodec(
  'AccountOpened',
  1,
  withOptional(
    { accountId: AccountId, kind: AccountKind, at: IsoInstant },
    { contact: ContactReference, merchantFeeRate: Percent, metadata: Metadata },
    'AccountOpened.data',
  ),
)

/** The account stops sending (it still receives); `reason` is for support. */
export const AccountFrozenV1 = eventCodec(
  'AccountFrozen',
  1,
  t.type({ accountId: AccountId, reason: Reason, at: IsoInstant }, 'AccountFrozen.data'),
)

/** The account sends again; `verification` records how the owner was verified. */
export const AccountUnfrozenV1 = eventCodec(
  'AccountUnfrozen',
  1,
  t.type({ accountId: AccountId, verification: Reason, at: IsoInstant }, 'AccountUnfrozen.data'),
)

/** The account is closed for good: every balance was zero and no hold was open. */
export const AccountClosedV1 = eventCodec(
  'AccountClosed',
  1,
  t.type({ accountId: AccountId, at: IsoInstant }, 'AccountClosed.data'),
)

/** The contact reference is forgotten (its key was shredded by the engine). */
export const ContactErasedV1 = eventCodec(
  'ContactErased',
  1,
  t.type({ accountId: AccountId, at: IsoInstant }, 'ContactErased.data'),
)

// ---------------------------------------------------------------- settings events

/** Two-factor verification is on. */
export const TwoFactorEnabledV1 = eventCodec(
  'TwoFactorEnabled',
  1,
  t.type({ accountId: AccountId, at: IsoInstant }, 'TwoFactorEnabled.data'),
)

/** Two-factor verification is off (the owner passed a two-factor check to turn it off). */
export const TwoFactorDisabledV1 = eventCodec(
  'TwoFactorDisabled',
  1,
  t.type({ accountId: AccountId, at: IsoInstant }, 'TwoFactorDisabled.data'),
)

/** A payment password is set; only its version is recorded, never the secret. */
export const PaymentPasswordSetV1 = eventCodec(
  'PaymentPasswordSet',
  1,
  t.type(
    { accountId: AccountId, version: PasswordVersion, at: IsoInstant },
    'PaymentPasswordSet.data',
  ),
)

/**
 * Version 1 of `LimitsSet`, as streams written before step-up thresholds existed store it: a
 * per-payment maximum named `perPayment` and a per-day maximum named `dailyLimit`.
 */
export const LimitsSetV1 = eventCodec(
  'LimitsSet',
  1,
  withOptional(
    { accountId: AccountId, asset: AssetCode, at: IsoInstant },
    { perPayment: DecimalString, dailyLimit: DecimalString },
    'LimitsSet.v1.data',
  ),
)

/**
 * The limits of one asset are now exactly these (inclusive maxima, canonical amounts); an absent
 * field means no limit of that kind. Above `stepUpAbove`, two-factor is required.
 */
export const LimitsSetV2 = eventCodec(
  'LimitsSet',
  2,
  withOptional(
    { accountId: AccountId, asset: AssetCode, at: IsoInstant },
    { perPaymentMax: DecimalString, perDayMax: DecimalString, stepUpAbove: DecimalString },
    'LimitsSet.data',
  ),
)

/** A merchant's fee rate, a percentage of each payment it receives. */
export const MerchantFeeRateSetV1 = eventCodec(
  'MerchantFeeRateSet',
  1,
  t.type(
    { accountId: AccountId, merchantFeeRate: Percent, at: IsoInstant },
    'MerchantFeeRateSet.data',
  ),
)

// ---------------------------------------------------------------- money events

/**
 * Available goes down by `amount`, citing its journal leg. `limitDate` is set when the amount
 * counts toward the owner's daily limit of that local date.
 */
export const FundsDebitedV1 = eventCodec(
  'FundsDebited',
  1,
  withOptional(
    {
      accountId: AccountId,
      asset: AssetCode,
      amount: DecimalString,
      entryId: EngineId,
      leg: LegIndex,
      at: IsoInstant,
    },
    { limitDate: LocalDate },
    'FundsDebited.data',
  ),
)

/** Available goes up by `amount`, citing its journal leg. */
export const FundsCreditedV1 = eventCodec(
  'FundsCredited',
  1,
  t.type(
    {
      accountId: AccountId,
      asset: AssetCode,
      amount: DecimalString,
      entryId: EngineId,
      leg: LegIndex,
      at: IsoInstant,
    },
    'FundsCredited.data',
  ),
)

/** `amount` moves from available to held under `holdId` (no journal entry: nothing left). */
export const FundsHeldV1 = eventCodec(
  'FundsHeld',
  1,
  withOptional(
    {
      accountId: AccountId,
      holdId: EngineId,
      asset: AssetCode,
      amount: DecimalString,
      at: IsoInstant,
    },
    { expiresAt: IsoInstant, limitDate: LocalDate },
    'FundsHeld.data',
  ),
)

/**
 * `amount` of the hold leaves the account, citing its journal leg; `released` (possibly zero) is
 * the rest of the hold, back to available. The hold is closed either way.
 */
export const HoldCapturedV1 = eventCodec(
  'HoldCaptured',
  1,
  t.type(
    {
      accountId: AccountId,
      holdId: EngineId,
      amount: DecimalString,
      entryId: EngineId,
      leg: LegIndex,
      released: DecimalString,
      at: IsoInstant,
    },
    'HoldCaptured.data',
  ),
)

/** The whole hold (`amount`) goes back to available and the hold is closed. */
export const HoldReleasedV1 = eventCodec(
  'HoldReleased',
  1,
  t.type(
    { accountId: AccountId, holdId: EngineId, amount: DecimalString, at: IsoInstant },
    'HoldReleased.data',
  ),
)

// ---------------------------------------------------------------- unions

/** Every current account event; stored events are upcast (upcast.ts) before decoding. */
export const AccountEvent = t.union(
  [
    AccountOpenedV1,
    AccountFrozenV1,
    AccountUnfrozenV1,
    AccountClosedV1,
    ContactErasedV1,
    TwoFactorEnabledV1,
    TwoFactorDisabledV1,
    PaymentPasswordSetV1,
    LimitsSetV2,
    MerchantFeeRateSetV1,
    FundsDebitedV1,
    FundsCreditedV1,
    FundsHeldV1,
    HoldCapturedV1,
    HoldReleasedV1,
  ],
  'AccountEvent',
)
/** Every current account event. */
export type AccountEvent = t.TypeOf<typeof AccountEvent>
