// Deciding what happens to an authorized (manual) payment: capture all or part of it, cancel it, or
// expire it when `runDue` finds its hold due. None of these reads the payer's status: capturing a
// hold authorized before a freeze is platform-initiated and still runs (DESIGN, freeze rules), so
// the engine sends the payer's `CaptureHold` with `initiatedBy: 'platform'`.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import { formatMinor } from '../money/money.js'
import type { CancelPayment, CapturePayment, ExpirePayment } from './commands.js'
import type { PaymentError } from './errors.js'
import { paymentError, paymentNotFound } from './errors.js'
import type { PaymentEvent } from './events.js'
import { captureEntry, merchantFeeOf } from './postings.js'
import type { AuthorizedPayment, PaymentState } from './state.js'
import { minorOf } from './state.js'

type Decision = Either<PaymentError, readonly PaymentEvent[]>

// ---------------------------------------------------------------- decisions

/**
 * Captures an authorized payment: `amount` absent takes all of it; less takes that much and
 * releases the rest of the hold (a partial capture closes the authorization). The merchant fee is
 * the rate recorded at authorization applied to the captured amount. Rejections: `payment_not_found`,
 * `invalid_transition` (not authorized, or `at` after `expiresAt`), `amount_not_positive`,
 * `capture_exceeds_authorized`.
 */
export const capturePayment = (command: CapturePayment, state: PaymentState): Decision => {
  if (state.status === 'not_requested') return left(paymentNotFound(command.paymentId))
  if (state.status !== 'authorized') return left(notAuthorized(state.status, 'captured'))
  if (Date.parse(command.at) > Date.parse(state.expiresAt)) {
    return left(
      paymentError('invalid_transition', `the authorization expired at ${state.expiresAt}`, {
        status: state.status,
        expiresAt: state.expiresAt,
      }),
    )
  }
  const amount = command.amount === undefined ? state.amount : minorOf(state, command.amount)
  if (amount === 0n)
    return left(
      paymentError('amount_not_positive', 'amount: must be greater than zero', { path: 'amount' }),
    )
  if (amount > state.amount) {
    return left(
      paymentError('capture_exceeds_authorized', `at most ${state.request.amount} was authorized`, {
        authorized: state.request.amount,
      }),
    )
  }
  return right([paymentCaptured(command, state, amount)])
}

/** Cancels an authorized payment. Cancelling a cancelled one records nothing (a retry). */
export const cancelPayment = (command: CancelPayment, state: PaymentState): Decision => {
  if (state.status === 'not_requested') return left(paymentNotFound(command.paymentId))
  if (state.status === 'cancelled') return right([])
  if (state.status !== 'authorized') return left(notAuthorized(state.status, 'cancelled'))
  return right([
    {
      type: 'PaymentCancelled',
      schemaVersion: 1,
      data: { paymentId: command.paymentId, at: command.at },
    },
  ])
}

/**
 * Expires an authorized payment once `at` has reached `expiresAt`. Anything else (not yet due,
 * already captured, cancelled or expired) records nothing, so `runDue` working from a projection
 * that lags behind the stream is harmless. `payment_not_found` when there is no payment.
 */
export const expirePayment = (command: ExpirePayment, state: PaymentState): Decision => {
  if (state.status === 'not_requested') return left(paymentNotFound(command.paymentId))
  if (state.status !== 'authorized') return right([])
  if (Date.parse(command.at) < Date.parse(state.expiresAt)) return right([])
  return right([
    {
      type: 'PaymentExpired',
      schemaVersion: 1,
      data: { paymentId: command.paymentId, at: command.at },
    },
  ])
}

// ---------------------------------------------------------------- helpers

const paymentCaptured = (
  command: CapturePayment,
  state: AuthorizedPayment,
  amount: bigint,
): PaymentEvent => {
  const { request, scale } = state
  const fee = merchantFeeOf(amount, state.merchantFeeRate)
  const released = state.amount - amount
  assert(released >= 0n, 'paymentCaptured: captured more than authorized')
  assert(
    request.promotionId === undefined,
    'paymentCaptured: a manual payment carries no promotion',
  )
  const asset = { asset: request.asset, scale, minor: amount }
  const entry = captureEntry(
    command.entryId,
    { payer: request.payer, payee: request.payee },
    asset,
    {
      gross: amount,
      discount: 0n,
      fee,
    },
  )
  return {
    type: 'PaymentCaptured',
    schemaVersion: 1,
    data: {
      paymentId: command.paymentId,
      amount: formatMinor(amount, scale),
      ...(fee === 0n ? {} : { fee: formatMinor(fee, scale) }),
      ...(released === 0n ? {} : { released: formatMinor(released, scale) }),
      entry,
      at: command.at,
    },
  }
}

const notAuthorized = (status: string, verb: string): PaymentError =>
  paymentError('invalid_transition', `a ${status} payment cannot be ${verb}`, { status })
