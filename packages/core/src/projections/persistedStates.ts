// The fold's states as rows of the projection tables, and back. Every top-level Map and Set of a
// projection state is tracked (trackedMap.ts), so after a batch only the entries the fold touched
// become rows. Three fields get tables of their own, shaped for their queries: history's accounts
// (one row per history row, paged by slot), the account directory (keyset-paged by id) and the
// balance steps (balances as of a position or an instant).
import { LEDGER_PROJECTIONS, assert } from '@wallet-ledger/domain'
import type { AccountHistory, DirectoryEntry, HistoryRow } from '@wallet-ledger/domain'
import type {
  ProjectionHistoryRow,
  ProjectionStateRow,
  ProjectionTables,
} from '../ports/projectionStorage.js'
import { PROJECTION_PAGE_ROWS_MAX } from '../ports/projectionStorage.js'
import type { BookStepsState } from './bookSteps.js'
import { initialBookStepsState } from './bookSteps.js'
import type { ProjectionStates } from './projectionStates.js'
import { decodeState, encodeState } from './stateCodec.js'
import { TrackedMap, TrackedSet } from './trackedMap.js'

// ---------------------------------------------------------------- types

/** Everything the runner folds: the ledger's projections and the balance steps. */
export type FoldStates = { readonly projections: ProjectionStates; readonly steps: BookStepsState }

/** The rows of one batch (the balance steps come from the fold itself). */
export type StateChanges = {
  readonly states: ProjectionStateRow[]
  readonly history: ProjectionHistoryRow[]
  readonly directory: { accountId: string; kind: string; value: string }[]
}

// ---------------------------------------------------------------- constants

const ORDER_LENGTH_SCOPE = 'history.orderLength'
const STEPS_SCOPE = 'bookSteps.streams'
// The fields with tables of their own.
const OWN_TABLES = new Set(['history.accounts', 'accountDirectory.accounts'])

// ---------------------------------------------------------------- operations

/** Fresh states whose maps and sets note what the fold touches. */
export const freshTrackedStates = (): FoldStates => {
  const projections = {} as Record<string, unknown>
  for (const [name, projection] of Object.entries(LEDGER_PROJECTIONS))
    projections[name] = tracked(projection.initialState() as Record<string, unknown>)
  const history = projections['history'] as Record<string, unknown>
  history['createRows'] = () => new TrackedMap<string, HistoryRow>()
  return {
    projections: projections as ProjectionStates,
    steps: { streams: new TrackedMap(initialBookStepsState().streams) },
  }
}

/** Forgets what was touched (queries walk the maps between batches). */
export const forgetTouched = (states: FoldStates): void => {
  for (const [, , collection] of collectionsOf(states)) collection.takeTouched()
}

/** The rows of everything touched since `forgetTouched`, and forgets it. */
export const changesOf = (states: FoldStates): StateChanges => {
  const changes: StateChanges = { states: [], history: [], directory: [] }
  for (const [scope, field, collection] of collectionsOf(states)) {
    const touched = collection.takeTouched()
    const keys = touched.isWhole ? new Set([...touched.keys, ...keysOf(field)]) : touched.keys
    if (scope === 'history.accounts') historyChanges(field as HistoryAccounts, keys, changes)
    else if (scope === 'accountDirectory.accounts')
      directoryChanges(field as Directory, keys, changes)
    else stateChanges(scope, field, keys, changes)
  }
  return changes
}

/** States restored from the tables (no event is read): the inverse of `changesOf`. */
export const restoreStates = async (tables: ProjectionTables): Promise<FoldStates> => {
  const states = freshTrackedStates()
  const fields = new Map(collectionsOf(states).map(([scope, field]) => [scope, field]))
  const history = fields.get('history.accounts') as HistoryAccounts
  const orderLengths = new Map<string, number>()
  let after: { scope: string; key: string } | undefined
  for (;;) {
    const page = await tables.readStates({
      maxCount: PROJECTION_PAGE_ROWS_MAX,
      ...(after && { after }),
    })
    for (const row of page) {
      const key = decodeState(row.key)
      if (row.scope === ORDER_LENGTH_SCOPE)
        orderLengths.set(key as string, decodeState(row.value) as number)
      else restoreEntry(fields.get(row.scope), row.scope, key, decodeState(row.value))
    }
    const last = page[page.length - 1]
    if (last === undefined || page.length < PROJECTION_PAGE_ROWS_MAX) break
    after = { scope: last.scope, key: last.key }
  }
  await restoreHistory(tables, history, orderLengths)
  await restoreDirectory(tables, fields.get('accountDirectory.accounts') as Directory)
  forgetTouched(states)
  return states
}

// ---------------------------------------------------------------- helpers

type Collection = TrackedMap<unknown, unknown> | TrackedSet<unknown>
type HistoryAccounts = TrackedMap<string, AccountHistory>
type Directory = TrackedMap<string, DirectoryEntry>

const tracked = (state: Record<string, unknown>): Record<string, unknown> => {
  const result: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(state)) {
    assert(
      value instanceof Map || value instanceof Set,
      `projection field ${field}: not a collection`,
    )
    result[field] = value instanceof Map ? new TrackedMap(value) : new TrackedSet(value)
  }
  return result
}

