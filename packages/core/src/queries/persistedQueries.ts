// Queries answered from the projection tables (a store with projection storage), each giving the
// answer the in-memory fold gives: the rows read are the rows the fold holds, and the domain's own
// query functions (historyPageOf, statement, directoryPage, balancesOf) shape the answer.
import { right } from 'fp-ts/lib/Either.js'
import {
  assert,
  balancesOf,
  directoryPage,
  historyPageOf,
  historyPageStart,
  initialBalancesState,
  initialHistoryState,
  statement,
} from '@wallet-ledger/domain'
import type {
  AccountBook,
  Balance,
  BalanceCutoff,
  DirectoryEntry,
  HistoryQuery,
  HistoryRow,
  StatementQuery,
} from '@wallet-ledger/domain'
import type { ProjectionTables } from '../ports/projectionStorage.js'
import { PROJECTION_PAGE_ROWS_MAX } from '../ports/projectionStorage.js'
import { balancesInStep } from '../projections/bookSteps.js'
import { decodeState, encodeState } from '../projections/stateCodec.js'

// ---------------------------------------------------------------- operations

/** A page of an account's history, as `historyPage` over the fold would give it. */
export const persistedHistoryPage = async (
  tables: ProjectionTables,
  accountId: string,
  query: HistoryQuery,
) => {
  const start = historyPageStart(accountId, query)
  if (start._tag === 'Left') return start
  const { filters, below } = start.right
  const rows = await tables.readAccountHistory(accountId, {
    belowSlot: below,
    ...filters,
    maxCount: query.limit + 1,
  })
  const found = rows.map((row) => decodeState(row.value) as HistoryRow)
  return right(historyPageOf(accountId, found, query.limit, filters))
}

/** An account's statement, as `statement` over the fold would give it (reads all its rows). */
export const persistedStatement = async (
  tables: ProjectionTables,
  accountId: string,
  query: StatementQuery,
) => {
  const rows = new Map<string, HistoryRow>()
  let below = Number.MAX_SAFE_INTEGER
  for (;;) {
    const page = await tables.readAccountHistory(accountId, {
      belowSlot: below,
      asset: query.asset,
      maxCount: PROJECTION_PAGE_ROWS_MAX,
    })
    for (const row of page) rows.set(row.rowId, decodeState(row.value) as HistoryRow)
    const last = page[page.length - 1]
    if (last === undefined || page.length < PROJECTION_PAGE_ROWS_MAX) break
    assert(last.slot < below, 'history rows: a page did not move down')
    below = last.slot
  }
  const state = initialHistoryState()
  state.accounts.set(accountId, { rows, order: [] })
  return statement(state, accountId, query)
}

/** A page of the account directory, as `directoryPage` over the fold would give it. */
export const persistedDirectoryPage = async (
  tables: ProjectionTables,
  query: { readonly kind?: string; readonly limit: number; readonly after?: string },
): Promise<ReturnType<typeof directoryPage>> => {
  // The limit's check first: an empty directory answers it as the full one would.
  const checked = directoryPage({ accounts: new Map() }, query)
  if (checked._tag === 'Left') return checked
  const rows = await tables.readDirectory({
    ...(query.after === undefined ? {} : { after: query.after }),
    ...(query.kind === undefined ? { notKind: 'system' } : { kind: query.kind }),
    maxCount: query.limit + 1,
  })
  const accounts = new Map(
    rows.map((row) => [row.accountId, decodeState(row.value) as DirectoryEntry]),
  )
  return directoryPage({ accounts }, query)
}

/** The balances the balances projection holds for an account (a promotion's budget account). */
export const persistedBalances = async (
  tables: ProjectionTables,
  accountId: string,
): Promise<Record<string, Balance>> => {
  const value = await tables.readState('balances.accounts', encodeState(accountId))
  const state = initialBalancesState()
  if (value !== undefined) state.accounts.set(accountId, decodeState(value) as AccountBook)
  return balancesOf(state, accountId)
}

/**
 * An account's balances at a cutoff from the balance steps of the stream that books it; undefined
 * when an instant cutoff falls in a stream whose steps came out of order (the caller folds then).
 */
export const persistedBalancesAsOf = async (
  tables: ProjectionTables,
  stream: string,
  accountId: string,
  cutoff: BalanceCutoff,
): Promise<Record<string, Balance> | undefined> => {
  const found = await tables.readBalanceStep(
    stream,
    'position' in cutoff ? { position: cutoff.position } : { atMs: Date.parse(cutoff.at) },
  )
  if ('at' in cutoff && found.last !== undefined && !found.last.isOrdered) return undefined
  return found.found === undefined
    ? {}
    : (balancesInStep(found.found.value, accountId) as Record<string, Balance>)
}
