// The dispute's decisions: one function per command, the branching here and the arithmetic in
// helpers (STYLE.md section 4). Opening and evidence live here; the response, escalation and
// outcome commands live in decideOutcome.ts.
import { keyReusedMessage } from '../errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { absurd, assert } from '../assert.js'
import { EVIDENCE_ITEMS_PER_DISPUTE_MAX } from '../limits.js'
import { formatMinor, formatMoney, moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'
import type { DisputeCommand, OpenDispute, SubmitEvidence } from './commands.js'
import { disputeError, disputeNotFound } from './errors.js'
import type { DisputeError } from './errors.js'
import type { DisputeEvent, DisputeOpened } from './events.js'
import {
  escalateDispute,
  expireDisputeResponse,
  resolveDispute,
  respondToDispute,
} from './decideOutcome.js'
import { isDisputeActive } from './state.js'
import type { DisputeState, OpenedDisputeState } from './state.js'

// ---------------------------------------------------------------- types

/** What a dispute decision returns. */
export type DisputeDecision = Either<DisputeError, readonly DisputeEvent[]>

/** The opening's amounts in bigint minor units, all of the payment's asset and scale. */
type OpeningAmounts = {
  readonly captured: Money
  readonly discount: Money
  readonly fee: Money
  readonly refunded: Money
  readonly payeeAvailable: Money
  readonly amount: Money | undefined
}

const DISPUTABLE_STATUSES: ReadonlySet<string> = new Set(['completed', 'partially_refunded'])

// ---------------------------------------------------------------- operations

/**
 * Decides a dispute command. Rejections: `dispute_not_found` (any command but OpenDispute before
 * the opening), `invalid_transition` (wrong order), and the codes of each command below. A replayed
 * command (same fingerprint, same evidence, same response, same outcome and entry) returns `[]`.
 */
export const decideDispute = (command: DisputeCommand, state: DisputeState): DisputeDecision => {
  assert(
    state.status === 'not_opened' || state.disputeId === command.disputeId,
    `command for dispute ${command.disputeId} routed to dispute ${state.status === 'not_opened' ? '' : state.disputeId}`,
  )
  switch (command.type) {
    case 'OpenDispute':
      return openDispute(command, state)
    case 'SubmitEvidence':
      return submitEvidence(command, state)
    case 'RespondToDispute':
      return respondToDispute(command, state)
    case 'ExpireDisputeResponse':
      return expireDisputeResponse(command, state)
    case 'EscalateDispute':
      return escalateDispute(command, state)
    case 'ResolveDispute':
      return resolveDispute(command, state)
    default:
      return absurd(command)
  }
}

/**
 * Only the payer opens, only against a settled payment (`completed` or `partially_refunded`) with
 * something left to dispute (`invalid_transition` otherwise). `amount` defaults to captured minus
 * refunded; more is `dispute_amount_exceeds_payment`, zero is `amount_not_positive`. The hold is
 * capped at the payee's available balance; the rest is recorded as the shortfall.
 */
const openDispute = (command: OpenDispute, state: DisputeState): DisputeDecision => {
  if (state.status !== 'not_opened') return replayedOpening(command, state)
  const amounts = openingAmounts(command)
  if (amounts._tag === 'Left') return amounts
  const { captured, refunded, payeeAvailable } = amounts.right
  const { payment, paymentId } = command
  if (command.openedBy !== payment.payer) {
    const message = `only the payer of payment ${paymentId} can dispute it`
    return left(disputeError('invalid_transition', message, { paymentId }))
  }
  const disputable = captured.minor - refunded.minor
  if (!DISPUTABLE_STATUSES.has(payment.status) || disputable <= 0n) {
    const message = `payment ${paymentId} is ${payment.status}: only a settled payment that is not fully refunded can be disputed`
    return left(disputeError('invalid_transition', message, { paymentId, status: payment.status }))
  }
  const amount = disputedAmount(command, amounts.right.amount, {
    minor: disputable,
    scale: captured.scale,
  })
  if (amount._tag === 'Left') return amount
  if (Date.parse(command.responseDueAt) <= Date.parse(command.at)) {
    const message = 'responseDueAt: must be after at'
    return left(disputeError('invalid_input', message, { path: 'responseDueAt' }))
  }
  const heldMinor = amount.right < payeeAvailable.minor ? amount.right : payeeAvailable.minor
  return right([disputeOpened(command, amounts.right, amount.right, heldMinor)])
}

/** The same fingerprint is a retry (nothing to record); another one reuses the idempotency key. */
const replayedOpening = (command: OpenDispute, state: OpenedDisputeState): DisputeDecision => {
  if (state.fingerprint === command.fingerprint) return right([])
  const message = keyReusedMessage('dispute')
  return left(disputeError('idempotency_key_reused', message, { disputeId: state.disputeId }))
}

/**
 * Evidence from either side while the dispute is undecided (`invalid_transition` after the
 * outcome), at most `EVIDENCE_ITEMS_PER_DISPUTE_MAX` items (`evidence_limit_reached`). The same item
 * again (same side, reference and digest) is a retry and records nothing.
 */
const submitEvidence = (command: SubmitEvidence, state: DisputeState): DisputeDecision => {
  if (state.status === 'not_opened') return left(disputeNotFound(command.disputeId))
  const isRepeat = state.evidence.some(
    (item) =>
      item.by === command.by &&
      item.reference === command.reference &&
      item.sha256 === command.sha256,
  )
  if (isRepeat) return right([])
  if (!isDisputeActive(state)) {
    return left(
      disputeError(
        'invalid_transition',
        `dispute ${state.disputeId} is ${state.status}: no more evidence`,
      ),
    )
  }
  if (state.evidence.length >= EVIDENCE_ITEMS_PER_DISPUTE_MAX) {
    const message = `dispute ${state.disputeId} already has ${EVIDENCE_ITEMS_PER_DISPUTE_MAX} pieces of evidence`
    return left(
      disputeError('evidence_limit_reached', message, { max: EVIDENCE_ITEMS_PER_DISPUTE_MAX }),
    )
  }
  const { disputeId, by, reference, sha256, at } = command
  return right([
    { type: 'EvidenceSubmitted', schemaVersion: 1, data: { disputeId, by, reference, sha256, at } },
  ])
}

// ---------------------------------------------------------------- helpers

/**
 * Reads the opening's canonical amounts. They must all have the scale of `captured` (the engine
 * canonicalizes them with the asset registry), and the payment's facts must be a payment's (a
 * discount below what was captured and with its promotion, a fee within it), else `invalid_input`
 * names the field.
 */
const openingAmounts = (command: OpenDispute): Either<DisputeError, OpeningAmounts> => {
  const { asset, promotionId } = command.payment
  const captured = moneyFromCanonical(asset, command.payment.captured)
  const fields: readonly (readonly [string, string | undefined])[] = [
    ['payment.discount', command.payment.discount],
    ['payment.fee', command.payment.fee],
    ['payment.refunded', command.payment.refunded],
    ['payeeAvailable', command.payeeAvailable],
    ['amount', command.amount],
  ]
  for (const [path, amount] of fields) {
    if (amount !== undefined && moneyFromCanonical(asset, amount).scale !== captured.scale) {
      const message = `${path}: expected exactly ${captured.scale} decimals for ${asset}, got "${amount}"`
      return left(disputeError('invalid_input', message, { path }))
    }
  }
  const discount = moneyFromCanonical(asset, command.payment.discount)
  const fee = moneyFromCanonical(asset, command.payment.fee)
  const problem = paymentFactsProblem(captured.minor, discount.minor, fee.minor, promotionId)
  if (problem !== undefined) {
    const [path, rule] = problem
    return left(disputeError('invalid_input', `${path}: ${rule}`, { path }))
  }
  return right({
    captured,
    discount,
    fee,
    refunded: moneyFromCanonical(asset, command.payment.refunded),
    payeeAvailable: moneyFromCanonical(asset, command.payeeAvailable),
    amount: command.amount === undefined ? undefined : moneyFromCanonical(asset, command.amount),
  })
}

// What is wrong with the payment's money facts, as [path, rule], or undefined: a real payment's
// discount is below what it captured and names its promotion, its fee is within it.
const paymentFactsProblem = (
  captured: bigint,
  discount: bigint,
  fee: bigint,
  promotionId: string | undefined,
): readonly [string, string] | undefined => {
  if (discount > 0n && discount >= captured)
    return ['payment.discount', 'must be below the captured amount']
  if (fee > captured) return ['payment.fee', 'must not exceed the captured amount']
  if (discount > 0n && promotionId === undefined)
    return ['payment.promotionId', 'is required with a discount']
  return undefined
}

/** The disputed amount: the caller's, or everything still disputable; positive and within it. */
const disputedAmount = (
  command: OpenDispute,
  amount: Money | undefined,
  disputable: { readonly minor: bigint; readonly scale: number },
): Either<DisputeError, bigint> => {
  assert(disputable.minor > 0n, 'disputedAmount: nothing is disputable')
  assert(
    amount === undefined || amount.scale === disputable.scale,
    'disputedAmount: scale mismatch',
  )
  const minor = amount?.minor ?? disputable.minor
  if (minor === 0n) {
    return left(
      disputeError('amount_not_positive', 'amount: must be greater than zero', { path: 'amount' }),
    )
  }
  if (minor > disputable.minor) {
    const remaining = formatMinor(disputable.minor, disputable.scale)
    const message = `amount: at most ${remaining} ${command.payment.asset} of payment ${command.paymentId} can still be disputed`
    return left(
      disputeError('dispute_amount_exceeds_payment', message, {
        path: 'amount',
        disputable: remaining,
      }),
    )
  }
  return right(minor)
}

const disputeOpened = (
  command: OpenDispute,
  amounts: OpeningAmounts,
  amountMinor: bigint,
  heldMinor: bigint,
): DisputeOpened => {
  assert(heldMinor >= 0n && heldMinor <= amountMinor, 'disputeOpened: held outside 0..amount')
  const { disputeId, paymentId, reason, holdId, responseDueAt, fingerprint, at, payment } = command
  const { scale } = amounts.captured
  // Only a payment with a discount names its promotion: the budget gets a share of a refund.
  const promotionId = amounts.discount.minor > 0n ? payment.promotionId : undefined
  return {
    type: 'DisputeOpened',
    schemaVersion: 1,
    data: {
      disputeId,
      paymentId,
      reason,
      payer: payment.payer,
      payee: payment.payee,
      asset: payment.asset,
      amount: formatMinor(amountMinor, scale),
      held: formatMinor(heldMinor, scale),
      shortfall: formatMinor(amountMinor - heldMinor, scale),
      holdId,
      responseDueAt,
      payment: {
        captured: formatMoney(amounts.captured),
        discount: formatMoney(amounts.discount),
        fee: formatMoney(amounts.fee),
        refunded: formatMoney(amounts.refunded),
        ...(promotionId === undefined ? {} : { promotionId }),
      },
      fingerprint,
      at,
    },
  }
}
