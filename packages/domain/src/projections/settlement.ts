// The merchant-settlement projection: per merchant account and asset, what its payments brought in
// and what went back out. Figures come from the workflow events and their journal entries, so they
// hold whether or not every account leg has been booked yet.
//   grossCaptured     the gross amounts of captured payments (discounts included)
//   fees              merchant fees kept by the platform, net of the fee shares that refunds and
//                     disputes gave back
//   refunds           the gross amounts refunded
//   disputesRefunded  what resolved disputes took back from the merchant, gross: captured from its
//                     hold, plus the fee share the platform gave back (as `refunds` counts it)
//   disputesCovered   what the platform paid payers for it (it is owed as a receivable)
//   net               what the merchant's account received: the sum of its legs in these entries,
//                     asserted equal to grossCaptured - fees - refunds - disputesRefunded
import { assert } from '../assert.js'
import type { JournalEntry } from '../journal/journal.js'
import { legsOf, signedLegMinor } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS } from '../journal/systemAccounts.js'
import { formatMinor, formatSignedMinor, moneyFromCanonical } from '../money/money.js'
import type { LedgerEvent, Projection, ProjectionInput } from './projection.js'
import { ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- types

/** One merchant's figures in one asset, in minor units. */
export type SettlementTotals = {
  readonly scale: number
  readonly grossCaptured: bigint
  readonly fees: bigint
  readonly refunds: bigint
  readonly disputesRefunded: bigint
  readonly disputesCovered: bigint
  readonly net: bigint
}

/** One merchant's figures in one asset, JSON-safe (canonical strings; `net` may be negative). */
export type SettlementView = {
  readonly grossCaptured: string
  readonly fees: string
  readonly refunds: string
  readonly disputesRefunded: string
  readonly disputesCovered: string
  readonly net: string
}

/** The state of the settlement projection (owned by the runner, see `Projection`). */
export type SettlementState = {
  /** Merchant account ids (from `AccountOpened`). */
  readonly merchants: Set<string>
  /** Each merchant payment's payee, by payment id (only payments to merchants). */
  readonly payments: Map<string, string>
  /** Each undecided dispute's merchant, by dispute id (only disputes of merchant payments). */
  readonly disputes: Map<string, string>
  /** Figures by merchant, then asset. */
  readonly totals: Map<string, Map<string, SettlementTotals>>
}

// ---------------------------------------------------------------- the projection

/** A fresh, empty settlement state. */
export const initialSettlementState = (): SettlementState => ({
  merchants: new Set(),
  payments: new Map(),
  disputes: new Map(),
  totals: new Map(),
})

/** Applies one event; updates `state` in place (the runner owns it) and returns it. */
export const applySettlement = (
  state: SettlementState,
  input: ProjectionInput,
): SettlementState => {
  const event = ledgerEventOf(input.event)
  if (event === undefined) return state
  switch (event.type) {
    case 'AccountOpened':
      if (event.data.kind === 'merchant') state.merchants.add(event.data.accountId)
      return state
    case 'PaymentAuthorized':
      rememberPayment(state, event.data.paymentId, event.data.request.payee)
      return state
    case 'PaymentCaptured':
      if (event.data.request !== undefined) {
        rememberPayment(state, event.data.paymentId, event.data.request.payee)
      }
      return captured(state, event)
    case 'PaymentRefunded':
      return refunded(state, event)
    case 'DisputeOpened': {
      const merchant = state.payments.get(event.data.paymentId)
      if (merchant !== undefined) state.disputes.set(event.data.disputeId, merchant)
      return state
    }
    case 'DisputeResolved':
      return disputeResolved(state, event)
    default:
      return state
  }
}

/** The merchant-settlement projection, for core's runner. */
export const settlementProjection: Projection<SettlementState> = {
  name: 'settlement',
  initialState: initialSettlementState,
  apply: applySettlement,
}

// ---------------------------------------------------------------- queries

/** A merchant's figures per asset (an account with no merchant payments has none). */
export const merchantSettlement = (
  state: SettlementState,
  merchantId: string,
): Record<string, SettlementView> => {
  const result: Record<string, SettlementView> = {}
  const byAsset = state.totals.get(merchantId)
  if (byAsset === undefined) return result
  for (const [asset, totals] of [...byAsset].sort(([a], [b]) => (a < b ? -1 : 1))) {
    result[asset] = settlementView(totals)
  }
  return result
}

/** Every merchant's figures, by merchant id then asset. */
export const merchantSettlements = (
  state: SettlementState,
): Record<string, Record<string, SettlementView>> => {
  const result: Record<string, Record<string, SettlementView>> = {}
  for (const merchantId of [...state.totals.keys()].sort()) {
    result[merchantId] = merchantSettlement(state, merchantId)
  }
  return result
}

// ---------------------------------------------------------------- helpers

type EventOf<Type extends LedgerEvent['type']> = Extract<LedgerEvent, { type: Type }>

const captured = (state: SettlementState, event: EventOf<'PaymentCaptured'>): SettlementState => {
  const { paymentId, amount, fee, entry } = event.data
  const merchant = state.payments.get(paymentId)
  if (merchant === undefined) return state
  const { asset, minor: gross } = moneyOf(entry, amount)
  const feeMinor = fee === undefined ? 0n : moneyFromCanonical(asset, fee).minor
  add(state, merchant, entry, { grossCaptured: gross, fees: feeMinor })
  return state
}

// A refund takes its gross back and returns the fee's share (the fees account's debit legs).
const refunded = (state: SettlementState, event: EventOf<'PaymentRefunded'>): SettlementState => {
  const { paymentId, amount, entry } = event.data
  const merchant = state.payments.get(paymentId)
  if (merchant === undefined) return state
  const feeLegs = legsOf(entry, SYSTEM_ACCOUNTS.fees)
  const feeReturned = feeLegs.reduce((sum, { leg }) => sum - signedLegMinor(leg), 0n)
  const { minor: gross } = moneyOf(entry, amount)
  add(state, merchant, entry, { refunds: gross, fees: -feeReturned })
  return state
}

// The merchant pays what its hold gave, and gives back the fee's share it was charged; the platform
// covers the rest of the merchant's part (the receivables' debit legs).
const disputeResolved = (
  state: SettlementState,
  event: EventOf<'DisputeResolved'>,
): SettlementState => {
  const { disputeId, asset, entry } = event.data
  const merchant = state.disputes.get(disputeId)
  state.disputes.delete(disputeId)
  if (merchant === undefined || entry === undefined) return state
  const fromHold = moneyFromCanonical(asset, event.data.captured).minor
  const debited = (account: string) =>
    legsOf(entry, account).reduce((sum, { leg }) => sum - signedLegMinor(leg), 0n)
  const feeReturned = debited(SYSTEM_ACCOUNTS.fees)
  const covered = debited(SYSTEM_ACCOUNTS.receivables)
  add(state, merchant, entry, {
    disputesRefunded: fromHold + feeReturned,
    disputesCovered: covered,
    fees: -feeReturned,
  })
  return state
}

type Change = Partial<Omit<SettlementTotals, 'scale' | 'net'>>

const rememberPayment = (state: SettlementState, paymentId: string, payee: string): void => {
  if (state.merchants.has(payee)) state.payments.set(paymentId, payee)
}

// The amount in the entry's asset (every leg is in one asset). The entry need not touch the
// merchant: a fee rate stored before rates were bounded could take a whole small payment, leaving
// no payee leg (the audit reports that rate as `rate_out_of_range`); its net is then zero.
const moneyOf = (entry: JournalEntry, amount: string) => {
  const asset = entry.legs[0]?.asset
  assert(asset !== undefined, `entry ${entry.entryId} has no legs`)
  assert(
    entry.legs.every((leg) => leg.asset === asset),
    `entry ${entry.entryId}: several assets`,
  )
  return moneyFromCanonical(asset, amount)
}

// A dispute's entry may not touch the merchant at all (nothing held, or all of the refund the fee's
// share), so the asset and scale come from the entry's first leg: every leg is in one asset.
const add = (
  state: SettlementState,
  merchant: string,
  entry: JournalEntry,
  change: Change,
): void => {
  const legs = legsOf(entry, merchant)
  const first = entry.legs[0]
  assert(first !== undefined, `entry ${entry.entryId} has no legs`)
  assert(
    entry.legs.every((leg) => leg.asset === first.asset),
    `entry ${entry.entryId}: several assets`,
  )
  const { asset, scale } = moneyFromCanonical(first.asset, first.amount)
  const byAsset = state.totals.get(merchant) ?? new Map<string, SettlementTotals>()
  state.totals.set(merchant, byAsset)
  const before = byAsset.get(asset) ?? emptyTotals(scale)
  assert(before.scale === scale, `${merchant} ${asset}: scale ${scale}, was ${before.scale}`)
  const after: SettlementTotals = {
    scale,
    grossCaptured: before.grossCaptured + (change.grossCaptured ?? 0n),
    fees: before.fees + (change.fees ?? 0n),
    refunds: before.refunds + (change.refunds ?? 0n),
    disputesRefunded: before.disputesRefunded + (change.disputesRefunded ?? 0n),
    disputesCovered: before.disputesCovered + (change.disputesCovered ?? 0n),
    net: before.net + legs.reduce((sum, { leg }) => sum + signedLegMinor(leg), 0n),
  }
  const expected = after.grossCaptured - after.fees - after.refunds - after.disputesRefunded
  assert(after.net === expected, `${merchant} ${asset}: net ${after.net}, figures say ${expected}`)
  byAsset.set(asset, after)
}

const emptyTotals = (scale: number): SettlementTotals => ({
  scale,
  grossCaptured: 0n,
  fees: 0n,
  refunds: 0n,
  disputesRefunded: 0n,
  disputesCovered: 0n,
  net: 0n,
})

const settlementView = (totals: SettlementTotals): SettlementView => ({
  grossCaptured: formatMinor(totals.grossCaptured, totals.scale),
  fees: formatSignedMinor(totals.fees, totals.scale),
  refunds: formatMinor(totals.refunds, totals.scale),
  disputesRefunded: formatMinor(totals.disputesRefunded, totals.scale),
  disputesCovered: formatMinor(totals.disputesCovered, totals.scale),
  net: formatSignedMinor(totals.net, totals.scale),
})
