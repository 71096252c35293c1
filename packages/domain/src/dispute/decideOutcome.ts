// The dispute's later decisions: the payee's response, the deadline, escalation and the outcome.
// Status order (DESIGN.md section 3): open -> responded (contested) -> escalated -> resolved_payer |
// resolved_payee | referred_legal -> resolved_payer | resolved_payee. A payee who accepts resolves
// the dispute for the payer at once; a payee who lets the deadline pass sends it to support.
import { left, right } from 'fp-ts/lib/Either.js'
import { moneyFromCanonical } from '../money/money.js'
import type {
  EscalateDispute,
  ExpireDisputeResponse,
  ResolveDispute,
  RespondToDispute,
} from './commands.js'
import type { DisputeDecision } from './decide.js'
import { disputeError, disputeNotFound } from './errors.js'
import { disputeResolved } from './resolution.js'
import type { DisputeState, OpenedDisputeState } from './state.js'

// ---------------------------------------------------------------- operations

/**
 * The payee's answer, no later than `responseDueAt` (inclusive; later is `deadline_passed`), only
 * while the dispute is `open`. `contest` -> responded; `accept` -> resolved for the payer with a full
 * refund of the disputed amount, journal entry `entryId`.
 */
export const respondToDispute = (
  command: RespondToDispute,
  state: DisputeState,
): DisputeDecision => {
  if (state.status === 'not_opened') return left(disputeNotFound(command.disputeId))
  if (isRepeatedResponse(command, state)) return right([])
  const isLate = Date.parse(command.at) > Date.parse(state.responseDueAt)
  if (isLate && (state.status === 'open' || state.status === 'escalated')) {
    const message = `the response to dispute ${state.disputeId} was due by ${state.responseDueAt}`
    return left(disputeError('deadline_passed', message, { responseDueAt: state.responseDueAt }))
  }
  if (state.status !== 'open') return left(wrongOrder(state, 'answered by the payee'))
  if (command.response === 'contest') {
    return right([
      {
        type: 'DisputeContested',
        schemaVersion: 1,
        data: { disputeId: state.disputeId, at: command.at },
      },
    ])
  }
  return right([
    disputeResolved(state, 'payer', 'payee', state.amount.minor, command.entryId, command.at),
  ])
}

/**
 * Sent by `runDue` once `responseDueAt` has passed without a response: the dispute goes to support
 * (`DisputeEscalated` with cause `response_overdue`), the hold stays. A dispute that has moved on
 * (responded, escalated, decided) has nothing due: `[]`. Before the deadline: `invalid_transition`.
 */
export const expireDisputeResponse = (
  command: ExpireDisputeResponse,
  state: DisputeState,
): DisputeDecision => {
  if (state.status === 'not_opened') return left(disputeNotFound(command.disputeId))
  if (state.status !== 'open') return right([])
  if (Date.parse(command.at) <= Date.parse(state.responseDueAt)) {
    const message = `the response to dispute ${state.disputeId} is due by ${state.responseDueAt}, not yet passed`
    return left(disputeError('invalid_transition', message, { responseDueAt: state.responseDueAt }))
  }
  const data = { disputeId: state.disputeId, cause: 'response_overdue' as const, at: command.at }
  return right([{ type: 'DisputeEscalated', schemaVersion: 1, data }])
}

/** Open or responded -> escalated; escalated again records nothing; later is `invalid_transition`. */
export const escalateDispute = (command: EscalateDispute, state: DisputeState): DisputeDecision => {
  if (state.status === 'not_opened') return left(disputeNotFound(command.disputeId))
  if (state.status === 'escalated') return right([])
  if (state.status !== 'open' && state.status !== 'responded')
    return left(wrongOrder(state, 'escalated'))
  const data = { disputeId: state.disputeId, cause: 'requested' as const, at: command.at }
  return right([{ type: 'DisputeEscalated', schemaVersion: 1, data }])
}

/**
 * Support's outcome, from `escalated` (payer, payee or legal) or `referred_legal` (payer or payee).
 * Payer: refunds `amount` (default: the whole disputed amount; more is
 * `dispute_amount_exceeds_payment`) and releases the rest of the hold. Payee: releases the hold.
 * Legal: the hold stays until a later payer or payee outcome. `amount` on another outcome is
 * `invalid_input`.
 */
export const resolveDispute = (command: ResolveDispute, state: DisputeState): DisputeDecision => {
  if (state.status === 'not_opened') return left(disputeNotFound(command.disputeId))
  if (isRepeatedOutcome(command, state)) return right([])
  if (state.status !== 'escalated' && state.status !== 'referred_legal')
    return left(wrongOrder(state, 'resolved'))
  if (command.amount !== undefined && command.outcome !== 'payer') {
    return left(
      disputeError('invalid_input', `amount: only a payer outcome takes an amount`, {
        path: 'amount',
      }),
    )
  }
  if (command.outcome === 'legal') {
    if (state.status !== 'escalated') return left(wrongOrder(state, 'referred to legal'))
    return right([
      {
        type: 'DisputeReferredToLegal',
        schemaVersion: 1,
        data: { disputeId: state.disputeId, at: command.at },
      },
    ])
  }
  if (command.outcome === 'payee')
    return right([disputeResolved(state, 'payee', 'support', 0n, command.entryId, command.at)])
  return resolveForPayer(command, state)
}

// ---------------------------------------------------------------- helpers

/** A full or partial refund: positive, of the asset's scale, at most the disputed amount. */
const resolveForPayer = (command: ResolveDispute, state: OpenedDisputeState): DisputeDecision => {
  const refund =
    command.amount === undefined ? state.amount : moneyFromCanonical(state.asset, command.amount)
  if (refund.scale !== state.amount.scale) {
    const message = `amount: expected exactly ${state.amount.scale} decimals for ${state.asset}, got "${command.amount}"`
    return left(disputeError('invalid_input', message, { path: 'amount' }))
  }
  if (refund.minor === 0n)
    return left(
      disputeError('amount_not_positive', 'amount: must be greater than zero', { path: 'amount' }),
    )
  if (refund.minor > state.amount.minor) {
    const message = `amount: the refund of dispute ${state.disputeId} cannot exceed the disputed amount`
    return left(disputeError('dispute_amount_exceeds_payment', message, { path: 'amount' }))
  }
  return right([
    disputeResolved(state, 'payer', 'support', refund.minor, command.entryId, command.at),
  ])
}

const wrongOrder = (state: OpenedDisputeState, action: string) =>
  disputeError(
    'invalid_transition',
    `dispute ${state.disputeId} is ${state.status} and cannot be ${action}`,
    {
      status: state.status,
    },
  )

/** A contest while responded, or an accept already recorded under the same entry, is a retry. */
const isRepeatedResponse = (command: RespondToDispute, state: OpenedDisputeState): boolean => {
  if (command.response === 'contest') return state.status === 'responded'
  return (
    state.status === 'resolved_payer' &&
    state.resolution.decidedBy === 'payee' &&
    state.resolution.entryId === command.entryId
  )
}

/** The outcome already recorded (for the payer: under the same entry), or legal again, is a retry. */
const isRepeatedOutcome = (command: ResolveDispute, state: OpenedDisputeState): boolean => {
  if (command.outcome === 'legal') return state.status === 'referred_legal'
  if (state.status === 'resolved_payee') return command.outcome === 'payee'
  if (state.status !== 'resolved_payer') return false
  return (
    command.outcome === 'payer' &&
    state.resolution.decidedBy === 'support' &&
    state.resolution.entryId === command.entryId
  )
}
