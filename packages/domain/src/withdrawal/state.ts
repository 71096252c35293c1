// The withdrawal's state and how each recorded event moves it (STYLE.md section 4). `evolve`
// asserts on an event that cannot follow the state: that is a corrupt stream, never ignored.
import { absurd, assert } from '../assert.js'
import type { SettlementWindow } from '../calendar/businessCalendar.js'
import type { WithdrawalDestination, WithdrawalEvent, WithdrawalRefusalCode } from './events.js'

// ---------------------------------------------------------------- types

/** What every withdrawal that exists knows: who, what, how much (canonical amounts). */
export type WithdrawalBasics = {
  readonly withdrawalId: string
  readonly accountId: string
  readonly asset: string
  readonly amount: string
  readonly fee: string
  readonly fingerprint: string
}

/** A withdrawal whose `amount + fee` was held, and where it goes. */
export type HeldWithdrawal = WithdrawalBasics & {
  readonly holdId: string
  readonly destination: WithdrawalDestination
}

/** Where a withdrawal is in its life (DESIGN.md section 3 and its WithdrawalView). */
export type WithdrawalStatus = Exclude<WithdrawalState['status'], 'not_requested'>

/** The state of one withdrawal, a union on `status`; fields exist only where they mean something. */
export type WithdrawalState =
  | { readonly status: 'not_requested' }
  | (HeldWithdrawal & { readonly status: 'requested' })
  | (HeldWithdrawal & { readonly status: 'verified' })
  | (HeldWithdrawal & {
      readonly status: 'submitted'
      readonly expectedBy: SettlementWindow
      readonly bankReference?: string
    })
  | (HeldWithdrawal & {
      readonly status: 'completed'
      readonly expectedBy: SettlementWindow
      readonly entryId: string
    })
  | (HeldWithdrawal & {
      readonly status: 'returned'
      readonly expectedBy: SettlementWindow
      readonly entryId: string
      readonly returnEntryId: string
      readonly returnReason: string
    })
  | (HeldWithdrawal & { readonly status: 'rejected' })
  | (HeldWithdrawal & { readonly status: 'cancelled'; readonly reason: string })
  | (WithdrawalBasics & {
      readonly status: 'failed'
      readonly reason: string
      /** Set only when the request itself was refused (nothing was ever held). */
      readonly refusal?: WithdrawalRefusalCode
      /** Set when the withdrawal failed after it was submitted. */
      readonly expectedBy?: SettlementWindow
    })

/** Before the first event. */
export const initialState: WithdrawalState = { status: 'not_requested' }

// ---------------------------------------------------------------- operations

/** Applies one recorded event. Asserts the event can follow the state. */
export const evolve = (state: WithdrawalState, event: WithdrawalEvent): WithdrawalState => {
  assert(
    state.status === 'not_requested' || state.withdrawalId === event.data.withdrawalId,
    `${event.type} of withdrawal ${event.data.withdrawalId} in another withdrawal's stream`,
  )
  switch (event.type) {
    case 'WithdrawalRequested': {
      assertStatus(state, ['not_requested'], event.type)
      const { limitDate: _limitDate, at: _at, ...held } = event.data
      return { status: 'requested', ...held }
    }
    case 'WithdrawalRequestFailed': {
      assertStatus(state, ['not_requested'], event.type)
      const { code, at: _at, ...basics } = event.data
      return { status: 'failed', ...basics, refusal: code }
    }
    case 'WithdrawalVerified':
      return { ...heldIn(state, ['requested'], event.type), status: 'verified' }
    case 'WithdrawalRejected':
      return { ...heldIn(state, ['requested'], event.type), status: 'rejected' }
    case 'WithdrawalSubmitted':
      return submitted(heldIn(state, ['verified'], event.type), event.data)
    case 'WithdrawalCompleted': {
      const submittedState = inStatus(state, 'submitted', event.type)
      const { bankReference: _bankReference, ...held } = submittedState
      return { ...held, status: 'completed', entryId: event.data.entry.entryId }
    }
    case 'WithdrawalFailed':
      return failed(state, event.data.reason)
    case 'WithdrawalCancelled': {
      const held = heldIn(state, ['requested', 'verified'], event.type)
      return { ...held, status: 'cancelled', reason: event.data.reason }
    }
    case 'WithdrawalReturned': {
      const completed = inStatus(state, 'completed', event.type)
      return {
        ...completed,
        status: 'returned',
        returnEntryId: event.data.entry.entryId,
        returnReason: event.data.reason,
      }
    }
    default:
      return absurd(event)
  }
}

// ---------------------------------------------------------------- helpers

type StatusOf<State> = State extends { readonly status: infer Status } ? Status : never
type Status = StatusOf<WithdrawalState>

const assertStatus = (state: WithdrawalState, allowed: readonly Status[], type: string): void =>
  assert(
    allowed.includes(state.status),
    `${type} cannot follow a withdrawal that is ${state.status}`,
  )

const inStatus = <S extends Status>(
  state: WithdrawalState,
  status: S,
  type: string,
): Extract<WithdrawalState, { status: S }> => {
  assertStatus(state, [status], type)
  return state as Extract<WithdrawalState, { status: S }>
}

// The held facts of a state in one of `allowed`, without the status-specific fields.
const heldIn = (
  state: WithdrawalState,
  allowed: readonly ('requested' | 'verified' | 'submitted')[],
  type: string,
): HeldWithdrawal => {
  assertStatus(state, allowed, type)
  const held = state as Extract<WithdrawalState, { status: 'requested' | 'verified' | 'submitted' }>
  const { withdrawalId, accountId, asset, amount, fee, fingerprint, holdId, destination } = held
  return { withdrawalId, accountId, asset, amount, fee, fingerprint, holdId, destination }
}

const submitted = (
  held: HeldWithdrawal,
  data: { readonly expectedBy: SettlementWindow; readonly bankReference?: string },
): WithdrawalState =>
  data.bankReference === undefined
    ? { ...held, status: 'submitted', expectedBy: data.expectedBy }
    : {
        ...held,
        status: 'submitted',
        expectedBy: data.expectedBy,
        bankReference: data.bankReference,
      }

const failed = (state: WithdrawalState, reason: string): WithdrawalState => {
  const held = heldIn(state, ['requested', 'verified', 'submitted'], 'WithdrawalFailed')
  const { holdId: _holdId, destination: _destination, ...basics } = held
  return state.status === 'submitted'
    ? { ...basics, status: 'failed', reason, expectedBy: state.expectedBy }
    : { ...basics, status: 'failed', reason }
}
