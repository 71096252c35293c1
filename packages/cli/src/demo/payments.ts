// Chapter 2: paying. A QR payment at a noodle bar with a 15% promotion, an online checkout
// authorized then partly captured, a P2P transfer under two-factor, and a utility bill.
import { promotionBudgetAccount } from '@wallet-ledger/core'
import type { PaymentView } from '@wallet-ledger/core'
import type { DemoStage } from './demoStage.js'
import { must } from './demoStage.js'

const PROMOTION_ID = 'lunch-15'
const TWO_FACTOR_OK = { method: 'two_factor', verified: true } as const
const PASSWORD_OK = { method: 'payment_password', verified: true } as const

/** The payments table's header and one row per payment. */
export const PAYMENT_HEAD = [
  'payment',
  'channel',
  'payer',
  'payee',
  'amount',
  'discount',
  'charged',
  'refunded',
  'status',
] as const

/** One payment as a table row. */
export const paymentRow = (view: PaymentView): string[] => [
  view.paymentId.slice(0, 8),
  view.channel,
  view.payer,
  view.payee,
  `${view.amount} ${view.asset}`,
  view.discount ?? '-',
  view.charged,
  // Refunds and what disputes gave back, so a disputed payment shows its money returned.
  view.refunded,
  view.failureReason === undefined ? view.status : `${view.status}: ${view.failureReason}`,
]

/** The payments table's alignment: amounts right. */
export const PAYMENT_ALIGN = [
  'left',
  'left',
  'left',
  'left',
  'right',
  'right',
  'right',
  'right',
] as const

/** Runs the chapter. */
export const payments = async (stage: DemoStage): Promise<void> => {
  const { ledger } = stage
  stage.moveTo('2026-11-23T11:30')
  stage.heading('11:30: a lunch promotion, then a QR payment at noodle-bar')
  must(
    await ledger.createPromotion({
      promotionId: PROMOTION_ID,
      asset: 'CNY',
      budget: '20.00',
      discount: { percent: '15' },
      validFrom: '2026-11-01T00:00:00.000Z',
      validUntil: '2026-11-30T15:59:59.000Z',
    }),
  )
  stage.moveTo('2026-11-23T12:00')
  const lunch = must(
    await ledger.pay({
      channel: 'merchant_qr',
      payer: 'bob',
      payee: 'noodle-bar',
      asset: 'CNY',
      amount: '88.88',
      promotionId: PROMOTION_ID,
      authorization: PASSWORD_OK,
      idempotencyKey: 'bob-lunch-1123',
    }),
  )
  stage.table(PAYMENT_HEAD, [paymentRow(lunch)], PAYMENT_ALIGN)
  const budget = must(await ledger.balances(promotionBudgetAccount(PROMOTION_ID)))['CNY']
  stage.say(
    `Promotion ${PROMOTION_ID} (15% off, budget 20.00 CNY from world:marketing-fund) paid the ` +
      `discount; ${budget?.available ?? '0.00'} CNY of its budget is left. noodle-bar keeps ` +
      '88.88 less its 0.6% fee (0.53 to system:fees).',
  )

  stage.moveTo('2026-11-23T14:00')
  stage.heading('14:00: an online checkout at gadget-store (authorized, captured at 16:00)')
  const authorized = must(
    await ledger.pay({
      channel: 'online',
      payer: 'carol',
      payee: 'gadget-store',
      asset: 'USD',
      amount: '120.00',
      capture: 'manual',
      memo: 'order 8812: headphones and a cable',
      idempotencyKey: 'carol-order-8812',
    }),
  )
  stage.moveTo('2026-11-23T16:00')
  const captured = must(
    await ledger.capturePayment({ paymentId: authorized.paymentId, amount: '99.99' }),
  )
  stage.table(PAYMENT_HEAD, [paymentRow(authorized), paymentRow(captured)], PAYMENT_ALIGN)
  stage.say('The cable was out of stock: 99.99 USD is captured and the other 20.01 released.')

  stage.moveTo('2026-11-23T19:00')
  stage.heading('19:00: a P2P transfer, confirmed with two-factor')
  const dinner = must(
    await ledger.pay({
      channel: 'p2p',
      payer: 'alice',
      payee: 'bob',
      asset: 'CNY',
      amount: '45.50',
      memo: 'dinner',
      authorization: TWO_FACTOR_OK,
      idempotencyKey: 'alice-to-bob-dinner',
    }),
  )
  stage.table(PAYMENT_HEAD, [paymentRow(dinner)], PAYMENT_ALIGN)

  stage.moveTo('2026-11-24T08:10')
  stage.heading('Tuesday 24 November, 08:10: a utility bill, confirmed with the payment password')
  const power = must(
    await ledger.pay({
      channel: 'bill',
      payer: 'dave',
      payee: 'state-grid',
      asset: 'CNY',
      amount: '356.20',
      memo: 'electricity, October 2026, customer 0101-2233-44',
      authorization: PASSWORD_OK,
      idempotencyKey: 'dave-bill-power-2026-10',
    }),
  )
  stage.table(PAYMENT_HEAD, [paymentRow(power)], PAYMENT_ALIGN)
}
