// recover(): finishes or reverses every workflow a crash left half done. It folds the log once
// (the open-workflows view: recorded entries, the legs cited so far, the holds still open, the
// discounts applied and not voided), then
//   - finishes: posts every leg of a recorded entry that no account event cites yet, capturing the
//     reserve or workflow hold that was taken for it where there is one, and books the budget leg
//     of a payment's or a dispute's refund (or a captured payment's discount) on its promotion;
//   - reverses: releases holds whose workflow never recorded its decision, releases holds a
//     finished workflow no longer needs (a cancelled authorization whose release was lost), and
//     voids discounts whose payment never recorded the entry they cite (step by step, the budget
//     is debited before the payment's decision).
// Every step is idempotent, so recover() can itself crash and run again.
import type { AccountCommand, JournalEntry } from '@wallet-ledger/domain'
import { isDisputeActive } from '@wallet-ledger/domain'
import { ownDefinitionOf } from '../../engine/definitions.js'
import { decodeStoredEvent } from '../../engine/repository.js'
import { iterateAll } from '../../store/paging.js'
import type { LedgerContext } from '../../ledger/context.js'
import { isAccountStreamLeg } from '../shared/accountWrites.js'
import { finishPromotionLeg, voidDiscount } from '../promotion/promotionSteps.js'
import type { AppliedDiscount } from '../promotion/promotionSteps.js'
import { releaseIfOpen } from '../execution/releaseIfOpen.js'
import { postAccountSteps } from '../execution/stepwise.js'
import { holdOwnerOf, reserveOf } from '../shared/ids.js'
import type { HoldingWorkflow } from '../shared/ids.js'

// ---------------------------------------------------------------- types

type RecordedEntry = {
  readonly stream: string
  readonly type: string
  readonly data: Record<string, unknown>
  readonly entry: JournalEntry
}
type OpenHold = { readonly accountId: string; readonly holdId: string }

/** The unfinished state of the ledger, folded from the log. */
export type LedgerScan = {
  readonly entries: Map<string, RecordedEntry>
  /** `entryId#leg` of every leg an account or promotion event cites. */
  readonly cited: Set<string>
  /** Open holds by `accountId|holdId`. */
  readonly openHolds: Map<string, OpenHold>
  /** Discounts applied and not voided, by the `entryId#leg` they cite. */
  readonly discounts: Map<string, AppliedDiscount>
}

const legKey = (entryId: string, leg: number): string => `${entryId}#${leg}`
const holdKey = (accountId: string, holdId: string): string => `${accountId}|${holdId}`

// ---------------------------------------------------------------- scan

/** Folds the whole log into what recover() needs, one page at a time. */
export const scanLedger = async (context: LedgerContext): Promise<LedgerScan> => {
  const scan: LedgerScan = {
    entries: new Map(),
    cited: new Set(),
    openHolds: new Map(),
    discounts: new Map(),
  }
  for await (const stored of iterateAll(context.store)) {
    const definition = ownDefinitionOf(context.definitions, stored.stream)
    if (definition === undefined) continue
    const event = decodeStoredEvent(definition, stored) as {
      type: string
      data: Record<string, unknown>
    }
    noteEvent(scan, stored.stream, event)
  }
  return scan
}

const noteEvent = (
  scan: LedgerScan,
  stream: string,
  event: { type: string; data: Record<string, unknown> },
): void => {
  const data = event.data
  const entry = data['entry'] as JournalEntry | undefined
  if (entry !== undefined)
    scan.entries.set(entry.entryId, { stream, type: event.type, data, entry })
  if (event.type === 'PromotionCreated' && entry !== undefined) {
    entry.legs.forEach(
      (leg, index) =>
        !isAccountStreamLeg(leg.account) && scan.cited.add(legKey(entry.entryId, index)),
    )
  }
  const entryId = data['entryId']
  const leg = data['leg']
  if (typeof entryId === 'string' && typeof leg === 'number')
    noteCitation(scan, event, entryId, leg)
  const accountId = data['accountId']
  const holdId = data['holdId']
  if (typeof accountId !== 'string' || typeof holdId !== 'string') return
  if (event.type === 'FundsHeld')
    scan.openHolds.set(holdKey(accountId, holdId), { accountId, holdId })
  if (event.type === 'HoldCaptured' || event.type === 'HoldReleased')
    scan.openHolds.delete(holdKey(accountId, holdId))
}

// A DiscountVoided names the citation it withdraws: that leg is no longer cited, nor the discount
// applied.
const noteCitation = (
  scan: LedgerScan,
  event: { type: string; data: Record<string, unknown> },
  entryId: string,
  leg: number,
): void => {
  const key = legKey(entryId, leg)
  if (event.type === 'DiscountVoided') {
    scan.cited.delete(key)
    scan.discounts.delete(key)
    return
  }
  scan.cited.add(key)
  if (event.type !== 'DiscountApplied') return
  const promotionId = String(event.data['promotionId'])
  const paymentId = String(event.data['paymentId'])
  scan.discounts.set(key, { promotionId, paymentId, entryId })
}

// ---------------------------------------------------------------- finish

