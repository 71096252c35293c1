// Words for people: what a codec expects and what a caller sent, never a TypeScript type name
// ("expected CallerId") and never JSON.stringify on a caller's value (a bigint would throw).
import type * as t from 'io-ts'
import {
  AMOUNT_INTEGER_DIGITS_MAX,
  ASSET_CODE_LENGTH_MAX,
  ID_LENGTH_MAX,
  PERCENT_CHARS_MAX,
  RATE_DIGITS_MAX,
} from '../limits.js'

type AnyCodec = t.Decoder<unknown, unknown> & { readonly name: string }

// Descriptions attached to a codec object (custom codecs built by helpers).
const attached = new WeakMap<object, string>()
// Descriptions of the shared branded codecs (common.ts), by name.
const named = new Map<string, string>([
  ['CallerId', `letters, digits, '-' or '_' only, 1 to ${ID_LENGTH_MAX} characters`],
  [
    'AccountId',
    `an account id: letters, digits, '-', '_', ':' or '.', 1 to ${ID_LENGTH_MAX * 2} characters`,
  ],
  [
    'AssetCode',
    `an asset code like USD: 2 to ${ASSET_CODE_LENGTH_MAX} upper-case letters or digits, a letter first`,
  ],
  [
    'DecimalString',
    `a decimal number like 12.30 (digits, at most ${AMOUNT_INTEGER_DIGITS_MAX} before the point, no sign or exponent)`,
  ],
  ['IsoInstant', 'an ISO-8601 UTC instant like 2026-11-27T09:50:00.000Z'],
  ['LocalDate', 'a calendar date like 2026-11-27'],
  ['Sha256Hex', 'a sha-256 digest: 64 lower-case hexadecimal characters'],
  [
    'Percent',
    `a percentage from 0 to 100 as a decimal like 2.5 (at most ${PERCENT_CHARS_MAX} characters)`,
  ],
  [
    'Rate',
    `a positive decimal rate like 7.1 (at most ${RATE_DIGITS_MAX} significant digits, no exponent)`,
  ],
])

/**
 * Attaches the words that complete "must be …" to a codec, for every message about it.
 *
 * @example
 * const Reason = describedAs(boundedString(200), 'text of 1 to 200 characters')
 */
export const describedAs = <C extends object>(codec: C, description: string): C => {
  attached.set(codec, description)
  return codec
}

const quoteList = (keys: readonly string[]): string => keys.map((key) => `'${key}'`).join(', ')

const objectWords = (props: Record<string, unknown>): string => {
  const keys = Object.keys(props)
  return keys.length === 0 ? 'an object' : `an object with ${keys.join(', ')}`
}

// Codec shapes are fixed at build time, so this recursion is bounded by their nesting, not by input.
const structural = (codec: AnyCodec & { readonly _tag?: string }): string => {
  const inner = codec as unknown as {
    readonly keys?: Record<string, unknown>
    readonly value?: unknown
    readonly props?: Record<string, unknown>
    readonly types?: readonly AnyCodec[]
    readonly type?: AnyCodec
  }
  switch (codec._tag) {
    case 'StringType':
      return 'text'
    case 'NumberType':
      return 'a number'
    case 'BooleanType':
      return 'true or false'
    case 'NullType':
      return 'null'
    case 'KeyofType':
      return `one of ${quoteList(Object.keys(inner.keys ?? {}))}`
    case 'LiteralType':
      return `'${String(inner.value)}'`
    case 'InterfaceType':
    case 'PartialType':
      return objectWords(inner.props ?? {})
    case 'IntersectionType':
      return objectWords(
        Object.assign({}, ...(inner.types ?? []).map((member) => propsOf(member))) as Record<
          string,
          unknown
        >,
      )
    case 'UnionType':
      return (inner.types ?? []).map((member) => describeExpected(member)).join(', or ')
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return `a list of ${inner.type === undefined ? 'values' : describeExpected(inner.type)}`
    case 'DictionaryType':
      return 'an object'
    case 'ReadonlyType':
    case 'ExactType':
      return inner.type === undefined ? 'a valid value' : describeExpected(inner.type)
    case 'RefinementType':
      return inner.type === undefined ? 'a valid value' : `valid ${describeExpected(inner.type)}`
    default:
      return 'a valid value'
  }
}

const propsOf = (codec: AnyCodec): Record<string, unknown> => {
  const inner = codec as unknown as {
    readonly _tag?: string
    readonly props?: Record<string, unknown>
    readonly types?: readonly AnyCodec[]
    readonly type?: AnyCodec
  }
  if (inner.props !== undefined) return inner.props
  if (inner._tag === 'IntersectionType')
    return Object.assign({}, ...(inner.types ?? []).map(propsOf)) as Record<string, unknown>
  if (inner._tag === 'ExactType' || inner._tag === 'ReadonlyType')
    return inner.type === undefined ? {} : propsOf(inner.type)
  return {}
}

/** What a codec expects, in words that complete "must be …" ("text of 1 to 200 characters"). */
export const describeExpected = (codec: AnyCodec): string =>
  attached.get(codec) ??
  named.get(codec.name) ??
  (isWords(codec.name) ? codec.name : structural(codec))

// A codec named in words ("a percentage from 0 to 10") rather than as a type ("CallerId").
const isWords = (name: string): boolean => /^[a-z][^()]* [^()]*$/.test(name)

const SHOWN_CHARS_MAX = 40

/**
 * A caller's value in words, safe for any value a caller can build: strings are quoted and cut,
 * bigints, symbols, functions, lists and objects are named by kind, never serialised.
 */
export const describeValue = (value: unknown): string => {
  switch (typeof value) {
    case 'undefined':
      return 'nothing'
    case 'string': {
      if (value.length === 0) return 'an empty text'
      const cut = value.length > SHOWN_CHARS_MAX ? `${value.slice(0, SHOWN_CHARS_MAX)}…` : value
      return JSON.stringify(cut)
    }
    case 'number':
      if (Number.isNaN(value)) return 'NaN (not a number)'
      if (Object.is(value, -0)) return '-0'
      return String(value)
    case 'bigint':
      return 'a bigint'
    case 'boolean':
      return String(value)
    case 'symbol':
      return 'a symbol'
    case 'function':
      return 'a function'
    default:
      if (value === null) return 'null'
      if (Array.isArray(value)) return `a list of ${value.length} items`
      if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? 'an invalid Date' : `the Date ${value.toISOString()}`
      return 'an object'
  }
}
