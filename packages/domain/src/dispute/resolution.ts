// How a dispute's outcome moves money: who pays the refund, what goes back to the payee, and the
// journal entry of the refund. Pure arithmetic on bigint minor units; the decider only branches.
//
// A refund of R (gross) is split like a payment refund (payment/postings.ts `refundShares`, on the
// payment's money recorded at the opening, after what was refunded before): the payer gets their
// share of what they were charged (B to the promotion's budget when there was a discount), and the
// merchant fee's share F comes back from the fees account, so the payee owes R - F. The payee's
// hold pays first (C = min(R - F, held)); when the payee was short at opening (`shortfall > 0`) the
// platform covers the rest (P = R - F - C) and records that the payee owes it. The entry:
//
//   payee                       debit  C       the held amount leaves the payee (HoldCaptured)
//   system:receivables          debit  P       the payee owes the platform P
//   system:dispute-losses       credit P       that claim stands against the loss until recovered
//   system:dispute-losses       debit  P       the dispute-loss account pays the payer the shortfall
//   system:fees                 debit  F       the fee's share of the refund, back from the platform
//   payer                       credit R - B   the refund
//   promotion budget            credit B       the discount's share, back to the promotion
//
// Credit raises a balance and debit lowers it (journal.ts), so a receivable reads as a NEGATIVE
// balance on `system:receivables` (an unrestricted account): exactly the payee's negative position
// that a non-negative payee account cannot show, like a world account that stands for money still
// owed in from outside. The dispute-loss account nets to zero in this entry: the platform books the
// loss only if the receivable is written off later (receivables credit P, dispute-losses debit P),
// and a recovery from the payee is payee debit / receivables credit. Neither is part of a dispute.
// Zero postings are dropped, so the engine must find legs with `legsOf(entry, account)` (the
// dispute-loss account has two legs: pick by direction), should apply the account events in leg
// order so the dispute-loss account is credited before it is debited, release the payee's hold
// when the entry takes nothing from it, and book the budget's leg on the promotion's stream.
import { assert } from '../assert.js'
import { buildJournalEntry } from '../journal/journal.js'
import type { JournalEntry, Posting } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, promotionBudgetAccount } from '../journal/systemAccounts.js'
import { formatMoney, money } from '../money/money.js'
import type { Money } from '../money/money.js'
import { refundShares } from '../payment/postings.js'
import type { DisputeResolved } from './events.js'
import type { DisputeCase, DisputeResolution } from './state.js'

// ---------------------------------------------------------------- types

/**
 * The money of one outcome. `refunded = payer + budget = payee + fee`; the payee's part is paid by
 * its hold and the platform: `payee = captured + covered`; `captured + released = held`.
 */
export type DisputeSettlement = {
  /** Gross refunded. */
  readonly refunded: Money
  /** Back to the payer: their share of what they were charged. */
  readonly payer: Money
  /** Back to the promotion's budget: the discount's share. */
  readonly budget: Money
  /** Back from the fees account: the merchant fee's share. */
  readonly fee: Money
  /** What the payee owes: the refund less the fee's share. */
  readonly payee: Money
  readonly captured: Money
  readonly covered: Money
  readonly released: Money
}

// ---------------------------------------------------------------- operations

/**
 * Splits a refund of `refundMinor` (0 for the payee outcome) by `refundShares` on the payment's
 * money at the opening, then the payee's part between its hold and the platform. Asserts the refund
 * is within the disputed amount, so the platform never covers more than the recorded shortfall.
 */
export const settleDispute = (dispute: DisputeCase, refundMinor: bigint): DisputeSettlement => {
  assert(refundMinor >= 0n, `dispute ${dispute.disputeId}: negative refund`)
  assert(
    refundMinor <= dispute.amount.minor,
    `dispute ${dispute.disputeId}: refund over the disputed amount`,
  )
  const asset = { code: dispute.amount.asset, scale: dispute.amount.scale }
  const { payment } = dispute
  const shares =
    refundMinor === 0n
      ? { payer: 0n, budget: 0n, fee: 0n, payee: 0n }
      : refundShares(
          { gross: payment.captured, discount: payment.discount, fee: payment.fee },
          payment.refunded,
          refundMinor,
        )
  const capturedMinor = shares.payee < dispute.held.minor ? shares.payee : dispute.held.minor
  const coveredMinor = shares.payee - capturedMinor
  assert(
    coveredMinor <= dispute.shortfall.minor,
    `dispute ${dispute.disputeId}: covered over the shortfall`,
  )
  return {
    refunded: money(asset, refundMinor),
    payer: money(asset, shares.payer),
    budget: money(asset, shares.budget),
    fee: money(asset, shares.fee),
    payee: money(asset, shares.payee),
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
  const { captured, covered, fee, payer, budget } = settlement
  const { promotionId } = dispute.payment
  assert(
    budget.minor === 0n || promotionId !== undefined,
    `dispute ${dispute.disputeId}: a budget share without a promotion`,
  )
  const postings: Posting[] = [
    { account: dispute.payee, amount: captured, direction: 'debit' },
    { account: SYSTEM_ACCOUNTS.receivables, amount: covered, direction: 'debit' },
    { account: SYSTEM_ACCOUNTS.disputeLosses, amount: covered, direction: 'credit' },
    { account: SYSTEM_ACCOUNTS.disputeLosses, amount: covered, direction: 'debit' },
    { account: SYSTEM_ACCOUNTS.fees, amount: fee, direction: 'debit' },
    { account: dispute.payer, amount: payer, direction: 'credit' },
  ]
  if (promotionId !== undefined) {
    postings.push({
      account: promotionBudgetAccount(promotionId),
      amount: budget,
      direction: 'credit',
    })
  }
  return buildJournalEntry(entryId, postings)
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
