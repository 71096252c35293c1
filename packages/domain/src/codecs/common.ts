// Branded codecs shared by every aggregate's commands and events (STYLE.md section 7).
import * as t from 'io-ts'
import {
  AMOUNT_CHARS_MAX,
  ID_LENGTH_MAX,
  METADATA_ENTRIES_MAX,
  METADATA_KEY_LENGTH_MAX,
  METADATA_VALUE_LENGTH_MAX,
  PERCENT_CHARS_MAX,
  RATE_DIGITS_MAX,
} from '../limits.js'
import { isPercent, isRate } from '../money/rounding.js'
import { ASSET_CODE_PATTERN } from '../asset/asset.js'
import { describedAs } from './describe.js'

const UNSIGNED_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
const SHA256_HEX = /^[0-9a-f]{64}$/
// Caller-chosen ids: letters, digits, '-', '_' (no ':' so they never collide with system ids).
const CALLER_ID = new RegExp(`^[A-Za-z0-9_-]{1,${ID_LENGTH_MAX}}$`)
// Any account id, system ids included ("system:fees", "world:bank-inflow").
const ACCOUNT_ID = new RegExp(`^[A-Za-z0-9_:.-]{1,${ID_LENGTH_MAX * 2}}$`)

/** The brand that marks a string checked as a decimal string (io-ts `t.brand`). */
export interface DecimalStringBrand {
  readonly DecimalString: unique symbol
}
/** An unsigned plain decimal string ("12.30"); the scale check against the asset runs after. */
export const DecimalString = t.brand(
  t.string,
  (s): s is t.Branded<string, DecimalStringBrand> =>
    s.length <= AMOUNT_CHARS_MAX && UNSIGNED_DECIMAL.test(s),
  'DecimalString',
)
export type DecimalString = t.TypeOf<typeof DecimalString>

/** The brand that marks a string checked as an asset code (io-ts `t.brand`). */
export interface AssetCodeBrand {
  readonly AssetCode: unique symbol
}
/** An asset code ("USD"); whether it is registered is checked after decoding. */
export const AssetCode = t.brand(
  t.string,
  (s): s is t.Branded<string, AssetCodeBrand> => ASSET_CODE_PATTERN.test(s),
  'AssetCode',
)
export type AssetCode = t.TypeOf<typeof AssetCode>

/** The brand that marks a string checked as an ISO-8601 instant (io-ts `t.brand`). */
export interface IsoInstantBrand {
  readonly IsoInstant: unique symbol
}
/** An ISO-8601 UTC instant ("2026-11-26T07:30:00.000Z"). */
export const IsoInstant = t.brand(
  t.string,
  (s): s is t.Branded<string, IsoInstantBrand> =>
    ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s)),
  'IsoInstant',
)
export type IsoInstant = t.TypeOf<typeof IsoInstant>

