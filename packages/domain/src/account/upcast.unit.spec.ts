// Proves the LimitsSet v1 -> v2 upcaster on a stored v1 sample (__fixtures__/LimitsSet.v1.json):
// the renamed fields carry the same amounts, the field v1 never had stays absent, the result
// decodes with the current codec, and a replayed account ends with the limits v1 recorded.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../assert.js'
import { foldEvents } from '../decider.js'
import { upcastEvent } from '../upcast.js'
import type { RawEvent } from '../codecs/event.js'
import { AccountEvent, LimitsSetV1, LimitsSetV2 } from './codecs.js'
import { accountDecider } from './decide.js'
import { senderFactsOf } from './senderFacts.js'
import { accountUpcasters } from './upcast.js'
import { TODAY, accountOpened } from '../../test/account/__fixtures__/factories.js'

// Read as bytes, the way a store hands a stored event back, and parsed here.
const storedV1 = JSON.parse(
  readFileSync(
    new URL('../../test/account/__fixtures__/LimitsSet.v1.json', import.meta.url),
    'utf8',
  ),
) as { type: string; schemaVersion: number; data: Record<string, string> }

const decodeStored = (raw: RawEvent) => {
  const decoded = AccountEvent.decode(upcastEvent(accountUpcasters, raw))
  if (decoded._tag === 'Left') throw new Error('the upcast event does not decode')
  return decoded.right
}

describe('LimitsSet v1 -> v2', () => {
  it('the stored sample is valid v1 and not valid v2', () => {
    expect(LimitsSetV1.is(storedV1)).toBe(true)
    expect(LimitsSetV2.is(storedV1)).toBe(false)
  })

  it('renames perPayment and dailyLimit, keeps the amounts, adds no step-up threshold', () => {
    expect(decodeStored(storedV1)).toEqual({
      type: 'LimitsSet',
      schemaVersion: 2,
      data: {
        accountId: 'alice',
        asset: 'CNY',
        perPaymentMax: '500.00',
        perDayMax: '2000.00',
        at: '2025-03-14T09:26:53.000Z',
      },
    })
  })

  it('a v1 event without limits becomes a v2 event without limits', () => {
    const { perPayment: _p, dailyLimit: _d, ...bare } = storedV1.data
    expect(decodeStored({ ...storedV1, data: bare })).toEqual({
      type: 'LimitsSet',
      schemaVersion: 2,
      data: bare,
    })
  })

  it('replaying an account whose stream holds the v1 event gives the v1 limits', () => {
    const state = foldEvents(accountDecider.evolve, accountDecider.initialState, [
      accountOpened(),
      decodeStored(storedV1),
    ])
    if (state.status === 'not_opened') throw new Error('not opened')
    expect(senderFactsOf(state, 'CNY', TODAY).limits).toEqual({
      perPaymentMax: 50000n,
      perDayMax: 200000n,
    })
  })

  it('a current v2 event passes through unchanged', () => {
    const current = {
      type: 'LimitsSet',
      schemaVersion: 2,
      data: { accountId: 'alice', asset: 'USD', at: storedV1.data.at },
    }
    expect(upcastEvent(accountUpcasters, current)).toEqual(current)
  })

  it('asserts on stored data that is not valid v1', () =>
    expect(() => upcastEvent(accountUpcasters, { ...storedV1, data: { asset: 'CNY' } })).toThrow(
      AssertionError,
    ))
})
