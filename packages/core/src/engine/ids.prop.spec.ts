// Proves the engine's uuid v5 equals the uuid package's for any name (ASCII, any Unicode, empty)
// and any namespace, and throws where the package throws (a name with a lone surrogate).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { v5 as uuidV5 } from 'uuid'
import { LEDGER_ID_NAMESPACE_DEFAULT, idFromIdempotencyKey, uuidV5Of } from './ids.js'

describe('uuidV5Of', () => {
  it("equals the uuid package's v5 for any name and namespace", () =>
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
        fc.uuid(),
        (name, namespace) => {
          expect(uuidV5Of(name, namespace)).toBe(uuidV5(name, namespace))
        },
      ),
      { numRuns: 1000 },
    ))

  it('derives entity ids as before and throws on a lone surrogate, as the package does', () => {
    const namespace = LEDGER_ID_NAMESPACE_DEFAULT
    expect(idFromIdempotencyKey(namespace, 'payment', 'key-1')).toBe(
      uuidV5('payment:key-1', namespace),
    )
    expect(uuidV5Of('😀 café', namespace)).toBe(uuidV5('😀 café', namespace))
    expect(() => uuidV5Of('a\ud800b', namespace)).toThrow(URIError)
    expect(() => uuidV5Of('\udc00', namespace)).toThrow(URIError)
  })
})
