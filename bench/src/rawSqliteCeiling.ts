// The ceiling of a durable SQLite ledger: raw better-sqlite3 inserts of exactly the event rows a
// wallet-ledger run stored, into a fresh file with the same `events` table (copied from the source
// file, so it follows the store's schema), WAL and synchronous as given, the rows of 100 transfers
// per transaction. No engine, no checks, no hashing: what the disk and SQLite alone allow.
import Database from 'better-sqlite3'

/** The raw run's figures. */
export type RawSqliteResult = {
  readonly transfers: number
  readonly elapsedMs: number
  readonly cpuMs: number
}

/** Transfers whose rows share one transaction. */
export const RAW_TRANSFERS_PER_TRANSACTION = 100

/**
 * Copies `source`'s events before `fromPosition` untimed, then inserts the rows from `fromPosition`
 * on (one commit per transfer), `RAW_TRANSFERS_PER_TRANSACTION` commits per transaction, timed.
 */
export const measureRawSqlite = (
  sourcePath: string,
  targetPath: string,
  fromPosition: bigint,
  synchronous: 'NORMAL' | 'FULL',
): RawSqliteResult => {
  const source = new Database(sourcePath, { readonly: true })
  const target = new Database(targetPath)
  try {
    target.pragma('journal_mode = WAL')
    target.pragma(`synchronous = ${synchronous}`)
    const ddl = source
      .prepare(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('table', 'index') AND sql IS NOT NULL",
      )
      .pluck()
      .all() as string[]
    for (const statement of ddl) target.exec(statement)
    const columns = source
      .prepare("SELECT name FROM pragma_table_info('events')")
      .pluck()
      .all() as string[]
    const insert = target.prepare(
      `INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    )
    const rowsFrom = source
      .prepare('SELECT * FROM events WHERE position >= ? ORDER BY position')
      .raw()
    const rowsBefore = source
      .prepare('SELECT * FROM events WHERE position < ? ORDER BY position')
      .raw()
    const insertAll = target.transaction((rows: readonly unknown[][]) => {
      for (const row of rows) insert.run(row)
    })
    insertAll(rowsBefore.all(fromPosition) as unknown[][])
    const batches = batchesByCommit(
      rowsFrom.all(fromPosition) as unknown[][],
      columns.indexOf('commit_hash'),
    )
    const cpuStarted = process.cpuUsage()
    const started = performance.now()
    for (const batch of batches.groups) insertAll(batch)
    const elapsedMs = performance.now() - started
    const cpu = process.cpuUsage(cpuStarted)
    return { transfers: batches.commits, elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000 }
  } finally {
    source.close()
    target.close()
  }
}

/** Rows in groups of `RAW_TRANSFERS_PER_TRANSACTION` commits (rows of a commit share its hash). */
const batchesByCommit = (rows: readonly unknown[][], commitColumn: number) => {
  if (commitColumn < 0) throw new Error('the events table has no commit_hash column')
  const groups: unknown[][][] = []
  let commits = 0
  let last: unknown
  for (const row of rows) {
    if (row[commitColumn] !== last) {
      if (commits % RAW_TRANSFERS_PER_TRANSACTION === 0) groups.push([])
      commits += 1
      last = row[commitColumn]
    }
    groups.at(-1)?.push(row)
  }
  return { groups, commits }
}
