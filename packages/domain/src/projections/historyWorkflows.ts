// The history rows workflows keep before (or instead of) moving money: a payment's payer row, a
// withdrawal's row, a dispute's two rows, a refused conversion's row. Each is taken over by the
// workflow's booked leg on its account when the money moves (historyRows.ts, `bookLeg`).
import { formatMinor, moneyFromCanonical } from '../money/money.js'
import type { PaymentRequest } from '../payment/codecs.js'
import { accountHistoryOf, changeRow, definedOnly, placeRow } from './historyRows.js'
import type { EntryStatus, HistoryEntry, HistoryState } from './historyTypes.js'
import type { LedgerEvent } from './projection.js'

type EventOf<Type extends LedgerEvent['type']> = Extract<LedgerEvent, { type: Type }>

// ---------------------------------------------------------------- row ids

/** The id of a payment's row on its payer's or payee's account. */
export const paymentRowId = (paymentId: string, party: 'payer' | 'payee'): string =>
  `payment:${paymentId}:${party}`

/** The id of a withdrawal's row on its account. */
export const withdrawalRowId = (withdrawalId: string): string => `withdrawal:${withdrawalId}`

/** The id of a dispute's row on its payer's or payee's account. */
export const disputeRowId = (disputeId: string, party: 'payer' | 'payee'): string =>
  `dispute:${disputeId}:${party}`

// ---------------------------------------------------------------- payments

/** Places the payer's row of a refused (`failed`, with the code) or authorized (`pending`) payment. */
export const placePaymentRow = (
  state: HistoryState,
  paymentId: string,
  request: PaymentRequest,
  at: string,
  status: 'failed' | 'pending',
  failureReason?: string,
): void => {
  const entry: HistoryEntry = {
    id: paymentRowId(paymentId, 'payer'),
    at,
    kind: 'payment',
    direction: 'out',
    asset: request.asset,
    amount: request.amount,
    status,
    counterparty: request.payee,
    channel: request.channel,
    paymentId,
    ...definedOnly({ failureReason }),
  }
  placeRow(accountHistoryOf(state, request.payer), entry, scaleOf(request.asset, request.amount))
}

/** Ends an authorized payment's pending row: `cancelled`, or `failed` with 'expired'. */
export const changePaymentRow = (
  state: HistoryState,
  paymentId: string,
  at: string,
  status: EntryStatus,
  failureReason?: string,
): void => {
  const payment = state.payments.get(paymentId)
  if (payment === undefined) return
  const history = accountHistoryOf(state, payment.payer)
  const rowId = paymentRowId(paymentId, 'payer')
  if (history.rows.get(rowId)?.settled !== false) return
  changeRow(history, rowId, { at, status, ...definedOnly({ failureReason }) })
}

// ---------------------------------------------------------------- withdrawals

/** A withdrawal's row: placed at request, ended by a refusal, rejection, failure, cancellation or return. */
export const applyWithdrawalRows = (state: HistoryState, event: LedgerEvent): void => {
  switch (event.type) {
    case 'WithdrawalRequested':
    case 'WithdrawalRequestFailed':
      return placeWithdrawalRow(state, event)
    case 'WithdrawalRejected':
      return endWithdrawalRow(state, event.data.withdrawalId, event.data.at, 'failed', 'rejected')
    case 'WithdrawalFailed':
      return endWithdrawalRow(
        state,
        event.data.withdrawalId,
        event.data.at,
        'failed',
        event.data.reason,
      )
    case 'WithdrawalCancelled': {
      const { withdrawalId, at, reason } = event.data
      return endWithdrawalRow(state, withdrawalId, at, 'cancelled', reason)
    }
    case 'WithdrawalReturned': {
      // The completed row shows the reversal; the money coming back is the return's own row.
      const withdrawal = state.withdrawals.get(event.data.withdrawalId)
      if (withdrawal === undefined) return
      const history = accountHistoryOf(state, withdrawal.accountId)
      if (history.rows.get(withdrawal.rowId)?.settled !== true) return
      return changeRow(history, withdrawal.rowId, { status: 'reversed' })
    }
    default:
      return
  }
}

const placeWithdrawalRow = (
  state: HistoryState,
  event: EventOf<'WithdrawalRequested' | 'WithdrawalRequestFailed'>,
): void => {
  const { withdrawalId, accountId, asset, at } = event.data
  const amount = moneyFromCanonical(asset, event.data.amount)
  const fee = moneyFromCanonical(asset, event.data.fee)
  const held = amount.minor + fee.minor
  const rowId = withdrawalRowId(withdrawalId)
  const failed = event.type === 'WithdrawalRequestFailed'
  const entry: HistoryEntry = {
    id: rowId,
    at,
    kind: 'withdrawal',
    direction: 'out',
    asset,
    amount: formatMinor(held, amount.scale),
    status: failed ? 'failed' : 'pending',
    withdrawalId,
    ...(failed ? { failureReason: event.data.code } : {}),
  }
  placeRow(accountHistoryOf(state, accountId), entry, amount.scale)
  if (!failed) state.withdrawals.set(withdrawalId, { accountId, rowId })
}

