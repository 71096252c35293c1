// The io-ts codecs of the conversion command and events, all versions (STYLE.md section 7): the
// single source of truth for their static types, which commands.ts and events.ts derive.
import * as t from 'io-ts'
import {
  AssetAmount,
  AssetCode,
  CallerId,
  DecimalString,
  EngineId,
  IsoInstant,
  LocalDate,
  Rate,
  Sha256Hex,
  boundedString,
} from '../codecs/common.js'
import { commandCodec, eventCodec } from '../codecs/event.js'
import { JournalEntry } from '../journal/journal.js'
import {
  ASSET_SCALE_MAX,
  ASSET_SCALE_MIN,
  CONVERSION_REMAINDER_CHARS_MAX,
  REASON_LENGTH_MAX,
} from '../limits.js'
import { Authorization } from '../security/authorization.js'
import { MinorUnits, SenderFactsCodec } from '../security/senderFactsCodec.js'

// ---------------------------------------------------------------- shared pieces

/** Ids the engine makes (journal entry ids): any short string. */
export const ConversionEngineId = EngineId

/** A sentence for people saying why a conversion was refused. */
export const ConversionReason = boundedString(REASON_LENGTH_MAX, 'Reason')

/** Minor units on the wire (a decimal integer string), `bigint` inside. */
export const ConversionMinorUnits = MinorUnits

const isAssetScale = (u: unknown): u is number =>
  typeof u === 'number' && Number.isInteger(u) && u >= ASSET_SCALE_MIN && u <= ASSET_SCALE_MAX

/** An asset scale: an integer number of decimals from 0 to 18. */
export const AssetScaleNumber = new t.Type<number, number, unknown>(
  'AssetScale',
  isAssetScale,
  (u, c) => (isAssetScale(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/** The asset a conversion buys, with its scale (from the engine's registry). */
export const ConversionTarget = t.type(
  { asset: AssetCode, scale: AssetScaleNumber },
  'ConversionTarget',
)

/** The sender's facts for the source asset and the local day (`SenderFactsCodec`). */
export const ConversionSenderFacts = SenderFactsCodec

/** The business refusals recorded as a failed conversion rather than returned as a rejection. */
export const ConversionRefusalCode = t.keyof(
  {
    account_frozen: null,
    security_check_failed: null,
    limit_exceeded: null,
    insufficient_balance: null,
    min_received_not_met: null,
  },
  'ConversionRefusalCode',
)

const REMAINDER = /^0(\.[0-9]*[1-9])?$/
/** The brand that marks a string checked as a conversion's rounding remainder (io-ts `t.brand`). */
export interface RemainderFractionBrand {
  readonly RemainderFraction: unique symbol
}
/**
 * What rounding down dropped, exactly, as a fraction of one minor unit of the target asset:
 * '0' or a plain decimal in (0, 1) without trailing zeros ("0.345").
 */
export const RemainderFraction = t.brand(
  t.string,
  (s): s is t.Branded<string, RemainderFractionBrand> =>
    s.length <= CONVERSION_REMAINDER_CHARS_MAX && REMAINDER.test(s),
  'RemainderFraction',
)
export type RemainderFraction = t.TypeOf<typeof RemainderFraction>

// ---------------------------------------------------------------- commands

/**
 * Converts `from.amount` of `from.asset` into `to.asset` at `rate` (units of `to` per one unit of
 * `from`). The engine canonicalizes `from.amount` and `minReceived` to their assets' scales,
 * makes `entryId`, and passes the sender's facts for `from.asset` and `localDate`.
 */
export const ConvertFundsCommand = t.intersection(
  [
    commandCodec('ConvertFunds', {
      conversionId: CallerId,
      entryId: ConversionEngineId,
      accountId: CallerId,
      from: AssetAmount,
      to: ConversionTarget,
      rate: Rate,
      sender: ConversionSenderFacts,
      at: IsoInstant,
      localDate: LocalDate,
      fingerprint: Sha256Hex,
    }),
    t.partial({
      quoteExpiresAt: IsoInstant,
      minReceived: DecimalString,
      authorization: Authorization,
    }),
  ],
  'ConvertFunds',
)

// ---------------------------------------------------------------- events

/**
 * The trade was filled against the market as one journal entry (`entry`): `debited` left the
 * account, `credited` (amount × rate rounded down once to the target scale) arrived, `spread` of
 * the source asset went to the desk's spread account (the dropped `remainder` priced back at the
 * rate, rounded down), and the market got `debited − spread`. `limitDate` is the local day the
 * debit counts toward (the engine writes it on `FundsDebited`).
 */
export const ConversionExecutedV1 = eventCodec(
  'ConversionExecuted',
  1,
  t.type(
    {
      conversionId: CallerId,
      accountId: CallerId,
      debited: AssetAmount,
      credited: AssetAmount,
      rate: Rate,
      spread: AssetAmount,
      remainder: RemainderFraction,
      entry: JournalEntry,
      limitDate: LocalDate,
      fingerprint: Sha256Hex,
      at: IsoInstant,
    },
    'ConversionExecuted.data',
  ),
)

/** The quote had expired when the conversion was asked for (`at` after `quoteExpiresAt`). */
export const ConversionExpiredV1 = eventCodec(
  'ConversionExpired',
  1,
  t.type(
    {
      conversionId: CallerId,
      accountId: CallerId,
      from: AssetAmount,
      to: ConversionTarget,
      rate: Rate,
      quoteExpiresAt: IsoInstant,
      fingerprint: Sha256Hex,
      at: IsoInstant,
    },
    'ConversionExpired.data',
  ),
)

/** The conversion was refused for a business reason (`code`, `reason` for people); nothing moved. */
export const ConversionFailedV1 = eventCodec(
  'ConversionFailed',
  1,
  t.type(
    {
      conversionId: CallerId,
      accountId: CallerId,
      from: AssetAmount,
      to: ConversionTarget,
      rate: Rate,
      code: ConversionRefusalCode,
      reason: ConversionReason,
      fingerprint: Sha256Hex,
      at: IsoInstant,
    },
    'ConversionFailed.data',
  ),
)
