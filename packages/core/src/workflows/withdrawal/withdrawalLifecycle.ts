// The steps of a withdrawal after its request, each one outside answer (the identity check, the
// bank): verify, submit, complete, fail, return; and the `withdrawal(id)` query.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { CallerId, boundedString, domainError, limits } from '@wallet-ledger/domain'
import type { WithdrawalCommand } from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import { decodeCaller, queryIdOf } from '../../ledger/input.js'
import type { Ledger, LedgerError, WithdrawalView } from '../../ledger/types.js'
import { commitMetadataOf, withContext } from '../shared/common.js'
import { runPlanned } from '../execution/run.js'
import {
  cancelOnFreeze,
  isCancellable,
  planWithdrawalCommand,
  viewOfWithdrawal,
} from './withdrawalSteps.js'
import type { ExistingWithdrawal, WithdrawalStep } from './withdrawalSteps.js'
import { withdrawalNotFound } from '../../ledger/notFound.js'
import { revealDestination, withdrawalReadOptions } from '../../privacy/revealDestination.js'
import { entryIdOf } from '../shared/ids.js'

// ---------------------------------------------------------------- input codecs

const Reason = boundedString(limits.REASON_LENGTH_MAX, 'Reason')
/** The caller's input to `verifyWithdrawalIdentity` (contract.unit.spec.ts ties it to `Ledger`). */
export const VerifyInput = withContext({ withdrawalId: CallerId, passed: t.boolean }, {}, 'Verify')
/** The caller's input to `submitWithdrawal` (contract.unit.spec.ts ties it to `Ledger`). */
export const SubmitInput = withContext(
  { withdrawalId: CallerId },
  { bankReference: boundedString(limits.REFERENCE_LENGTH_MAX, 'BankReference') },
  'SubmitWithdrawal',
)
/** The caller's input to `completeWithdrawal` (contract.unit.spec.ts ties it to `Ledger`). */
export const WithdrawalIdInput = withContext({ withdrawalId: CallerId }, {}, 'WithdrawalCommand')
/** The caller's input to `failWithdrawal` and `returnWithdrawal` (contract.unit.spec.ts ties it to `Ledger`). */
export const ReasonInput = withContext(
  { withdrawalId: CallerId, reason: Reason },
  {},
  'WithdrawalReason',
)

type Build = (state: ExistingWithdrawal, now: Date) => Promise<Either<LedgerError, WithdrawalStep>>

// ---------------------------------------------------------------- helpers

/** Runs one step on an existing withdrawal with the caller's commit metadata. */
const runStep = (
  context: LedgerContext,
  input: { withdrawalId: string; actor?: string; correlationId?: string },
  build: Build,
): Promise<Either<LedgerError, WithdrawalView>> =>
  runPlanned(context, commitMetadataOf(input), () =>
    planWithdrawalCommand(context, input.withdrawalId, build),
  )

/**
 * The freeze rule's safety net for the steps before submission: when the account is frozen, the
 * withdrawal is cancelled (hold released) instead, and the caller gets `account_frozen` with
 * `details.withdrawalId`. The freeze handler normally did this already; this covers a handler that
 * was cut short (a crash between the freeze and the cancels).
 */
const unlessFrozen =
  (context: LedgerContext, step: (state: ExistingWithdrawal, now: Date) => WithdrawalCommand) =>
  async (state: ExistingWithdrawal, now: Date): Promise<Either<LedgerError, WithdrawalStep>> => {
    if (!isCancellable(state)) return right({ command: step(state, now) })
    const account = await context.repository.load(context.definitions.account, state.accountId)
    if (account.state.status !== 'frozen') return right({ command: step(state, now) })
    const { withdrawalId, accountId } = state
    const message = `account ${accountId} is frozen: its withdrawal was cancelled and the hold released`
    const refusal = domainError('account_frozen', message, { withdrawalId, accountId })
    return right({ command: cancelOnFreeze(withdrawalId, now), refusal })
  }

/**
 * The bank's return credits the account. A closed account refuses credits (the domain's rule), so
 * the return is refused with `account_closed` and nothing is written: the withdrawal stays
 * `completed` and the money stays with the outflow account until support books it (a correction
 * through suspense). We refuse rather than credit `system:suspense` silently because the domain's
 * return entry names the account, and a credit elsewhere would hide who the money belongs to.
 */
