// The money of a payment: the merchant fee, the capture entry, and how a refund (the payment's own,
// or a dispute's) splits between the payer, the promotion's budget, the platform's fee and the payee. Every amount is bigint minor
// units; every rounding is named where it happens.
import { assert } from '../assert.js'
import type { JournalEntry, Posting } from '../journal/journal.js'
import { buildJournalEntry } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, promotionBudgetAccount } from '../journal/systemAccounts.js'
import type { Money } from '../money/money.js'
import { percentOfMinor, splitByLargestRemainder } from '../money/rounding.js'

// ---------------------------------------------------------------- types

/** Who takes part in a payment's entries. `promotionId` only when a discount was given. */
export type PaymentParties = {
  readonly payer: string
  readonly payee: string
  readonly promotionId?: string
}

/** A capture in minor units: `gross = charged + discount`, and the payee gets `gross - fee`. */
export type CaptureAmounts = {
  readonly gross: bigint
  readonly discount: bigint
  readonly fee: bigint
}

/** One refund's parts, in minor units: `payer + budget = gross = payee + fee`. */
export type RefundShares = {
  readonly gross: bigint
  /** Back to the payer: their pro-rata share of what they were charged. */
  readonly payer: bigint
  /** Back to the promotion's budget: the rest. */
  readonly budget: bigint
  /** Taken back from the platform's fees, pro rata. */
  readonly fee: bigint
  /** Taken back from the payee: the gross less the returned fee. */
  readonly payee: bigint
}

// ---------------------------------------------------------------- operations

/**
 * The merchant fee on a gross amount: `merchantFeeRate` percent (absent: no fee), rounded
 * half-even once, so over many payments neither the platform nor the merchants gain from rounding.
 */
export const merchantFeeOf = (grossMinor: bigint, merchantFeeRate: string | undefined): bigint => {
  if (merchantFeeRate === undefined) return 0n
  const fee = percentOfMinor(grossMinor, merchantFeeRate, 'halfEven')
  assert(fee >= 0n && fee <= grossMinor, 'merchant fee out of range')
  return fee
}

/**
 * The entry of a capture: the payer is debited what they are charged, the budget the discount,
 * the payee is credited the gross less the fee, the fees account the fee. Zero legs are dropped,
 * so account events find their legs with `legsOf`, never by position.
 */
export const captureEntry = (
  entryId: string,
  parties: PaymentParties,
  asset: Money,
  amounts: CaptureAmounts,
): JournalEntry => {
  const { gross, discount, fee } = amounts
  assert(discount >= 0n && discount < gross, 'captureEntry: discount out of range')
  assert(fee >= 0n && fee <= gross, 'captureEntry: fee out of range')
  assert(
    discount === 0n || parties.promotionId !== undefined,
    'captureEntry: discount without a promotion',
  )
  const of = (minor: bigint): Money => ({ ...asset, minor })
  const postings: Posting[] = [
    { account: parties.payer, amount: of(gross - discount), direction: 'debit' },
    { account: parties.payee, amount: of(gross - fee), direction: 'credit' },
    { account: SYSTEM_ACCOUNTS.fees, amount: of(fee), direction: 'credit' },
  ]
  if (parties.promotionId !== undefined) {
    postings.splice(1, 0, {
      account: promotionBudgetAccount(parties.promotionId),
      amount: of(discount),
      direction: 'debit',
    })
  }
  return buildJournalEntry(entryId, postings)
}

/**
 * Splits a refund of `gross` after `refundedBefore` was already refunded. Each part is the
 * difference of cumulative largest-remainder splits of the refunded total, so however a captured
 * amount is refunded (at once or in any number of parts), the payer's parts sum exactly to what
 * they were charged, the budget's to the discount, and the fee's to the fee: no minor unit is
 * created or lost, and rounding never drifts over many partial refunds. A dispute's refund is split
 * the same way (dispute/resolution.ts), so `refundedBefore` counts the payment's refunds and its
 * disputes' refunds alike, in the order they happened.
 */
export const refundShares = (
  captured: CaptureAmounts,
  refundedBefore: bigint,
  gross: bigint,
): RefundShares => {
  const after = refundedBefore + gross
  assert(gross > 0n, 'refundShares: refund not positive')
  assert(
    refundedBefore >= 0n && after <= captured.gross,
    'refundShares: refunds above the captured amount',
  )
  const payer = payerShareOf(captured, after) - payerShareOf(captured, refundedBefore)
  const fee = feeShareOf(captured, after) - feeShareOf(captured, refundedBefore)
  const shares = { gross, payer, budget: gross - payer, fee, payee: gross - fee }
  assert(shares.payer >= 0n && shares.budget >= 0n, 'refundShares: negative payer or budget share')
  assert(shares.fee >= 0n && shares.payee >= 0n, 'refundShares: negative fee or payee share')
  return shares
}

/**
 * The entry of a refund: the payee and the fees account are debited, the payer and the promotion's
 * budget credited, by `refundShares`.
 */
export const refundEntry = (
  entryId: string,
  parties: PaymentParties,
  asset: Money,
  shares: RefundShares,
): JournalEntry => {
  assert(
    shares.budget === 0n || parties.promotionId !== undefined,
    'refundEntry: budget share without a promotion',
  )
  const of = (minor: bigint): Money => ({ ...asset, minor })
  const postings: Posting[] = [
    { account: parties.payee, amount: of(shares.payee), direction: 'debit' },
    { account: SYSTEM_ACCOUNTS.fees, amount: of(shares.fee), direction: 'debit' },
    { account: parties.payer, amount: of(shares.payer), direction: 'credit' },
  ]
  if (parties.promotionId !== undefined) {
    postings.push({
      account: promotionBudgetAccount(parties.promotionId),
      amount: of(shares.budget),
      direction: 'credit',
    })
  }
  return buildJournalEntry(entryId, postings)
}

// ---------------------------------------------------------------- helpers

// The payer's cumulative share of `refunded`: largest remainder between what they were charged and
// the discount; at `refunded = gross` it is exactly what they were charged.
const payerShareOf = (captured: CaptureAmounts, refunded: bigint): bigint => {
  const [payer = 0n] = splitByLargestRemainder(refunded, [
    captured.gross - captured.discount,
    captured.discount,
  ])
  return payer
}

// The fee's cumulative share of `refunded`: largest remainder between the fee and the payee's part;
// at `refunded = gross` it is exactly the fee.
const feeShareOf = (captured: CaptureAmounts, refunded: bigint): bigint => {
  const [fee = 0n] = splitByLargestRemainder(refunded, [
    captured.fee,
    captured.gross - captured.fee,
  ])
  return fee
}
