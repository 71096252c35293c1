// The history projection: DESIGN's HistoryEntry rows per account, newest first. A row is either a
// booked journal leg (money moved: `completed`, later perhaps `reversed`) or a workflow's row with no
// money effect yet (`pending`, `failed`, `cancelled`), which the workflow's booked leg on that
// account takes over when the money moves. Statuses, by workflow:
//   payment     payer: failed (refused, with its reason) | pending (authorized) -> completed
//               (captured) | cancelled (cancelled) | failed (expired, reason 'expired');
//               payee and platform accounts: completed rows when the money moves
//   withdrawal  pending (requested, verified, submitted) -> completed | failed (refused, rejected,
//               failed) | cancelled; a completed one that comes back -> reversed (the return is its
//               own `withdrawal_return` row, in)
//   dispute     payer: pending (in) -> completed (refunded) | failed (payee won);
//               payee: pending (out, the held amount) -> completed (captured) | cancelled (released)
//   conversion  two completed rows (out in the source asset, in in the target) | failed
//               (refused or quote expired)
//   refund      completed rows, payer in and payee out
//   discount    on a budget account: a discount booked before its payment's entry, which never
//               came, is voided -> reversed (kind `discount`), the credit back its own row
//               (`discount_void`, in)
import type { PaymentRequest } from '../payment/codecs.js'
import type { Booking, BookingLookup, RecordedEntry } from './bookings.js'
import { bookingsOf, recordedEntryOf } from './bookings.js'
import { bookLeg, bookVoid, definedOnly, recordEntry } from './historyRows.js'
import type { HistoryState, PaymentFacts, RowContext } from './historyTypes.js'
import { initialHistoryState } from './historyTypes.js'
import { applyDisputeRows, applyWithdrawalRows, failedConversionRow } from './historyWorkflows.js'
import { changePaymentRow, paymentRowId, placePaymentRow } from './historyWorkflows.js'
import type { LedgerEvent, Projection, ProjectionInput } from './projection.js'
import { ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- the projection

/**
 * Applies one event: first the workflow's own rows, then the entry the event records (if any), then
 * the legs it books. Updates `state` in place (the runner owns it) and returns it.
 */
export const applyHistory = (state: HistoryState, input: ProjectionInput): HistoryState => {
  const event = ledgerEventOf(input.event)
  if (event !== undefined) applyWorkflowRows(state, event)
  const recorded = recordedEntryOf(input)
  if (recorded !== undefined) recordEntryOf(state, recorded, event)
  if (event === undefined) return state
  rememberAssets(state, event)
  for (const booking of bookingsOf(event, lookupOf(state))) {
    if (event.type === 'DiscountVoided') {
      const { paymentId, promotionId } = event.data
      bookVoid(state, booking, { paymentId, promotionId })
    } else {
      bookAndTrack(state, booking)
    }
  }
  forgetHolds(state, event)
  return state
}

/** The history projection, for core's runner. */
export const historyProjection: Projection<HistoryState> = {
  name: 'history',
  initialState: initialHistoryState,
  apply: applyHistory,
}

// ---------------------------------------------------------------- workflow rows

const applyWorkflowRows = (state: HistoryState, event: LedgerEvent): void => {
  switch (event.type) {
    case 'PaymentFailed': {
      const { paymentId, request, reason, at } = event.data
      return placePaymentRow(state, paymentId, request, at, 'failed', reason.code)
    }
    case 'PaymentAuthorized': {
      const { paymentId, request, at } = event.data
      rememberPayment(state, paymentId, request)
      return placePaymentRow(state, paymentId, request, at, 'pending')
    }
    case 'PaymentCaptured':
      if (event.data.request !== undefined)
        rememberPayment(state, event.data.paymentId, event.data.request)
      return
    case 'PaymentCancelled':
      return changePaymentRow(state, event.data.paymentId, event.data.at, 'cancelled')
    case 'PaymentExpired':
      return changePaymentRow(state, event.data.paymentId, event.data.at, 'failed', 'expired')
    case 'ConversionFailed':
    case 'ConversionExpired':
      return failedConversionRow(state, event)
    default:
      applyWithdrawalRows(state, event)
      applyDisputeRows(state, event)
  }
}

// ---------------------------------------------------------------- entries

const NO_PARTIES: ReadonlyMap<string, string> = new Map()

// The context of the rows an entry's legs become, and the row ids they take on each account.
const recordEntryOf = (
  state: HistoryState,
  recorded: RecordedEntry,
  event: LedgerEvent | undefined,
): void => {
  const { entry } = recorded
  const record = (context: RowContext, rowIds?: ReadonlyMap<string, string>): void =>
    recordEntry(state, entry, context, rowIds)
  switch (event?.type) {
    case 'PaymentCaptured':
    case 'PaymentRefunded':
      return recordPaymentEntry(state, event, record)
    case 'WithdrawalCompleted':
      return record(
        { kind: 'withdrawal', withdrawalId: event.data.withdrawalId, counterparties: NO_PARTIES },
        withdrawalRowIds(state, event.data.withdrawalId),
      )
    case 'WithdrawalReturned': {
      const { withdrawalId } = event.data
      return record({ kind: 'withdrawal_return', withdrawalId, counterparties: NO_PARTIES })
    }
    case 'DisputeResolved':
      return recordDisputeEntry(state, event.data.disputeId, record)
    case 'ConversionExecuted':
      return record({
        kind: 'conversion',
        conversionId: event.data.conversionId,
        counterparties: NO_PARTIES,
      })
    case 'FundsDeposited':
      return record({ kind: 'deposit', counterparties: NO_PARTIES })
    case 'AdjustmentPosted':
      return record({ kind: 'adjustment', counterparties: NO_PARTIES })
    case 'PromotionCreated':
      return record({
        kind: 'promotion_funding',
        promotionId: event.data.promotionId,
        counterparties: NO_PARTIES,
      })
    default:
      return record({ kind: otherKind(recorded.eventType), counterparties: NO_PARTIES })
  }
}

type Record = (context: RowContext, rowIds?: ReadonlyMap<string, string>) => void

// A capture's legs become the payer's and the payee's payment rows; a refund's are rows of their own.
const recordPaymentEntry = (
  state: HistoryState,
  event: Extract<LedgerEvent, { type: 'PaymentCaptured' | 'PaymentRefunded' }>,
  record: Record,
): void => {
  const { paymentId } = event.data
  const payment = state.payments.get(paymentId)
  if (event.type === 'PaymentRefunded') {
    const { refundId } = event.data
    return record({ kind: 'refund', paymentId, refundId, ...paymentContext(payment) })
  }
  const rowIds =
    payment === undefined
      ? undefined
      : new Map([
          [payment.payer, paymentRowId(paymentId, 'payer')],
          [payment.payee, paymentRowId(paymentId, 'payee')],
        ])
  return record({ kind: 'payment', paymentId, ...paymentContext(payment) }, rowIds)
}

// The payout's leg on the account becomes the withdrawal's row.
const withdrawalRowIds = (
  state: HistoryState,
  withdrawalId: string,
): ReadonlyMap<string, string> | undefined => {
  const withdrawal = state.withdrawals.get(withdrawalId)
  return withdrawal === undefined ? undefined : new Map([[withdrawal.accountId, withdrawal.rowId]])
}

const recordDisputeEntry = (state: HistoryState, disputeId: string, record: Record): void => {
  const dispute = state.disputes.get(disputeId)
  state.disputes.delete(disputeId)
  if (dispute === undefined)
    return record({ kind: 'dispute', disputeId, counterparties: NO_PARTIES })
  const rowIds = new Map([[dispute.payer, dispute.payerRowId]])
  if (dispute.payeeRowId !== undefined) rowIds.set(dispute.payee, dispute.payeeRowId)
  const { paymentId } = dispute
  const channel = state.payments.get(paymentId)?.channel
  const context: RowContext = {
    kind: 'dispute',
    disputeId,
    paymentId,
    ...definedOnly({ channel }),
    counterparties: partiesOf(dispute),
  }
  return record(context, rowIds)
}

const paymentContext = (payment: PaymentFacts | undefined) =>
  payment === undefined
    ? { counterparties: NO_PARTIES }
    : { channel: payment.channel, counterparties: partiesOf(payment) }

// ---------------------------------------------------------------- bookings and assets

const bookAndTrack = (state: HistoryState, booking: Booking): void => {
  const found = state.entries.get(booking.entryId)
  const rowId = bookLeg(state, booking)
  const withdrawalId = found?.context.kind === 'withdrawal' ? found.context.withdrawalId : undefined
  if (withdrawalId === undefined) return
  const withdrawal = state.withdrawals.get(withdrawalId)
  if (withdrawal?.accountId === booking.accountId) withdrawal.rowId = rowId
}

const rememberAssets = (state: HistoryState, event: LedgerEvent): void => {
  if (event.type === 'PromotionCreated') {
    state.promotionAssets.set(event.data.promotionId, event.data.asset)
  }
  if (event.type === 'FundsHeld') {
    const { accountId, holdId, asset } = event.data
    const holds = state.holdAssets.get(accountId) ?? new Map<string, string>()
    state.holdAssets.set(accountId, holds.set(holdId, asset))
  }
}

// A hold's asset is needed until it closes (its capture books a leg in that asset).
const forgetHolds = (state: HistoryState, event: LedgerEvent): void => {
  if (event.type !== 'HoldCaptured' && event.type !== 'HoldReleased') return
  const holds = state.holdAssets.get(event.data.accountId)
  holds?.delete(event.data.holdId)
  if (holds?.size === 0) state.holdAssets.delete(event.data.accountId)
}

const lookupOf = (state: HistoryState): BookingLookup => ({
  holdAsset: (accountId, holdId) => state.holdAssets.get(accountId)?.get(holdId),
  promotionAsset: (promotionId) => state.promotionAssets.get(promotionId),
})

// ---------------------------------------------------------------- helpers

const rememberPayment = (state: HistoryState, paymentId: string, request: PaymentRequest): void => {
  const { channel, payer, payee } = request
  state.payments.set(paymentId, { channel, payer, payee })
}

const partiesOf = (
  parties: Pick<PaymentFacts, 'payer' | 'payee'> | undefined,
): ReadonlyMap<string, string> =>
  parties === undefined
    ? new Map()
    : new Map([
        [parties.payer, parties.payee],
        [parties.payee, parties.payer],
      ])

// The kind of an entry recorded by an event type the projections do not know: its first word.
const otherKind = (eventType: string): string => {
  const first = /^[A-Z][a-z0-9]*/.exec(eventType)?.[0]
  return first === undefined ? 'other' : first.toLowerCase()
}
