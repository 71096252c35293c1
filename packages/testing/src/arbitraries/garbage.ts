// Hostile caller input for boundary properties: values no ledger field accepts (bigint, symbols,
// NaN, -0, lone surrogates, input too deep or too long, prototype keys, Proxies), malformed
// amounts (exponents, full-width digits, signs), and mutations of a valid call that must make it
// invalid: a field replaced, a required field removed, an unknown field added at any depth.
import fc from 'fast-check'

/** A call's valid input and what the mutations need to know about it. */
export type InputShape = {
  /** A valid input (plain data). */
  readonly valid: Readonly<Record<string, unknown>>
  /** Fields the call cannot do without. */
  readonly required: readonly string[]
  /** Fields holding amounts, which also get malformed amount strings. */
  readonly amounts?: readonly string[]
  /** Fields holding objects, which also get unknown fields inside. */
  readonly nested?: readonly string[]
}

/** A mutated input and a label saying what was done, for the failure report. */
export type HostileInput = { readonly input: unknown; readonly label: string }

const nestedDeep = (depth: number): unknown => {
  let value: unknown = 'leaf'
  for (let level = 0; level < depth; level += 1) value = { inner: value }
  return value
}

const nullPrototype = (value: unknown): unknown => {
  const object = Object.create(null) as Record<string, unknown>
  object['x'] = value
  return object
}

// A Proxy whose fields cannot be listed (fast-check itself must still be able to probe it).
const unlistableProxy = (): unknown =>
  new Proxy(
    {},
    {
      ownKeys: () => {
        throw new Error('a Proxy that refuses to list its fields')
      },
    },
  )

const throwingGetter = (): unknown =>
  Object.defineProperty({}, 'value', {
    enumerable: true,
    get: () => {
      throw new Error('a getter that throws')
    },
  })

/**
 * A value no field of any ledger call accepts, whatever its type: bigint, symbol, function, NaN,
 * the infinities, -0, an invalid Date or one outside 1970..9999, text with an unpaired surrogate or over the input limit,
 * nesting deeper than the input limit (up to 20,000 levels), an object naming `__proto__` or
 * `constructor`, a null-prototype object or list holding a bigint, a Proxy that cannot list its
 * fields, a getter that throws.
 */
export const arbHostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
    fc.string({ maxLength: 8 }).map((name) => Symbol(name)),
    fc.constantFrom<unknown>(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      () => 'a function',
      new Date(Number.NaN),
      // Dates a JS Date can hold but no instant field accepts (before 1970, after 9999).
      new Date(8.64e15),
      new Date(-8.64e15),
      new Date(Date.UTC(10_000, 0, 1)),
      new Date(Date.UTC(1969, 11, 31, 23, 59, 59)),
      '\uD800',
      'ok\uDC00',
      'x'.repeat(70_000),
    ),
    fc.integer({ min: 9, max: 20_000 }).map(nestedDeep),
    fc
      .constantFrom(
        '{"__proto__":{"polluted":"yes"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"a":{"__proto__":{"polluted":"yes"}}}',
      )
      .map((text) => JSON.parse(text) as unknown),
    fc.constant(1n).map(nullPrototype),
    fc.constant([1n]),
    fc.constant(null).map(unlistableProxy),
    fc.constant(null).map(throwingGetter),
  )

/** A malformed amount: exponents, full-width digits, signs, -0, NaN, whitespace, separators. */
export const arbHostileAmount = (): fc.Arbitrary<string> =>
  fc.constantFrom(
    '1e3',
    '1E-2',
    '１２',
    '１２.３０',
    '-1.00',
    '+1.00',
    '-0',
    'NaN',
    'Infinity',
    ' 1.00',
    '1.00 ',
    '1,000.00',
    '.5',
    '5.',
    '01.00',
    '0x10',
    '',
    '1'.repeat(40),
    `1.${'0'.repeat(30)}1`,
  )

/** A field name no ledger call declares: misspellings, prototype names, empty, long, broken. */
export const arbUnknownFieldName = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      'note',
      'cardNumber',
      'cvv',
      'ammount',
      'toString',
      'valueOf',
      'hasOwnProperty',
      '',
      'x'.repeat(300),
      'a\uD800',
    ),
    fc.string({ minLength: 1, maxLength: 12 }).map((name) => `zz_${name}`),
  )

const withField = (object: object, key: string, value: unknown): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...(object as Record<string, unknown>) }
  // defineProperty: a plain assignment of '__proto__' would set the prototype, not a field.
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
  return copy
}

const without = (object: Readonly<Record<string, unknown>>, key: string) => {
  const { [key]: _removed, ...rest } = object
  return rest
}

/**
 * Mutations of a valid input that must each be refused before anything is written: one field
 * replaced by a hostile value (amount fields also by a malformed amount), a required field
 * removed, an unknown field added at the top or inside a nested object (holding anything, even a
 * valid-looking value), or the whole input replaced by a hostile value.
 */
export const arbHostileInput = (shape: InputShape): fc.Arbitrary<HostileInput> => {
  const fields = Object.keys(shape.valid)
  const options: fc.Arbitrary<HostileInput>[] = [
    arbHostileValue().map((input) => ({ input, label: 'the input replaced' })),
    fc
      .tuple(arbUnknownFieldName(), fc.oneof(arbHostileValue(), fc.string({ maxLength: 4 })))
      .map(([key, value]) => ({
        input: withField(shape.valid, key, value),
        label: `unknown field ${JSON.stringify(key.slice(0, 20))}`,
      })),
  ]
  if (fields.length > 0)
    options.push(
      fc.tuple(fc.constantFrom(...fields), arbHostileValue()).map(([key, value]) => ({
        input: withField(shape.valid, key, value),
        label: `${key} replaced`,
      })),
    )
  if (shape.required.length > 0)
    options.push(
      fc.constantFrom(...shape.required).map((key) => ({
        input: without(shape.valid, key),
        label: `${key} removed`,
      })),
    )
  if ((shape.amounts ?? []).length > 0)
    options.push(
      fc
        .tuple(fc.constantFrom(...(shape.amounts ?? [])), arbHostileAmount())
        .map(([key, text]) => ({
          input: withField(shape.valid, key, text),
          label: `${key} = ${JSON.stringify(text.slice(0, 20))}`,
        })),
    )
  if ((shape.nested ?? []).length > 0)
    options.push(
      fc
        .tuple(fc.constantFrom(...(shape.nested ?? [])), arbUnknownFieldName(), arbHostileValue())
        .map(([key, name, value]) => ({
          input: withField(shape.valid, key, withField(shape.valid[key] as object, name, value)),
          label: `unknown field inside ${key}`,
        })),
    )
  return fc.oneof(...options)
}
