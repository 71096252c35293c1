// Balance steps: for each stream that books accounts (an account's own stream, a promotion's for
// its budget account), the balances after every event that changed them, as `balancesAsOf` would
// fold that stream alone. A point-in-time query then reads one step instead of folding the stream.
import { applyBalances, assert, balancesOf, initialBalancesState } from '@wallet-ledger/domain'
import type { BalancesState, ProjectionInput } from '@wallet-ledger/domain'
import type { ProjectionBalanceStep } from '../ports/projectionStorage.js'
import { decodeState, encodeState } from './stateCodec.js'

// ---------------------------------------------------------------- types

/** One book stream's fold: its balances, the last step written and whether steps stay in order. */
export type BookStream = {
  readonly book: BalancesState
  last: string
  atMsMax: number
  isOrdered: boolean
}

/** The balance steps' working state: one fold per book stream. */
export type BookStepsState = { readonly streams: Map<string, BookStream> }

// ---------------------------------------------------------------- constants

// The earliest instant a Date holds: below every event's.
const INSTANT_MS_MIN = -8_640_000_000_000_000

// ---------------------------------------------------------------- operations

/** A fresh state. */
export const initialBookStepsState = (): BookStepsState => ({ streams: new Map() })

/**
 * Folds one event of a book stream into that stream's balances; the step it makes when the
 * balances changed (else undefined). The value is every booked account's balances, as JSON.
 */
export const applyBookStep = (
  state: BookStepsState,
  input: ProjectionInput,
): ProjectionBalanceStep | undefined => {
  const stream =
    state.streams.get(input.stream) ??
    ({
      book: initialBalancesState(),
      last: '{}',
      atMsMax: INSTANT_MS_MIN,
      isOrdered: true,
    } as BookStream)
  state.streams.set(input.stream, stream)
  applyBalances(stream.book, input)
  // fromEntries, not assignment: an account id may be "__proto__".
  const balances = Object.fromEntries(
    [...stream.book.accounts.keys()]
      .sort()
      .map((accountId) => [accountId, balancesOf(stream.book, accountId)]),
  )
  const value = encodeState(balances)
  if (value === stream.last) return undefined
  const at = (input.event.data as { readonly at?: unknown } | null)?.at
  assert(typeof at === 'string', `${input.stream}: a balance change without an instant`)
  const atMs = Date.parse(at)
  assert(!Number.isNaN(atMs), `${input.stream}: a balance change at "${at}"`)
  stream.isOrdered = stream.isOrdered && atMs >= stream.atMsMax
  stream.atMsMax = Math.max(stream.atMsMax, atMs)
  stream.last = value
  return {
    stream: input.stream,
    position: input.position,
    atMs,
    isOrdered: stream.isOrdered,
    value,
  }
}

/** An account's balances in a step's value (none when the step's stream never booked it). */
export const balancesInStep = (value: string, accountId: string): Record<string, unknown> => {
  const balances = decodeState(value) as Record<string, Record<string, unknown>>
  return Object.hasOwn(balances, accountId) ? (balances[accountId] ?? {}) : {}
}
