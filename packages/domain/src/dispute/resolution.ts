// How a dispute's outcome moves money: who pays the refund, what goes back to the payee, and the
// journal entry of the refund. Pure arithmetic on bigint minor units; the decider only branches.
//
// The payee's hold pays first. When the payee was short at opening (`shortfall > 0`) and the refund
// is larger than the hold, the platform covers the rest (`covered`) and records that the payee owes
// it. The refund's journal entry, with C = captured from the hold, P = covered, R = C + P refunded:
//
//   payee                       debit  C   the held amount leaves the payee (HoldCaptured)
//   system:receivables          debit  P   the payee owes the platform P
//   system:dispute-losses       credit P   that claim stands against the loss until recovered
//   system:dispute-losses       debit  P   the dispute-loss account pays the payer the shortfall
//   payer                       credit R   the refund
//
// Credit raises a balance and debit lowers it (journal.ts), so a receivable reads as a NEGATIVE
// balance on `system:receivables` (an unrestricted account): exactly the payee's negative position
// that a non-negative payee account cannot show, like a world account that stands for money still
// owed in from outside. The dispute-loss account nets to zero in this entry: the platform books the
// loss only if the receivable is written off later (receivables credit P, dispute-losses debit P),
// and a recovery from the payee is payee debit / receivables credit. Neither is part of a dispute.
// Zero postings are dropped, so the engine must find legs with `legsOf(entry, account)` (the
// dispute-loss account has two legs: pick by direction), and should apply the account events in leg
// order so the dispute-loss account is credited before it is debited.
import { assert } from '../assert.js'
import { buildJournalEntry } from '../journal/journal.js'
import type { JournalEntry } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS } from '../journal/systemAccounts.js'
import { formatMoney, money } from '../money/money.js'
import type { Money } from '../money/money.js'
import type { DisputeResolved } from './events.js'
import type { DisputeCase, DisputeResolution } from './state.js'

// ---------------------------------------------------------------- types

/** The money of one outcome. `captured + released = held`, `captured + covered = refunded`. */
export type DisputeSettlement = {
  readonly refunded: Money
  readonly captured: Money
  readonly covered: Money
  readonly released: Money
}

// ---------------------------------------------------------------- operations

/**
 * Splits a refund of `refundMinor` (0 for the payee outcome) between the payee's hold and the
 * platform. Asserts the refund is within the disputed amount, so the platform never covers more than
 * the recorded shortfall.
 */
export const settleDispute = (dispute: DisputeCase, refundMinor: bigint): DisputeSettlement => {
  assert(refundMinor >= 0n, `dispute ${dispute.disputeId}: negative refund`)
  assert(
    refundMinor <= dispute.amount.minor,
    `dispute ${dispute.disputeId}: refund over the disputed amount`,
  )
  const asset = { code: dispute.amount.asset, scale: dispute.amount.scale }
  const capturedMinor = refundMinor < dispute.held.minor ? refundMinor : dispute.held.minor
  const coveredMinor = refundMinor - capturedMinor
  assert(
    coveredMinor <= dispute.shortfall.minor,
    `dispute ${dispute.disputeId}: covered over the shortfall`,
  )
  return {
    refunded: money(asset, refundMinor),
    captured: money(asset, capturedMinor),
    covered: money(asset, coveredMinor),
    released: money(asset, dispute.held.minor - capturedMinor),
  }
}

/** The refund's journal entry (see the module comment for its legs). Asserts a positive refund. */
export const disputeRefundEntry = (
  dispute: DisputeCase,
  settlement: DisputeSettlement,
  entryId: string,
): JournalEntry => {
  assert(
    settlement.refunded.minor > 0n,
    `dispute ${dispute.disputeId}: a refund entry needs a refund`,
  )
  const { captured, covered, refunded } = settlement
  return buildJournalEntry(entryId, [
    { account: dispute.payee, amount: captured, direction: 'debit' },
    { account: SYSTEM_ACCOUNTS.receivables, amount: covered, direction: 'debit' },
    { account: SYSTEM_ACCOUNTS.disputeLosses, amount: covered, direction: 'credit' },
    { account: SYSTEM_ACCOUNTS.disputeLosses, amount: covered, direction: 'debit' },
    { account: dispute.payer, amount: refunded, direction: 'credit' },
  ])
}

/** The `DisputeResolved` event of an outcome; the entry is built only when the payer gets money. */
export const disputeResolved = (
  dispute: DisputeCase,
  outcome: DisputeResolution['outcome'],
  decidedBy: DisputeResolution['decidedBy'],
  refundMinor: bigint,
  entryId: string,
  at: DisputeResolved['data']['at'],
): DisputeResolved => {
  assert(outcome === 'payer' || refundMinor === 0n, 'the payee outcome refunds nothing')
  const settlement = settleDispute(dispute, refundMinor)
  const entry = refundMinor > 0n ? disputeRefundEntry(dispute, settlement, entryId) : undefined
  return {
    type: 'DisputeResolved',
    schemaVersion: 1,
    data: {
      disputeId: dispute.disputeId,
      outcome,
      decidedBy,
      asset: dispute.asset,
      refunded: formatMoney(settlement.refunded),
      captured: formatMoney(settlement.captured),
      released: formatMoney(settlement.released),
      at,
      ...(entry === undefined ? {} : { entry }),
    },
  }
}
