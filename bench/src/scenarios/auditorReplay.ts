// Scenario `auditor-replay` (issue 10 scenario 5): core's auditStore replays a SQLite file of P2P
// transfers with every check on (hashes, chain, revisions, codecs, evolve, journal, balances,
// projections), against the ceiling of a raw read, JSON.parse and sha-256 of the same rows. Each
// replay runs in a child process of its own, so its peak RSS is its own. 1M events at full size;
// `--replay-events 10000000` for the long run (the goal: peak RSS under 512 MiB at 10M), with
// `--replay-file FILE` to keep the file (writing 10M events takes hours here) and replay it again.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLedger } from '@wallet-ledger/core'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import { expectConserved, openAndFund } from '../benchLedger.js'
import type { Scenario, ScenarioContext, ScenarioRow } from '../harness/scenario.js'
import { sendLedgerP2p } from '../ledgerP2p.js'
import type { ReplayMeasure } from '../replay/replayWorker.js'

const CEILING = 'raw read + JSON.parse + sha-256'
const AUDIT = 'wallet-ledger audit'
const WORKER = fileURLToPath(new URL('../replay/replayWorker.js', import.meta.url))
/** Events each P2P transfer stores (the payment's, the payer's debit, the payee's credit). */
const EVENTS_PER_TRANSFER = 3
/** Events each funded account stores at most (its opening, the deposit, its legs). */
const EVENTS_PER_ACCOUNT = 5

/** Scenario `auditor-replay`. */
export const auditorReplay: Scenario = {
  name: 'auditor-replay',
  title: 'audit of a SQLite file, every check on, against raw read + JSON.parse + sha-256',
  isInSmoke: true,
  run: async (sizes, context) => {
    const target = context.replayEvents ?? sizes.pick(1_000_000, 300)
    const file = context.replayFile ?? join(context.tempDir(), 'replay.db')
    // A kept file is replayed as it is: its ceiling run also counts its events.
    const kept = existsSync(file) ? measureReplay('ceiling', file) : undefined
    const written =
      kept?.events ?? (await writeReplayFile(file, target, sizes.pick(10_000, 20), context))
    context.log(`${file}: ${written} events; replaying (each in its own process)`)
    const ceiling = kept ?? measureReplay('ceiling', file)
    const audit = measureReplay('audit', file)
    if (audit.events !== written || ceiling.events !== written) {
      throw new Error(`replayed ${audit.events} and ${ceiling.events} events of ${written}`)
    }
    context.log(`audit ${audit.seconds.toFixed(1)} s, ${audit.peakRssMiB.toFixed(0)} MiB peak RSS`)
    return rowsOf(audit, ceiling)
  },
}

// ---------------------------------------------------------------- helpers

/** Fills `file` with about `target` events of P2P transfers through the ledger; answers the count. */
export const writeReplayFile = async (
  file: string,
  target: number,
  accountsWanted: number,
  context: ScenarioContext,
): Promise<number> => {
  const accounts = Math.max(2, Math.min(accountsWanted, Math.floor(target / 20)))
  const store = createSqliteEventStore({ path: file, synchronous: 'NORMAL' })
  const ledger = await createLedger({ store })
  try {
    await openAndFund(ledger, accounts)
    const funded = Number((await store.readHead()).nextPosition)
    const transfers = Math.max(1, Math.ceil((target - funded) / EVENTS_PER_TRANSFER))
    context.log(`writing ${accounts} accounts (${funded} events) and ${transfers} transfers`)
    const workload = { accounts, transfers, seed: context.seed }
    const sent = await sendLedgerP2p(ledger, workload, 100, 'replay')
    if (Object.keys(sent.refused).length > 0) {
      throw new Error(`transfers refused while writing: ${JSON.stringify(sent.refused)}`)
    }
    await expectConserved(ledger, accounts)
    const written = Number((await store.readHead()).nextPosition)
    if (written > funded + transfers * EVENTS_PER_TRANSFER + accounts * EVENTS_PER_ACCOUNT) {
      throw new Error(`${written} events: more than the workload writes`)
    }
    return written
  } finally {
    await ledger.close()
  }
}

const measureReplay = (phase: 'audit' | 'ceiling', file: string): ReplayMeasure => {
  const run = spawnSync(process.execPath, [WORKER, phase, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (run.status !== 0) throw new Error(`${phase} replay failed (${run.status}): ${run.stderr}`)
  return JSON.parse(run.stdout) as ReplayMeasure
}

const rowsOf = (audit: ReplayMeasure, ceiling: ReplayMeasure): ScenarioRow[] => [
  { system: CEILING, figure: ceiling.events / ceiling.seconds, unit: 'events/s' },
  { system: AUDIT, figure: audit.events / audit.seconds, unit: 'events/s', baseline: CEILING },
  { system: CEILING, figure: ceiling.peakRssMiB, unit: 'MiB peak RSS' },
  { system: AUDIT, figure: audit.peakRssMiB, unit: 'MiB peak RSS', baseline: CEILING },
  { system: AUDIT, figure: (audit.cpuSeconds * 1e6) / audit.events, unit: 'µs CPU/event' },
]
