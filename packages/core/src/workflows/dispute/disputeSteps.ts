// What a dispute's events do to the accounts: the hold on the payee at opening, and at the outcome
// either the refund's legs (the payee's hold captured first, then the platform's cover; the fee's
// share debited from the fees account, platform-initiated; the budget's share booked by the
// promotion) or the hold released. Also the planner every step on an existing dispute shares.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  assert,
  disputeView,
  isDisputeActive,
  legsOf,
  promotionBudgetAccount,
} from '@wallet-ledger/domain'
import type {
  AccountCommand,
  DisputeCommand,
  DisputeEvent,
  DisputeState,
  OpenedDisputeState,
  PromotionCommand,
} from '@wallet-ledger/domain'
import type { Write } from '../../engine/commit.js'
import type { LedgerContext } from '../../ledger/context.js'
import type { DisputeView, LedgerError } from '../../ledger/types.js'
import { decideAccountWrites, legCommands, stepCommand } from '../shared/accountWrites.js'
import { decideWrite } from '../shared/common.js'
import type { Plan } from '../execution/run.js'
import { disputeNotFound } from '../../ledger/notFound.js'

// ---------------------------------------------------------------- operations

/** The public view of an opened dispute. */
export const viewOfDispute = (state: DisputeState): DisputeView => disputeView(state)

/**
 * The account commands that follow one dispute event. `before` is the dispute's state before it.
 * Every movement is the platform's, so it runs on a frozen payee (freeze rules: dispute holds and
 * refunds). The refund's legs are posted in leg order, so the dispute-loss account is credited
 * before it is debited (resolution.ts); the payee's debit leg captures the dispute hold, releasing
 * what the refund does not take. Nothing is held or released when the payee had nothing available.
 */
export const disputeAccountCommands = (
  before: DisputeState,
  event: DisputeEvent,
  at: string,
): AccountCommand[] => {
  switch (event.type) {
    case 'DisputeOpened': {
      const { payee, holdId, asset, held } = event.data
      if (isZero(held)) return []
      const hold = { accountId: payee, holdId, asset, amount: held }
      return [stepCommand({ kind: 'hold', ...hold, initiatedBy: 'platform' }, at)]
    }
    case 'DisputeResolved': {
      assert(isDisputeActive(before), `DisputeResolved on a dispute that is ${before.status}`)
      const { entry } = event.data
      const release = stepCommand(
        { kind: 'release', accountId: before.payee, holdId: before.holdId },
        at,
      )
      if (entry === undefined) return before.held.minor === 0n ? [] : [release]
      const capture = { captureHoldId: before.holdId, initiatedBy: 'platform' as const }
      const legs = legCommands(entry, at, { [before.payee]: capture })
      // A refund that takes nothing from the payee (all of it the fee's share, or nothing held)
      // captures nothing: the hold, if any, goes back whole.
      const isCaptured = legsOf(entry, before.payee).length > 0
      return isCaptured || before.held.minor === 0n ? legs : [...legs, release]
    }
    default:
      return []
  }
}

/**
 * Plans a command on an existing dispute and the account writes that follow. `build` sees the
 * dispute's current state and the instant; a left from it writes nothing.
 */
export const planDisputeCommand = async (
  context: LedgerContext,
  disputeId: string,
  build: (state: OpenedDisputeState, at: string) => Either<LedgerError, DisputeCommand>,
): Promise<Either<LedgerError, Plan<DisputeView>>> => {
  const definition = context.definitions.dispute
  const loaded = await context.repository.load(definition, disputeId)
  if (loaded.state.status === 'not_opened') return left(disputeNotFound(disputeId))
  const at = context.clock().toISOString()
  const command = build(loaded.state, at)
  if (command._tag === 'Left') return command
  const write = decideWrite(definition, definition.stream(disputeId), loaded, command.right)
  if (write._tag === 'Left') return write
  const accounts = await decideAccountWrites(
    context,
    accountCommandsAfter(loaded.state, write.right.events, at),
    at,
  )
  if (accounts._tag === 'Left') return accounts
  const promotion = await promotionWritesAfter(context, loaded.state, write.right.events, at)
  if (promotion._tag === 'Left') return promotion
  const view = viewOfDispute(write.right.nextState)
  const writes = [write.right, ...accounts.right, ...promotion.right]
  return right({ writes, outcome: right(view) })
}

/**
 * The promotion's write after a refund of a discounted payment's dispute: the budget's share of
 * the refund comes back as DiscountReturned on the promotion's stream, which books the budget's
 * leg (account streams skip it), as it does for a payment's refund. Step by step it is a posting
 * after the dispute's decision.
 */
export const promotionWritesAfter = async (
  context: LedgerContext,
  before: DisputeState,
  events: readonly DisputeEvent[],
  at: string,
): Promise<Either<LedgerError, Write[]>> => {
  const [event] = events
  if (event?.type !== 'DisputeResolved' || event.data.entry === undefined) return right([])
  assert(before.status !== 'not_opened', 'DisputeResolved on a dispute never opened')
  const { promotionId } = before.payment
  const { entry } = event.data
  if (promotionId === undefined) return right([])
  if (legsOf(entry, promotionBudgetAccount(promotionId)).length === 0) return right([])
  const definition = context.definitions.promotion
  const loaded = await context.repository.load(definition, promotionId)
  const { paymentId } = before
  const command = { type: 'ReturnDiscount', promotionId, paymentId, entry, at } as PromotionCommand
  const write = decideWrite(definition, definition.stream(promotionId), loaded, command)
  // With its command: the step-by-step executor decides it again after the dispute's decision.
  return write._tag === 'Left' ? write : right([{ ...write.right, commands: [command] }])
}

/** The account commands that follow the events of one dispute decision, in order. */
export const accountCommandsAfter = (
  before: DisputeState,
  events: readonly DisputeEvent[],
  at: string,
): AccountCommand[] => {
  assert(events.length <= 1, 'a dispute decision records at most one event')
  return events.flatMap((event) => disputeAccountCommands(before, event, at))
}

// ---------------------------------------------------------------- helpers

// A canonical amount that is zero ('0.00', '0').
const isZero = (amount: string): boolean => /^0(\.0*)?$/.test(amount)