const isRealDate = (s: string): boolean => {
  if (!LOCAL_DATE.test(s)) return false
  const parsed = new Date(`${s}T00:00:00.000Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === s
}
/** The brand that marks a string checked as a calendar date (io-ts `t.brand`). */
export interface LocalDateBrand {
  readonly LocalDate: unique symbol
}
/** A calendar date in the ledger's time zone ("2026-11-26"). */
export const LocalDate = t.brand(
  t.string,
  (s): s is t.Branded<string, LocalDateBrand> => isRealDate(s),
  'LocalDate',
)
export type LocalDate = t.TypeOf<typeof LocalDate>

/** The brand that marks a string checked as a sha-256 hex digest (io-ts `t.brand`). */
export interface Sha256HexBrand {
  readonly Sha256Hex: unique symbol
}
/** A lower-case hex sha-256 digest. */
export const Sha256Hex = t.brand(
  t.string,
  (s): s is t.Branded<string, Sha256HexBrand> => SHA256_HEX.test(s),
  'Sha256Hex',
)
export type Sha256Hex = t.TypeOf<typeof Sha256Hex>

/** The brand that marks a string checked as a caller-chosen id (io-ts `t.brand`). */
export interface CallerIdBrand {
  readonly CallerId: unique symbol
}
/** An id a caller chooses (account, promotion): letters, digits, '-' and '_'. */
export const CallerId = t.brand(
  t.string,
  (s): s is t.Branded<string, CallerIdBrand> => CALLER_ID.test(s),
  'CallerId',
)
export type CallerId = t.TypeOf<typeof CallerId>

/** The brand that marks a string checked as an account id (io-ts `t.brand`). */
export interface AccountIdBrand {
  readonly AccountId: unique symbol
}
/** Any account id, including system and world accounts. */
export const AccountId = t.brand(
  t.string,
  (s): s is t.Branded<string, AccountIdBrand> => ACCOUNT_ID.test(s),
  'AccountId',
)
export type AccountId = t.TypeOf<typeof AccountId>

/** The brand that marks a string checked as a percentage (io-ts `t.brand`). */
export interface PercentBrand {
  readonly Percent: unique symbol
}
/** A percentage from 0 to 100 as a decimal string ("2.5"). */
export const Percent = t.brand(
  t.string,
  (s): s is t.Branded<string, PercentBrand> => s.length <= PERCENT_CHARS_MAX && isPercent(s),
  'Percent',
)
export type Percent = t.TypeOf<typeof Percent>

/** The brand that marks a string checked as a conversion rate (io-ts `t.brand`). */
export interface RateBrand {
  readonly Rate: unique symbol
}
/** A positive rate as a decimal string with at most `RATE_DIGITS_MAX` significant digits. */
export const Rate = t.brand(
  t.string,
  (s): s is t.Branded<string, RateBrand> =>
    s.length <= RATE_DIGITS_MAX * 2 && isRate(s, RATE_DIGITS_MAX),
  'Rate',
)
export type Rate = t.TypeOf<typeof Rate>

/** A string of 1..max characters. */
export const boundedString = (max: number, name = `String(1..${max})`) =>
  describedAs(
    new t.Type<string, string, unknown>(
      name,
      (u): u is string => typeof u === 'string' && u.length >= 1 && u.length <= max,
      (u, c) =>
        typeof u === 'string' && u.length >= 1 && u.length <= max ? t.success(u) : t.failure(u, c),
      t.identity,
    ),
    `text of 1 to ${max} characters`,
  )

/** A bounded map of short strings to strings, carried on any command. */
export const Metadata = describedAs(
  new t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
    `Metadata(at most ${METADATA_ENTRIES_MAX} entries)`,
    (u): u is Record<string, string> => isMetadata(u),
    (u, c) => (isMetadata(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  `an object of at most ${METADATA_ENTRIES_MAX} entries, names of 1 to ${METADATA_KEY_LENGTH_MAX} ` +
    `characters, values text of at most ${METADATA_VALUE_LENGTH_MAX} characters`,
)
// A plain object only: a Date, a Map or a class instance has no entries of its own to keep.
const isPlainObject = (u: unknown): u is object => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false
  const prototype = Object.getPrototypeOf(u) as unknown
  return prototype === Object.prototype || prototype === null
}
const isMetadata = (u: unknown): u is Record<string, string> => {
  if (!isPlainObject(u)) return false
  const entries = Object.entries(u)
  return (
    entries.length <= METADATA_ENTRIES_MAX &&
    entries.every(
      ([key, value]) =>
        key.length >= 1 &&
        key.length <= METADATA_KEY_LENGTH_MAX &&
        typeof value === 'string' &&
        value.length <= METADATA_VALUE_LENGTH_MAX,
    )
  )
}

/**
 * An id the engine makes (journal entry, hold, operation, refund ids): any short string, since the
 * engine derives them with prefixes and separators a caller-chosen id would not allow.
 */
export const EngineId = boundedString(ID_LENGTH_MAX * 2, 'EngineId')
export type EngineId = t.TypeOf<typeof EngineId>

/** The amount of one asset as stored in events: canonical decimal with exactly the asset's scale. */
export const AssetAmount = t.type({ asset: AssetCode, amount: DecimalString })
export type AssetAmount = t.TypeOf<typeof AssetAmount>
