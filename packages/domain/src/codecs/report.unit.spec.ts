// Proves the shared reporter of caller input: messages say in words what was wrong (no type
// names, no serialising of bigints), input is bounded before decoding, and fields a codec does not
// declare are named at any depth, through intersections, unions, lists and maps.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { INPUT_DEPTH_MAX, INPUT_VALUES_MAX } from '../limits.js'
import { AccountId, CallerId, Metadata, Rate, boundedString } from './common.js'
import { readPlainInput } from './plainInput.js'
import { decodeInput } from './report.js'
import { unknownFields } from './unknownFields.js'

const Command = t.intersection([
  t.type({ accountId: CallerId, source: t.type({ reference: boundedString(8) }) }),
  t.partial({
    metadata: Metadata,
    rate: Rate,
    paymentIds: t.array(t.type({ id: CallerId })),
    amounts: t.record(t.string, t.type({ amount: t.string })),
    target: t.union([
      t.type({ kind: t.literal('bank'), bank: t.string }),
      t.type({ iban: t.string }),
    ]),
  }),
])

const problemsOf = (input: unknown) => {
  const decoded = decodeInput(Command, input)
  if (decoded._tag === 'Right') return expect.fail('expected a rejection')
  return decoded.left
}

const VALID = { accountId: 'alice', source: { reference: 'r' } }

describe('messages for people', () => {
  it('describes ids, rates and lengths in words, never by type name', () => {
    const error = problemsOf({ accountId: 'bad id!', source: { reference: '' }, rate: '1e3' })
    expect(error.message).toBe(
      "accountId: must be letters, digits, '-' or '_' only, 1 to 64 characters; got \"bad id!\"; " +
        'source.reference: must be text of 1 to 8 characters; got an empty text; ' +
        'rate: must be a positive decimal rate like 7.1 (at most 30 significant digits, no ' +
        'exponent); got "1e3"',
    )
    expect(error.details).toMatchObject({ path: 'accountId' })
  })

  it('names a missing field and a wrong root in words', () => {
    expect(problemsOf({ source: { reference: 'r' } }).message).toMatch(/^accountId: is required/)
    expect(problemsOf(null).message).toMatch(/^the input: must be an object with accountId/)
  })

  it('describes a bigint, a symbol, NaN and -0 without serialising them', () => {
    const values = [10n, Symbol('s'), Number.NaN, -0, () => 1, new Date(Number.NaN)]
    const shown = values.map((accountId) => problemsOf({ ...VALID, accountId }).message)
    expect(shown.map((text) => text.split('; got ')[1])).toEqual([
      'a bigint',
      'a symbol',
      'NaN (not a number)',
      '-0',
      'a function',
      'an invalid Date',
    ])
  })

  it('follows the union member the value resembles, else names the union', () => {
    expect(problemsOf({ ...VALID, target: { kind: 'bank', bank: 5 } }).details).toMatchObject({
      path: 'target.bank',
    })
    expect(problemsOf({ ...VALID, target: 'x' }).message).toMatch(
      /^target: must be an object with kind, bank, or an object with iban; got "x"$/,
    )
  })
})

describe('unknown fields', () => {
  it('names every field no codec declares, in order, at any depth', () => {
    const input = {
      ...VALID,
      source: { reference: 'r', cardNumber: '4111', cvv: '1' },
      paymentIds: [{ id: 'a' }, { id: 'b', extra: 1 }],
      amounts: { usd: { amount: '1', note: 'x' } },
      target: { iban: 'DE', swift: 'X' },
      top: 1,
    }
    expect(unknownFields(Command, input)).toEqual([
      ['top'],
      ['source', 'cardNumber'],
      ['source', 'cvv'],
      ['paymentIds', '1', 'extra'],
      ['amounts', 'usd', 'note'],
      ['target', 'swift'],
    ])
    expect(problemsOf(input).details).toMatchObject({ path: 'top' })
  })

  it('accepts any key of a map codec and of metadata', () => {
    expect(decodeInput(Command, { ...VALID, metadata: { anything: 'x' } })._tag).toBe('Right')
    expect(unknownFields(AccountId, 'x')).toEqual([])
  })
})

describe('reading input before decoding', () => {
  it('refuses nesting deeper than the limit and a cycle, without recursion', () => {
    let deep: unknown = 'leaf'
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep }
    expect(readPlainInput(deep)).toMatchObject({ _tag: 'Left' })
    let shallow: unknown = 'leaf'
    for (let level = 0; level < INPUT_DEPTH_MAX; level += 1) shallow = { a: shallow }
    expect(readPlainInput(shallow)).toEqual({ _tag: 'Right', right: shallow })
    const cyclic: unknown[] = []
    cyclic.push(cyclic)
    expect(readPlainInput(cyclic)).toMatchObject({ _tag: 'Left' })
  })

  it('refuses too many values, a huge sparse list, long text and lone surrogates', () => {
    const wide = Object.fromEntries(
      Array.from({ length: INPUT_VALUES_MAX + 1 }, (_, index) => [`k${index}`, 1]),
    )
    expect(readPlainInput(wide)).toMatchObject({ _tag: 'Left', left: { path: '(root)' } })
    const sparse: unknown[] = []
    sparse.length = 2 ** 32 - 1
    expect(readPlainInput({ list: sparse })).toMatchObject({ left: { path: 'list' } })
    expect(readPlainInput({ text: 'x'.repeat(70_000) })).toMatchObject({ left: { path: 'text' } })
    expect(readPlainInput({ text: 'a\uD800b' })).toMatchObject({ left: { path: 'text' } })
    expect(readPlainInput({ ['\uDC00']: 1 })).toMatchObject({ _tag: 'Left' })
  })

  it('copies own fields once: a getter runs once, inherited fields are not read', () => {
    let reads = 0
    const input = Object.create({ inherited: 1 }) as Record<string, unknown>
    Object.defineProperty(input, 'accountId', {
      enumerable: true,
      get: () => ((reads += 1), 'alice'),
    })
    expect(readPlainInput(input)).toEqual({ _tag: 'Right', right: { accountId: 'alice' } })
    expect(reads).toBe(1)
  })

  it('answers a throwing getter or a revoked Proxy as a field that could not be read', () => {
    const throwing = Object.defineProperty({}, 'accountId', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(readPlainInput({ source: throwing })).toMatchObject({
      _tag: 'Left',
      left: { path: 'source.accountId' },
    })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(decodeInput(Command, proxy)).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path: '(root)' } },
    })
  })

  it('refuses prototype keys and keeps a genuine Date a Date', () => {
    const parsed = JSON.parse('{"a":{"__proto__":{"x":1}}}') as unknown
    expect(readPlainInput(parsed)).toMatchObject({ left: { path: 'a.__proto__' } })
    const copied = readPlainInput({ at: new Date(5) })
    expect(copied).toEqual({ _tag: 'Right', right: { at: new Date(5) } })
  })
})
