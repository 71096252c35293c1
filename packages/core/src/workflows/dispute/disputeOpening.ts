// Opening a dispute: the payment's facts and the payee's available balance are read and passed to
// the dispute decider; the disputed amount is held from the payee (platform-initiated, so a frozen
// payee still has it held) up to what it has available, the rest recorded as the shortfall. The
// opening's idempotency key is claimed in the same commit (disputeKey.ts).
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  assert,
  domainError,
  formatMinor,
  isDisputeActive,
  limits,
  moneyFromCanonical,
  paymentView,
} from '@wallet-ledger/domain'
import type { DisputeCommand, OpenedDisputeState, PaymentState } from '@wallet-ledger/domain'
import type { Write } from '../../engine/commit.js'
import type { LedgerContext } from '../../ledger/context.js'
import { parseCallerAmount } from '../../ledger/input.js'
import type { DisputeView, LedgerError } from '../../ledger/types.js'
import { decideAccountWrites } from '../shared/accountWrites.js'
import { decideWrite, holdIdsUsedUp } from '../shared/common.js'
import { disputesOfPayment } from './disputeFacts.js'
import { claimOpeningKey, openingFingerprint } from './disputeKey.js'
import { accountCommandsAfter, viewOfDispute } from './disputeSteps.js'
import type { Plan } from '../execution/run.js'
import { paymentNotFound } from '../../ledger/notFound.js'
import { workflowHoldIdOn } from '../shared/ids.js'

// ---------------------------------------------------------------- types

/** Why a payer disputes a payment. */
export type DisputeReason = 'unauthorized' | 'not_received' | 'wrong_amount' | 'duplicate'

/**
 * What an opening asks for, as the caller gave it (`amount` absent: everything disputable), and
 * the id its idempotency key names (`disputeKeyId`, or `reportKeyId` for a report's opening).
 */
export type OpeningRequest = {
  readonly keyId: string
  readonly paymentId: string
  readonly reason: DisputeReason
  readonly amount?: string
}

type Requested = Exclude<PaymentState, { status: 'not_requested' }>

// ---------------------------------------------------------------- operations

/**
 * Plans an opening. The same key and fields again answer the dispute they opened, whatever its
 * status since, and write nothing. Refusals, writing nothing: `payment_not_found`, the amount's
 * input codes, `idempotency_key_reused` (the key was used for another opening), `dispute_open`
 * (another dispute of the payment is undecided), `limit_exceeded` (`DISPUTES_PER_PAYMENT_MAX`
 * disputes already), and the dispute decider's (`invalid_transition` for a payment not settled or
 * fully refunded, `dispute_amount_exceeds_payment`).
 */
export const planOpenDispute = async (
  context: LedgerContext,
  request: OpeningRequest,
): Promise<Either<LedgerError, Plan<DisputeView>>> => {
  const { keyId, paymentId, reason } = request
  const payment = await context.repository.load(context.definitions.payment, paymentId)
  if (payment.state.status === 'not_requested') return left(paymentNotFound(paymentId))
  const { asset } = payment.state.request
  const amount =
    request.amount === undefined
      ? undefined
      : parseCallerAmount(context.registry, asset, request.amount, 'amount')
  if (amount?._tag === 'Left') return amount
  const keyed = {
    keyId,
    paymentId,
    reason,
    ...(amount === undefined ? {} : { amount: amount.right.amount }),
  }
  const fingerprint = openingFingerprint(keyed)
  const facts = await disputesOfPayment(context, paymentId)
  const now = context.clock()
  const at = now.toISOString()
  const claim = await claimOpeningKey(context, keyed, facts.disputes, at)
  if (claim._tag === 'Left') return claim
  const mine = facts.disputes.find((dispute) => dispute.fingerprint === fingerprint)
  if (mine !== undefined) return right({ writes: [], outcome: right(viewOfDispute(mine)) })
  const open = facts.disputes.find(isDisputeActive)
  if (open !== undefined) return left(disputeOpen(open))
  const disputeId = facts.nextDisputeId
  if (disputeId === undefined) {
    const message = `payment ${paymentId} has had ${limits.DISPUTES_PER_PAYMENT_MAX} disputes, the most it may`
    return left(
      domainError('limit_exceeded', message, { paymentId, max: limits.DISPUTES_PER_PAYMENT_MAX }),
    )
  }
  const opening = { disputeId, reason, fingerprint, disputeRefunded: facts.refunded }
  const planned = await planNewDispute(context, payment.state, opening, now, amount?.right.amount)
  if (planned._tag === 'Left') return planned
  // The claim goes first: step by step, a dispute is never recorded without it.
  const { writes, view } = planned.right
  return right({ writes: [claim.right, ...writes], outcome: right(view) })
}

// ---------------------------------------------------------------- helpers

/**
 * The writes of a new dispute at `opening.disputeId`: the dispute's stream (new, so with
 * 'no_stream' a concurrent opening of the same ordinal loses and plans again, then finds this
 * dispute open, or with the same key its own) and the payee's hold.
 */
