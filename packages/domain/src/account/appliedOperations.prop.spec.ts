// Proves the replay window's shared-chunk structure against the plain one it replaced (every chunk
// a Map, copied on each change): for any tree of states, each grown from one of the newest few (so
// states are evolved twice, as when a decision is dropped and made again), both give the same
// marker for every key and the same chunks to a snapshot, and growing a state never changes what
// its parent remembers.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { APPLIED_OPERATIONS_REMEMBERED_MAX } from '../limits.js'
import {
  APPLIED_CHUNK_SIZE,
  appliedChunksOf,
  appliedFromChunks,
  appliedMarker,
  noAppliedOperations,
  rememberOperation,
} from './appliedOperations.js'
import type { AppliedOperations } from './appliedOperations.js'

// ---------------------------------------------------------------- the reference

type Reference = readonly ReadonlyMap<string, string>[]
const CHUNKS_MAX = APPLIED_OPERATIONS_REMEMBERED_MAX / APPLIED_CHUNK_SIZE

const referenceMarker = (chunks: Reference, key: string): string | undefined => {
  for (let index = chunks.length - 1; index >= 0; index -= 1) {
    const marker = chunks[index]?.get(key)
    if (marker !== undefined) return marker
  }
  return undefined
}

const referenceRemember = (chunks: Reference, key: string, marker: string): Reference => {
  const last = chunks[chunks.length - 1]
  if (last !== undefined && (last.size < APPLIED_CHUNK_SIZE || last.has(key))) {
    return [...chunks.slice(0, -1), new Map(last).set(key, marker)]
  }
  const kept = chunks.length >= CHUNKS_MAX ? chunks.slice(1) : chunks
  return [...kept, new Map([[key, marker]])]
}

// ---------------------------------------------------------------- generated growth

// Mostly from the newest state, so chains grow past the window (1,024 keys) and chunks are evicted.
const arbStep = fc.record({
  back: fc.oneof(
    { weight: 8, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.nat({ max: 3 }) },
  ),
  key: fc.integer({ min: 0, max: 1_500 }).map((n) => `leg:e${n}#0`),
  marker: fc.constantFrom('debit', 'credit', 'held', 'released'),
})

describe('the replay window', () => {
  it('remembers as the copying reference does, and never changes a parent', () =>
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 1_300, maxLength: 1_500 }), (steps) => {
        const states: AppliedOperations[] = [noAppliedOperations]
        const references: Reference[] = [[]]
        for (const { back, key, marker } of steps) {
          const parent = Math.max(0, states.length - 1 - back)
          const before = appliedMarker(states[parent]!, key)
          states.push(rememberOperation(states[parent]!, key, marker))
          references.push(referenceRemember(references[parent]!, key, marker))
          expect(appliedMarker(states.at(-1)!, key)).toBe(marker)
          expect(appliedMarker(states[parent]!, key)).toBe(before)
          expect(before).toBe(referenceMarker(references[parent]!, key))
        }
        for (let index = 0; index < states.length; index += 97) {
          const chunks = references[index]!.map((chunk) => [...chunk])
          expect(appliedChunksOf(states[index]!)).toEqual(chunks)
        }
        expect(appliedChunksOf(states.at(-1)!)).toEqual(references.at(-1)!.map((c) => [...c]))
      }),
      { numRuns: 20 },
    ))

  it('restores from its chunks to a window that remembers the same', () =>
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 1, maxLength: 1_200, size: 'max' }), (steps) => {
        let state = noAppliedOperations
        for (const { key, marker } of steps) state = rememberOperation(state, key, marker)
        const restored = appliedFromChunks(appliedChunksOf(state))
        expect(appliedChunksOf(restored)).toEqual(appliedChunksOf(state))
        for (const { key } of steps)
          expect(appliedMarker(restored, key)).toBe(appliedMarker(state, key))
      }),
      { numRuns: 30 },
    ))

  it('never appends to the shared empty window, and refuses oversized chunks', () => {
    const first = rememberOperation(noAppliedOperations, 'leg:a#0', 'debit')
    const second = rememberOperation(noAppliedOperations, 'leg:b#0', 'credit')
    expect(appliedChunksOf(noAppliedOperations)).toEqual([])
    expect(appliedChunksOf(first)).toEqual([[['leg:a#0', 'debit']]])
    expect(appliedChunksOf(second)).toEqual([[['leg:b#0', 'credit']]])
    const oversized = Array.from({ length: APPLIED_CHUNK_SIZE + 1 }, (_, n): [string, string] => [
      `k${n}`,
      'debit',
    ])
    expect(() => appliedFromChunks([oversized])).toThrow(/oversized chunk/)
    const tooMany = Array.from({ length: CHUNKS_MAX + 1 }, () => [])
    expect(() => appliedFromChunks(tooMany)).toThrow(/too many chunks/)
  })
})
