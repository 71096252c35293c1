// Row operations of the history projection: place, change and remove rows on an account, book a
// journal leg as a row (taking over the workflow's pending row on that account, if any), and record
// an entry's context (enriching rows booked before it). The state is owned by the runner and
// updated in place; each row object is replaced, never mutated.
import { assert } from '../assert.js'
import type { JournalEntry } from '../journal/journal.js'
import { moneyFromCanonical } from '../money/money.js'
import type { Booking } from './bookings.js'
import type {
  AccountHistory,
  EntryContext,
  HistoryEntry,
  HistoryRow,
  HistoryState,
  RowContext,
} from './historyTypes.js'

// ---------------------------------------------------------------- rows

/** An account's rows, created empty on first use. */
export const accountHistoryOf = (state: HistoryState, accountId: string): AccountHistory => {
  const existing = state.accounts.get(accountId)
  if (existing !== undefined) return existing
  const created: AccountHistory = { rows: state.createRows?.(accountId) ?? new Map(), order: [] }
  state.accounts.set(accountId, created)
  return created
}

/** Places a new row with no money effect (pending, failed, cancelled) at the top. */
export const placeRow = (history: AccountHistory, entry: HistoryEntry, scale: number): void => {
  assert(!history.rows.has(entry.id), `history: row ${entry.id} placed twice`)
  place(history, { entry, signedMinor: 0n, scale, settled: false, slot: -1 })
}

/**
 * Changes a row's fields. A row whose money has not moved goes to the top with the new `at`; a
 * settled row keeps its place and its `at` (a later status, like `reversed`, does not move money).
 */
export const changeRow = (
  history: AccountHistory,
  rowId: string,
  change: Partial<Omit<HistoryEntry, 'id'>>,
): void => {
  const row = history.rows.get(rowId)
  assert(row !== undefined, `history: no row ${rowId}`)
  if (row.settled) {
    const { at: _at, ...kept } = change
    history.rows.set(rowId, { ...row, entry: { ...row.entry, ...kept } })
    return
  }
  place(history, { ...row, entry: { ...row.entry, ...change } })
}

/** Removes a row (its slot goes dead). */
export const removeRow = (history: AccountHistory, rowId: string): void => {
  history.rows.delete(rowId)
}

// ---------------------------------------------------------------- bookings

/**
 * Books one leg as a row. The entry's context may name the row a leg on this account becomes: an
 * existing pending row (the authorization, the withdrawal, the dispute) is taken over, else a row
 * with that id is created. Without a name the row is `<entryId>:<leg>`. A leg booked before its
 * entry was recorded waits in `unmatched` (kind `transfer`) for `recordEntry` to enrich it.
 */
export const bookLeg = (state: HistoryState, booking: Booking): string => {
  const { accountId, entryId, leg, asset, direction, at } = booking
  const amount = moneyFromCanonical(asset, booking.amount)
  assert(amount.minor > 0n, `history: leg ${entryId}/${leg} moves nothing`)
  const history = accountHistoryOf(state, accountId)
  const found = state.entries.get(entryId)
  const moved = {
    journalEntryId: entryId,
    at,
    direction: direction === 'credit' ? ('in' as const) : ('out' as const),
    asset,
    amount: booking.amount,
    status: 'completed' as const,
  }
  const signedMinor = direction === 'credit' ? amount.minor : -amount.minor
  const preferred = found?.rowIds.get(accountId)
  if (preferred !== undefined) found?.rowIds.delete(accountId)
  const pending = preferred === undefined ? undefined : history.rows.get(preferred)
  let rowId: string
  if (found !== undefined && pending !== undefined && !pending.settled) {
    rowId = pending.entry.id
    const { failureReason: _reason, ...kept } = pending.entry
    const entry = { ...kept, ...contextFields(found, accountId), ...moved }
    place(history, { entry, signedMinor, scale: amount.scale, settled: true, slot: -1 })
  } else {
    const free = preferred !== undefined && pending === undefined
    rowId = free ? preferred : freeRowId(history, `${entryId}:${leg}`)
    const fields = found === undefined ? { kind: 'transfer' } : contextFields(found, accountId)
    const entry: HistoryEntry = { id: rowId, ...fields, ...moved }
    place(history, { entry, signedMinor, scale: amount.scale, settled: true, slot: -1 })
    if (found === undefined) pushUnmatched(state, entryId, accountId, rowId)
  }
  if (found !== undefined) legBooked(state, entryId, found)
  return rowId
}

/**
 * Records the context of an entry a workflow event just recorded, with the row ids its legs become
 * (`rowIds`, by account). Rows already booked for it (out of order) keep their `<entryId>:<leg>` id,
 * are enriched, and replace the workflow's pending row on their account, which is removed.
 */
