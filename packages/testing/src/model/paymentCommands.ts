// The model of payments: pay (instant or manual), capture, cancel and refund, with the merchant fee
// rounded half-even and taken back pro rata by refunds, and every refusal in the order DESIGN.md
// and the engine's contract give them: bad input writes nothing, a refused payment request is
// recorded as the payment's only event.
import { fieldsKey, percentHalfEven, readAmount, refundFeeShare } from './arithmetic.js'
import {
  accountOf,
  balanceOf,
  credit,
  debit,
  hold,
  ok,
  platformAccount,
  rejected,
  senderRefusal,
  settleHold,
  todayOf,
} from './ledgerModel.js'
import { positiveAmount } from './moneyCommands.js'
import { discountOf, payerRefundShare, returnDiscount, spendDiscount } from './promotionCommands.js'
import type { ModelDiscount } from './promotionCommands.js'
import type { LedgerModel, ModelAccount, ModelOutcome, ModelPayment } from './types.js'

// ---------------------------------------------------------------- types

/** The caller's fields of `pay` the model generates. */
export type ModelPay = {
  readonly channel: 'merchant_qr' | 'online' | 'p2p' | 'bill'
  readonly payer: string
  readonly payee: string
  readonly asset: string
  readonly amount: string
  readonly authorization?: { readonly method: string; readonly verified: boolean }
  readonly memo?: string
  readonly capture?: 'instant' | 'manual'
  readonly promotionId?: string
  readonly idempotencyKey: string
}

const FEES = 'system:fees'

// ---------------------------------------------------------------- pay

/** `pay`: input, the key, the parties, then the recorded refusals, then the money. */
export const modelPay = (model: LedgerModel, input: ModelPay): ModelOutcome => {
  const amount = positiveAmount(model, input.asset, input.amount)
  if ('code' in amount) return { expected: rejected(amount.code) }
  const capture = input.capture ?? 'instant'
  const fingerprint = fieldsKey({ ...input, amount: amount.minor.toString(), capture })
  const existing = model.payments.get(input.idempotencyKey)
  if (existing !== undefined)
    return { expected: replayOf(existing, fingerprint), payment: existing }
  const payer = accountOf(model, input.payer)
  const payee = accountOf(model, input.payee)
  if (payer === undefined || payer.kind === 'system')
    return { expected: rejected('account_not_found') }
  if (payee === undefined || payee.kind === 'system')
    return { expected: rejected('account_not_found') }
  const promotion =
    input.promotionId === undefined ? undefined : model.promotions.get(input.promotionId)
  if (input.promotionId !== undefined && promotion === undefined)
    return { expected: rejected('promotion_not_found') }
  if (payer.id === payee.id) return { expected: rejected('same_account') }
  if (capture === 'manual' && (input.channel !== 'online' || promotion !== undefined))
    return { expected: rejected('invalid_input') }
  const quote =
    promotion === undefined
      ? { minor: 0n }
      : discountOf(model, promotion, payer.id, input.asset, amount.minor)
  const discount = 'minor' in quote ? quote.minor : 0n
  const payment: ModelPayment = {
    key: input.idempotencyKey,
    fingerprint,
    status: capture === 'manual' ? 'authorized' : 'completed',
    payer: payer.id,
    payee: payee.id,
    asset: input.asset,
    amount: amount.minor,
    captured: 0n,
    discount,
    fee: 0n,
    refunded: 0n,
    ...(discount > 0n ? { promotionId: input.promotionId } : {}),
    ...(payee.kind === 'merchant' && payee.feeRate !== undefined ? { feeRate: payee.feeRate } : {}),
    ...(capture === 'manual' ? { expiresAtMs: model.nowMs + model.authorizationTtlMs } : {}),
  }
  model.payments.set(payment.key, payment)
  const refusal = payRefusal(model, payer, payee, input, amount.minor - discount, quote)
  if (refusal !== undefined) {
    payment.status = 'failed'
    payment.failure = refusal
    return { expected: { kind: 'recorded', code: refusal, workflow: 'payment' }, payment }
  }
  if (capture === 'manual') hold(payer, payment.key, input.asset, amount.minor, todayOf(model))
  else settle(model, payment, payer, amount.minor, undefined)
  spendDiscount(model, payment)
  return { expected: ok(), payment }
}

