// The persisted projections against the events: the log folded afresh up to the tables'
// checkpoint must give exactly the rows the tables hold (working state, history rows, directory,
// balance steps). A row edited, added or deleted in the database is reported as
// `projection_mismatch`, naming the table and the row's key; so are tables folded beyond the log's
// end (a cut tail: the tables witness it even without a kept head). Memory: both row sets, the
// size of the projections (not of the log).
import type { Definitions } from '../engine/definitions.js'
import type { EventStore } from '../ports/eventStore.js'
import type { ProjectionPageOptions, ProjectionTables } from '../ports/projectionStorage.js'
import { PROJECTION_PAGE_ROWS_MAX } from '../ports/projectionStorage.js'
import { changesOf, freshTrackedStates } from '../projections/persistedStates.js'
import { PROJECTIONS_VERSION, foldStored, projectionTablesOf } from '../projections/runner.js'
import { iterateAll } from '../store/paging.js'
import type { Findings } from './violations.js'

// ---------------------------------------------------------------- constants

/** The stream name of findings about the projection tables. */
export const PROJECTIONS_STREAM = '(projections)'

// ---------------------------------------------------------------- operations

/**
 * Compares the store's projection tables of the ledger's namespace with a fresh fold. Nothing to
 * compare on a store without tables, or tables of another version (they are rebuilt on first
 * use). A log the fold cannot read is left to the other checks, which report why.
 */
export const checkProjectionTables = async (
  store: Pick<EventStore, 'readAll' | 'projections'>,
  definitions: Definitions,
  findings: Findings,
): Promise<void> => {
  const tables = projectionTablesOf(store, definitions)
  if (tables === undefined) return
  const checkpoint = await tables.readCheckpoint()
  if (checkpoint.version !== PROJECTIONS_VERSION) return
  const expected = await expectedRows(store, definitions, checkpoint.position)
  if (expected === undefined) return
  if (expected.logEnd < checkpoint.position) {
    // The tables saw events the log no longer has: its tail was cut after they were folded.
    findings.add(
      'projection_mismatch',
      { stream: PROJECTIONS_STREAM },
      `the projection tables were folded to position ${checkpoint.position}, beyond the log's ` +
        `end (${expected.logEnd}): events were removed after they were folded`,
    )
    return
  }
  const actual = await storedRows(tables)
  for (const [table, rows] of expected.tables) compare(table, rows, actual.get(table), findings)
}

// ---------------------------------------------------------------- helpers

type Rows = Map<string, string>

// The rows a fold of the log up to `position` (exclusive) gives, by table and key.
const expectedRows = async (
  store: Pick<EventStore, 'readAll'>,
  definitions: Definitions,
  position: bigint,
): Promise<{ readonly tables: Map<string, Rows>; readonly logEnd: bigint } | undefined> => {
  const states = freshTrackedStates()
  const steps: Rows = new Map()
  let logEnd = 0n
  try {
    for await (const stored of iterateAll(store)) {
      if (stored.position >= position) break
      const step = foldStored(states, stored, definitions)
      if (step !== undefined) steps.set(stepKey(step), stepValue(step))
      logEnd = stored.position + 1n
    }
  } catch {
    // A corrupt event: the log and stream checks report it; the fold proves nothing then.
    return undefined
  }
  const changes = changesOf(states)
  const kept = <Row extends { value?: string }>(rows: readonly Row[], key: (row: Row) => string) =>
    new Map(rows.flatMap((row) => (row.value === undefined ? [] : [[key(row), row.value]])))
  const tables = new Map([
    ['states', kept(changes.states, (row) => `${row.scope} ${row.key}`)],
    ['history', kept(changes.history, historyKey)],
    ['directory', kept(changes.directory, (row) => `${row.accountId} ${row.kind}`)],
    ['balance_steps', steps],
  ])
  return { tables, logEnd }
}

const storedRows = async (tables: ProjectionTables): Promise<Map<string, Rows>> => {
  const states = await allPages(tables.readStates, (row) => ({ scope: row.scope, key: row.key }))
  const history = await allPages(tables.readHistory, (row) => row)
  const directory = await allPages(
    ({ after, maxCount }: ProjectionPageOptions<string>) =>
      tables.readDirectory({ ...(after === undefined ? {} : { after }), maxCount }),
    (row) => row.accountId,
  )
  const steps = await allPages(tables.readBalanceSteps, (row) => row)
  return new Map([
    ['states', new Map(states.map((row) => [`${row.scope} ${row.key}`, row.value]))],
    ['history', new Map(history.map((row) => [historyKey(row), row.value]))],
    ['directory', new Map(directory.map((row) => [`${row.accountId} ${row.kind}`, row.value]))],
    ['balance_steps', new Map(steps.map((row) => [stepKey(row), stepValue(row)]))],
  ])
}

const allPages = async <Row, Cursor>(
  read: (options: ProjectionPageOptions<Cursor>) => Promise<readonly Row[]>,
  cursorOf: (row: Row) => Cursor,
): Promise<Row[]> => {
  const rows: Row[] = []
  let after: Cursor | undefined
  for (;;) {
    const page = await read({
      maxCount: PROJECTION_PAGE_ROWS_MAX,
      ...(after === undefined ? {} : { after }),
    })
    rows.push(...page)
    const last = page[page.length - 1]
    if (last === undefined || page.length < PROJECTION_PAGE_ROWS_MAX) return rows
    after = cursorOf(last)
  }
}

const historyKey = (row: {
  readonly accountId: string
  readonly rowId: string
  readonly slot: number
  readonly asset: string
  readonly channel: string
  readonly status: string
}): string => [row.accountId, row.rowId, row.slot, row.asset, row.channel, row.status].join(' ')

const stepKey = (step: { readonly stream: string; readonly position: bigint }): string =>
  `${step.stream}@${step.position}`

const stepValue = (step: {
  readonly atMs: number
  readonly isOrdered: boolean
  readonly value: string
}): string => `${step.atMs} ${step.isOrdered} ${step.value}`

const compare = (table: string, expected: Rows, actual: Rows | undefined, findings: Findings) => {
  const stored = actual ?? new Map<string, string>()
  const report = (key: string, what: string) =>
    findings.add(
      'projection_mismatch',
      { stream: PROJECTIONS_STREAM },
      `projection table ${table}, row ${key}: ${what}`,
    )
  for (const [key, value] of expected) {
    const found = stored.get(key)
    if (found === undefined) report(key, 'missing, the events give one')
    else if (found !== value) report(key, 'differs from what the events give')
  }
  for (const key of stored.keys()) {
    if (!expected.has(key)) report(key, 'present, the events give none')
  }
}
