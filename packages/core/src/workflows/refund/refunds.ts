// Refunds: the payment's stream records each refund with its journal entry (PaymentRefunded); the
// payee's and the fee account's debits, the payer's credit and, for a discounted payment, the
// promotion's share back (DiscountReturned) are decided against their own states and committed
// with it. Refunds are started by the platform, so a frozen payee still refunds (freeze rules).
// The idempotency key is claimed ledger-wide on its own stream (`claim-<refundId>`) in the same
// commit: the payment's stream alone only knows its own refunds, so without the claim a key used
// for a refund of one payment would be accepted again for another.
import type * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  assert,
  CallerId,
  domainError,
  legsOf,
  limits,
  moneyFromCanonical,
  paymentView,
  promotionBudgetAccount,
} from '@wallet-ledger/domain'
import type {
  ClaimCommand,
  PaymentRefunded,
  PaymentState,
  PromotionCommand,
  RefundPayment,
} from '@wallet-ledger/domain'
import type { Write } from '../../engine/commit.js'
import type { Loaded } from '../../engine/repository.js'
import type { LedgerContext } from '../../ledger/context.js'
import { AmountText, decodeCaller, fingerprintOf, parseCallerAmount } from '../../ledger/input.js'
import type { Ledger, LedgerError, PaymentView } from '../../ledger/types.js'
import { decideAccountWrites, legCommands } from '../shared/accountWrites.js'
import {
  IdempotencyKey,
  commitMetadataOf,
  decideWrite,
  nowOf,
  withContext,
} from '../shared/common.js'
import { disputesOfPayment } from '../dispute/disputeFacts.js'
import { runPlanned } from '../execution/run.js'
import type { Plan } from '../execution/run.js'
import { paymentNotFound } from '../../ledger/notFound.js'
import { keyedIdOf, entryIdOf } from '../shared/ids.js'

// ---------------------------------------------------------------- input codec

/** The caller's input to `refund` (contract.unit.spec.ts ties it to `Ledger`). */
export const RefundInput = withContext(
  {
    paymentId: CallerId,
    idempotencyKey: IdempotencyKey,
  },
  { amount: AmountText },
  'Refund',
)
type RefundInput = t.TypeOf<typeof RefundInput>

type Requested = Exclude<PaymentState, { status: 'not_requested' }>

// ---------------------------------------------------------------- helpers

/**
 * The RefundPayment command for a loaded payment: the amount parsed in the payment's asset (absent:
 * everything still refundable), the fingerprint of the caller's fields with the amount canonical,
 * and the facts of the payment's disputes.
 */
const refundCommandOf = async (
  context: LedgerContext,
  input: RefundInput,
  state: Requested,
  at: string,
): Promise<Either<LedgerError, RefundPayment>> => {
  const { paymentId, idempotencyKey } = input
  const parsed =
    input.amount === undefined
      ? undefined
      : parseCallerAmount(context.registry, state.request.asset, input.amount, 'amount')
  if (parsed?._tag === 'Left') return parsed
  const amount = parsed?.right.amount
  const refundId = keyedIdOf(context, 'refund', idempotencyKey)
  const disputes = await disputesOfPayment(context, paymentId)
  return right({
    type: 'RefundPayment',
    paymentId,
    refundId,
    entryId: entryIdOf('payment', paymentId, `refund-${refundId}`),
    fingerprint: fingerprintOf({ paymentId, ...(amount === undefined ? {} : { amount }) }),
    hasOpenDispute: disputes.hasOpenDispute,
    disputeRefunded: disputes.refunded,
    at,
    ...(amount === undefined ? {} : { amount }),
  } as RefundPayment)
}

/**
 * The writes that follow a refund: every account leg of its entry (debits platform-initiated, so
 * a frozen payee still refunds; the payee's balance must still cover its share), and the
 * promotion's DiscountReturned when the entry gives part of a discount back to the budget.
 */
const refundFollowUps = async (
  context: LedgerContext,
  state: Requested,
  event: PaymentRefunded,
  at: string,
): Promise<Either<LedgerError, Write[]>> => {
  const { entry, paymentId } = event.data
  const accounts = await decideAccountWrites(context, legCommands(entry, at), at)
  if (accounts._tag === 'Left') return accounts
  const promotionId = state.request.promotionId
  if (promotionId === undefined) return right(accounts.right)
  if (legsOf(entry, promotionBudgetAccount(promotionId)).length === 0) return right(accounts.right)
  const definition = context.definitions.promotion
  const loaded = await context.repository.load(definition, promotionId)
  const command = { type: 'ReturnDiscount', promotionId, paymentId, entry, at } as PromotionCommand
  const write = decideWrite(definition, definition.stream(promotionId), loaded, command)
  // The command goes with the write: the step-by-step executor decides it again after the
  // payment's decision is recorded (promotionSteps.ts).
  return write._tag === 'Left'
    ? write
    : right([...accounts.right, { ...write.right, commands: [command] }])
}

/**
 * The claim of the refund's idempotency key, decided before the payment is: a key already claimed
 * with other fields (for another payment, or another amount) is `idempotency_key_reused` whatever
 * the payment would answer; the same claim again decides nothing. The stream is new when the key
 * is, hence `no_stream`: of two refunds racing with one key, only one commits.
 */
