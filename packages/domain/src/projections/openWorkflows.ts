// The open-workflows projection: what `recover()` must finish or reverse. A workflow is open while a
// journal entry it recorded has legs no account has booked yet, or while a hold it placed is not
// where its last decision wants it (placed and kept, or closed). A hold no workflow names is an
// orphan: a step-by-step run that stopped between the hold and the decision. A discount applied for
// an entry never recorded is an unrecorded entry until it is voided (DiscountVoided unbooks it).
import { assert } from '../assert.js'
import type { JournalEntry } from '../journal/journal.js'
import { moneyFromCanonical } from '../money/money.js'
import type { BookingLookup, WorkflowRef } from './bookings.js'
import { bookingsOf, recordedEntryOf, workflowOf } from './bookings.js'
import type { LedgerEvent, Projection, ProjectionInput } from './projection.js'
import { ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- types

/** What a workflow's last decision wants of its hold: kept, captured (by a leg), or released. */
export type HoldIntent = 'keep' | 'capture' | 'release'

/** A recorded entry with legs still to book. */
export type OpenEntry = {
  readonly workflow: WorkflowRef
  readonly entry: JournalEntry
  readonly booked: Set<number>
  readonly position: bigint
}

/** An open hold as an account recorded it. */
export type OpenHoldFact = {
  readonly accountId: string
  readonly holdId: string
  readonly asset: string
  readonly amount: string
  readonly at: string
  readonly position: bigint
}

/** A hold a workflow names, and what its last decision wants of it. */
export type HoldClaim = {
  readonly accountId: string
  readonly holdId: string
  readonly workflow: WorkflowRef
  readonly intent: HoldIntent
  readonly position: bigint
}

/** The state of the open-workflows projection (owned by the runner, see `Projection`). */
export type OpenWorkflowsState = {
  readonly entries: Map<string, OpenEntry>
  /** Legs booked before their entry was recorded, by entry id. */
  readonly early: Map<string, Set<number>>
  /** Open holds, by `holdKey`. */
  readonly holds: Map<string, OpenHoldFact>
  /** Holds named by a workflow, by `holdKey`, until the hold is closed. */
  readonly claims: Map<string, HoldClaim>
  /** The hold of each workflow stream that has one. */
  readonly streamHolds: Map<string, string>
  readonly promotionAssets: Map<string, string>
}

// ---------------------------------------------------------------- the projection

/** A fresh, empty open-workflows state. */
export const initialOpenWorkflowsState = (): OpenWorkflowsState => ({
  entries: new Map(),
  early: new Map(),
  holds: new Map(),
  claims: new Map(),
  streamHolds: new Map(),
  promotionAssets: new Map(),
})

/** The key of a hold: hold ids are unique per account. */
export const holdKey = (accountId: string, holdId: string): string => `${accountId}\u0000${holdId}`

/** Applies one event; updates `state` in place (the runner owns it) and returns it. */
export const applyOpenWorkflows = (
  state: OpenWorkflowsState,
  input: ProjectionInput,
): OpenWorkflowsState => {
  const recorded = recordedEntryOf(input)
  if (recorded !== undefined) openEntry(state, recorded.entry, recorded.workflow, input.position)
  const event = ledgerEventOf(input.event)
  if (event === undefined) return state
  if (event.type === 'PromotionCreated') {
    state.promotionAssets.set(event.data.promotionId, event.data.asset)
  }
  for (const booking of bookingsOf(event, lookupOf(state))) {
    if (event.type === 'DiscountVoided') unbook(state, booking.entryId, booking.leg)
    else book(state, booking.entryId, booking.leg)
  }
  trackHolds(state, event, input)
  return state
}

/** The open-workflows projection, for core's runner. */
export const openWorkflowsProjection: Projection<OpenWorkflowsState> = {
  name: 'openWorkflows',
  initialState: initialOpenWorkflowsState,
  apply: applyOpenWorkflows,
}

// ---------------------------------------------------------------- helpers

const openEntry = (
  state: OpenWorkflowsState,
  entry: JournalEntry,
  workflow: WorkflowRef,
  position: bigint,
): void => {
  assert(!state.entries.has(entry.entryId), `entry ${entry.entryId} recorded twice`)
  const booked = state.early.get(entry.entryId) ?? new Set<number>()
  state.early.delete(entry.entryId)
  if (booked.size >= entry.legs.length) return
  state.entries.set(entry.entryId, { workflow, entry, booked, position })
}

const book = (state: OpenWorkflowsState, entryId: string, leg: number): void => {
  const open = state.entries.get(entryId)
  if (open === undefined) {
    const early = state.early.get(entryId) ?? new Set<number>()
    state.early.set(entryId, early.add(leg))
    return
  }
  open.booked.add(leg)
  if (open.booked.size >= open.entry.legs.length) state.entries.delete(entryId)
}

// A voided discount takes back the booking of its leg: the entry it waited for will not come. Were
// the entry recorded and still open, its leg is missing again (recover() books it); a void after
// the entry was fully booked is an engine fault the audit reports, beyond what this fold can undo.
const unbook = (state: OpenWorkflowsState, entryId: string, leg: number): void => {
  const early = state.early.get(entryId)
  if (early !== undefined) {
    early.delete(leg)
    if (early.size === 0) state.early.delete(entryId)
    return
  }
  state.entries.get(entryId)?.booked.delete(leg)
}

// Holds as accounts record them, and the holds workflows name.
const trackHolds = (
  state: OpenWorkflowsState,
  event: LedgerEvent,
  input: ProjectionInput,
): void => {
  switch (event.type) {
    case 'FundsHeld': {
      const { accountId, holdId, asset, amount, at } = event.data
      const position = input.position
      state.holds.set(holdKey(accountId, holdId), {
        accountId,
        holdId,
        asset,
        amount,
        at,
        position,
      })
      return
    }
    case 'HoldCaptured':
    case 'HoldReleased': {
      const key = holdKey(event.data.accountId, event.data.holdId)
      state.holds.delete(key)
      const claim = state.claims.get(key)
      state.claims.delete(key)
      if (claim !== undefined) state.streamHolds.delete(claim.workflow.stream)
      return
    }
    case 'PaymentAuthorized':
      return claim(state, input, event.data.request.payer, event.data.holdId)
    case 'WithdrawalRequested':
      return claim(state, input, event.data.accountId, event.data.holdId)
    case 'DisputeOpened': {
      const { payee, holdId, asset, held } = event.data
      if (moneyFromCanonical(asset, held).minor > 0n) claim(state, input, payee, holdId)
      return
    }
    default:
      return trackDecisions(state, event, input.stream)
  }
}

// What a workflow's decision wants of its hold: captured by its entry, or released.
const trackDecisions = (state: OpenWorkflowsState, event: LedgerEvent, stream: string): void => {
  switch (event.type) {
    case 'PaymentCaptured':
    case 'WithdrawalCompleted':
      return decide(state, stream, 'capture')
    case 'PaymentCancelled':
    case 'PaymentExpired':
    case 'WithdrawalRejected':
    case 'WithdrawalFailed':
    case 'WithdrawalCancelled':
      return decide(state, stream, 'release')
    case 'DisputeResolved': {
      const captured = moneyFromCanonical(event.data.asset, event.data.captured).minor
      return decide(state, stream, captured > 0n ? 'capture' : 'release')
    }
    default:
      return
  }
}

const claim = (
  state: OpenWorkflowsState,
  input: ProjectionInput,
  accountId: string,
  holdId: string,
): void => {
  const key = holdKey(accountId, holdId)
  const workflow = workflowOf(input)
  state.claims.set(key, { accountId, holdId, workflow, intent: 'keep', position: input.position })
  state.streamHolds.set(input.stream, key)
}

// A decision on a workflow with a hold changes what it wants of the hold (if still open).
const decide = (state: OpenWorkflowsState, stream: string, intent: HoldIntent): void => {
  const key = state.streamHolds.get(stream)
  if (key === undefined) return
  const found = state.claims.get(key)
  if (found !== undefined) state.claims.set(key, { ...found, intent })
}

const lookupOf = (state: OpenWorkflowsState): BookingLookup => ({
  holdAsset: (accountId, holdId) => state.holds.get(holdKey(accountId, holdId))?.asset,
  promotionAsset: (promotionId) => state.promotionAssets.get(promotionId),
})
