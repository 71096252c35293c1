// Steps of the model-based property that move money: deposits, adjustments, payments (instant and
// manual, every channel), captures, cancels, refunds and conversions, valid and invalid.
import fc from 'fast-check'
import {
  modelAdjust,
  modelCancel,
  modelCapture,
  modelConvert,
  modelDeposit,
  modelPay,
  modelRefund,
} from '@wallet-ledger/testing'
import {
  arbAccount,
  arbAmountSpec,
  arbAsset,
  arbAuthorization,
  arbKey,
  arbParty,
  arbPick,
  pickPayment,
  renderAmount,
  show,
} from './modelInputs.js'
import { MISSING_ID, scaleOf, step } from './modelStep.js'

// ---------------------------------------------------------------- money in

export const deposit = step(
  'deposit',
  fc.record({
    accountId: arbAccount,
    asset: arbAsset,
    amount: arbAmountSpec,
    source: fc.constantFrom('bank_transfer' as const, 'card' as const, 'crypto' as const),
    key: arbKey,
  }),
  (g) => (model) => {
    const input = {
      accountId: g.accountId,
      asset: g.asset,
      amount: renderAmount(g.amount, scaleOf(model, g.asset)),
      source: { type: g.source, reference: `ref-${g.key}` },
      idempotencyKey: g.key,
    }
    return {
      label: `deposit ${show(input)}`,
      model: (m) => modelDeposit(m, input),
      call: (ledger) => ledger.deposit(input),
      idempotency: `deposit:${g.key}`,
    }
  },
)

export const adjust = step(
  'adjust',
  fc.record({
    accountId: arbAccount,
    asset: arbAsset,
    amount: arbAmountSpec,
    direction: fc.constantFrom('credit' as const, 'debit' as const),
    key: arbKey,
  }),
  (g) => (model) => {
    const input = {
      accountId: g.accountId,
      asset: g.asset,
      amount: renderAmount(g.amount, scaleOf(model, g.asset)),
      direction: g.direction,
      reason: 'correction',
      idempotencyKey: g.key,
    }
    return {
      label: `adjust ${show(input)}`,
      model: (m) => modelAdjust(m, input),
      call: (ledger) => ledger.adjust(input),
      idempotency: `adjust:${g.key}`,
    }
  },
)

// ---------------------------------------------------------------- payments

export const pay = step(
  'pay',
  fc.record({
    payer: arbParty,
    payee: arbParty,
    asset: arbAsset,
    amount: arbAmountSpec,
    // Manual capture is for online checkout: mostly generated together, sometimes not (refused).
    shape: fc.constantFrom(
      { channel: 'merchant_qr' as const, isManual: false },
      { channel: 'p2p' as const, isManual: false },
      { channel: 'online' as const, isManual: false },
      { channel: 'online' as const, isManual: true },
      { channel: 'online' as const, isManual: true },
      { channel: 'online' as const, isManual: true },
      { channel: 'bill' as const, isManual: false },
      { channel: 'p2p' as const, isManual: true },
    ),
    authorization: arbAuthorization,
    promotionId: fc.option(
      fc.constantFrom('spring', 'spring', 'fixed', 'fixed', 'later', 'points', 'nope'),
      { nil: undefined, freq: 2 },
    ),
    // Promotions are for instant payments: on a manual one (invalid_input) only now and then.
    isPromotionOnManual: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    key: arbKey,
  }),
  (g) => (model) => {
    const input = {
      channel: g.shape.channel,
      payer: g.payer,
      payee: g.payee,
      asset: g.asset,
      amount: renderAmount(g.amount, scaleOf(model, g.asset)),
      ...(g.authorization === undefined ? {} : { authorization: g.authorization }),
      ...(g.shape.isManual ? { capture: 'manual' as const } : {}),
      ...(g.promotionId === undefined || (g.shape.isManual && !g.isPromotionOnManual)
        ? {}
        : { promotionId: g.promotionId }),
      idempotencyKey: g.key,
    }
    return {
      label: `pay ${show(input)}`,
      model: (m) => modelPay(m, input),
      call: (ledger) => ledger.pay(input),
      idempotency: `pay:${g.key}`,
    }
  },
)

