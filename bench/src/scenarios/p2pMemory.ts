// In-memory P2P transfers, one at a time: wallet-ledger through its public API, every check on,
// against castore 2.4 (a debit and a credit in one event group) and Emmett 0.42 (a debit command
// then a credit command), in one process, interleaved. The peers are skipped loudly when absent.
import type { Scenario, ScenarioContext } from '../harness/scenario.js'
import { CASTORE_PACKAGES, createCastoreSystem } from '../systems/castoreSystem.js'
import { EMMETT_PACKAGE, createEmmettSystem } from '../systems/emmettSystem.js'
import type { P2pSystem } from '../systems/p2pSystem.js'
import { interleavedRows, runInterleaved } from '../systems/runInterleaved.js'
import { createWalletLedgerSystem } from '../systems/walletLedgerSystem.js'

/** Scenario `p2p-memory`. */
export const p2pMemory: Scenario = {
  name: 'p2p-memory',
  title: 'P2P in memory, one at a time: wallet-ledger against castore and Emmett, interleaved',
  isInSmoke: true,
  run: async (sizes, context) => {
    const workload = {
      accounts: sizes.pick(10_000, 50),
      transfers: sizes.pick(100_000, 200),
      seed: context.seed,
    }
    context.log(`${workload.accounts} accounts, ${workload.transfers} transfers`)
    const systems = [await createWalletLedgerSystem(context.seed), ...(await loadPeers(context))]
    try {
      const results = await runInterleaved(systems, workload, context.log)
      return interleavedRows(results, 'castore')
    } finally {
      for (const system of systems) await system.close()
    }
  },
}

/** castore and Emmett when installed; each absent one is a loud skip. */
const loadPeers = async (context: ScenarioContext): Promise<P2pSystem[]> => {
  const peers: P2pSystem[] = []
  const [core, inMemory] = await Promise.all(CASTORE_PACKAGES.map((name) => context.peer(name)))
  if (core === undefined || inMemory === undefined)
    context.skip('castore', 'not installed in bench/peers')
  else peers.push(createCastoreSystem(core, inMemory))
  const emmett = await context.peer(EMMETT_PACKAGE)
  if (emmett === undefined) context.skip('emmett', 'not installed in bench/peers')
  else peers.push(createEmmettSystem(emmett))
  return peers
}
