// Proves the pool keeps at most N tasks in flight, runs each item once, and that percentiles are
// nearest-rank over the sorted latencies.
import { describe, expect, it } from 'vitest'
import { percentile, runPool } from './pool.js'

describe('runPool', () => {
  it('runs every item once with at most inFlight at a time', async () => {
    let running = 0
    let most = 0
    const seen: number[] = []
    const result = await runPool([10, 11, 12, 13, 14, 15, 16], 3, async (item) => {
      running += 1
      most = Math.max(most, running)
      await Promise.resolve()
      seen.push(item)
      running -= 1
    })
    expect(result.count).toBe(7)
    expect(most).toBe(3)
    expect([...seen].sort()).toEqual([10, 11, 12, 13, 14, 15, 16])
  })

  it('rejects an in-flight count below one', async () => {
    await expect(runPool([1], 0, () => Promise.resolve())).rejects.toThrow(RangeError)
  })
})

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 1000 }, (_, index) => index + 1)
    expect(percentile(sorted, 0.5)).toBe(500)
    expect(percentile(sorted, 0.99)).toBe(990)
    expect(percentile(sorted, 0.999)).toBe(999)
    expect(percentile([], 0.5)).toBe(0)
  })
})