export const recordEntry = (
  state: HistoryState,
  entry: JournalEntry,
  context: RowContext,
  rowIds: ReadonlyMap<string, string> = new Map(),
): void => {
  assert(!state.entries.has(entry.entryId), `history: entry ${entry.entryId} recorded twice`)
  const accounts = [...new Set(entry.legs.map((leg) => leg.account))]
  const found: EntryContext = {
    context,
    fields: fieldsOf(context),
    accounts,
    rowIds: new Map(rowIds),
    legsLeft: entry.legs.length,
  }
  state.entries.set(entry.entryId, found)
  const early = state.unmatched.get(entry.entryId) ?? []
  state.unmatched.delete(entry.entryId)
  for (const { accountId, rowId } of early) {
    const history = accountHistoryOf(state, accountId)
    changeRow(history, rowId, contextFields(found, accountId))
    const pendingId = found.rowIds.get(accountId)
    if (pendingId !== undefined && history.rows.get(pendingId)?.settled === false) {
      removeRow(history, pendingId)
    }
    found.rowIds.delete(accountId)
    legBooked(state, entry.entryId, found)
  }
}

/**
 * Books a voided discount on the budget account: the row of the application it undoes (booked
 * before an entry that never came) turns `reversed`, kind `discount`, and stops waiting for that
 * entry; the credit back is a settled row of its own (`<entryId>:<leg>:void`, kind
 * `discount_void`), like a withdrawal's return. A later application citing the same entry id (the
 * payment retried) books a fresh row that waits for the entry as usual.
 */
export const bookVoid = (
  state: HistoryState,
  booking: Booking,
  fields: { readonly paymentId: string; readonly promotionId: string },
): string => {
  const { accountId, entryId, leg, asset, at } = booking
  const amount = moneyFromCanonical(asset, booking.amount)
  assert(amount.minor > 0n, `history: void of ${entryId}/${leg} moves nothing`)
  assert(booking.direction === 'credit', `history: void of ${entryId}/${leg} is not a credit`)
  const history = accountHistoryOf(state, accountId)
  const waiting = state.unmatched.get(entryId) ?? []
  let index = waiting.length - 1
  while (index >= 0 && waiting[index]?.accountId !== accountId) index -= 1
  const [undone] = index < 0 ? [] : waiting.splice(index, 1)
  if (waiting.length === 0) state.unmatched.delete(entryId)
  if (undone !== undefined) {
    changeRow(history, undone.rowId, { kind: 'discount', status: 'reversed', ...fields })
  }
  const rowId = freeRowId(history, `${entryId}:${leg}:void`)
  const entry: HistoryEntry = {
    id: rowId,
    kind: 'discount_void',
    at,
    direction: 'in',
    asset,
    amount: booking.amount,
    status: 'completed',
    ...fields,
  }
  place(history, { entry, signedMinor: amount.minor, scale: amount.scale, settled: true, slot: -1 })
  return rowId
}

// ---------------------------------------------------------------- helpers

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> }

/** The object without its undefined fields (so optional fields stay absent, not `undefined`). */
export const definedOnly = <T extends Record<string, unknown>>(fields: T): Defined<T> =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Defined<T>

// The workflow fields and counterparty a row on `accountId` takes from its entry.
const contextFields = (found: EntryContext, accountId: string): EntryContext['fields'] => {
  const { accounts } = found
  const counterparty =
    found.context.counterparties.get(accountId) ??
    (accounts.length === 2 ? (accounts[0] === accountId ? accounts[1] : accounts[0]) : undefined)
  return counterparty === undefined ? found.fields : { ...found.fields, counterparty }
}

// The row fields of a context, without undefined ones (made once per entry, not per leg).
const fieldsOf = (context: RowContext): EntryContext['fields'] => {
  const { counterparties: _counterparties, ...fields } = context
  return { ...definedOnly(fields), kind: context.kind }
}

const legBooked = (state: HistoryState, entryId: string, found: EntryContext): void => {
  found.legsLeft -= 1
  // A leg booked twice (a duplicate credit the audit reports) must not make the count negative.
  if (found.legsLeft <= 0) state.entries.delete(entryId)
}

const place = (history: AccountHistory, row: HistoryRow): void => {
  const slot = history.order.length
  history.order.push(row.entry.id)
  history.rows.set(row.entry.id, { ...row, slot })
}

// A duplicate booking of the same leg (credits append with 'any') still gets its own row.
const freeRowId = (history: AccountHistory, wanted: string): string => {
  if (!history.rows.has(wanted)) return wanted
  let suffix = 2
  while (history.rows.has(`${wanted}#${suffix}`)) suffix += 1
  return `${wanted}#${suffix}`
}

const pushUnmatched = (
  state: HistoryState,
  entryId: string,
  accountId: string,
  rowId: string,
): void => {
  const waiting = state.unmatched.get(entryId)
  if (waiting === undefined) state.unmatched.set(entryId, [{ accountId, rowId }])
  else waiting.push({ accountId, rowId })
}