export const capture = step(
  'capturePayment',
  fc.record({ pick: arbPick, amount: fc.option(arbAmountSpec, { nil: undefined }) }),
  (g) => (model) => {
    const payment = pickPayment(model, g.pick, ['authorized'])
    const paymentId = payment?.paymentId ?? MISSING_ID
    const scale = payment === undefined ? 2 : scaleOf(model, payment.asset)
    const amount = g.amount === undefined ? undefined : renderAmount(g.amount, scale)
    const input = { paymentId, ...(amount === undefined ? {} : { amount }) }
    return {
      label: `capturePayment ${show(input)}`,
      model: (m) => modelCapture(m, paymentId, amount),
      call: (ledger) => ledger.capturePayment(input),
    }
  },
)

export const cancel = step('cancelPayment', arbPick, (pick) => (model) => {
  const paymentId = pickPayment(model, pick, ['authorized'])?.paymentId ?? MISSING_ID
  return {
    label: `cancelPayment ${paymentId}`,
    model: (m) => modelCancel(m, paymentId),
    call: (ledger) => ledger.cancelPayment({ paymentId }),
  }
})

export const refund = step(
  'refund',
  fc.record({
    pick: arbPick,
    amount: fc.option(arbAmountSpec, { nil: undefined }),
    key: arbKey,
  }),
  (g) => (model) => {
    const payment = pickPayment(model, g.pick, ['completed', 'partially_refunded'])
    const paymentId = payment?.paymentId ?? MISSING_ID
    const scale = payment === undefined ? 2 : scaleOf(model, payment.asset)
    // Refund amounts are a tenth of payment-sized amounts, so partial refunds happen.
    const spec = g.amount?.kind === 'valid' ? { ...g.amount, permille: 1 + (g.amount.permille % 100) } : g.amount
    const amount = spec === undefined ? undefined : renderAmount(spec, scale)
    // Refund keys are drawn for the whole ledger, so a key is sometimes reused for a refund of
    // another payment (idempotency_key_reused: the engine claims refund keys ledger-wide).
    const idempotencyKey = `refund-${g.key}`
    const input = { paymentId, idempotencyKey, ...(amount === undefined ? {} : { amount }) }
    return {
      label: `refund ${show(input)}`,
      model: (m) => modelRefund(m, input),
      call: (ledger) => ledger.refund(input),
      idempotency: `refund:${idempotencyKey}`,
    }
  },
)

// ---------------------------------------------------------------- conversions

// Rates between the properties' assets, some leaving a remainder for the desk, some so small a
// small amount buys nothing (amount_not_positive).
const arbRate = fc.constantFrom('1', '0.5', '3', '7.1234', '0.0000213', '46950.5', '0.97')

export const convert = step(
  'convert',
  fc.record({
    accountId: arbAccount,
    pair: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.constantFrom(
          ['USD', 'BTC'],
          ['BTC', 'USD'],
          ['USD', 'PTS'],
          ['PTS', 'USD'],
          ['BTC', 'PTS'],
        ),
      },
      // Into itself (invalid_input) or an unregistered asset on either side (unknown_asset).
      { weight: 1, arbitrary: fc.constantFrom(['USD', 'USD'], ['USD', 'XYZ'], ['XYZ', 'BTC']) },
    ),
    amount: arbAmountSpec,
    rate: arbRate,
    // Minutes from now the quote expires (negative: expired already); absent: no expiry.
    expiresInMinutes: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined, freq: 2 }),
    minReceived: fc.option(arbAmountSpec, { nil: undefined, freq: 3 }),
    authorization: arbAuthorization,
    key: arbKey,
  }),
  (g) => (model) => {
    const [from = 'USD', to = 'USD'] = g.pair as readonly string[]
    const expiresAt =
      g.expiresInMinutes === undefined
        ? undefined
        : new Date(model.nowMs + g.expiresInMinutes * 60_000).toISOString()
    const minReceived =
      g.minReceived === undefined ? undefined : renderAmount(g.minReceived, scaleOf(model, to))
    const input = {
      accountId: g.accountId,
      from: { asset: from, amount: renderAmount(g.amount, scaleOf(model, from)) },
      to: { asset: to },
      rate: g.rate,
      ...(expiresAt === undefined ? {} : { quoteExpiresAt: expiresAt }),
      ...(minReceived === undefined ? {} : { minReceived }),
      ...(g.authorization === undefined ? {} : { authorization: g.authorization }),
      idempotencyKey: g.key,
    }
    return {
      label: `convert ${show(input)}`,
      model: (m) => modelConvert(m, input),
      call: (ledger) => ledger.convert(input),
      idempotency: `convert:${g.key}`,
    }
  },
)
