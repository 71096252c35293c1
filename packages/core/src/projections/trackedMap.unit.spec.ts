// Proves the tracked collections note exactly what a fold may have changed: every key read or
// written or deleted (reading a value lets the fold change it in place), a walk over the whole
// map, the values a set gained or lost; and that taking the notes forgets them.
import { describe, expect, it } from 'vitest'
import { TrackedMap, TrackedSet } from './trackedMap.js'

describe('TrackedMap', () => {
  it('notes keys read, written and deleted, and forgets them once taken', () => {
    const map = new TrackedMap([['seeded', 1]])
    expect(map.takeTouched().keys.size).toBe(0)
    map.get('read')
    map.set('written', 2)
    map.delete('seeded')
    map.has('only-asked')
    expect(map.takeTouched()).toEqual({
      keys: new Set(['read', 'written', 'seeded']),
      isWhole: false,
    })
    expect(map.takeTouched()).toEqual({ keys: new Set(), isWhole: false })
  })

  it('notes a walk over the whole map, however it walks', () => {
    const walks: ((map: TrackedMap<string, number>) => unknown)[] = [
      (map) => [...map],
      (map) => [...map.values()],
      (map) => [...map.entries()],
      (map) => map.forEach(() => undefined),
      (map) => map.clear(),
    ]
    for (const walk of walks) {
      const map = new TrackedMap([['a', 1]])
      map.takeTouched()
      walk(map)
      expect(map.takeTouched().isWhole).toBe(true)
    }
  })
})

describe('TrackedSet', () => {
  it('notes values added and deleted, and every value a clear removes', () => {
    const set = new TrackedSet(['a', 'b'])
    set.takeTouched()
    set.add('c')
    set.delete('a')
    expect(set.takeTouched().keys).toEqual(new Set(['c', 'a']))
    set.clear()
    expect(set.takeTouched().keys).toEqual(new Set(['b', 'c']))
  })
})