const endWithdrawalRow = (
  state: HistoryState,
  withdrawalId: string,
  at: string,
  status: EntryStatus,
  failureReason: string,
): void => {
  const withdrawal = state.withdrawals.get(withdrawalId)
  if (withdrawal === undefined) return
  const history = accountHistoryOf(state, withdrawal.accountId)
  if (history.rows.get(withdrawal.rowId)?.settled !== false) return
  changeRow(history, withdrawal.rowId, { at, status, failureReason })
  // Only a completed withdrawal can come back, so an ended one is forgotten.
  state.withdrawals.delete(withdrawalId)
}

// ---------------------------------------------------------------- disputes

/**
 * A dispute's rows: the payer's pending refund (in) and, when something was held, the payee's
 * pending debit (out). A resolution without a refund ends them here (`failed` for the payer,
 * `cancelled` for the payee, whose hold is released); one with a refund books legs that take them
 * over (history.ts records its entry).
 */
export const applyDisputeRows = (state: HistoryState, event: LedgerEvent): void => {
  if (event.type === 'DisputeOpened') return placeDisputeRows(state, event)
  if (event.type !== 'DisputeResolved') return
  if (event.data.entry !== undefined) return releasedPayeeRow(state, event)
  const { disputeId, at, outcome } = event.data
  const dispute = state.disputes.get(disputeId)
  if (dispute === undefined) return
  state.disputes.delete(disputeId)
  const reason = `resolved_${outcome}`
  const payerHistory = accountHistoryOf(state, dispute.payer)
  changeRow(payerHistory, dispute.payerRowId, { at, status: 'failed', failureReason: reason })
  if (dispute.payeeRowId === undefined) return
  const payeeHistory = accountHistoryOf(state, dispute.payee)
  changeRow(payeeHistory, dispute.payeeRowId, { at, status: 'cancelled', failureReason: reason })
}

// A refund whose entry takes nothing from the payee (all of it the fee's share, or all covered by
// the platform) has no leg to take the payee's pending row over: its hold was released, so the row
// ends `cancelled` here and the entry's legs book the other accounts' rows.
const releasedPayeeRow = (state: HistoryState, event: EventOf<'DisputeResolved'>): void => {
  const { disputeId, at, outcome, entry } = event.data
  const dispute = state.disputes.get(disputeId)
  if (dispute?.payeeRowId === undefined || entry === undefined) return
  if (entry.legs.some((leg) => leg.account === dispute.payee)) return
  const payeeHistory = accountHistoryOf(state, dispute.payee)
  const reason = `resolved_${outcome}`
  changeRow(payeeHistory, dispute.payeeRowId, { at, status: 'cancelled', failureReason: reason })
  const { payeeRowId: _released, ...rest } = dispute
  state.disputes.set(disputeId, rest)
}

const placeDisputeRows = (state: HistoryState, event: EventOf<'DisputeOpened'>): void => {
  const { disputeId, paymentId, payer, payee, asset, amount, held, at } = event.data
  const channel = state.payments.get(paymentId)?.channel
  const common = { at, kind: 'dispute', asset, status: 'pending' as const, paymentId, disputeId }
  const scale = scaleOf(asset, amount)
  const payerRowId = disputeRowId(disputeId, 'payer')
  placeRow(
    accountHistoryOf(state, payer),
    {
      id: payerRowId,
      ...common,
      direction: 'in',
      amount,
      counterparty: payee,
      ...definedOnly({ channel }),
    },
    scale,
  )
  const isHeld = moneyFromCanonical(asset, held).minor > 0n
  const payeeRowId = isHeld ? disputeRowId(disputeId, 'payee') : undefined
  if (payeeRowId !== undefined) {
    placeRow(
      accountHistoryOf(state, payee),
      {
        id: payeeRowId,
        ...common,
        direction: 'out',
        amount: held,
        counterparty: payer,
        ...definedOnly({ channel }),
      },
      scale,
    )
  }
  state.disputes.set(disputeId, {
    paymentId,
    payer,
    payee,
    payerRowId,
    ...definedOnly({ payeeRowId }),
  })
}

// ---------------------------------------------------------------- conversions

/** A refused or expired conversion: one failed row in the source asset, with its code. */
export const failedConversionRow = (
  state: HistoryState,
  event: EventOf<'ConversionFailed' | 'ConversionExpired'>,
): void => {
  const { conversionId, accountId, from, at } = event.data
  const failureReason = event.type === 'ConversionFailed' ? event.data.code : 'quote_expired'
  const entry: HistoryEntry = {
    id: `conversion:${conversionId}`,
    at,
    kind: 'conversion',
    direction: 'out',
    asset: from.asset,
    amount: from.amount,
    status: 'failed',
    conversionId,
    failureReason,
  }
  placeRow(accountHistoryOf(state, accountId), entry, scaleOf(from.asset, from.amount))
}

// ---------------------------------------------------------------- helpers

const scaleOf = (asset: string, amount: string): number => moneyFromCanonical(asset, amount).scale
