// Proves the tamper-evidence definitions every adapter and audit share: canonical JSON, an event's
// stored bytes and hash (fixed vectors, so another implementation can check itself), the commit
// hash, and the streaming chain verifier catching each kind of tampering on sealed commits.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '../ports/eventStore.js'
import { canonicalJson, jsonString, toCanonicalJson } from './canonicalJson.js'
import {
  GENESIS_COMMIT_HASH,
  commitHash,
  createChainVerifier,
  eventHash,
  storedJson,
  type StoredEventFields,
} from './chain.js'
import { recordedInstant, sealCommit, storedEventOf } from './sealCommit.js'
import { checkWrites } from './validate.js'

const sample: StoredEventFields = {
  eventId: '01900000-0000-7000-8000-000000000000',
  stream: 'payment-1',
  revision: 2n,
  position: 7n,
  recordedAt: '2026-11-26T07:30:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: null,
  type: 'PaymentCaptured',
  schemaVersion: 1,
  data: { asset: 'USD', amount: '1.00' },
}

let idCounter = 0
const nextId = (): string =>
  `01900000-0000-7000-8000-${(idCounter++).toString(16).padStart(12, '0')}`

// Seals commits of numbered events onto one stream, the way a store would.
const sealChain = (sizes: readonly number[]): StoredEvent[] => {
  const events: StoredEvent[] = []
  for (const size of sizes) {
    const last = events.at(-1)
    const data = Array.from({ length: size }, (_, n) => ({
      type: 'Numbered',
      schemaVersion: 1,
      data: { n },
    }))
    const [write] = checkWrites([{ stream: 'a-1', events: data, expectedRevision: 'any' }])
    const sealed = sealCommit({
      writes: [{ ...write!, firstRevision: last === undefined ? 0n : last.revision + 1n }],
      firstPosition: last === undefined ? 0n : last.position + 1n,
      previousCommitHash: last?.commitHash ?? GENESIS_COMMIT_HASH,
      recordedAt: new Date('2026-11-26T07:30:00.000Z'),
      metadata: {},
      nextEventId: nextId,
    })
    events.push(...sealed.events.map((event) => storedEventOf(event, event.dataJson)))
  }
  return events
}

const verify = (events: readonly StoredEvent[]) => {
  const verifier = createChainVerifier()
  const problems = events.flatMap((event) => verifier.push(event))
  const end = verifier.end()
  return {
    codes: [...problems, ...end.problems].map((problem) => problem.code),
    head: end.commitHash,
  }
}

describe('canonicalJson', () => {
  it('sorts keys, drops whitespace and omits undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: -0, y: 1.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":1.5,"z":0}}',
    )
    expect(toCanonicalJson({ a: undefined, b: 1 })).toEqual({ ok: true, json: '{"b":1}' })
  })

  it('keeps text exact, escaping as JSON.stringify does', () => {
    const text = 'café ☕ "q" \\ \u2028 😀'
    expect(JSON.parse(canonicalJson({ text }))).toEqual({ text })
  })

  it('quotes strings exactly as JSON.stringify, escapes and lone surrogates included', () => {
    const texts = [
      '',
      'plain',
      '"',
      '\\',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u2028',
      '\ud800',
      'a\udc00',
      '😀',
    ]
    for (const text of texts) expect(jsonString(text)).toBe(JSON.stringify(text))
  })

  it('reports the path of the first value that is not JSON-safe', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const cases: [unknown, string][] = [
      [{ a: 1n }, '$.a'],
      [{ z: 1, a: [{ b: [0, { c: 1n }] }] }, '$.a[0].b[1].c'],
      [[{ ok: true }, [null, [Symbol('s')]]], '$[1][1][0]'],
      [{ a: [1, Number.NaN] }, '$.a[1]'],
      [{ a: Number.POSITIVE_INFINITY }, '$.a'],
      [{ at: new Date(0) }, '$.at'],
      [[1, undefined], '$[1]'],
      [{ f: () => 1 }, '$.f'],
      [undefined, '$'],
    ]
    for (const [value, path] of cases)
      expect(toCanonicalJson(value)).toMatchObject({ ok: false, path })
    expect(toCanonicalJson(cyclic)).toMatchObject({ ok: false })
  })
})

