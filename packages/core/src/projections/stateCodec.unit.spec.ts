// Proves the working-state codec gives back what it was given (bigints, maps, sets, nested plain
// data), that data shaped like its tags (a key "$map", "$bigint", "$$x") stays plain data, that an
// account id "__proto__" survives as an own key, and that values JSON cannot hold are refused.
import { describe, expect, it } from 'vitest'
import { decodeState, encodeState } from './stateCodec.js'

const roundTrip = (value: unknown): unknown => decodeState(encodeState(value))

describe('the projection state codec', () => {
  it('round-trips bigints, maps, sets and nested plain data', () => {
    const value = {
      books: new Map([
        ['alice', { balances: new Map([['USD', { scale: 2, available: -12n, held: 0n }]]) }],
      ]),
      merchants: new Set(['shop', 'cafe']),
      order: ['a', '', 'c'],
      flags: { isOrdered: true, last: null },
      huge: 123456789012345678901234567890n,
    }
    expect(roundTrip(value)).toEqual(value)
  })

  it('keeps data shaped like a tag as plain data', () => {
    const value = {
      $map: [['k', 'v']],
      $bigint: '12',
      $$x: { $set: [1] },
      inner: new Map([['$bigint', { $map: 'not a map' }]]),
    }
    expect(roundTrip(value)).toEqual(value)
  })

  it('keeps "__proto__" as an own key, never a prototype', () => {
    const value = JSON.parse('{"__proto__": {"USD": "1.00"}}') as Record<string, unknown>
    const back = roundTrip(value) as Record<string, unknown>
    expect(Object.hasOwn(back, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype)
  })

  it('refuses what JSON cannot hold exactly', () => {
    expect(() => encodeState({ amount: Number.NaN })).toThrow(/bad number/)
    expect(() => encodeState({ run: () => 1 })).toThrow(/no code/)
  })

  it('refuses a stored text with a tag it does not know', () => {
    expect(() => decodeState('{"$date": "2025-01-01"}')).toThrow(/unknown tag/)
  })
})