const collectionsOf = (states: FoldStates): [string, Collection, Collection][] => {
  const found: [string, Collection, Collection][] = []
  for (const [name, state] of Object.entries(states.projections)) {
    for (const [field, value] of Object.entries(state as Record<string, unknown>)) {
      if (value instanceof TrackedMap || value instanceof TrackedSet)
        found.push([`${name}.${field}`, value, value])
    }
  }
  found.push([STEPS_SCOPE, states.steps.streams as Collection, states.steps.streams as Collection])
  return found
}

// The keys of a collection, without noting a walk (this is the runner's own read).
const keysOf = (field: Collection): unknown[] =>
  field instanceof Map ? [...Map.prototype.keys.call(field)] : [...Set.prototype.values.call(field)]

const stateChanges = (
  scope: string,
  field: Collection,
  keys: ReadonlySet<unknown>,
  changes: StateChanges,
): void => {
  assert(!OWN_TABLES.has(scope), `${scope} has a table of its own`)
  for (const key of keys) {
    const present = field instanceof Map ? Map.prototype.has.call(field, key) : field.has(key)
    const value =
      field instanceof Map ? encodeState(Map.prototype.get.call(field, key)) : encodeState(true)
    changes.states.push({ scope, key: encodeState(key), ...(present ? { value } : {}) })
  }
}

const historyChanges = (
  accounts: HistoryAccounts,
  keys: ReadonlySet<unknown>,
  changes: StateChanges,
): void => {
  for (const accountId of keys as ReadonlySet<string>) {
    const history = Map.prototype.get.call(accounts, accountId) as AccountHistory | undefined
    assert(history !== undefined, `history: account ${accountId} touched but absent`)
    const rows = history.rows as TrackedMap<string, HistoryRow>
    const touched = rows.takeTouched()
    const rowIds = touched.isWhole ? new Set([...touched.keys, ...keysOf(rows)]) : touched.keys
    for (const rowId of rowIds as ReadonlySet<string>) {
      const row = Map.prototype.get.call(rows, rowId) as HistoryRow | undefined
      changes.history.push(historyRowOf(accountId, rowId, row))
    }
    changes.states.push({
      scope: ORDER_LENGTH_SCOPE,
      key: encodeState(accountId),
      value: encodeState(history.order.length),
    })
  }
}

const historyRowOf = (
  accountId: string,
  rowId: string,
  row: HistoryRow | undefined,
): ProjectionHistoryRow =>
  row === undefined
    ? { accountId, rowId, slot: -1, asset: '', channel: '', status: '' }
    : {
        accountId,
        rowId,
        slot: row.slot,
        asset: row.entry.asset,
        channel: row.entry.channel ?? '',
        status: row.entry.status,
        value: encodeState(row),
      }

const directoryChanges = (
  directory: Directory,
  keys: ReadonlySet<unknown>,
  changes: StateChanges,
): void => {
  for (const accountId of keys as ReadonlySet<string>) {
    const entry = Map.prototype.get.call(directory, accountId) as DirectoryEntry | undefined
    // The directory never forgets an account; a key only read (a lookup of no account) has no row.
    if (entry !== undefined)
      changes.directory.push({ accountId, kind: entry.kind, value: encodeState(entry) })
  }
}

const restoreEntry = (
  field: Collection | undefined,
  scope: string,
  key: unknown,
  value: unknown,
): void => {
  assert(field !== undefined, `projection tables: unknown scope ${scope}`)
  if (field instanceof Map) field.set(key, value)
  else field.add(key)
}

const restoreHistory = async (
  tables: ProjectionTables,
  accounts: HistoryAccounts,
  orderLengths: ReadonlyMap<string, number>,
): Promise<void> => {
  // Every account the fold made has an order length (its rows may all be gone, its slots not).
  for (const [accountId, length] of orderLengths) {
    accounts.set(accountId, { rows: new TrackedMap(), order: new Array<string>(length).fill('') })
  }
  let after: { accountId: string; slot: number } | undefined
  for (;;) {
    const page = await tables.readHistory({
      maxCount: PROJECTION_PAGE_ROWS_MAX,
      ...(after && { after }),
    })
    for (const stored of page) {
      const row = decodeState(stored.value) as HistoryRow
      const history = accounts.get(stored.accountId)
      assert(history !== undefined, `history: no order length for ${stored.accountId}`)
      assert(row.slot < history.order.length, `history: row ${stored.rowId} beyond its order`)
      history.order[row.slot] = stored.rowId
      history.rows.set(stored.rowId, row)
    }
    const last = page[page.length - 1]
    if (last === undefined || page.length < PROJECTION_PAGE_ROWS_MAX) break
    after = { accountId: last.accountId, slot: last.slot }
  }
  for (const history of Map.prototype.values.call(accounts) as Iterable<AccountHistory>)
    (history.rows as TrackedMap<string, HistoryRow>).takeTouched()
}

const restoreDirectory = async (tables: ProjectionTables, directory: Directory): Promise<void> => {
  let after: string | undefined
  for (;;) {
    const page = await tables.readDirectory({
      maxCount: PROJECTION_PAGE_ROWS_MAX,
      ...(after === undefined ? {} : { after }),
    })
    for (const row of page) directory.set(row.accountId, decodeState(row.value) as DirectoryEntry)
    const last = page[page.length - 1]
    if (last === undefined || page.length < PROJECTION_PAGE_ROWS_MAX) return
    after = last.accountId
  }
}
