// Proves canonical JSON against a plain reference (sorted keys, JSON.stringify for every part),
// and the writer's shortcut to an event's stored text: `storedJsonAround`, which splices the
// data's canonical text into the envelope's fixed key order, gives exactly `storedJson`, which
// canonicalises the whole event (what audit recomputes), for any envelope and any JSON data; and a
// sealed commit's events hash to `eventHash` of the events parsed back from their stored text.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { JsonValue } from '../ports/eventStore.js'
import { canonicalJson, jsonString } from './canonicalJson.js'
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

// Keys and strings of any UTF-16 text: quotes, backslashes, control characters, lone surrogates.
const arbData = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }) as fc.Arbitrary<JsonValue>

// The reference, written for clarity: keys sorted, every part through JSON.stringify. (A sorted copy
// given to JSON.stringify would not do: objects list integer-like keys first, whatever the order.)
const reference = (value: JsonValue): string => {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const record = value as Record<string, JsonValue>
  const keys = Object.keys(record).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key]!)}`).join(',')}}`
}

describe('canonicalJson', () => {
  it('sorts objects of any size, short lists in place and long ones with the built-in sort', () =>
    fc.assert(
      fc.property(fc.dictionary(arbText, fc.integer(), { maxKeys: 40 }), (record) => {
        expect(canonicalJson(record)).toBe(reference(record))
      }),
      { numRuns: 300 },
    ))

  it('writes every string as JSON.stringify does', () =>
    fc.assert(
      fc.property(arbText, (text) => {
        expect(jsonString(text)).toBe(JSON.stringify(text))
      }),
      { numRuns: 1000 },
    ))

  it('equals the reference: keys sorted by code units, parts as JSON.stringify writes them', () =>
    fc.assert(
      fc.property(arbData, (data) => {
        expect(canonicalJson(data)).toBe(reference(data))
      }),
      { numRuns: 500 },
    ))
})

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
