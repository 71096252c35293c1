// What a withdrawal's events do to its account: the hold taken at request, its release when the
// withdrawal is rejected, fails or is cancelled, its capture at completion, and the credit of a
// bank return. Also the one command planner every later withdrawal step shares.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  addMoney,
  assert,
  formatMoney,
  moneyFromCanonical,
  withdrawalView,
} from '@wallet-ledger/domain'
import type {
  AccountCommand,
  WithdrawalCommand,
  WithdrawalEvent,
  WithdrawalState,
} from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import type { LedgerError, WithdrawalView } from '../../ledger/types.js'
import { decideAccountWrites, legCommands, stepCommand } from '../shared/accountWrites.js'
import { decideWrite } from '../shared/common.js'
import type { Plan } from '../execution/run.js'
import { withdrawalNotFound } from '../../ledger/notFound.js'

// ---------------------------------------------------------------- types

/** A withdrawal that exists. */
export type ExistingWithdrawal = Exclude<WithdrawalState, { status: 'not_requested' }>

/** What a step asks for: a command, or the command plus the error the caller gets after it. */
export type WithdrawalStep = {
  readonly command: WithdrawalCommand
  /** Set when the step records something but the caller's request still fails (frozen account). */
  readonly refusal?: LedgerError
}

// ---------------------------------------------------------------- the freeze rule

/** True for a withdrawal the freeze rule cancels: requested or verified, not yet submitted. */
export const isCancellable = (state: WithdrawalState): boolean =>
  state.status === 'requested' || state.status === 'verified'

/** The cancel the engine sends for a withdrawal whose account was frozen before submission. */
export const cancelOnFreeze = (withdrawalId: string, now: Date): WithdrawalCommand =>
  ({
    type: 'CancelWithdrawal',
    withdrawalId,
    reason: 'the account was frozen before the withdrawal was submitted',
    at: now.toISOString(),
  }) as WithdrawalCommand

// ---------------------------------------------------------------- operations

/** The public view of a withdrawal. */
export const viewOfWithdrawal = (state: WithdrawalState): WithdrawalView => {
  const view = withdrawalView(state)
  assert(view !== undefined, 'viewOfWithdrawal: the withdrawal was never requested')
  return view
}

/**
 * The account commands that follow one withdrawal event. `before` is the withdrawal's state before
 * the event (it knows the hold). Every movement after the request is the platform's: a frozen
 * account still has its hold released, and a submitted withdrawal still captures it.
 */
export const withdrawalAccountCommands = (
  before: WithdrawalState,
  event: WithdrawalEvent,
  at: string,
): AccountCommand[] => {
  switch (event.type) {
    case 'WithdrawalRequested': {
      const { accountId, holdId, asset, amount, fee, limitDate } = event.data
      const total = addMoney(moneyFromCanonical(asset, amount), moneyFromCanonical(asset, fee))
      const hold = { accountId, holdId, asset, amount: formatMoney(total), limitDate }
      return [stepCommand({ kind: 'hold', ...hold, initiatedBy: 'owner' }, at)]
    }
    case 'WithdrawalRejected':
    case 'WithdrawalFailed':
    case 'WithdrawalCancelled': {
      const held = heldOf(before, event.type)
      return [stepCommand({ kind: 'release', accountId: held.accountId, holdId: held.holdId }, at)]
    }
    case 'WithdrawalCompleted': {
      const held = heldOf(before, event.type)
      const capture = { captureHoldId: held.holdId, initiatedBy: 'platform' as const }
      return legCommands(event.data.entry, at, { [held.accountId]: capture })
    }
    case 'WithdrawalReturned':
      return legCommands(event.data.entry, at)
    default:
      return []
  }
}

/** The account commands that follow the events one withdrawal decision recorded, in order. */
export const accountCommandsAfter = (
  before: WithdrawalState,
  events: readonly WithdrawalEvent[],
  at: string,
): AccountCommand[] => {
  assert(events.length <= 1, 'a withdrawal decision records at most one event')
  return events.flatMap((event) => withdrawalAccountCommands(before, event, at))
}

/**
 * Plans a command on an existing withdrawal and the account writes that follow its events.
 * `build` sees the current state and the instant; a left from it writes nothing.
 */
export const planWithdrawalCommand = async (
  context: LedgerContext,
  withdrawalId: string,
  build: (state: ExistingWithdrawal, now: Date) => Promise<Either<LedgerError, WithdrawalStep>>,
): Promise<Either<LedgerError, Plan<WithdrawalView>>> => {
  const definition = context.definitions.withdrawal
  const loaded = await context.repository.load(definition, withdrawalId)
  if (loaded.state.status === 'not_requested') return left(withdrawalNotFound(withdrawalId))
  const now = context.clock()
  const step = await build(loaded.state, now)
  if (step._tag === 'Left') return step
  const write = decideWrite(definition, definition.stream(withdrawalId), loaded, step.right.command)
  if (write._tag === 'Left') return write
  const at = now.toISOString()
  const commands = accountCommandsAfter(loaded.state, write.right.events, at)
  const accounts = await decideAccountWrites(context, commands, at)
  if (accounts._tag === 'Left') return accounts
  const { refusal } = step.right
  return right({
    writes: [write.right, ...accounts.right],
    outcome: refusal === undefined ? right(viewOfWithdrawal(write.right.nextState)) : left(refusal),
  })
}

// ---------------------------------------------------------------- helpers

// The hold of a withdrawal that must still have one for this event (the decider checked it).
const heldOf = (state: WithdrawalState, type: string) => {
  assert(
    state.status === 'requested' || state.status === 'verified' || state.status === 'submitted',
    `${type} on a withdrawal that is ${state.status}: no open hold to settle`,
  )
  return state
}