const unlessClosed =
  (context: LedgerContext, step: (state: ExistingWithdrawal, now: Date) => WithdrawalCommand) =>
  async (state: ExistingWithdrawal, now: Date): Promise<Either<LedgerError, WithdrawalStep>> => {
    const account = await context.repository.load(context.definitions.account, state.accountId)
    if (account.state.status !== 'closed' || state.status !== 'completed')
      return right({ command: step(state, now) })
    const { withdrawalId, accountId } = state
    const message = `account ${accountId} is closed: the bank's return cannot be credited to it; book it through a correction`
    return left(domainError('account_closed', message, { withdrawalId, accountId }))
  }

// ---------------------------------------------------------------- the methods

/** The withdrawal steps after the request, and the query. */
export const withdrawalLifecycleCommands = (
  context: LedgerContext,
): Pick<
  Ledger,
  | 'verifyWithdrawalIdentity'
  | 'submitWithdrawal'
  | 'completeWithdrawal'
  | 'failWithdrawal'
  | 'returnWithdrawal'
  | 'withdrawal'
> => ({
  verifyWithdrawalIdentity: async (raw) => {
    const input = decodeCaller(VerifyInput, raw)
    if (input._tag === 'Left') return input
    const { withdrawalId, passed } = input.right
    return runStep(
      context,
      input.right,
      unlessFrozen(context, (_state, now) => {
        const at = now.toISOString()
        return { type: 'VerifyWithdrawalIdentity', withdrawalId, passed, at } as WithdrawalCommand
      }),
    )
  },
  submitWithdrawal: async (raw) => {
    const input = decodeCaller(SubmitInput, raw)
    if (input._tag === 'Left') return input
    const { withdrawalId, bankReference } = input.right
    return runStep(
      context,
      input.right,
      unlessFrozen(context, (_state, now) => {
        // The local date and time decide the settlement window; the domain never reads a clock.
        const { localDate, localTime } = context.localTime(now)
        return {
          type: 'SubmitWithdrawal',
          withdrawalId,
          at: now.toISOString(),
          localDate,
          localTime,
          calendar: context.calendar,
          ...(bankReference === undefined ? {} : { bankReference }),
        } as WithdrawalCommand
      }),
    )
  },
  completeWithdrawal: async (raw) => {
    const input = decodeCaller(WithdrawalIdInput, raw)
    if (input._tag === 'Left') return input
    const { withdrawalId } = input.right
    return runStep(context, input.right, async (_state, now) => {
      const entryId = entryIdOf('withdrawal', withdrawalId, 'payout')
      const at = now.toISOString()
      return right({
        command: { type: 'CompleteWithdrawal', withdrawalId, entryId, at } as WithdrawalCommand,
      })
    })
  },
  failWithdrawal: async (raw) => {
    const input = decodeCaller(ReasonInput, raw)
    if (input._tag === 'Left') return input
    const { withdrawalId, reason } = input.right
    return runStep(context, input.right, async (_state, now) => {
      const at = now.toISOString()
      return right({
        command: { type: 'FailWithdrawal', withdrawalId, reason, at } as WithdrawalCommand,
      })
    })
  },
  returnWithdrawal: async (raw) => {
    const input = decodeCaller(ReasonInput, raw)
    if (input._tag === 'Left') return input
    const { withdrawalId, reason } = input.right
    return runStep(
      context,
      input.right,
      unlessClosed(context, (_state, now) => {
        const entryId = entryIdOf('withdrawal', withdrawalId, 'return')
        const at = now.toISOString()
        return { type: 'ReturnWithdrawal', withdrawalId, reason, entryId, at } as WithdrawalCommand
      }),
    )
  },
  withdrawal: async (withdrawalId, raw) => {
    const id = queryIdOf(withdrawalId, 'withdrawalId', CallerId.is, withdrawalNotFound)
    if (id._tag === 'Left') return id
    const options = withdrawalReadOptions(raw)
    if (options._tag === 'Left') return options
    const loaded = await context.repository.load(context.definitions.withdrawal, id.right)
    const state = loaded.state
    if (state.status === 'not_requested') return left(withdrawalNotFound(id.right))
    const view = viewOfWithdrawal(state)
    // Only in flight: a settled withdrawal's destination is no payout service's business.
    const inFlight = ['requested', 'verified', 'submitted'].includes(state.status)
    if (options.right.reveal !== true || !inFlight || !('destination' in state)) return right(view)
    const destination = await revealDestination(context, state.accountId, state.destination)
    return right({ ...view, destination })
  },
})
