// Proves the writer's shortcut to an event's stored text: `storedJsonAround`, which splices the
// data's canonical text into the envelope's fixed key order, gives exactly `storedJson`, which
// canonicalises the whole event (what audit recomputes), for any envelope and any JSON data; and a
// sealed commit's events hash to `eventHash` of the events parsed back from their stored text.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { JsonValue } from '../ports/eventStore.js'
import { canonicalJson } from './canonicalJson.js'
import { GENESIS_COMMIT_HASH, eventHash, storedJson, storedJsonAround } from './chain.js'
import { sealCommit, storedEventOf } from './sealCommit.js'
import { checkWrites } from './validate.js'

// Any UTF-16 text, lone surrogates included: both paths escape through JSON.stringify.
const arbText = fc.string({ unit: 'binary', maxLength: 40 })
const arbOffset = fc.bigInt({ min: 0n, max: 2n ** 70n })

const arbEnvelope = fc.record({
  eventId: arbText,
  stream: arbText,
  revision: arbOffset,
  position: arbOffset,
  recordedAt: arbText,
  correlationId: arbText,
  causationId: fc.option(arbText, { nil: null }),
  actor: fc.option(arbText, { nil: null }),
  type: arbText,
  schemaVersion: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
})

const arbData = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue>

describe('storedJsonAround', () => {
  it('equals storedJson of the whole event for any envelope and data', () =>
    fc.assert(
      fc.property(arbEnvelope, arbData, (envelope, data) => {
        expect(storedJsonAround(envelope, canonicalJson(data))).toBe(
          storedJson({ ...envelope, data }),
        )
      }),
      { numRuns: 500 },
    ))

  it('gives sealed events the hash audit recomputes from the parsed event', () =>
    fc.assert(
      fc.property(
        fc.array(fc.record({ type: fc.constantFrom('A', 'B.c'), data: arbData }), {
          minLength: 1,
          maxLength: 5,
        }),
        (events) => {
          const raw = events.map(({ type, data }) => ({ type, schemaVersion: 1, data }))
          const [write] = checkWrites([{ stream: 's-1', events: raw, expectedRevision: 'any' }])
          const sealed = sealCommit({
            writes: [{ stream: 's-1', events: write!.events, firstRevision: 0n }],
            firstPosition: 0n,
            previousCommitHash: GENESIS_COMMIT_HASH,
            recordedAt: new Date('2026-11-26T07:30:00.000Z'),
            metadata: {},
            nextEventId: () => '01900000-0000-7000-8000-000000000000',
          })
          for (const event of sealed.events) {
            const stored = storedEventOf(event, event.dataJson)
            expect(eventHash(stored)).toBe(event.hash)
            expect(canonicalJson(stored.data)).toBe(event.dataJson)
          }
        },
      ),
      { numRuns: 200 },
    ))
})
