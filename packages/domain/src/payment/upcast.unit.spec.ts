// Proves that stored version-1 payment events (a JSON sample of each type, as a store keeps them)
// still upcast and decode to the same values, so a codec change that would break replay of
// existing streams fails here first; and that every event type has an upcast chain.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { RawEvent } from '../codecs/event.js'
import { upcastEvent } from '../upcast.js'
import { PaymentEvent } from './events.js'
import { paymentUpcasters } from './upcast.js'

const stored = JSON.parse(
  readFileSync(
    new URL('../../test/payment/__fixtures__/paymentEvents.v1.json', import.meta.url),
    'utf8',
  ),
) as RawEvent[]

describe('stored payment events, version 1', () => {
  it('holds a sample of every event type, each with an upcast chain', () => {
    const types = PaymentEvent.types.map((codec) => codec.props.type.value).sort()
    expect([...new Set(stored.map((event) => event.type))].sort()).toEqual(types)
    expect(Object.keys(paymentUpcasters).sort()).toEqual(types)
  })

  it.each(stored.map((event, index) => [`${index}: ${event.type}`, event] as const))(
    '%s upcasts and decodes unchanged',
    (_name, event) => {
      const decoded = PaymentEvent.decode(upcastEvent(paymentUpcasters, event))
      expect(decoded).toEqual({ _tag: 'Right', right: event })
    },
  )
})
