// An account's statement for one asset between two instants: the opening and closing totals
// (available + held) and the rows in between, oldest first. Holds move money between available and
// held, so they never change a total: only booked legs do, and each is one row.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import type { DomainError } from '../errors.js'
import { domainError } from '../errors.js'
import { formatSignedMinor, moneyFromCanonical } from '../money/money.js'
import type { HistoryEntry, HistoryRow, HistoryState } from './historyTypes.js'

// ---------------------------------------------------------------- types

/**
 * A statement query: the asset, and the range `from`..`to` (ISO instants, both inclusive, compared
 * with each row's `at`). `scale` is the asset's scale from the registry, used to format the totals
 * of an account that never touched the asset (absent: taken from the rows, else 0).
 */
export type StatementQuery = {
  readonly asset: string
  readonly from: string
  readonly to: string
  readonly scale?: number
}

/** DESIGN's statement: totals are available + held; `entries` are oldest first. */
export type Statement = {
  readonly opening: string
  readonly closing: string
  readonly entries: readonly HistoryEntry[]
}

// ---------------------------------------------------------------- operations

/**
 * The statement of `accountId` in `query.asset`. Opening is the total of every row before `from`,
 * closing the total up to `to`; asserts that closing is opening plus the signed amounts of the
 * rows listed (completed and reversed rows moved money, the others did not). Rejects
 * `invalid_input` for an instant that does not parse (`details.path` `from` or `to`) and for
 * `from` after `to`.
 */
export const statement = (
  state: HistoryState,
  accountId: string,
  query: StatementQuery,
): Either<DomainError<'invalid_input'>, Statement> => {
  const fromMs = Date.parse(query.from)
  const toMs = Date.parse(query.to)
  if (Number.isNaN(fromMs)) return left(invalid('from', 'from: expected an ISO instant'))
  if (Number.isNaN(toMs)) return left(invalid('to', 'to: expected an ISO instant'))
  if (fromMs > toMs) return left(invalid('to', 'to: must not be before from'))
  let scale = query.scale
  let opening = 0n
  const inRange: { row: HistoryRow; ms: number }[] = []
  for (const row of state.accounts.get(accountId)?.rows.values() ?? []) {
    if (row.entry.asset !== query.asset) continue
    scale ??= row.scale
    assert(
      row.scale === scale,
      `statement: ${query.asset} rows at scale ${row.scale}, not ${scale}`,
    )
    const ms = Date.parse(row.entry.at)
    if (ms < fromMs) opening += row.signedMinor
    else if (ms <= toMs) inRange.push({ row, ms })
  }
  inRange.sort((a, b) => a.ms - b.ms || a.row.slot - b.row.slot)
  const entries = inRange.map(({ row }) => row.entry)
  const closing = inRange.reduce((total, { row }) => total + row.signedMinor, opening)
  const listed = entries.reduce((total, entry) => total + signedMinorOf(entry), 0n)
  assert(closing === opening + listed, `statement: ${accountId} rows do not add up`)
  const format = (minor: bigint) => formatSignedMinor(minor, scale ?? 0)
  return right({ opening: format(opening), closing: format(closing), entries })
}

/**
 * What a row did to the account's total, read from the row as shown: its amount, signed by its
 * direction, when it moved money (`completed` or `reversed`), else 0.
 */
export const signedMinorOf = (entry: HistoryEntry): bigint => {
  if (entry.status !== 'completed' && entry.status !== 'reversed') return 0n
  const minor = moneyFromCanonical(entry.asset, entry.amount).minor
  return entry.direction === 'in' ? minor : -minor
}

// ---------------------------------------------------------------- helpers

const invalid = (path: string, message: string): DomainError<'invalid_input'> =>
  domainError('invalid_input', message, { path })
