// A promotion's budget on the step-by-step executor and in recover(). A budget debit
// (DiscountApplied) is appended before the workflow's decision: it is the step most likely to clash
// on a shared budget, and a clash must come before anything is recorded; when the decision is then
// not recorded (its own append clashed, or a crash), the debit is voided (VoidDiscount), by the
// executor at once or by recover() later. A budget credit (DiscountReturned) cannot fail, so it is
// a posting made after the decision, which recover() finishes when it was lost.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '@wallet-ledger/domain'
import type { JournalEntry, PromotionCommand } from '@wallet-ledger/domain'
import { commitOne } from '../../engine/commit.js'
import type { Write } from '../../engine/commit.js'
import type { CommitMetadata } from '../../ports/eventStore.js'
import type { LedgerContext } from '../../ledger/context.js'
import type { LedgerError } from '../../ledger/types.js'
import { decideWrite } from '../shared/common.js'
import { withStepRetries } from '../execution/stepRetries.js'

// ---------------------------------------------------------------- types

/** A recorded DiscountApplied: its promotion, its payment and the entry it cites. */
export type AppliedDiscount = {
  readonly promotionId: string
  readonly paymentId: string
  readonly entryId: string
}

/** A journal entry as its workflow event recorded it, with that event's type and data. */
export type RecordedWorkflowEntry = {
  readonly type: string
  readonly data: Record<string, unknown>
  readonly entry: JournalEntry
}

// ---------------------------------------------------------------- operations

/** Whether a write debits a promotion's budget (it records a DiscountApplied). */
export const isBudgetDebit = (context: LedgerContext, write: Write): boolean =>
  write.definition === context.definitions.promotion &&
  write.events.some((event) => event.type === 'DiscountApplied')

/** Whether a write only credits a promotion's budget (DiscountReturned, nothing else). */
export const isBudgetCredit = (context: LedgerContext, write: Write): boolean =>
  write.definition === context.definitions.promotion &&
  write.events.length > 0 &&
  write.events.every((event) => event.type === 'DiscountReturned')

/** The discounts that writes applied, to void when their decision is not recorded. */
export const appliedDiscountsOf = (writes: readonly Write[]): AppliedDiscount[] =>
  writes.flatMap((write) =>
    write.events.flatMap((event) => {
      if (event.type !== 'DiscountApplied') return []
      const { promotionId, paymentId, entryId } = event.data as Record<string, unknown>
      assert(
        typeof promotionId === 'string' &&
          typeof paymentId === 'string' &&
          typeof entryId === 'string',
        'DiscountApplied without its promotion, payment or entry id',
      )
      return [{ promotionId, paymentId, entryId }]
    }),
  )

/**
 * Voids a discount whose payment did not record its entry; true when a DiscountVoided was
 * appended (false: already voided, or the payment is captured after all, by a retry that found
 * this discount applied and recorded the entry citing it). Retried on a clash.
 */
export const voidDiscount = async (
  context: LedgerContext,
  discount: AppliedDiscount,
  metadata: CommitMetadata,
): Promise<boolean> => {
  const { state } = await context.repository.load(context.definitions.payment, discount.paymentId)
  // A payment records one capture entry, the one its discount cites: captured means recorded.
  if (state.status === 'completed' || state.status === 'partially_refunded') return false
  if (state.status === 'refunded') return false
  const at = context.clock().toISOString()
  const command = { type: 'VoidDiscount', ...discount, at } as PromotionCommand
  let appended = 0
  await withStepRetries(async () => {
    const decided = await commitPromotionStep(context, command, metadata)
    assert(decided._tag === 'Right', `VoidDiscount refused: ${messageOf(decided)}`)
    appended = decided.right
  })
  return appended > 0
}

/**
 * Appends the budget credits of a recorded decision, each command decided again against the
 * promotion's fresh state and retried on a clash. A credit cannot be refused once its workflow is
 * recorded (refunds never return more than the discount): a refusal is a broken invariant.
 */
export const postPromotionSteps = async (
  context: LedgerContext,
  writes: readonly Write[],
  metadata: CommitMetadata,
): Promise<void> => {
  for (const write of writes) {
    assert(write.commands !== undefined, `budget credit on ${write.stream} without its command`)
    for (const command of write.commands) {
      await withStepRetries(async () => {
        const decided = await commitPromotionStep(context, command as PromotionCommand, metadata)
        assert(decided._tag === 'Right', `a budget credit was refused: ${messageOf(decided)}`)
      })
    }
  }
}

/**
 * Books the promotion's side of a recorded entry whose promotion write was lost: the discount of
 * a captured payment (ApplyDiscount), or the budget's share of a payment's or a dispute's refund
 * (ReturnDiscount). A discount the promotion refuses now (its budget went to others since it was
 * voided) stays unbooked: recover() cannot move money the promotion no longer has.
 */
export const finishPromotionLeg = async (
  context: LedgerContext,
  recorded: RecordedWorkflowEntry,
  at: string,
): Promise<void> => {
  const command = await promotionCommandOf(context, recorded, at)
  if (command === undefined) return
  await withStepRetries(async () => {
    const decided = await commitPromotionStep(context, command, { actor: 'recover' })
    assert(
      decided._tag === 'Right' || command.type === 'ApplyDiscount',
      `a budget credit was refused: ${messageOf(decided)}`,
    )
  })
}

// ---------------------------------------------------------------- helpers

/** Decides one command on its promotion's fresh state and appends it; right: events appended. */
const commitPromotionStep = async (
  context: LedgerContext,
  command: PromotionCommand,
  metadata: CommitMetadata,
): Promise<Either<LedgerError, number>> => {
  const definition = context.definitions.promotion
  const loaded = await context.repository.load(definition, command.promotionId)
  const write = decideWrite(definition, definition.stream(command.promotionId), loaded, command)
  if (write._tag === 'Left') return left(write.left)
  await commitOne(context.store, context.repository, write.right, metadata)
  return right(write.right.events.length)
}

/** The promotion command that books the budget leg of a recorded entry, if it has one. */
const promotionCommandOf = async (
  context: LedgerContext,
  recorded: RecordedWorkflowEntry,
  at: string,
): Promise<PromotionCommand | undefined> => {
  const { entry, data } = recorded
  if (recorded.type === 'DisputeResolved') {
    const disputeId = String(data['disputeId'])
    const { state } = await context.repository.load(context.definitions.dispute, disputeId)
    if (state.status === 'not_opened' || state.payment.promotionId === undefined) return undefined
    const { paymentId, payment } = state
    const returned = { promotionId: payment.promotionId, paymentId, entry, at }
    return { type: 'ReturnDiscount', ...returned } as PromotionCommand
  }
  const paymentId = data['paymentId']
  if (typeof paymentId !== 'string') return undefined
  const { state } = await context.repository.load(context.definitions.payment, paymentId)
  if (state.status === 'not_requested' || state.request.promotionId === undefined) return undefined
  const { promotionId, payer } = state.request
  if (recorded.type === 'PaymentRefunded')
    return { type: 'ReturnDiscount', promotionId, paymentId, entry, at } as PromotionCommand
  if (recorded.type !== 'PaymentCaptured') return undefined
  const applied = { promotionId, paymentId, accountId: payer, amount: data['amount'], entry, at }
  return { type: 'ApplyDiscount', ...applied } as PromotionCommand
}

const messageOf = (decided: Either<LedgerError, unknown>): string =>
  decided._tag === 'Left' ? `${decided.left.code}: ${decided.left.message}` : ''