describe('event and commit hashes', () => {
  it('hashes the canonical JSON of the stored fields (fixed vector)', () => {
    expect(storedJson(sample)).toBe(
      '{"actor":null,"causationId":null,"correlationId":"corr-1","data":{"amount":"1.00","asset":"USD"},' +
        '"eventId":"01900000-0000-7000-8000-000000000000","position":"7",' +
        '"recordedAt":"2026-11-26T07:30:00.000Z","revision":"2","schemaVersion":1,"stream":"payment-1",' +
        '"type":"PaymentCaptured"}',
    )
    expect(eventHash(sample)).toBe(
      'ddd42ddbe24fc0b85dd0410e50ecfda221581e3a8e691b1d09cba4c74d2609e6',
    )
  })

  it('ignores key order in data and fields outside the stored set', () => {
    const reordered = { ...sample, data: { amount: '1.00', asset: 'USD' } }
    const withExtra = { ...sample, hash: 'x', commitHash: 'y', column: 1 } as StoredEventFields
    expect(eventHash(reordered)).toBe(eventHash(sample))
    expect(eventHash(withExtra)).toBe(eventHash(sample))
    expect(eventHash({ ...sample, revision: 3n })).not.toBe(eventHash(sample))
  })

  it('chains a commit as sha-256 of the previous hash then its event hashes (fixed vector)', () => {
    const expected = 'b385e0f2e35a3366b223a2815195eb027c3f98c025396d423a3962e7f4548ff8'
    expect(commitHash(GENESIS_COMMIT_HASH, ['a'.repeat(64), 'b'.repeat(64)])).toBe(expected)
    const direct = createHash('sha256').update(
      `${'0'.repeat(64)}${'a'.repeat(64)}${'b'.repeat(64)}`,
    )
    expect(direct.digest('hex')).toBe(expected)
    expect(GENESIS_COMMIT_HASH).toBe('0'.repeat(64))
  })
})

describe('the chain verifier', () => {
  it('accepts sealed commits and ends at the last commit hash', () => {
    const events = sealChain([2, 1, 3])
    expect(verify(events)).toEqual({ codes: [], head: events.at(-1)?.commitHash })
    expect(verify([])).toEqual({ codes: [], head: GENESIS_COMMIT_HASH })
  })

  it('catches edited data whose hash was kept', () => {
    const events = sealChain([2, 1, 3])
    events[3] = { ...events[3]!, data: { n: 99 } }
    expect(verify(events).codes).toEqual(['event_hash_mismatch'])
  })

  it('catches edited data whose hash was recomputed: the commit no longer chains', () => {
    const events = sealChain([2, 1, 3])
    const edited = { ...events[3]!, data: { n: 99 } }
    events[3] = { ...edited, hash: eventHash(edited) }
    expect(verify(events).codes).toEqual(['commit_hash_mismatch'])
  })

  it('catches an event dropped from the middle of a commit, and a whole commit dropped', () => {
    const events = sealChain([2, 1, 3])
    expect(verify([...events.slice(0, 4), ...events.slice(5)]).codes).toEqual([
      'commit_hash_mismatch',
    ])
    expect(verify([...events.slice(0, 2), ...events.slice(3)]).codes).toEqual([
      'commit_hash_mismatch',
    ])
  })

  it('catches two events swapped inside a commit', () => {
    const events = sealChain([3])
    expect(verify([events[1]!, events[0]!, events[2]!]).codes).toEqual(['commit_hash_mismatch'])
  })

  it('cannot see a dropped tail commit on its own: the kept head can', () => {
    const events = sealChain([2, 1, 3])
    const keptHead = events.at(-1)?.commitHash
    const truncated = verify(events.slice(0, 3))
    expect(truncated.codes).toEqual([])
    expect(truncated.head).not.toBe(keptHead)
  })
})

describe('recordedInstant', () => {
  it('uses the clock, or the previous instant when the clock went back', () => {
    const previous = Date.parse('2026-11-26T07:30:00.000Z')
    expect(recordedInstant(new Date(previous + 5), previous).getTime()).toBe(previous + 5)
    expect(recordedInstant(new Date(previous - 1000), previous).getTime()).toBe(previous)
    expect(recordedInstant(new Date(previous), undefined).getTime()).toBe(previous)
    expect(() => recordedInstant(new Date(Number.NaN), undefined)).toThrow(/invalid date/)
  })
})
