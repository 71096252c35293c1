// Proves that stored version-1 promotion events (a JSON sample of each type, as a store keeps them)
// still upcast and decode to the same values, so a codec change that would break replay of
// existing streams fails here first; and that every event type has an upcast chain.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { RawEvent } from '../codecs/event.js'
import { upcastEvent } from '../upcast.js'
import { PromotionEvent } from './events.js'
import { promotionUpcasters } from './upcast.js'

const stored = JSON.parse(
  readFileSync(
    new URL('../../test/promotion/__fixtures__/promotionEvents.v1.json', import.meta.url),
    'utf8',
  ),
) as RawEvent[]

describe('stored promotion events, version 1', () => {
  it('holds a sample of every event type, each with an upcast chain', () => {
    const types = PromotionEvent.types.map((codec) => codec.props.type.value).sort()
    expect([...new Set(stored.map((event) => event.type))].sort()).toEqual(types)
    expect(Object.keys(promotionUpcasters).sort()).toEqual(types)
  })

  it.each(stored.map((event, index) => [`${index}: ${event.type}`, event] as const))(
    '%s upcasts and decodes unchanged',
    (_name, event) => {
      const decoded = PromotionEvent.decode(upcastEvent(promotionUpcasters, event))
      expect(decoded).toEqual({ _tag: 'Right', right: event })
    },
  )
})