// A retry answers as the first call did: the recorded refusal, or the payment as it is now.
const replayOf = (existing: ModelPayment, fingerprint: string) => {
  if (existing.fingerprint !== fingerprint) return rejected('idempotency_key_reused')
  return existing.failure === undefined ? ok(false) : rejected(existing.failure)
}

// The refusals a payment records, in DESIGN's order: status, security, limits, the promotion,
// balance; `charged` is what leaves the payer (the amount less a discount the promotion gives).
const payRefusal = (
  model: LedgerModel,
  payer: ModelAccount,
  payee: ModelAccount,
  input: ModelPay,
  charged: bigint,
  quote: ModelDiscount,
): string | undefined => {
  if (payer.status === 'frozen') return 'account_frozen'
  if (payer.status === 'closed') return 'account_closed'
  if (payee.status === 'closed') return 'account_closed'
  const sender = senderRefusal(model, payer, input.asset, charged, input.authorization)
  if (sender !== undefined) return sender
  if ('code' in quote) return quote.code
  return balanceOf(payer, input.asset).available < charged ? 'insufficient_balance' : undefined
}

// Moves a captured amount: from the payer (out of the hold when `holdName` is given, else out of
// available, counting toward today's limit), to the payee less the fee, the fee to the platform.
const settle = (
  model: LedgerModel,
  payment: ModelPayment,
  payer: ModelAccount,
  captured: bigint,
  holdName: string | undefined,
): void => {
  const fee = payment.feeRate === undefined ? 0n : percentHalfEven(captured, payment.feeRate)
  const charged = captured - payment.discount
  if (holdName === undefined) debit(payer, payment.asset, charged, todayOf(model))
  else settleHold(payer, holdName, captured)
  const payee = accountOf(model, payment.payee)
  if (payee === undefined) throw new Error(`model: payee ${payment.payee} vanished`)
  credit(payee, payment.asset, captured - fee)
  if (fee > 0n) credit(platformAccount(model, FEES), payment.asset, fee)
  payment.captured = captured
  payment.fee = fee
  payment.status = 'completed'
}

// ---------------------------------------------------------------- capture and cancel

/** A payment by the id the ledger gave it. */
export const paymentById = (model: LedgerModel, paymentId: string): ModelPayment | undefined =>
  [...model.payments.values()].find((payment) => payment.paymentId === paymentId)

/**
 * `capturePayment`: all of an authorization or part of it (the rest released), before it expires;
 * the payer's freeze does not stop it (the platform captures), a closed payee does.
 */
export const modelCapture = (
  model: LedgerModel,
  paymentId: string,
  amountText?: string,
): ModelOutcome => {
  const payment = paymentById(model, paymentId)
  if (payment === undefined) return { expected: rejected('payment_not_found') }
  const amount =
    amountText === undefined ? undefined : positiveAmount(model, payment.asset, amountText)
  if (amount !== undefined && 'code' in amount) return { expected: rejected(amount.code) }
  const result = { payment }
  if (payment.status !== 'authorized')
    return { ...result, expected: rejected('invalid_transition') }
  if (model.nowMs > (payment.expiresAtMs ?? 0))
    return { ...result, expected: rejected('invalid_transition') }
  const captured = amount?.minor ?? payment.amount
  if (captured > payment.amount)
    return { ...result, expected: rejected('capture_exceeds_authorized') }
  const payer = accountOf(model, payment.payer)
  const payee = accountOf(model, payment.payee)
  if (payer === undefined || payee === undefined) throw new Error('model: party vanished')
  if (payee.status === 'closed') return { ...result, expected: rejected('account_closed') }
  settle(model, payment, payer, captured, payment.key)
  return { ...result, expected: ok() }
}

/** `cancelPayment`: releases an authorization; cancelling a cancelled payment is a retry. */
export const modelCancel = (model: LedgerModel, paymentId: string): ModelOutcome => {
  const payment = paymentById(model, paymentId)
  if (payment === undefined) return { expected: rejected('payment_not_found') }
  if (payment.status === 'cancelled') return { expected: ok(false), payment }
  if (payment.status !== 'authorized') return { expected: rejected('invalid_transition'), payment }
  const payer = accountOf(model, payment.payer)
  if (payer === undefined) throw new Error('model: payer vanished')
  settleHold(payer, payment.key, 0n)
  payment.status = 'cancelled'
  return { expected: ok(), payment }
}