const planNewDispute = async (
  context: LedgerContext,
  state: Requested,
  opening: Omit<Opening, 'payeeAvailable' | 'holdId'>,
  now: Date,
  amount: string | undefined,
): Promise<Either<LedgerError, { writes: readonly Write[]; view: DisputeView }>> => {
  const { disputeId } = opening
  const at = now.toISOString()
  const payee = await payeeFactsOf(context, state, disputeId)
  if (payee._tag === 'Left') return payee
  const command = openCommandOf(context, state, { ...opening, ...payee.right }, now, amount)
  const definition = context.definitions.dispute
  const loaded = await context.repository.load(definition, disputeId)
  const write = decideWrite(definition, definition.stream(disputeId), loaded, command)
  if (write._tag === 'Left') {
    const details = { ...write.left.details, paymentId: state.paymentId }
    return left({ ...write.left, details })
  }
  const commands = accountCommandsAfter(loaded.state, write.right.events, at)
  const accounts = await decideAccountWrites(context, commands, at)
  if (accounts._tag === 'Left') return accounts
  const disputeWrite = { ...write.right, expectedRevision: 'no_stream' as const }
  return right({
    writes: [disputeWrite, ...accounts.right],
    view: viewOfDispute(write.right.nextState),
  })
}

type Opening = {
  readonly disputeId: string
  readonly reason: DisputeReason
  readonly fingerprint: string
  readonly payeeAvailable: string
  readonly holdId: string
  readonly disputeRefunded: string
}

// The OpenDispute command: opened by the payer, answerable by the payee until `disputeResponseMs`
// from now, the hold named after the dispute (see `workflowHoldIdOn`).
const openCommandOf = (
  context: LedgerContext,
  state: Requested,
  opening: Opening,
  now: Date,
  amount: string | undefined,
): DisputeCommand => {
  const { disputeId, reason, fingerprint, payeeAvailable, holdId } = opening
  assert(context.disputeResponseMs > 0, 'disputeResponseMs must be positive')
  return {
    type: 'OpenDispute',
    disputeId,
    paymentId: state.paymentId,
    openedBy: state.request.payer,
    reason,
    at: now.toISOString(),
    responseDueAt: new Date(now.getTime() + context.disputeResponseMs).toISOString(),
    holdId,
    payment: paymentFactsOf(state, opening.disputeRefunded),
    payeeAvailable,
    fingerprint,
    ...(amount === undefined ? {} : { amount }),
  } as DisputeCommand
}

// Another opening while a dispute of the payment waits for its outcome.
const disputeOpen = (open: OpenedDisputeState): LedgerError<'dispute_open'> => {
  const message = `payment ${open.paymentId} already has dispute ${open.disputeId} waiting for an outcome`
  return domainError('dispute_open', message, {
    paymentId: open.paymentId,
    disputeId: open.disputeId,
  })
}

/**
 * The payment's facts for the dispute decider. `refunded` is the payment's own refunds plus what
 * earlier disputes refunded, so refunds and dispute refunds together never pass the captured amount;
 * with the discount and the fee, a refund of the dispute splits like a payment refund, its shares
 * cumulative over everything refunded before it.
 */
const paymentFactsOf = (state: Requested, disputeRefunded: string) => {
  const { request, scale } = state
  const captured = 'captured' in state ? state : undefined
  const fromDisputes = moneyFromCanonical(request.asset, disputeRefunded).minor
  const discount = captured?.discount ?? 0n
  return {
    payer: request.payer,
    payee: request.payee,
    asset: request.asset,
    captured: formatMinor(captured?.captured ?? 0n, scale),
    discount: formatMinor(discount, scale),
    fee: formatMinor(captured?.fee ?? 0n, scale),
    refunded: formatMinor((captured?.refunded ?? 0n) + fromDisputes, scale),
    status: paymentView(state).status,
    ...(discount > 0n && request.promotionId !== undefined
      ? { promotionId: request.promotionId }
      : {}),
  }
}

/**
 * The payee's available balance in the payment's asset, and the id the dispute's hold takes on the
 * payee. A closed payee holds nothing and receives no hold, so its available counts as zero: the
 * platform covers the whole refund if the payer wins.
 */
const payeeFactsOf = async (
  context: LedgerContext,
  state: Requested,
  disputeId: string,
): Promise<Either<LedgerError, { payeeAvailable: string; holdId: string }>> => {
  const payee = await context.repository.load(context.definitions.account, state.request.payee)
  const isHoldable = payee.state.status === 'active' || payee.state.status === 'frozen'
  const available = isHoldable ? (payee.state.balances[state.request.asset]?.available ?? 0n) : 0n
  const holdId = workflowHoldIdOn('dispute', disputeId, payee.state)
  if (holdId === undefined) return left(holdIdsUsedUp(disputeId))
  return right({
    payeeAvailable: formatMinor(available > 0n ? available : 0n, state.scale),
    holdId,
  })
}
