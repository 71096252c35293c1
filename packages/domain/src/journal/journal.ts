// Every movement of value is one journal entry whose legs sum to zero per asset (DESIGN.md §2).
import * as t from 'io-ts'
import { assert } from '../assert.js'
import { AccountId, AssetCode, DecimalString } from '../codecs/common.js'
import { JOURNAL_LEGS_MAX } from '../limits.js'
import { formatMoney, moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'

// ---------------------------------------------------------------- types

/** Credit raises an account's balance, debit lowers it, for every kind of account alike. */
export const Direction = t.keyof({ debit: null, credit: null }, 'Direction')
export type Direction = t.TypeOf<typeof Direction>

/** One leg: an account, an asset, a positive canonical amount and a direction. */
export const JournalLeg = t.type(
  { account: AccountId, asset: AssetCode, amount: DecimalString, direction: Direction },
  'JournalLeg',
)
export type JournalLeg = t.TypeOf<typeof JournalLeg>

/** A journal entry as recorded in the event of the workflow that moved the money. */
export const JournalEntry = t.type(
  { entryId: t.string, legs: t.readonlyArray(JournalLeg) },
  'JournalEntry',
)
export type JournalEntry = t.TypeOf<typeof JournalEntry>

/** A leg as the code that builds an entry describes it. */
export type Posting = {
  readonly account: string
  readonly amount: Money
  readonly direction: Direction
}

/** Where an account event points in the journal: the entry and the index of its leg. */
export const LegRef = t.type({ entryId: t.string, leg: t.number }, 'LegRef')
export type LegRef = t.TypeOf<typeof LegRef>

// ---------------------------------------------------------------- constructors

/**
 * Builds a journal entry. Zero-amount postings are dropped (a leg always moves something); the
 * legs are asserted to sum to zero per asset, to be at least two and at most `JOURNAL_LEGS_MAX`.
 */
export const buildJournalEntry = (entryId: string, postings: readonly Posting[]): JournalEntry => {
  const moving = postings.filter((posting) => posting.amount.minor > 0n)
  assert(moving.length >= 2, `journal entry ${entryId}: needs at least two legs`)
  assert(
    moving.length <= JOURNAL_LEGS_MAX,
    `journal entry ${entryId}: more than ${JOURNAL_LEGS_MAX} legs`,
  )
  const legs = moving.map((posting) => ({
    account: posting.account as AccountId,
    asset: posting.amount.asset as AssetCode,
    amount: formatMoney(posting.amount),
    direction: posting.direction,
  }))
  const entry: JournalEntry = { entryId, legs }
  assertBalanced(entry)
  return entry
}

// ---------------------------------------------------------------- operations

/** Signed minor units of a leg: credit positive, debit negative. */
export const signedLegMinor = (leg: JournalLeg): bigint => {
  const minor = moneyFromCanonical(leg.asset, leg.amount).minor
  return leg.direction === 'credit' ? minor : -minor
}

/** Sum of the legs per asset; a balanced entry maps every asset to 0n. */
export const journalTotals = (entry: JournalEntry): Map<string, bigint> => {
  const totals = new Map<string, bigint>()
  for (const leg of entry.legs)
    totals.set(leg.asset, (totals.get(leg.asset) ?? 0n) + signedLegMinor(leg))
  return totals
}

/** True when every asset's legs sum to zero and every leg moves a positive amount. */
export const isBalanced = (entry: JournalEntry): boolean =>
  entry.legs.every((leg) => moneyFromCanonical(leg.asset, leg.amount).minor > 0n) &&
  [...journalTotals(entry).values()].every((total) => total === 0n)

/** Asserts an entry sums to zero per asset. */
export const assertBalanced = (entry: JournalEntry): void => {
  for (const [asset, total] of journalTotals(entry)) {
    assert(total === 0n, `journal entry ${entry.entryId}: ${asset} legs sum to ${total}, not 0`)
  }
  for (const leg of entry.legs) {
    assert(
      moneyFromCanonical(leg.asset, leg.amount).minor > 0n,
      `journal entry ${entry.entryId}: zero leg`,
    )
  }
}

/** The legs that touch one account, with their index, so account events can cite them. */
export const legsOf = (
  entry: JournalEntry,
  account: string,
): { leg: JournalLeg; index: number }[] =>
  entry.legs.flatMap((leg, index) => (leg.account === account ? [{ leg, index }] : []))
