// Deciding a withdrawal request. Bad input writes nothing; a business refusal (frozen account,
// failed security check, limit, balance) is recorded as the stream's only event, as DESIGN.md
// section 6 asks: the withdrawal shows `failed` with its reason, and `withdrawalFailureOf` gives the error.
import { keyReusedMessage } from '../errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import type { DomainError } from '../errors.js'
import { REASON_LENGTH_MAX } from '../limits.js'
import { formatMinor, moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'
import { checkAuthorization, checkLimits } from '../security/authorization.js'
import type { RequestWithdrawal } from './commands.js'
import { withdrawalError } from './errors.js'
import type { WithdrawalError } from './errors.js'
import type { WithdrawalEvent, WithdrawalRefusalCode } from './events.js'
import type { WithdrawalState } from './state.js'

type Decision = Either<WithdrawalError, readonly WithdrawalEvent[]>
type Amounts = { readonly amount: Money; readonly fee: Money }

// A business refusal: its code and a sentence for the person.
type Refusal = { readonly code: WithdrawalRefusalCode; readonly reason: string }

/**
 * Requests a withdrawal. On an existing stream the same fingerprint is a replay (`right([])`) and
 * another is `idempotency_key_reused`. Otherwise rejects, writing nothing: a zero amount
 * (`amount_not_positive`), a fee of another scale or sender facts of another account
 * (`invalid_input`), a closed account (`account_closed`). The four business refusals are recorded
 * as `WithdrawalRequestFailed`. Checks and limits apply to `amount + fee`, what leaves the account.
 */
export const requestWithdrawal = (command: RequestWithdrawal, state: WithdrawalState): Decision => {
  if (state.status !== 'not_requested') return replayOf(command, state)
  const amounts = amountsOf(command)
  if (amounts._tag === 'Left') return amounts
  const senderProblem = senderProblemOf(command)
  if (senderProblem !== undefined) return left(senderProblem)
  const { amount, fee } = amounts.right
  const total = amount.minor + fee.minor
  assert(amount.minor > 0n, 'request: the amount is not positive')
  assert(amount.scale === fee.scale, 'request: amount and fee of different scales')
  const refusal = refusalOf(command, total)
  return right([
    refusal === undefined
      ? requestedEvent(command, amounts.right)
      : requestFailedEvent(command, amounts.right, refusal),
  ])
}

/**
 * The error a recorded refusal stands for, with `details.withdrawalId`; `undefined` when the
 * events hold none. Pass the events `decide` returned, or, after an idempotent replay (`[]`), the
 * stream's events: a refused request is always the stream's first and only event.
 */
export const withdrawalFailureOf = (
  events: readonly WithdrawalEvent[],
): WithdrawalError | undefined => {
  for (const event of events) {
    if (event.type !== 'WithdrawalRequestFailed') continue
    return withdrawalError(event.data.code, event.data.reason, {
      withdrawalId: event.data.withdrawalId,
    })
  }
  return undefined
}

/** The recorded refusal of a withdrawal refused at request (for a retried request), else undefined. */
export const storedWithdrawalFailure = (state: WithdrawalState): WithdrawalError | undefined =>
  state.status === 'failed' && state.refusal !== undefined
    ? withdrawalError(state.refusal, state.reason, { withdrawalId: state.withdrawalId })
    : undefined

// ---------------------------------------------------------------- helpers

// Sender facts that make the request meaningless: written nothing, returned as a rejection.
const senderProblemOf = (command: RequestWithdrawal): WithdrawalError | undefined => {
  const senderAccountId: string = command.sender.accountId
  if (senderAccountId !== command.accountId) {
    return withdrawalError('invalid_input', 'sender.accountId: the facts are of another account', {
      path: 'sender.accountId',
    })
  }
  if (command.sender.status === 'closed') {
    return withdrawalError('account_closed', 'the account is closed', {
      accountId: command.accountId,
    })
  }
  return undefined
}

// The facts both outcomes record; amounts canonical, as events store them.
const basicsOf = (command: RequestWithdrawal, { amount, fee }: Amounts) => ({
  withdrawalId: command.withdrawalId,
  accountId: command.accountId,
  asset: command.asset,
  amount: formatMinor(amount.minor, amount.scale),
  fee: formatMinor(fee.minor, fee.scale),
})

const requestedEvent = (command: RequestWithdrawal, amounts: Amounts): WithdrawalEvent => ({
  type: 'WithdrawalRequested',
  schemaVersion: 1,
  data: {
    ...basicsOf(command, amounts),
    destination: command.destination,
    holdId: command.holdId,
    limitDate: command.localDate,
    fingerprint: command.fingerprint,
    at: command.at,
  },
})

const requestFailedEvent = (
  command: RequestWithdrawal,
  amounts: Amounts,
  refusal: Refusal,
): WithdrawalEvent => {
  assert(refusal.reason.length <= REASON_LENGTH_MAX, 'refusal reason longer than a reason may be')
  return {
    type: 'WithdrawalRequestFailed',
    schemaVersion: 1,
    data: {
      ...basicsOf(command, amounts),
      code: refusal.code,
      reason: refusal.reason,
      fingerprint: command.fingerprint,
      at: command.at,
    },
  }
}

const replayOf = (
  command: RequestWithdrawal,
  state: Exclude<WithdrawalState, { status: 'not_requested' }>,
): Decision => {
  assert(state.withdrawalId === command.withdrawalId, 'RequestWithdrawal sent to another stream')
  if (state.fingerprint === command.fingerprint) return right([])
  return left(
    withdrawalError('idempotency_key_reused', keyReusedMessage('withdrawal'), {
      withdrawalId: state.withdrawalId,
    }),
  )
}

// The amount must be positive; the fee (absent: zero) must share its scale, as the engine writes
// both canonical for the one asset.
const amountsOf = (command: RequestWithdrawal): Either<WithdrawalError, Amounts> => {
  const amount = moneyFromCanonical(command.asset, command.amount)
  if (amount.minor === 0n) {
    return left(
      withdrawalError('amount_not_positive', 'amount: must be greater than zero', {
        path: 'amount',
      }),
    )
  }
  const fee =
    command.fee === undefined
      ? { asset: command.asset, scale: amount.scale, minor: 0n }
      : moneyFromCanonical(command.asset, command.fee)
  if (fee.scale !== amount.scale) {
    return left(
      withdrawalError('invalid_input', `fee: expected ${amount.scale} decimals like the amount`, {
        path: 'fee',
      }),
    )
  }
  return right({ amount, fee })
}

// The first business refusal, in the order a person fixes them: frozen, security, limits, balance.
const refusalOf = (command: RequestWithdrawal, totalMinor: bigint): Refusal | undefined => {
  const { sender } = command
  if (sender.status === 'frozen') {
    return {
      code: 'account_frozen',
      reason: 'the account is frozen: it cannot withdraw until unfrozen',
    }
  }
  const authorization = checkAuthorization(sender, totalMinor, command.authorization)
  if (authorization._tag === 'Left') {
    return { code: authorization.left.code, reason: securityReason(command, authorization.left) }
  }
  const limits = checkLimits(sender, totalMinor)
  if (limits._tag === 'Left') {
    const perDay = limits.left.details?.['limit'] === 'per_day'
    const reason = perDay
      ? "the amount plus the fee would go over today's limit"
      : 'the amount plus the fee is above the per-payment limit'
    return { code: limits.left.code, reason }
  }
  if (sender.available < totalMinor) {
    return {
      code: 'insufficient_balance',
      reason: 'the available balance is less than the amount plus the fee',
    }
  }
  return undefined
}

// The shared check speaks of payments; say what this withdrawal needed.
const securityReason = (command: RequestWithdrawal, error: DomainError): string => {
  if (command.authorization !== undefined && !command.authorization.verified) {
    return `the ${command.authorization.method} check was not passed`
  }
  return error.details?.['required'] === 'two_factor'
    ? 'this withdrawal needs two-factor verification'
    : 'this withdrawal needs the payment password or two-factor verification'
}
