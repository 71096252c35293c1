// One measured replay of a SQLite file, run in a child process so its peak RSS is its own (the
// parent wrote the file and still holds that memory). Prints one JSON line on stdout:
//   node bench/dist/replay/replayWorker.js audit <file>     core's auditStore, every check on
//   node bench/dist/replay/replayWorker.js ceiling <file>   raw read + JSON.parse + sha-256 of each row
// Exit 1 when the audit finds a violation: a replay that checks nothing wrong measures nothing.
import { createHash } from 'node:crypto'
import { auditStore, createDefinitions } from '@wallet-ledger/core/adapter'
import { builtInAssetRegistry } from '@wallet-ledger/domain'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import Database from 'better-sqlite3'

// ---------------------------------------------------------------- types

/** What a replay measured. */
export type ReplayMeasure = {
  readonly events: number
  readonly seconds: number
  readonly cpuSeconds: number
  /** The process's peak resident set, in MiB (`process.resourceUsage().maxRSS`). */
  readonly peakRssMiB: number
}

/** A row of the SQLite store's `events` table, as the driver gives it. */
type EventRow = { readonly position: number; readonly data: string } & Record<string, unknown>

// ---------------------------------------------------------------- phases

const replayAudit = async (file: string): Promise<number> => {
  const store = createSqliteEventStore({ path: file })
  try {
    const deps = {
      store,
      definitions: createDefinitions(undefined),
      registry: builtInAssetRegistry(),
    }
    const report = await auditStore(deps)
    if (!report.ok) {
      console.error(JSON.stringify(report.violations.slice(0, 5), null, 2))
      process.exit(1)
    }
    return report.eventsChecked
  } finally {
    await store.close()
  }
}

// The cheapest replay that still reads every row, parses its data and hashes its bytes: the
// ceiling the audit is compared with (it also decodes, evolves, checks journal and balances).
const replayCeiling = (file: string): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    let events = 0
    let digest = ''
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate()) {
      const event = row as EventRow
      const data: unknown = JSON.parse(event.data)
      if (data === null) throw new Error(`row ${event.position}: data is null`)
      // Every column, the stored data included: the bytes the audit's event hash covers, and more.
      const bytes = Object.values(event).join('|')
      digest = createHash('sha256').update(bytes).digest('hex')
      events += 1
    }
    if (events > 0 && digest.length !== 64) throw new Error('sha-256 gave no digest')
    return events
  } finally {
    db.close()
  }
}

// ---------------------------------------------------------------- main

const main = async (): Promise<void> => {
  const [phase, file] = process.argv.slice(2)
  if ((phase !== 'audit' && phase !== 'ceiling') || file === undefined) {
    console.error('usage: replayWorker.js audit|ceiling <file.db>')
    process.exit(2)
  }
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const events = phase === 'audit' ? await replayAudit(file) : replayCeiling(file)
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const measure: ReplayMeasure = {
    events,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }
  console.log(JSON.stringify(measure))
}

await main()
