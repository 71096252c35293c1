// Deciding withdrawal commands: one function per command (STYLE.md section 4). A command that
// does not fit the withdrawal's status is `invalid_transition`; on a stream with no withdrawal it
// is `withdrawal_not_found`. The engine releases or captures the hold when it sees the events.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { absurd, assert } from '../assert.js'
import { settlementWindow } from '../calendar/businessCalendar.js'
import type {
  CancelWithdrawal,
  CompleteWithdrawal,
  FailWithdrawal,
  ReturnWithdrawal,
  SubmitWithdrawal,
  VerifyWithdrawalIdentity,
  WithdrawalCommand,
} from './commands.js'
import { withdrawalError } from './errors.js'
import { notFound } from '../notFound.js'
import type { WithdrawalError } from './errors.js'
import type { WithdrawalEvent } from './events.js'
import { requestWithdrawal } from './requestWithdrawal.js'
import type { WithdrawalState } from './state.js'
import { withdrawalPayoutEntry, withdrawalReturnEntry } from './withdrawalJournal.js'

type Decision = Either<WithdrawalError, readonly WithdrawalEvent[]>
type Existing = Exclude<WithdrawalState, { status: 'not_requested' }>

/** Decides one withdrawal command against the withdrawal's state. */
export const decide = (command: WithdrawalCommand, state: WithdrawalState): Decision => {
  if (command.type === 'RequestWithdrawal') return requestWithdrawal(command, state)
  if (state.status === 'not_requested') {
    return left(notFound('withdrawal', command.withdrawalId))
  }
  assert(state.withdrawalId === command.withdrawalId, `${command.type} sent to another stream`)
  switch (command.type) {
    case 'VerifyWithdrawalIdentity':
      return verifyIdentity(command, state)
    case 'SubmitWithdrawal':
      return submit(command, state)
    case 'CompleteWithdrawal':
      return complete(command, state)
    case 'FailWithdrawal':
      return fail(command, state)
    case 'CancelWithdrawal':
      return cancel(command, state)
    case 'ReturnWithdrawal':
      return returnToAccount(command, state)
    default:
      return absurd(command)
  }
}

// ---------------------------------------------------------------- one function per command

// Requested only: the check passed (verified) or not (rejected, the hold is released). The same
// answer again on the state it led to records nothing (a retry, or a caller that lost a race to
// record it, gets the outcome); another answer, or any after the next step, is out of order.
const verifyIdentity = (command: VerifyWithdrawalIdentity, state: Existing): Decision => {
  if (state.status === (command.passed ? 'verified' : 'rejected')) return right([])
  if (state.status !== 'requested') return invalidTransition(command.type, state)
  const data = { withdrawalId: command.withdrawalId, at: command.at }
  return right([
    command.passed
      ? { type: 'WithdrawalVerified', schemaVersion: 1, data }
      : { type: 'WithdrawalRejected', schemaVersion: 1, data },
  ])
}

// Verified only: the settlement window is computed here from the calendar and recorded.
const submit = (command: SubmitWithdrawal, state: Existing): Decision => {
  if (state.status !== 'verified') return invalidTransition(command.type, state)
  const expectedBy = settlementWindow(command.calendar, command)
  assert(expectedBy.earliest > command.localDate, 'submit: settlement not after submission')
  const base = { withdrawalId: command.withdrawalId, expectedBy, at: command.at }
  const data =
    command.bankReference === undefined ? base : { ...base, bankReference: command.bankReference }
  return right([{ type: 'WithdrawalSubmitted', schemaVersion: 1, data }])
}

// Submitted only; a completion already recorded with the same entry (even if returned since) is a
// replayed step.
const complete = (command: CompleteWithdrawal, state: Existing): Decision => {
  const wasCompleted = state.status === 'completed' || state.status === 'returned'
  if (wasCompleted && state.entryId === command.entryId) return right([])
  if (state.status !== 'submitted') return invalidTransition(command.type, state)
  const entry = withdrawalPayoutEntry(state, command.entryId)
  return right([
    {
      type: 'WithdrawalCompleted',
      schemaVersion: 1,
      data: { withdrawalId: command.withdrawalId, entry, at: command.at },
    },
  ])
}

// Any time before completion: the bank or network refused it; the hold is released.
const fail = (command: FailWithdrawal, state: Existing): Decision => {
  const failable =
    state.status === 'requested' || state.status === 'verified' || state.status === 'submitted'
  if (!failable) return invalidTransition(command.type, state)
  const data = { withdrawalId: command.withdrawalId, reason: command.reason, at: command.at }
  return right([{ type: 'WithdrawalFailed', schemaVersion: 1, data }])
}

// Before submission only: a submitted withdrawal cannot be recalled.
const cancel = (command: CancelWithdrawal, state: Existing): Decision => {
  if (state.status === 'submitted') {
    return left(
      withdrawalError('invalid_transition', 'a submitted withdrawal cannot be recalled', {
        withdrawalId: state.withdrawalId,
        status: state.status,
      }),
    )
  }
  if (state.status !== 'requested' && state.status !== 'verified') {
    return invalidTransition(command.type, state)
  }
  const data = { withdrawalId: command.withdrawalId, reason: command.reason, at: command.at }
  return right([{ type: 'WithdrawalCancelled', schemaVersion: 1, data }])
}

// Completed only; a return already recorded with the same entry is a replayed step.
const returnToAccount = (command: ReturnWithdrawal, state: Existing): Decision => {
  if (state.status === 'returned' && state.returnEntryId === command.entryId) return right([])
  if (state.status !== 'completed') return invalidTransition(command.type, state)
  assert(state.entryId !== command.entryId, 'return: the entry id of the payout was reused')
  const entry = withdrawalReturnEntry(state, command.entryId)
  const data = { withdrawalId: command.withdrawalId, reason: command.reason, entry, at: command.at }
  return right([{ type: 'WithdrawalReturned', schemaVersion: 1, data }])
}

// ---------------------------------------------------------------- helpers

const invalidTransition = (type: WithdrawalCommand['type'], state: Existing): Decision =>
  left(
    withdrawalError(
      'invalid_transition',
      `${type} cannot apply to a withdrawal that is ${state.status}`,
      {
        withdrawalId: state.withdrawalId,
        status: state.status,
      },
    ),
  )
