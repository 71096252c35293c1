// The engine against the raw in-memory store: the same commits the engine made, replayed through
// append/appendMany with no engine in between, interleaved chunk by chunk (bench/README.md).
import { benchSha256, createRawStoreReplay, firstCommitFrom } from '../baseline.js'
import type { Scenario, ScenarioRow } from '../harness/scenario.js'
import { runP2pBenchmark } from '../p2pBenchmark.js'

/** Scenario `engine-vs-raw-store`. */
export const engineVsRawStore: Scenario = {
  name: 'engine-vs-raw-store',
  title: 'P2P in memory, one at a time: the engine against raw store commits of the same events',
  isInSmoke: true,
  run: async (sizes, context) => {
    const workload = {
      accounts: sizes.pick(10_000, 50),
      transfers: sizes.pick(100_000, 100),
      seed: context.seed,
    }
    context.log(`${workload.accounts} accounts, ${workload.transfers} transfers`)
    const raw = createRawStoreReplay()
    const { store, close, ...engine } = await runP2pBenchmark(workload, {
      afterSetup: raw.catchUp,
      afterChunk: raw.replay,
    })
    try {
      if (
        engine.completed !== workload.transfers ||
        engine.balancesMinor !== engine.depositedMinor
      ) {
        throw new Error(`the run did not check out: ${engine.completed} completed`)
      }
      const rawStore = await raw.result(store)
      const sample = await firstCommitFrom(store, engine.transferFromPosition)
      const sha256PerSecond = await benchSha256(sample, workload.transfers)
      const rows: ScenarioRow[] = [
        {
          system: 'wallet-ledger',
          figure: engine.transfersPerSecond,
          unit: 'transfers/s',
          baseline: 'raw store',
        },
        { system: 'raw store', figure: rawStore.perSecond, unit: 'transfers/s' },
        {
          system: 'wallet-ledger',
          figure: (engine.transferCpuMs * 1000) / engine.transfers,
          unit: 'µs CPU/transfer',
          baseline: 'raw store',
        },
        {
          system: 'raw store',
          figure: ((rawStore.cpuMs ?? 0) * 1000) / rawStore.operations,
          unit: 'µs CPU/transfer',
        },
        { system: 'sha-256 of 3 events (tinybench)', figure: sha256PerSecond, unit: 'transfers/s' },
      ]
      return rows
    } finally {
      await Promise.all([raw.close(), close()])
    }
  },
}
