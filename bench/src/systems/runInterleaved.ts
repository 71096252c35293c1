// Runs the same seeded transfers through several systems in one process, interleaved: chunk by
// chunk, each system in turn (the order rotating every round), so a shared machine's changing load
// and the shared heap's state fall on all of them alike. Afterwards each must have conserved money.
import { FUNDING_MINOR, transfersOf } from '../workload.js'
import type { WorkloadOptions } from '../workload.js'
import type { P2pSystem } from './p2pSystem.js'
import type { ScenarioRow } from '../harness/scenario.js'

/** One system's totals over the timed transfers. */
export type InterleavedResult = {
  readonly name: string
  readonly transfers: number
  readonly wallMs: number
  /** Process CPU time (user + system), which moves less than wall time with other processes. */
  readonly cpuMs: number
}

/**
 * The two rows of each system's totals (throughput and CPU per transfer), measured against
 * `baseline` when it ran, except the baseline's own rows.
 */
export const interleavedRows = (
  results: readonly InterleavedResult[],
  baseline: string,
): ScenarioRow[] => {
  const hasBaseline = results.some((result) => result.name === baseline)
  return results.flatMap((result): ScenarioRow[] => {
    const against = result.name !== baseline && hasBaseline ? { baseline } : {}
    return [
      {
        system: result.name,
        figure: (result.transfers * 1000) / result.wallMs,
        unit: 'transfers/s',
        ...against,
      },
      {
        system: result.name,
        figure: (result.cpuMs * 1000) / result.transfers,
        unit: 'µs CPU/transfer',
        ...against,
      },
    ]
  })
}

/** Transfers each system runs before the next one's turn. */
export const INTERLEAVE_CHUNK = 1_000

/** Sets every system up, runs the transfers interleaved, checks conservation, answers totals. */
export const runInterleaved = async (
  systems: readonly P2pSystem[],
  workload: WorkloadOptions,
  log: (line: string) => void,
): Promise<InterleavedResult[]> => {
  for (const system of systems) {
    const started = performance.now()
    await system.setup(workload.accounts)
    log(
      `${system.name}: ${workload.accounts} accounts funded in ${Math.round(performance.now() - started)} ms`,
    )
  }
  const transfers = [...transfersOf(workload)]
  const totals = systems.map((system) => ({ name: system.name, transfers: 0, wallMs: 0, cpuMs: 0 }))
  for (let from = 0, round = 0; from < transfers.length; from += INTERLEAVE_CHUNK, round += 1) {
    const chunk = transfers.slice(from, from + INTERLEAVE_CHUNK)
    for (let turn = 0; turn < systems.length; turn += 1) {
      const at = (turn + round) % systems.length
      const system = systems[at]
      const total = totals[at]
      if (system === undefined || total === undefined) continue
      const cpuStarted = process.cpuUsage()
      const started = performance.now()
      for (const [offset, transfer] of chunk.entries())
        await system.transfer(transfer, from + offset)
      total.wallMs += performance.now() - started
      const cpu = process.cpuUsage(cpuStarted)
      total.cpuMs += (cpu.user + cpu.system) / 1000
      total.transfers += chunk.length
    }
  }
  const expectedMinor = FUNDING_MINOR * BigInt(workload.accounts)
  for (const system of systems) {
    const totalMinor = await system.totalMinor(workload.accounts)
    if (totalMinor !== expectedMinor) {
      throw new Error(`${system.name}: balances sum to ${totalMinor}, funded ${expectedMinor}`)
    }
  }
  return totals
}
