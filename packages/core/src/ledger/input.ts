// The boundary: caller input is decoded by a codec (every offending field named in the caller's
// own words), amounts are parsed against the asset registry and made canonical, instants become
// ISO strings. Nothing is written before all of this succeeds.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  decodeInput,
  describeValue,
  describedAs,
  domainError,
  findAsset,
  formatMoney,
  isInstantInRange,
  limits,
  parseAmount,
  parsePositiveAmount,
  readPlainInput,
} from '@wallet-ledger/domain'
import type { Asset, AssetRegistry, Money } from '@wallet-ledger/domain'
import { canonicalJson } from '../store/canonicalJson.js'
import { sha256Hex } from '../store/chain.js'
import type { JsonValue } from '../ports/eventStore.js'
import type { ErrorCode, Instant, LedgerError } from './types.js'

/** A parsed amount: its asset, the money and its canonical string. */
export type ParsedAmount = { readonly asset: Asset; readonly money: Money; readonly amount: string }

const textCodec = (name: string, description: string) =>
  describedAs(
    new t.Type<string, string, unknown>(
      name,
      (u): u is string => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
      t.identity,
    ),
    description,
  )

/** An amount as the caller sends it; its shape and scale are read by `parseCallerAmount`. */
export const AmountText = textCodec('AmountText', 'a decimal amount like 12.30, written as text')
/** An asset code as the caller sends it; `findAsset` tells whether it is registered. */
export const AssetText = textCodec('AssetText', 'an asset code like USD, written as text')

/**
 * Decodes caller input (see `decodeInput`): bounded before decoding, exact (an unknown field at
 * any depth is refused), every offending field named by its path in words. Never throws.
 */
export const decodeCaller = <A>(
  codec: t.Type<A, unknown, unknown>,
  input: unknown,
): Either<LedgerError, A> => decodeInput(codec, input) as Either<LedgerError, A>

/** Parses an amount of a registered asset; `isPositive` refuses zero. */
export const parseCallerAmount = (
  registry: AssetRegistry,
  assetCode: string,
  text: unknown,
  field: string,
  isPositive = true,
  assetField = 'asset',
): Either<LedgerError, ParsedAmount> => {
  const asset = findAsset(registry, assetCode, assetField)
  if (asset._tag === 'Left') return asset
  const parsed = isPositive
    ? parsePositiveAmount(text, asset.right, field)
    : parseAmount(text, asset.right, field)
  if (parsed._tag === 'Left') return parsed
  return right({ asset: asset.right, money: parsed.right, amount: formatMoney(parsed.right) })
}

// An ISO-8601 instant with its offset: without one, `new Date` would read the local time of
// whatever machine runs the ledger, and `'1'` would become the year 2001.
const ISO_INSTANT_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * An instant as an ISO UTC string, or `invalid_input` naming the field. Accepts a valid `Date`
 * or an ISO-8601 string with `Z` or an explicit offset ("2026-11-27T09:50:00+08:00"), from
 * `limits.INSTANT_MIN` to `limits.INSTANT_MAX`: later ones would be stored with a six-digit year
 * that no event codec reads back.
 */
export const instantOf = (value: Instant, field: string): Either<LedgerError, string> => {
  const isIso = typeof value === 'string' && ISO_INSTANT_WITH_OFFSET.test(value)
  const date = value instanceof Date ? value : isIso ? new Date(value) : undefined
  if (date !== undefined && !Number.isNaN(date.getTime()) && !isInstantInRange(date.getTime())) {
    return left(
      domainError(
        'invalid_input',
        `${field}: expected an instant from ${limits.INSTANT_MIN} to ${limits.INSTANT_MAX}`,
        { path: field },
      ),
    )
  }
  if (date === undefined || Number.isNaN(date.getTime())) {
    return left(
      domainError(
        'invalid_input',
        `${field}: expected an ISO-8601 instant with an offset ("2026-11-27T09:50:00Z") or a Date`,
        {
          path: field,
        },
      ),
    )
  }
  return right(date.toISOString())
}

/** The fingerprint of a caller's fields: tells a retry from a reused idempotency key. */
export const fingerprintOf = (fields: JsonValue): string => sha256Hex(canonicalJson(fields))

/** Removes the fields every command accepts but that do not identify what it asks for. */
export const withoutContext = <T extends Record<string, unknown>>(
  input: T,
): Omit<T, 'metadata' | 'actor' | 'correlationId'> => {
  const { metadata: _metadata, actor: _actor, correlationId: _correlationId, ...rest } = input
  return rest
}

// How much of a malformed id an error repeats back.
const ID_SHOWN_MAX = 64

/**
 * A query's id argument (`payment(id)`): `invalid_input` on `field` when it is not text; when it
 * is text no id can be (`isId` false), the query's not-found error, since no such entity exists.
 */
export const queryIdOf = <NotFound extends ErrorCode>(
  value: unknown,
  field: string,
  isId: (text: string) => boolean,
  notFound: (shown: string) => LedgerError<NotFound>,
): Either<LedgerError<'invalid_input' | NotFound>, string> => {
  if (typeof value !== 'string' || value.length === 0) {
    const message = `${field}: must be an id written as text; got ${describeValue(value)}`
    return left(domainError('invalid_input', message, { path: field }))
  }
  // Text too long to read or with a broken character is bad input, not an unknown id.
  const readable = readPlainInput(value)
  if (readable._tag === 'Left') {
    const message = readable.left.message.replace('(root)', field)
    return left(domainError('invalid_input', message, { path: field }))
  }
  return isId(value) ? right(value) : left(notFound(value.slice(0, ID_SHOWN_MAX)))
}
