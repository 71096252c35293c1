// Proves the refund rules with given/when/then: gross amounts, the payer's and the budget's
// pro-rata shares of a discounted payment (largest remainder, exact over partial refunds), the fee
// returned pro rata, the captured ceiling including dispute refunds, open disputes, retries and
// the refund count limit.
import { describe, expect, it } from 'vitest'
import {
  buildCapturePayment,
  buildManualRequestPayment,
  buildPaymentPayee,
  buildPaymentSender,
  buildPromotionFacts,
  buildRefundPayment,
  buildRequestPayment,
  deciderSpec,
  runPaymentCommands,
} from '@wallet-ledger/testing'
import type { DecimalString, Percent, Sha256Hex } from '../index.js'
import { limits, promotionBudgetAccount } from '../index.js'
import type { PaymentCommand } from './commands.js'
import { leg } from '../../test/payment/__fixtures__/paymentEvents.js'
import { paymentDecider } from './decide.js'
import type { PaymentEvent } from './events.js'
import { paymentView } from './view.js'

// ---------------------------------------------------------------- fixtures

const spec = deciderSpec(paymentDecider)
const BUDGET = promotionBudgetAccount('spring')
const amount = (text: string) => text as DecimalString

const historyOf = (...commands: PaymentCommand[]) => runPaymentCommands(commands).events
const paid = historyOf(buildRequestPayment())
// 0.99 at 10 % off: the payer is charged 0.90, the budget pays 0.09.
const discounted = historyOf(
  buildRequestPayment({ amount: amount('0.99'), promotion: buildPromotionFacts() }),
)

const refunded = (refundId: string, value: string, legs: readonly object[]) =>
  ({
    type: 'PaymentRefunded',
    schemaVersion: 1,
    data: {
      paymentId: 'p-1',
      refundId,
      fingerprint: 'a'.repeat(64),
      amount: value,
      entry: { entryId: `p-1:${refundId}`, legs },
      at: '2026-11-26T08:00:00.000Z',
    },
  }) as PaymentEvent

// ---------------------------------------------------------------- refunds

