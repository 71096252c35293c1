// Proves that stored version-1 withdrawal events (a JSON sample of each type, as a store keeps
// them) still upcast and decode to the same values, so a codec change that would break replay of
// existing streams fails here first; and that every event type has an upcast chain.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { RawEvent } from '../codecs/event.js'
import { upcastEvent } from '../upcast.js'
import { WithdrawalEvent } from './codecs.js'
import { withdrawalUpcasters } from './upcast.js'

const stored = JSON.parse(
  readFileSync(
    new URL('../../test/withdrawal/__fixtures__/withdrawalEvents.v1.json', import.meta.url),
    'utf8',
  ),
) as RawEvent[]

describe('stored withdrawal events, version 1', () => {
  it('holds one sample of every event type, each with an upcast chain', () => {
    const types = WithdrawalEvent.types.map((codec) => codec.props.type.value).sort()
    expect(stored.map((event) => event.type).sort()).toEqual(types)
    expect(Object.keys(withdrawalUpcasters).sort()).toEqual(types)
  })

  it.each(stored.map((event) => [event.type, event] as const))(
    '%s upcasts and decodes unchanged',
    (_type, event) => {
      const decoded = WithdrawalEvent.decode(upcastEvent(withdrawalUpcasters, event))
      expect(decoded).toEqual({ _tag: 'Right', right: event })
    },
  )
})
