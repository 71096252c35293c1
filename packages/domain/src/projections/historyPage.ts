// Reading an account's history a page at a time, newest first, filtered by asset, channel and
// status. The cursor is an opaque string that carries the account, the place reached and the
// filters, so the next page keeps the filters of the first.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import type { DomainError } from '../errors.js'
import { domainError } from '../errors.js'
import { HISTORY_CURSOR_LENGTH_MAX, HISTORY_PAGE_ROWS_MAX } from '../limits.js'
import type {
  AccountHistory,
  Channel,
  EntryStatus,
  HistoryEntry,
  HistoryRow,
  HistoryState,
} from './historyTypes.js'
import { CHANNELS, ENTRY_STATUSES } from './historyTypes.js'

// ---------------------------------------------------------------- types

/** The filters of a history query; an absent one matches every row. */
export type HistoryFilters = {
  readonly asset?: string
  readonly channel?: Channel
  readonly status?: EntryStatus
}

/** A history query: filters, a page size (1 to `HISTORY_PAGE_ROWS_MAX`), and the cursor of the page before. */
export type HistoryQuery = HistoryFilters & { readonly limit: number; readonly after?: string }

/** One page, newest first; `next` is present when older matching rows may follow. */
export type HistoryPage = { readonly entries: readonly HistoryEntry[]; readonly next?: string }

type PageError = DomainError<'invalid_input'>

// ---------------------------------------------------------------- operations

/**
 * A page of an account's history, newest first (by the last change of each row; a booked row keeps
 * its place). With `after`, the page continues below the cursor with the cursor's filters; a filter
 * also given in the query must equal the cursor's. Rejections (`invalid_input`, `details.path`):
 * `limit` outside 1..`HISTORY_PAGE_ROWS_MAX`, an unknown `channel` or `status`, and an `after` that
 * is malformed, made for another account, or made with other filters. An account without history
 * has an empty page.
 */
export const historyPage = (
  state: HistoryState,
  accountId: string,
  query: HistoryQuery,
): Either<PageError, HistoryPage> => {
  const start = historyPageStart(accountId, query)
  if (start._tag === 'Left') return start
  const { filters, below } = start.right
  const history = state.accounts.get(accountId)
  if (history === undefined) return right({ entries: [] })
  const found = scan(history, filters, below, query.limit + 1)
  return right(historyPageOf(accountId, found, query.limit, filters))
}

/**
 * Checks a history query (the rejections of `historyPage`) and says where its page starts: the
 * filters in force (the cursor's, with `after`) and the slot the page reads below (exclusive).
 * A reader of persisted rows calls it, reads at most `limit + 1` live matching rows below that
 * slot, newest first, and hands them to `historyPageOf`.
 */
export const historyPageStart = (
  accountId: string,
  query: HistoryQuery,
): Either<PageError, { readonly filters: HistoryFilters; readonly below: number }> => {
  const checked = checkQuery(query)
  return checked === undefined ? startOf(accountId, query) : left(checked)
}

/** The page of `found` (matching rows newest first, at most `limit + 1`): `next` when more follow. */
export const historyPageOf = (
  accountId: string,
  found: readonly HistoryRow[],
  limit: number,
  filters: HistoryFilters,
): HistoryPage => {
  assert(found.length <= limit + 1, 'history: more rows than a page and one')
  const entries = found.slice(0, limit).map((row) => row.entry)
  const last = found[limit - 1]
  if (found.length <= limit || last === undefined) return { entries }
  return { entries, next: encodeCursor(accountId, last.slot, filters) }
}

/** True when a row passes the filters. */
export const matchesFilters = (entry: HistoryEntry, filters: HistoryFilters): boolean =>
  (filters.asset === undefined || entry.asset === filters.asset) &&
  (filters.channel === undefined || entry.channel === filters.channel) &&
  (filters.status === undefined || entry.status === filters.status)

// ---------------------------------------------------------------- helpers