const claimWrite = async (
  context: LedgerContext,
  command: RefundPayment,
): Promise<Either<LedgerError, Write>> => {
  const definition = context.definitions.claim
  const { refundId, paymentId, fingerprint, at } = command
  const loaded = await context.repository.load(definition, refundId)
  const claim = {
    type: 'ClaimIdempotencyKey',
    claimId: refundId,
    kind: 'refund',
    entityRef: paymentId,
    fingerprint,
    at,
  } as ClaimCommand
  const write = decideWrite(definition, definition.stream(refundId), loaded, claim)
  if (write._tag === 'Left')
    return left({ ...write.left, details: { ...write.left.details, paymentId } })
  if (write.right.events.length === 0) return write
  assert(loaded.revision === 'no_stream', `claim ${refundId} exists but decided a new claim`)
  return right({ ...write.right, expectedRevision: 'no_stream' })
}

/**
 * Plans one refund: the key's claim first, then the payment's write and its follow-ups (the
 * step-by-step executor appends the claim before the payment's decision, so a refund is never
 * recorded without its claim); a retry writes nothing. Undefined when an account refused against a
 * payment that has moved on since it was loaded: plan again.
 */
const planRefundOnce = async (
  context: LedgerContext,
  input: RefundInput,
): Promise<Either<LedgerError, Plan<PaymentView>> | undefined> => {
  const definition = context.definitions.payment
  const loaded = await context.repository.load(definition, input.paymentId)
  if (loaded.state.status === 'not_requested') return left(paymentNotFound(input.paymentId))
  const state = loaded.state
  const at = nowOf(context)
  const command = await refundCommandOf(context, input, state, at)
  if (command._tag === 'Left') return command
  const claim = await claimWrite(context, command.right)
  if (claim._tag === 'Left') return claim
  const write = decideWrite(definition, definition.stream(input.paymentId), loaded, command.right)
  if (write._tag === 'Left') return write
  const fromDisputes = moneyFromCanonical(state.request.asset, command.right.disputeRefunded)
  const view = paymentView(write.right.nextState, fromDisputes.minor)
  const [refunded, ...others] = write.right.events
  // A retry: the payment has the refund already. Its claim was committed with it (or, for a
  // refund recorded before claims existed, is not needed: the payment itself answers the retry).
  if (refunded === undefined) return right({ writes: [], outcome: right(view) })
  assert(others.length === 0, 'RefundPayment records one event')
  assert(refunded.type === 'PaymentRefunded', `RefundPayment recorded ${refunded.type}`)
  const rest = await refundFollowUps(context, state, refunded, at)
  if (rest._tag === 'Left')
    return (await hasMoved(context, input.paymentId, loaded)) ? undefined : rest
  return right({ writes: [claim.right, write.right, ...rest.right], outcome: right(view) })
}

// True when the payment's stream has moved on since `loaded`: another process recorded a refund
// (or a dispute's) meanwhile, so a refusal of the accounts (the fees account short of the fee
// share that refund already took back) answers a state that is gone.
const hasMoved = async (
  context: LedgerContext,
  paymentId: string,
  loaded: Loaded<PaymentState>,
): Promise<boolean> => {
  const again = await context.repository.load(context.definitions.payment, paymentId)
  return again.revision !== loaded.revision
}

/**
 * Plans one refund against the payment as it is now. An account's refusal made against a payment
 * another process has refunded meanwhile is planned again, a bounded number of times, so two
 * ledgers racing full refunds answer `refund_exceeds_captured` as a serial order would, not
 * `insufficient_balance` of the fees account.
 */
const planRefund = async (
  context: LedgerContext,
  input: RefundInput,
): Promise<Either<LedgerError, Plan<PaymentView>>> => {
  for (let attempt = 0; attempt < limits.COMMAND_RETRIES_MAX; attempt += 1) {
    const planned = await planRefundOnce(context, input)
    if (planned !== undefined) return planned
  }
  return left(
    domainError(
      'concurrency_conflict',
      `payment ${input.paymentId} kept changing while its refund was planned; retry with the same idempotency key`,
      { paymentId: input.paymentId },
    ),
  )
}

// ---------------------------------------------------------------- the methods

/**
 * The refund method of the ledger. `amount` is gross (absent: everything still refundable); with a
 * discount the payer gets their pro-rata share of what they were charged and the promotion's budget
 * the rest, and the merchant fee is taken back pro rata. The refund id is derived from the
 * idempotency key: the same key and fields again return the payment as it is now and write
 * nothing; the same key with another amount, or for a refund of another payment, is
 * `idempotency_key_reused` (the key is claimed ledger-wide). Refusals (nothing
 * written): `payment_not_found`, `invalid_transition` (not captured), `dispute_open`,
 * `refund_exceeds_captured` (refunds plus dispute refunds would pass the captured amount),
 * `limit_exceeded` (refunds per payment), and the payee's or payer's account refusals
 * (`insufficient_balance` when the payee cannot cover its share, `account_closed`).
 */
export const refundCommands = (context: LedgerContext): Pick<Ledger, 'refund'> => ({
  refund: async (raw) => {
    const input = decodeCaller(RefundInput, raw)
    if (input._tag === 'Left') return input
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planRefund(context, input.right),
    )
  },
})
