// Proves the P2P comparison measures real work: wallet-ledger, castore and Emmett (when installed in
// bench/peers) each run every transfer of a tiny workload, interleaved, and conserve money; and a
// system whose balances do not add up fails the run instead of yielding a figure.
import { describe, expect, it } from 'vitest'
import { loadPeer } from '../harness/peers.js'
import { FUNDING_MINOR } from '../workload.js'
import { CASTORE_PACKAGES, createCastoreSystem } from './castoreSystem.js'
import { EMMETT_PACKAGE, createEmmettSystem } from './emmettSystem.js'
import type { P2pSystem } from './p2pSystem.js'
import { runInterleaved } from './runInterleaved.js'
import { createWalletLedgerSystem } from './walletLedgerSystem.js'

const TINY = { accounts: 6, transfers: 1_200, seed: 3 }
const [castoreCore, castoreInMemory, emmett] = await Promise.all(
  [...CASTORE_PACKAGES, EMMETT_PACKAGE].map((name) => loadPeer(name)),
)
const hasPeers = castoreCore !== undefined && castoreInMemory !== undefined && emmett !== undefined
if (!hasPeers) {
  console.warn(
    'castore/Emmett not installed in bench/peers (run pnpm bench:smoke): their test skips',
  )
}

describe('runInterleaved', () => {
  it('runs every transfer through wallet-ledger, in chunks, and checks conservation', async () => {
    const system = await createWalletLedgerSystem(TINY.seed)
    try {
      const [result] = await runInterleaved([system], TINY, () => undefined)
      expect(result?.name).toBe('wallet-ledger')
      expect(result?.transfers).toBe(TINY.transfers)
      expect(result?.cpuMs).toBeGreaterThan(0)
      expect(await system.totalMinor(TINY.accounts)).toBe(FUNDING_MINOR * BigInt(TINY.accounts))
    } finally {
      await system.close()
    }
  })

  it('fails a system whose balances do not sum to what was funded', async () => {
    const leaky: P2pSystem = {
      name: 'leaky',
      setup: () => Promise.resolve(),
      transfer: () => Promise.resolve(),
      totalMinor: () => Promise.resolve(0n),
      close: () => Promise.resolve(),
    }
    await expect(
      runInterleaved([leaky], { ...TINY, transfers: 3 }, () => undefined),
    ).rejects.toThrow(/leaky: balances sum to 0/)
  })

  it.skipIf(!hasPeers)(
    'runs castore and Emmett on the same transfers, conserving money',
    async () => {
      const systems = [
        createCastoreSystem(castoreCore, castoreInMemory),
        createEmmettSystem(emmett),
      ]
      const results = await runInterleaved(systems, TINY, () => undefined)
      expect(results.map((result) => [result.name, result.transfers])).toEqual([
        ['castore', TINY.transfers],
        ['emmett', TINY.transfers],
      ])
      for (const system of systems) {
        expect(await system.totalMinor(TINY.accounts)).toBe(FUNDING_MINOR * BigInt(TINY.accounts))
      }
    },
  )

  it.skipIf(!hasPeers)('refuses, in each peer, a transfer larger than the balance', async () => {
    for (const system of [
      createCastoreSystem(castoreCore, castoreInMemory),
      createEmmettSystem(emmett),
    ]) {
      await system.setup(2)
      const tooMuch = { payer: 0, payee: 1, amountMinor: FUNDING_MINOR + 1n }
      await expect(system.transfer(tooMuch, 0)).rejects.toThrow(/cannot pay/)
      expect(await system.totalMinor(2)).toBe(FUNDING_MINOR * 2n)
    }
  })
})