// Walks live slots downward from `below` (exclusive), collecting at most `wanted` matching rows.
const scan = (
  history: AccountHistory,
  filters: HistoryFilters,
  below: number,
  wanted: number,
): HistoryRow[] => {
  const found: HistoryRow[] = []
  for (let slot = Math.min(below, history.order.length) - 1; slot >= 0; slot -= 1) {
    const rowId = history.order[slot]
    assert(rowId !== undefined, `history: slot ${slot} missing`)
    const row = history.rows.get(rowId)
    if (row === undefined || row.slot !== slot) continue
    if (!matchesFilters(row.entry, filters)) continue
    found.push(row)
    if (found.length >= wanted) break
  }
  return found
}

const checkQuery = (query: HistoryQuery): PageError | undefined => {
  const { limit, channel, status } = query
  if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_PAGE_ROWS_MAX) {
    return invalid('limit', `limit: expected an integer from 1 to ${HISTORY_PAGE_ROWS_MAX}`)
  }
  if (channel !== undefined && !CHANNELS.includes(channel)) {
    return invalid('channel', `channel: expected one of ${CHANNELS.join(', ')}`)
  }
  if (status !== undefined && !ENTRY_STATUSES.includes(status)) {
    return invalid('status', `status: expected one of ${ENTRY_STATUSES.join(', ')}`)
  }
  return undefined
}

const startOf = (
  accountId: string,
  query: HistoryQuery,
): Either<PageError, { filters: HistoryFilters; below: number }> => {
  const asked = filtersOf(query)
  if (query.after === undefined) return right({ filters: asked, below: Number.MAX_SAFE_INTEGER })
  const cursor = decodeCursor(query.after)
  if (cursor === undefined) return left(invalid('after', 'after: not a history cursor'))
  if (cursor.accountId !== accountId) {
    return left(invalid('after', 'after: the cursor belongs to another account'))
  }
  for (const key of ['asset', 'channel', 'status'] as const) {
    if (asked[key] !== undefined && asked[key] !== cursor.filters[key]) {
      return left(invalid('after', `after: the cursor was made with another ${key} filter`))
    }
  }
  return right({ filters: cursor.filters, below: cursor.slot })
}

const filtersOf = (query: HistoryFilters): HistoryFilters => ({
  ...(query.asset === undefined ? {} : { asset: query.asset }),
  ...(query.channel === undefined ? {} : { channel: query.channel }),
  ...(query.status === undefined ? {} : { status: query.status }),
})

const CURSOR_VERSION = 'h1'

const encodeCursor = (accountId: string, slot: number, filters: HistoryFilters): string =>
  [
    CURSOR_VERSION,
    String(slot),
    accountId,
    filters.asset ?? '',
    filters.channel ?? '',
    filters.status ?? '',
  ]
    .map(encodeURIComponent)
    .join(',')

type Cursor = {
  readonly accountId: string
  readonly slot: number
  readonly filters: HistoryFilters
}

const decodeCursor = (text: string): Cursor | undefined => {
  if (text.length > HISTORY_CURSOR_LENGTH_MAX) return undefined
  const parts = decodeParts(text)
  if (parts === undefined || parts.length !== 6) return undefined
  const [version, slotText, accountId, asset, channel, status] = parts
  if (
    version !== CURSOR_VERSION ||
    slotText === undefined ||
    !/^(0|[1-9][0-9]{0,14})$/.test(slotText)
  ) {
    return undefined
  }
  if (accountId === undefined || accountId === '') return undefined
  const filters = filtersOf({
    ...(asset ? { asset } : {}),
    ...(channel ? { channel: channel as Channel } : {}),
    ...(status ? { status: status as EntryStatus } : {}),
  })
  if (checkQuery({ ...filters, limit: 1 }) !== undefined) return undefined
  return { accountId, slot: Number(slotText), filters }
}

// A caller may hand back any string: a malformed escape is a bad cursor, not a crash.
const decodeParts = (text: string): string[] | undefined => {
  try {
    return text.split(',').map(decodeURIComponent)
  } catch (error) {
    if (error instanceof URIError) return undefined
    throw error
  }
}

const invalid = (path: string, message: string): PageError =>
  domainError('invalid_input', message, { path })
