// What `recover()` reads from the open-workflows projection: each unfinished workflow with the legs
// no account has booked and the holds not where its decision wants them, and the orphan holds.
import type { JournalLeg } from '../journal/journal.js'
import type { WorkflowRef } from './bookings.js'
import type { HoldIntent, OpenHoldFact, OpenWorkflowsState } from './openWorkflows.js'

// ---------------------------------------------------------------- types

/** A leg no account has booked yet: the journal leg, its entry and its index. */
export type MissingLeg = JournalLeg & {
  readonly entryId: string
  readonly leg: number
}

/**
 * A workflow's hold that is not where the decision wants it: `isPlaced` false means no account
 * recorded it (place it, or for `capture` place and capture it); `release` with `isPlaced` means
 * release it; `capture` with `isPlaced` means capture it by the workflow's missing leg.
 */
export type PendingHold = {
  readonly accountId: string
  readonly holdId: string
  readonly intent: HoldIntent
  readonly isPlaced: boolean
}

/** An unfinished workflow, by stream. */
export type OpenWorkflow = {
  readonly kind: WorkflowRef['kind']
  readonly id: string
  readonly stream: string
  readonly entryIds: readonly string[]
  readonly missingLegs: readonly MissingLeg[]
  readonly pendingHolds: readonly PendingHold[]
  /** The global position at which the oldest open item was seen (decimal string). */
  readonly since: string
}

/** A hold no workflow names. `position` is a decimal string. */
export type OrphanHold = Omit<OpenHoldFact, 'position'> & { readonly position: string }

/**
 * What `recover()` must look at, oldest first. `unrecordedEntries` are entry ids that account or
 * promotion events cite but no workflow event has recorded (yet): nothing to finish; a promotion's
 * `DiscountApplied` among them (a step-by-step payment whose decision was lost) is for recover()
 * to void, and leaves this list when its `DiscountVoided` is read.
 */
export type OpenWorkflows = {
  readonly workflows: readonly OpenWorkflow[]
  readonly orphanHolds: readonly OrphanHold[]
  readonly unrecordedEntries: readonly string[]
}

// ---------------------------------------------------------------- queries

/**
 * How the engine names the holds it takes for one debit leg before recording the decision (the
 * step-by-step executor's reserve holds): the entry and leg a hold id stands for, else `undefined`.
 */
export type ReserveNaming = (
  holdId: string,
) => { readonly entryId: string; readonly leg: number } | undefined

/**
 * Every unfinished workflow and every orphan hold, oldest first. With `reserveOf`, a hold taken for
 * a leg of a recorded entry that is still missing is listed with that entry's workflow as a hold
 * to `capture`, not as an orphan; before its entry is recorded it is an orphan (no decision yet).
 */
export const openWorkflows = (
  state: OpenWorkflowsState,
  options: { readonly reserveOf?: ReserveNaming } = {},
): OpenWorkflows => {
  const byStream = new Map<string, { workflow: WorkflowRef; open: MutableOpen }>()
  const openOf = (workflow: WorkflowRef, position: bigint): MutableOpen => {
    const found = byStream.get(workflow.stream)
    const open = found?.open ?? { entryIds: [], missingLegs: [], pendingHolds: [], since: position }
    if (found === undefined) byStream.set(workflow.stream, { workflow, open })
    if (position < open.since) open.since = position
    return open
  }
  addMissingLegs(state, openOf)
  addPendingHolds(state, openOf)
  const orphanHolds = orphansOf(state, openOf, options.reserveOf)
  const workflows = [...byStream.values()]
    .sort((a, b) => compareBigint(a.open.since, b.open.since))
    .map(({ workflow, open }) => ({ ...workflow, ...open, since: open.since.toString() }))
  return { workflows, orphanHolds, unrecordedEntries: [...state.early.keys()].sort() }
}

// ---------------------------------------------------------------- helpers

type MutableOpen = {
  entryIds: string[]
  missingLegs: MissingLeg[]
  pendingHolds: PendingHold[]
  since: bigint
}

const compareBigint = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0)

type OpenOf = (workflow: WorkflowRef, position: bigint) => MutableOpen

const addMissingLegs = (state: OpenWorkflowsState, openOf: OpenOf): void => {
  for (const { workflow, entry, booked, position } of state.entries.values()) {
    const open = openOf(workflow, position)
    open.entryIds.push(entry.entryId)
    entry.legs.forEach((leg, index) => {
      if (!booked.has(index)) open.missingLegs.push({ ...leg, entryId: entry.entryId, leg: index })
    })
  }
}

// A kept hold that is placed is where it should be; every other claim needs a step.
const addPendingHolds = (state: OpenWorkflowsState, openOf: OpenOf): void => {
  for (const [key, claim] of state.claims) {
    const isPlaced = state.holds.has(key)
    if (claim.intent === 'keep' && isPlaced) continue
    const { accountId, holdId, intent } = claim
    openOf(claim.workflow, claim.position).pendingHolds.push({
      accountId,
      holdId,
      intent,
      isPlaced,
    })
  }
}

// Open holds no workflow names, except reserve holds of a recorded entry's missing leg.
const orphansOf = (
  state: OpenWorkflowsState,
  openOf: OpenOf,
  reserveOf: ReserveNaming | undefined,
): OrphanHold[] => {
  const orphans: OrphanHold[] = []
  for (const [key, hold] of state.holds) {
    if (state.claims.has(key)) continue
    const reserve = reserveOf?.(hold.holdId)
    const open = reserve === undefined ? undefined : state.entries.get(reserve.entryId)
    if (reserve !== undefined && open !== undefined && !open.booked.has(reserve.leg)) {
      const { accountId, holdId } = hold
      const pending = { accountId, holdId, intent: 'capture' as const, isPlaced: true }
      openOf(open.workflow, open.position).pendingHolds.push(pending)
      continue
    }
    orphans.push({ ...hold, position: hold.position.toString() })
  }
  return orphans.sort((a, b) => compareBigint(BigInt(a.position), BigInt(b.position)))
}