describe('RefundPayment', () => {
  it('refunds everything when no amount is given', () =>
    spec
      .given(paid)
      .when(buildRefundPayment())
      .then([
        refunded('r-1', '20.00', [leg('shop', '20.00', 'debit'), leg('alice', '20.00', 'credit')]),
      ]))

  it('refunds part, then the rest, moving the status to partially_refunded then refunded', () => {
    const first = historyOf(buildRequestPayment(), buildRefundPayment({ amount: amount('5.00') }))
    expect(
      runPaymentCommands([buildRequestPayment(), buildRefundPayment({ amount: amount('5.00') })])
        .state.status,
    ).toBe('partially_refunded')
    spec
      .given(first)
      .when(buildRefundPayment({ refundId: 'r-2' }))
      .then([
        refunded('r-2', '15.00', [leg('shop', '15.00', 'debit'), leg('alice', '15.00', 'credit')]),
      ])
  })

  it('splits a discounted refund: the payer their share of the charge, the budget the rest', () => {
    // 0.50 of 0.99: the payer's share is 0.50 × 90/99 = 0.4545…, largest remainder gives 0.45.
    const first = refunded('r-1', '0.50', [
      leg('shop', '0.50', 'debit'),
      leg('alice', '0.45', 'credit'),
      leg(BUDGET, '0.05', 'credit'),
    ])
    spec
      .given(discounted)
      .when(buildRefundPayment({ amount: amount('0.50') }))
      .then([first])
    // The rest: the payer's parts add up to exactly 0.90 and the budget's to 0.09.
    spec
      .given([...discounted, first])
      .when(buildRefundPayment({ refundId: 'r-2' }))
      .then([
        refunded('r-2', '0.49', [
          leg('shop', '0.49', 'debit'),
          leg('alice', '0.45', 'credit'),
          leg(BUDGET, '0.04', 'credit'),
        ]),
      ])
  })

  it('takes the merchant fee back pro rata from the fees account', () => {
    const withFee = historyOf(
      buildRequestPayment({ payee: buildPaymentPayee({ merchantFeeRate: '2.5' as Percent }) }),
    )
    spec
      .given(withFee)
      .when(buildRefundPayment({ amount: amount('10.00') }))
      .then([
        refunded('r-1', '10.00', [
          leg('shop', '9.75', 'debit'),
          leg('system:fees', '0.25', 'debit'),
          leg('alice', '10.00', 'credit'),
        ]),
      ])
  })

  it('refuses more than was captured', () =>
    spec
      .given(paid)
      .when(buildRefundPayment({ amount: amount('20.01') }))
      .thenRejects('refund_exceeds_captured'))

  it('refuses more than a partial capture took', () =>
    spec
      .given(
        historyOf(buildManualRequestPayment(), buildCapturePayment({ amount: amount('15.00') })),
      )
      .when(buildRefundPayment({ amount: amount('15.01') }))
      .thenRejects('refund_exceeds_captured'))

  it('counts dispute refunds toward the captured ceiling', () => {
    const afterDispute = { disputeRefunded: amount('15.00') }
    spec
      .given(paid)
      .when(buildRefundPayment({ ...afterDispute, amount: amount('5.01') }))
      .thenRejects('refund_exceeds_captured')
    spec
      .given(paid)
      .when(buildRefundPayment(afterDispute))
      .then([
        refunded('r-1', '5.00', [leg('shop', '5.00', 'debit'), leg('alice', '5.00', 'credit')]),
      ])
  })

  it('refuses when nothing is left to refund', () =>
    spec
      .given(paid)
      .when(buildRefundPayment({ disputeRefunded: amount('20.00') }))
      .thenRejects('refund_exceeds_captured'))

  it('refuses while a dispute is open', () =>
    spec
      .given(paid)
      .when(buildRefundPayment({ hasOpenDispute: true }))
      .thenRejects('dispute_open'))

  it('refuses a zero amount', () =>
    spec
      .given(paid)
      .when(buildRefundPayment({ amount: amount('0.00') }))
      .thenRejects('amount_not_positive'))

  it('refuses a payment that was never captured', () => {
    spec
      .given(historyOf(buildManualRequestPayment()))
      .when(buildRefundPayment())
      .thenRejects('invalid_transition')
    const failed = historyOf(
      buildRequestPayment({ payer: buildPaymentSender({ status: 'frozen' }) }),
    )
    spec.given(failed).when(buildRefundPayment()).thenRejects('invalid_transition')
  })

  it('refuses an unknown payment', () =>
    spec.given([]).when(buildRefundPayment()).thenRejects('payment_not_found'))

  it('refuses a fully refunded payment', () =>
    spec
      .given(historyOf(buildRequestPayment(), buildRefundPayment()))
      .when(buildRefundPayment({ refundId: 'r-2' }))
      .thenRejects('refund_exceeds_captured'))
})

// ---------------------------------------------------------------- retries and limits

describe('RefundPayment, retries and limits', () => {
  const once = historyOf(buildRequestPayment(), buildRefundPayment({ amount: amount('5.00') }))

  it('records nothing for a retried refund', () =>
    spec
      .given(once)
      .when(buildRefundPayment({ amount: amount('5.00') }))
      .thenNothing())

  it('refuses the same refund key with other fields', () =>
    spec
      .given(once)
      .when(
        buildRefundPayment({ amount: amount('6.00'), fingerprint: 'b'.repeat(64) as Sha256Hex }),
      )
      .thenRejects('idempotency_key_reused'))

  it(`refuses more than ${limits.REFUNDS_PER_PAYMENT_MAX} refunds of one payment`, () => {
    const cents = Array.from({ length: limits.REFUNDS_PER_PAYMENT_MAX }, (_, index) =>
      buildRefundPayment({ refundId: `r-${index}`, amount: amount('0.01') }),
    )
    const history = historyOf(buildRequestPayment(), ...cents)
    expect(history).toHaveLength(limits.REFUNDS_PER_PAYMENT_MAX + 1)
    const error = spec
      .given(history)
      .when(buildRefundPayment({ refundId: 'r-last', amount: amount('0.01') }))
      .thenRejects('limit_exceeded')
    expect(error.details).toEqual({ limit: 'refunds_per_payment' })
  })

  it('shows gross refunds in the view', () => {
    const state = runPaymentCommands([
      buildRequestPayment(),
      buildRefundPayment({ amount: amount('5.00') }),
    ]).state
    expect(paymentView(state)).toMatchObject({
      status: 'partially_refunded',
      charged: '20.00',
      refunded: '5.00',
    })
  })
})
