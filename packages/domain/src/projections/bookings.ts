// The two facts about the journal that several projections read from the log: which journal entry a
// workflow event records, and which leg of an entry an event applies to an account's book.
//
// A leg is applied ("booked") by the account event that cites it (FundsCredited, FundsDebited,
// HoldCaptured), except on a promotion's budget account, whose book is the promotion's own stream:
// PromotionCreated books its entry's legs on that account, DiscountApplied and DiscountReturned
// book the leg they cite (promotion/codecs.ts). DiscountVoided credits the budget account back for a
// DiscountApplied whose entry was never recorded: it names the voided `(entryId, leg)` but is no leg
// of any entry, so the projections that match bookings to entries (history, open workflows) treat
// it as the undoing of that booking.
import { absurd, assert } from '../assert.js'
import { JournalEntry, legsOf } from '../journal/journal.js'
import type { Direction } from '../journal/journal.js'
import { promotionBudgetAccount } from '../journal/systemAccounts.js'
import type { LedgerEvent, ProjectionInput } from './projection.js'
import { ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- types

/** The workflows that record journal entries; `other` is a type the projections do not know. */
export type WorkflowKind =
  | 'deposit'
  | 'adjustment'
  | 'payment'
  | 'withdrawal'
  | 'dispute'
  | 'conversion'
  | 'promotion'
  | 'other'

/** Which workflow an event belongs to: its kind, its id, and its stream. */
export type WorkflowRef = {
  readonly kind: WorkflowKind
  readonly id: string
  readonly stream: string
}

/** A journal entry as a workflow event recorded it. */
export type RecordedEntry = {
  readonly entry: JournalEntry
  readonly workflow: WorkflowRef
  /** The type of the event that recorded it (`PaymentCaptured`, `PaymentRefunded`, …). */
  readonly eventType: string
  readonly at: string
}

/** One leg applied to one account's book. `amount` is canonical, always positive. */
export type Booking = {
  readonly accountId: string
  readonly entryId: string
  readonly leg: number
  readonly asset: string
  readonly amount: string
  readonly direction: Direction
  readonly at: string
}

/** What a booking needs that its event does not carry: a hold's asset, a promotion's asset. */
export type BookingLookup = {
  /** The asset of an account's hold, undefined when the hold is unknown. */
  readonly holdAsset: (accountId: string, holdId: string) => string | undefined
  /** The asset of a promotion's budget, undefined when the promotion is unknown. */
  readonly promotionAsset: (promotionId: string) => string | undefined
}

// ---------------------------------------------------------------- operations

/**
 * The journal entry an event records, if any. Known workflow events are read by type; any other
 * event whose `data.entry` is a journal entry (a deposit or a correction recorded by an aggregate
 * the projections do not know yet) is recorded too, as workflow kind `other` named by its stream.
 */
export const recordedEntryOf = (input: ProjectionInput): RecordedEntry | undefined => {
  const data = input.event.data as { readonly entry?: unknown; readonly at?: unknown }
  if (typeof data !== 'object' || data === null || data.entry === undefined) return undefined
  // A known event was decoded by its codec; only an unknown one's entry needs checking here.
  const isKnown = ledgerEventOf(input.event) !== undefined
  if (!isKnown && !JournalEntry.is(data.entry)) return undefined
  if (typeof data.at !== 'string') return undefined
  return {
    entry: data.entry as JournalEntry,
    workflow: workflowOf(input),
    eventType: input.event.type,
    at: data.at,
  }
}

/** The workflow an event belongs to, by its id field; unknown types are named by their stream. */
export const workflowOf = (input: ProjectionInput): WorkflowRef => {
  const { stream } = input
  const known = ledgerEventOf(input.event)
  if (known === undefined) return { kind: 'other', id: stream, stream }
  const data = known.data as Partial<Record<string, unknown>>
  for (const [field, kind] of WORKFLOW_ID_FIELDS) {
    const id = data[field]
    if (typeof id === 'string') return { kind, id, stream }
  }
  return { kind: 'other', id: stream, stream }
}

/**
 * The legs an event books, with the asset each is in. A `HoldCaptured` takes its asset from the
 * hold, a discount event from its promotion: `lookup` answers both, and a miss is a corrupt log.
 */
export const bookingsOf = (event: LedgerEvent, lookup: BookingLookup): readonly Booking[] => {
  switch (event.type) {
    case 'FundsCredited':
    case 'FundsDebited': {
      const { accountId, asset, amount, entryId, leg, at } = event.data
      const direction = event.type === 'FundsCredited' ? 'credit' : 'debit'
      return [{ accountId, entryId, leg, asset, amount, direction, at }]
    }
    case 'HoldCaptured': {
      const { accountId, holdId, amount, entryId, leg, at } = event.data
      const asset = lookup.holdAsset(accountId, holdId)
      assert(asset !== undefined, `HoldCaptured: hold ${holdId} of ${accountId} is not open`)
      return [{ accountId, entryId, leg, asset, amount, direction: 'debit', at }]
    }
    case 'PromotionCreated': {
      const { promotionId, entry, at } = event.data
      const accountId = promotionBudgetAccount(promotionId)
      return legsOf(entry, accountId).map(({ leg, index }) => ({
        accountId,
        entryId: entry.entryId,
        leg: index,
        asset: leg.asset,
        amount: leg.amount,
        direction: leg.direction,
        at,
      }))
    }
    case 'DiscountApplied':
    case 'DiscountReturned':
    case 'DiscountVoided':
      return [discountBooking(event, lookup)]
    default:
      return []
  }
}

// ---------------------------------------------------------------- helpers

// The id field of each workflow kind, in the order they are looked for: a refund carries its
// payment's id, a dispute its payment's too, so the dispute id is looked for before the payment's.
const WORKFLOW_ID_FIELDS: readonly (readonly [string, WorkflowKind])[] = [
  ['disputeId', 'dispute'],
  ['withdrawalId', 'withdrawal'],
  ['conversionId', 'conversion'],
  ['promotionId', 'promotion'],
  ['paymentId', 'payment'],
  ['depositId', 'deposit'],
  ['adjustmentId', 'adjustment'],
]

const discountBooking = (
  event: Extract<LedgerEvent, { type: 'DiscountApplied' | 'DiscountReturned' | 'DiscountVoided' }>,
  lookup: BookingLookup,
): Booking => {
  const { promotionId, amount, entryId, leg, at } = event.data
  const asset = lookup.promotionAsset(promotionId)
  assert(asset !== undefined, `${event.type}: promotion ${promotionId} was never created`)
  const direction: Direction =
    event.type === 'DiscountApplied'
      ? 'debit'
      : event.type === 'DiscountReturned' || event.type === 'DiscountVoided'
        ? 'credit'
        : absurd(event)
  return {
    accountId: promotionBudgetAccount(promotionId),
    entryId,
    leg,
    asset,
    amount,
    direction,
    at,
  }
}
