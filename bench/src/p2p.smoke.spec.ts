// Keeps the benchmark from rotting: runs it and its main baseline at a tiny size and checks the
// run is sane, i.e. every transfer counted and completed, three events each, and no money created
// or lost (the balances read back sum to what was deposited, nothing left held).
import { describe, expect, it } from 'vitest'
import { benchSha256, createRawStoreReplay, firstCommitFrom, measureSha256 } from './baseline.js'
import { runP2pBenchmark } from './p2pBenchmark.js'
import { FUNDING_MINOR, formatBenchAmount, parseBenchAmount, transfersOf } from './workload.js'

const TINY = { accounts: 5, transfers: 30, seed: 7 }

describe('the P2P benchmark at a tiny size', () => {
  it('completes every transfer and conserves money', async () => {
    const result = await runP2pBenchmark(TINY)
    try {
      expect(result.completed).toBe(TINY.transfers)
      expect(result.refused).toEqual({})
      expect(result.eventsPerTransfer).toBe(3)
      expect(result.depositedMinor).toBe(FUNDING_MINOR * BigInt(TINY.accounts))
      expect(result.balancesMinor).toBe(result.depositedMinor)
      expect(result.heldMinor).toBe(0n)
      expect(result.transfersPerSecond).toBeGreaterThan(0)
    } finally {
      await result.close()
    }
  })

  it('replays the same commits through the raw store, interleaved, for the baseline', async () => {
    const raw = createRawStoreReplay()
    const result = await runP2pBenchmark(TINY, { afterSetup: raw.catchUp, afterChunk: raw.replay })
    try {
      const replayed = await raw.result(result.store)
      expect(replayed.operations).toBe(TINY.transfers)
      const sample = await firstCommitFrom(result.store, result.transferFromPosition)
      expect(sample.map((event) => event.type).sort()).toEqual(
        ['FundsCredited', 'FundsDebited', 'PaymentCaptured'].sort(),
      )
      expect(measureSha256(sample, 3).operations).toBe(3)
      expect(await benchSha256(sample, 20)).toBeGreaterThan(0)
    } finally {
      await Promise.all([raw.close(), result.close()])
    }
  })
})

describe('the workload', () => {
  it('draws the same transfers from the same seed, never to the payer itself', () => {
    const first = [...transfersOf(TINY)]
    expect([...transfersOf(TINY)]).toEqual(first)
    expect(first).toHaveLength(TINY.transfers)
    for (const transfer of first) expect(transfer.payee).not.toBe(transfer.payer)
  })

  it('writes amounts as canonical decimal strings and reads them back', () => {
    expect(formatBenchAmount(1230n)).toBe('12.30')
    expect(formatBenchAmount(5n)).toBe('0.05')
    expect(parseBenchAmount('12.30')).toBe(1230n)
    expect(() => parseBenchAmount('12.3')).toThrow(RangeError)
  })
})
