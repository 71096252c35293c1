// Proves what the engine returns for a payment: the PaymentView of every status (an expiry shown
// as failed with reason 'expired'), the stored refusal for a retried request, the stream name, and
// evolve refusing events that cannot follow the state.
import { describe, expect, it } from 'vitest'
import {
  buildCancelPayment,
  buildCapturePayment,
  buildExpirePayment,
  buildManualRequestPayment,
  buildPaymentSender,
  buildPromotionFacts,
  buildRefundPayment,
  buildRequestPayment,
  runPaymentCommands,
} from '@wallet-ledger/testing'
import type { DecimalString } from '../index.js'
import { AssertionError } from '../index.js'
import type { PaymentCommand } from './commands.js'
import { paymentStream } from '../streamNames.js'
import type { PaymentEvent } from './events.js'
import { evolvePayment, initialPaymentState } from './state.js'
import { paymentView, storedPaymentFailure } from './view.js'

const viewOf = (...commands: PaymentCommand[]) => paymentView(runPaymentCommands(commands).state)
const eventsOf = (...commands: PaymentCommand[]) => runPaymentCommands(commands).events
const amount = (text: string) => text as DecimalString
const common = { paymentId: 'p-1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '20.00' }

describe('paymentView', () => {
  it('shows a completed payment with what the payer was charged after the discount', () =>
    expect(viewOf(buildRequestPayment({ promotion: buildPromotionFacts() }))).toEqual({
      ...common,
      status: 'completed',
      channel: 'merchant_qr',
      charged: '18.00',
      refunded: '0.00',
      captured: '20.00',
      discount: '2.00',
      promotionId: 'spring',
    }))

  it('shows a refused payment as failed with its reason', () =>
    expect(
      viewOf(buildRequestPayment({ payer: buildPaymentSender({ available: 0n }) })),
    ).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_balance',
      charged: '0.00',
    }))

  it('shows an authorization, a cancellation and an expiry', () => {
    expect(viewOf(buildManualRequestPayment())).toMatchObject({
      status: 'authorized',
      charged: '0.00',
    })
    expect(viewOf(buildManualRequestPayment(), buildCancelPayment())).toMatchObject({
      status: 'cancelled',
    })
    expect(viewOf(buildManualRequestPayment(), buildExpirePayment())).toMatchObject({
      status: 'failed',
      failureReason: 'expired',
    })
  })

  it('shows a partial capture and its refunds', () => {
    const partial = [buildManualRequestPayment(), buildCapturePayment({ amount: amount('15.00') })]
    expect(viewOf(...partial)).toMatchObject({
      status: 'completed',
      amount: '20.00',
      captured: '15.00',
      charged: '15.00',
    })
    expect(viewOf(...partial, buildRefundPayment({ amount: amount('5.00') }))).toMatchObject({
      status: 'partially_refunded',
      refunded: '5.00',
    })
    expect(viewOf(...partial, buildRefundPayment())).toMatchObject({
      status: 'refunded',
      refunded: '15.00',
    })
  })

  it('asserts when there is no payment', () =>
    expect(() => paymentView(initialPaymentState)).toThrow(AssertionError))
})

describe('storedPaymentFailure', () => {
  it('rebuilds the refusal of a failed payment for a retried request, with details.paymentId', () =>
    expect(
      storedPaymentFailure(
        runPaymentCommands([
          buildRequestPayment({ payer: buildPaymentSender({ status: 'frozen' }) }),
        ]).state,
      ),
    ).toEqual({
      code: 'account_frozen',
      message: "the payer's account is frozen",
      details: { paymentId: 'p-1' },
    }))

  it('is undefined for a payment that did not fail', () =>
    expect(storedPaymentFailure(runPaymentCommands([buildRequestPayment()]).state)).toBeUndefined())
})

describe('paymentStream', () => {
  it('names the stream, with an optional namespace', () => {
    expect(paymentStream('p-1')).toBe('payment-p-1')
    expect(paymentStream('p-1', 'acme')).toBe('acme.payment-p-1')
  })
})

describe('evolvePayment on a corrupt stream', () => {
  const fold = (events: readonly PaymentEvent[]) =>
    events.reduce(evolvePayment, initialPaymentState)
  const [requested] = eventsOf(buildRequestPayment())
  const [authorized] = eventsOf(buildManualRequestPayment())
  const refund = eventsOf(buildRequestPayment(), buildRefundPayment())[1]

  it('asserts on a second request', () =>
    expect(() => fold([requested!, requested!])).toThrow(AssertionError))

  it('asserts on a capture without the request', () =>
    expect(() =>
      fold(eventsOf(buildManualRequestPayment(), buildCapturePayment()).slice(1)),
    ).toThrow(AssertionError))

  it('asserts on a cancellation of a captured payment', () =>
    expect(() =>
      fold([requested!, ...eventsOf(buildManualRequestPayment(), buildCancelPayment()).slice(1)]),
    ).toThrow(AssertionError))

  it('asserts on a refund of an authorization', () =>
    expect(() => fold([authorized!, refund!])).toThrow(AssertionError))

  it('asserts on the same refund twice', () =>
    expect(() => fold([requested!, refund!, refund!])).toThrow(AssertionError))
})