// ---------------------------------------------------------------- refund

/** The caller's fields of `refund`. */
export type ModelRefund = {
  readonly paymentId: string
  readonly amount?: string
  readonly idempotencyKey: string
}

/**
 * `refund`: gross amounts, at most what is still refundable; the fee taken back pro rata; the
 * payee (even frozen: refunds are the platform's) must cover its share. The key identifies the
 * refund across the whole ledger: the same key for another payment or amount is reused.
 */
export const modelRefund = (model: LedgerModel, input: ModelRefund): ModelOutcome => {
  const payment = paymentById(model, input.paymentId)
  if (payment === undefined) return { expected: rejected('payment_not_found') }
  const scale = model.assets.get(payment.asset) ?? 0
  const amount = input.amount === undefined ? undefined : readAmount(input.amount, scale)
  if (amount !== undefined && 'code' in amount) return { expected: rejected(amount.code) }
  if (amount?.minor === 0n) return { expected: rejected('amount_not_positive') }
  // The key is claimed for the whole ledger: checked before the payment's own state.
  const fingerprint = fieldsKey({ paymentId: input.paymentId, amount: amount?.minor.toString() })
  const recorded = model.refunds.get(input.idempotencyKey)
  if (recorded !== undefined) {
    const isRetry = recorded.paymentKey === payment.key && recorded.fingerprint === fingerprint
    return { expected: isRetry ? ok(false) : rejected('idempotency_key_reused'), payment }
  }
  const captured = ['completed', 'refunded', 'partially_refunded'].includes(payment.status)
  if (!captured) return { expected: rejected('invalid_transition'), payment }
  const refundable = payment.captured - payment.refunded
  const gross = amount?.minor ?? refundable
  if (gross <= 0n || gross > refundable)
    return { expected: rejected('refund_exceeds_captured'), payment }
  const refusal = refundRefusal(model, payment, gross)
  if (refusal !== undefined) return { expected: rejected(refusal), payment }
  applyRefund(model, payment, gross)
  model.refunds.set(input.idempotencyKey, { paymentKey: payment.key, fingerprint })
  return { expected: ok(), payment }
}

const feeShareOf = (payment: ModelPayment, gross: bigint): bigint =>
  refundFeeShare(payment.captured, payment.fee, payment.refunded, payment.refunded + gross)

// The account refusals of a refund's legs, in the entry's order: payee, fees, payer.
const refundRefusal = (
  model: LedgerModel,
  payment: ModelPayment,
  gross: bigint,
): string | undefined => {
  const payee = accountOf(model, payment.payee)
  const payer = accountOf(model, payment.payer)
  if (payee === undefined || payer === undefined) throw new Error('model: party vanished')
  const feeShare = feeShareOf(payment, gross)
  if (gross - feeShare > 0n) {
    if (payee.status === 'closed') return 'account_closed'
    if (balanceOf(payee, payment.asset).available < gross - feeShare) return 'insufficient_balance'
  }
  const fees = accountOf(model, FEES)
  if (feeShare > 0n && (fees === undefined || balanceOf(fees, payment.asset).available < feeShare))
    return 'insufficient_balance'
  const payerShare = payerRefundShare(payment, payment.refunded, payment.refunded + gross)
  return payerShare > 0n && payer.status === 'closed' ? 'account_closed' : undefined
}

const applyRefund = (model: LedgerModel, payment: ModelPayment, gross: bigint): void => {
  const feeShare = feeShareOf(payment, gross)
  const payerShare = payerRefundShare(payment, payment.refunded, payment.refunded + gross)
  const payee = accountOf(model, payment.payee)
  const payer = accountOf(model, payment.payer)
  if (payee === undefined || payer === undefined) throw new Error('model: party vanished')
  debit(payee, payment.asset, gross - feeShare)
  if (feeShare > 0n) debit(platformAccount(model, FEES), payment.asset, feeShare)
  if (payerShare > 0n) credit(payer, payment.asset, payerShare)
  returnDiscount(model, payment, gross - payerShare)
  payment.refunded += gross
  payment.status = payment.refunded === payment.captured ? 'refunded' : 'partially_refunded'
}