/** The account command that posts an uncited leg, taking it from a hold where one was taken. */
const postingOf = (
  scan: LedgerScan,
  entry: JournalEntry,
  index: number,
  at: string,
): AccountCommand => {
  const leg = entry.legs[index]
  if (leg === undefined) throw new Error('unreachable: leg index out of range')
  const cited = {
    accountId: leg.account,
    operationId: legKey(entry.entryId, index),
    entryId: entry.entryId,
    leg: index,
    at,
  }
  if (leg.direction === 'credit')
    return { type: 'CreditFunds', ...cited, asset: leg.asset, amount: leg.amount } as AccountCommand
  const holdId = holdForDebit(scan, entry.entryId, index, leg.account)
  return holdId === undefined
    ? ({
        type: 'DebitFunds',
        ...cited,
        asset: leg.asset,
        amount: leg.amount,
        initiatedBy: 'platform',
      } as AccountCommand)
    : ({
        type: 'CaptureHold',
        ...cited,
        holdId,
        amount: leg.amount,
        initiatedBy: 'platform',
      } as AccountCommand)
}

/** The reserve hold of this leg, else the open hold of the entry's own workflow on the account. */
const holdForDebit = (
  scan: LedgerScan,
  entryId: string,
  index: number,
  accountId: string,
): string | undefined => {
  for (const hold of scan.openHolds.values()) {
    if (hold.accountId !== accountId) continue
    const reserve = reserveOf(hold.holdId)
    if (reserve !== undefined && reserve.entryId === entryId && reserve.leg === index)
      return hold.holdId
  }
  for (const hold of scan.openHolds.values()) {
    const owner = holdOwnerOf(hold.holdId)
    if (
      hold.accountId === accountId &&
      owner !== undefined &&
      entryId.startsWith(`${owner.kind}:${owner.id}:`)
    )
      return hold.holdId
  }
  return undefined
}

const finishEntries = async (context: LedgerContext, scan: LedgerScan): Promise<number> => {
  let finished = 0
  const at = context.clock().toISOString()
  for (const recorded of scan.entries.values()) {
    const { entry } = recorded
    const missing = entry.legs.flatMap((leg, index) =>
      scan.cited.has(legKey(entry.entryId, index)) ? [] : [{ leg, index }],
    )
    if (missing.length === 0) continue
    const accountLegs = missing.filter(({ leg }) => isAccountStreamLeg(leg.account))
    await postAccountSteps(
      context,
      accountLegs.map(({ index }) => postingOf(scan, entry, index, at)),
      { actor: 'recover' },
    )
    if (accountLegs.length < missing.length) await finishPromotionLeg(context, recorded, at)
    finished += 1
  }
  return finished
}

// ---------------------------------------------------------------- reverse

/** Whether the workflow owning a hold still needs it; undefined when the workflow never decided. */
const stillNeeded = async (
  context: LedgerContext,
  kind: HoldingWorkflow,
  id: string,
): Promise<boolean | undefined> => {
  const { definitions, repository } = context
  if (kind === 'payment') {
    const { state } = await repository.load(definitions.payment, id)
    return state.status === 'not_requested' ? undefined : state.status === 'authorized'
  }
  if (kind === 'withdrawal') {
    const { state } = await repository.load(definitions.withdrawal, id)
    if (state.status === 'not_requested') return undefined
    return (
      state.status === 'requested' || state.status === 'verified' || state.status === 'submitted'
    )
  }
  const { state } = await repository.load(definitions.dispute, id)
  return state.status === 'not_opened' ? undefined : isDisputeActive(state)
}

const releaseHolds = async (
  context: LedgerContext,
  scan: LedgerScan,
): Promise<{ finished: number; reversed: number }> => {
  let finished = 0
  let reversed = 0
  const at = context.clock().toISOString()
  for (const hold of scan.openHolds.values()) {
    // A step-by-step command of this ledger between its reserve and its decision: not a leftover.
    if (context.inFlight.hasHold(hold.accountId, hold.holdId)) continue
    const reserve = reserveOf(hold.holdId)
    const owner = holdOwnerOf(hold.holdId)
    const needed =
      reserve !== undefined
        ? scan.entries.has(reserve.entryId)
          ? false
          : undefined
        : owner === undefined
          ? true
          : await stillNeeded(context, owner.kind, owner.id)
    if (needed === true) continue
    // Live traffic may have closed it since the scan (a capture, a cancel): then nothing to do.
    if (!(await releaseIfOpen(context, hold, at))) continue
    if (needed === undefined) reversed += 1
    else finished += 1
  }
  return { finished, reversed }
}

/** Voids every discount applied for an entry no workflow recorded (its payment's decision lost). */
const voidUnrecorded = async (context: LedgerContext, scan: LedgerScan): Promise<number> => {
  let reversed = 0
  for (const discount of scan.discounts.values()) {
    if (scan.entries.has(discount.entryId) || context.inFlight.hasEntry(discount.entryId)) continue
    if (await voidDiscount(context, discount, { actor: 'recover' })) reversed += 1
  }
  return reversed
}

// ---------------------------------------------------------------- recover

/** Finishes or reverses every unfinished workflow; safe to run at any time, and again. */
export const recoverWorkflows = async (
  context: LedgerContext,
): Promise<{ finished: number; reversed: number }> => {
  const finished = await finishEntries(context, await scanLedger(context))
  const scan = await scanLedger(context)
  const released = await releaseHolds(context, scan)
  const voided = await voidUnrecorded(context, scan)
  return { finished: finished + released.finished, reversed: released.reversed + voided }
}
