// Refunds: the payment's stream records each refund with its journal entry (PaymentRefunded); the
// payee's and the fee account's debits, the payer's credit and, for a discounted payment, the
// promotion's share back (DiscountReturned) are decided against their own states and committed
// with it. Refunds are started by the platform, so a frozen payee still refunds (freeze rules).
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  assert,
  boundedString,
  domainError,
  legsOf,
  limits,
  paymentView,
  promotionBudgetAccount,
} from '@wallet-ledger/domain'
import type {
  PaymentCommand,
  PaymentRefunded,
  PaymentState,
  PromotionCommand,
} from '@wallet-ledger/domain'
import type { Write } from '../engine/commit.js'
import { idFromIdempotencyKey } from '../engine/ids.js'
import { entryIdOf } from '../engine/workflowRefs.js'
import type { LedgerContext } from '../ledger/context.js'
import { decodeCaller, fingerprintOf, parseCallerAmount } from '../ledger/input.js'
import type { Ledger, LedgerError, PaymentView } from '../ledger/types.js'
import { decideAccountWrites, legCommands } from './accountWrites.js'
import { commitMetadataOf, decideWrite, nowOf, withContext } from './common.js'
import { disputesOfPayment } from './disputeFacts.js'
import { runPlanned } from './run.js'
import type { Plan } from './run.js'

// ---------------------------------------------------------------- input codec

const RefundInput = withContext(
  {
    paymentId: t.string,
    idempotencyKey: boundedString(limits.IDEMPOTENCY_KEY_LENGTH_MAX, 'IdempotencyKey'),
  },
  { amount: t.string },
  'Refund',
)
type RefundInput = t.TypeOf<typeof RefundInput>

type Requested = Exclude<PaymentState, { status: 'not_requested' }>

// ---------------------------------------------------------------- helpers

const paymentNotFound = (paymentId: string): LedgerError =>
  domainError('payment_not_found', `payment ${paymentId} does not exist`, { paymentId })

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
): Promise<Either<LedgerError, PaymentCommand>> => {
  const { paymentId, idempotencyKey } = input
  const parsed =
    input.amount === undefined
      ? undefined
      : parseCallerAmount(context.registry, state.request.asset, input.amount, 'amount')
  if (parsed?._tag === 'Left') return parsed
  const amount = parsed?.right.amount
  const refundId = idFromIdempotencyKey(context.idNamespace, 'refund', idempotencyKey)
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
  } as PaymentCommand)
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
  return write._tag === 'Left' ? write : right([...accounts.right, write.right])
}

/** Plans one refund: the payment's write first, then the follow-ups; a retry writes nothing. */
const planRefund = async (
  context: LedgerContext,
  input: RefundInput,
): Promise<Either<LedgerError, Plan<PaymentView>>> => {
  const definition = context.definitions.payment
  const loaded = await context.repository.load(definition, input.paymentId)
  if (loaded.state.status === 'not_requested') return left(paymentNotFound(input.paymentId))
  const state = loaded.state
  const at = nowOf(context)
  const command = await refundCommandOf(context, input, state, at)
  if (command._tag === 'Left') return command
  const write = decideWrite(definition, definition.stream(input.paymentId), loaded, command.right)
  if (write._tag === 'Left') return write
  const view = paymentView(write.right.nextState) as PaymentView
  const [refunded, ...others] = write.right.events
  if (refunded === undefined) return right({ writes: [], outcome: right(view) })
  assert(others.length === 0, 'RefundPayment records one event')
  assert(refunded.type === 'PaymentRefunded', `RefundPayment recorded ${refunded.type}`)
  const rest = await refundFollowUps(context, state, refunded, at)
  if (rest._tag === 'Left') return rest
  return right({ writes: [write.right, ...rest.right], outcome: right(view) })
}

// ---------------------------------------------------------------- the methods

/**
 * The refund method of the ledger. `amount` is gross (absent: everything still refundable); with a
 * discount the payer gets their pro-rata share of what they were charged and the promotion's budget
 * the rest, and the merchant fee is taken back pro rata. The refund id is derived from the
 * idempotency key: the same key and fields again return the payment as it is now and write
 * nothing; the same key with another amount is `idempotency_key_reused`. Refusals (nothing
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
