// Proves the accepted paths of a payment request with given/when/then: instant capture with its
// journal entry (merchant fee, promotion discount), manual authorization, input errors recording
// nothing, and idempotent retries. Business refusals are in refusals.unit.spec.ts.
import { describe, expect, it } from 'vitest'
import {
  PAYMENT_AT,
  PAYMENT_EXPIRES_AT,
  buildManualRequestPayment,
  buildPaymentPayee,
  buildPaymentSender,
  buildPromotionFacts,
  buildRequestPayment,
  deciderSpec,
  runPaymentCommands,
} from '@wallet-ledger/testing'
import type { DecimalString, Percent, Sha256Hex } from '../index.js'
import { promotionBudgetAccount } from '../index.js'
import { capturedAtOnce, leg, recorded } from '../../test/payment/__fixtures__/paymentEvents.js'
import { paymentDecider } from './decide.js'
import type { PaymentEvent } from './events.js'
import { paymentFailureOf } from './view.js'

// ---------------------------------------------------------------- fixtures

const spec = deciderSpec(paymentDecider)
const BUDGET = promotionBudgetAccount('spring')
const amount = (text: string) => text as DecimalString
const feeRate = (text: string) => text as Percent
const captured = capturedAtOnce

// ---------------------------------------------------------------- instant capture

describe('RequestPayment, instant', () => {
  it('captures in one event carrying the journal entry', () =>
    spec
      .given([])
      .when(buildRequestPayment())
      .then([captured([leg('alice', '20.00', 'debit'), leg('shop', '20.00', 'credit')])]))

  it('keeps the merchant fee, rounded half-even, from what the payee gets', () => {
    // 2.5 % of 0.60 is 0.015: half-even gives 0.02.
    const command = buildRequestPayment({
      amount: amount('0.60'),
      payee: buildPaymentPayee({ merchantFeeRate: feeRate('2.5') }),
    })
    const legs = [
      leg('alice', '0.60', 'debit'),
      leg('shop', '0.58', 'credit'),
      leg('system:fees', '0.02', 'credit'),
    ]
    spec
      .given([])
      .when(command)
      .then([captured(legs, { fee: '0.02' }, recorded({ amount: '0.60' }))])
  })

  it('takes no fee from a payee that is not a merchant', () => {
    const command = buildRequestPayment({
      channel: 'p2p',
      payee: buildPaymentPayee({ kind: 'user', merchantFeeRate: feeRate('2.5') }),
    })
    const legs = [leg('alice', '20.00', 'debit'), leg('shop', '20.00', 'credit')]
    spec
      .given([])
      .when(command)
      .then([captured(legs, {}, recorded({ channel: 'p2p' }))])
  })

  it('charges the payer the amount less the discount; the budget pays the discount', () => {
    const command = buildRequestPayment({
      promotion: buildPromotionFacts(),
      payee: buildPaymentPayee({ merchantFeeRate: feeRate('2.5') }),
    })
    const legs = [
      leg('alice', '18.00', 'debit'),
      leg(BUDGET, '2.00', 'debit'),
      leg('shop', '19.50', 'credit'),
      leg('system:fees', '0.50', 'credit'),
    ]
    const request = recorded({ promotionId: 'spring' })
    spec
      .given([])
      .when(command)
      .then([captured(legs, { discount: '2.00', fee: '0.50' }, request)])
  })

  it('goes ahead without a discount when the percentage rounds to nothing', () => {
    const command = buildRequestPayment({
      amount: amount('0.09'),
      promotion: buildPromotionFacts(),
    })
    const request = recorded({ amount: '0.09', promotionId: 'spring' })
    spec
      .given([])
      .when(command)
      .then([captured([leg('alice', '0.09', 'debit'), leg('shop', '0.09', 'credit')], {}, request)])
  })

  it('records the memo', () => {
    const command = buildRequestPayment({ memo: 'lunch' })
    const request = recorded({ memo: 'lunch' })
    spec
      .given([])
      .when(command)
      .then([
        captured([leg('alice', '20.00', 'debit'), leg('shop', '20.00', 'credit')], {}, request),
      ])
  })
})

// ---------------------------------------------------------------- manual capture

describe('RequestPayment, manual', () => {
  it('authorizes an online payment: the hold and its expiry, the fee rate for later', () => {
    const command = buildManualRequestPayment({
      payee: buildPaymentPayee({ merchantFeeRate: feeRate('1') }),
    })
    spec
      .given([])
      .when(command)
      .then([
        {
          type: 'PaymentAuthorized',
          schemaVersion: 1,
          data: {
            paymentId: 'p-1',
            request: recorded({ channel: 'online', capture: 'manual' }),
            holdId: 'h-1',
            expiresAt: PAYMENT_EXPIRES_AT,
            merchantFeeRate: '1',
            at: PAYMENT_AT,
          },
        } as PaymentEvent,
      ])
  })
})

// ---------------------------------------------------------------- input errors

describe('RequestPayment, input errors record nothing', () => {
  it('refuses paying oneself', () =>
    spec
      .given([])
      .when(buildRequestPayment({ payee: buildPaymentPayee({ accountId: 'alice' as never }) }))
      .thenRejects('same_account'))

  it('refuses paying oneself before any business check', () =>
    spec
      .given([])
      .when(
        buildRequestPayment({
          payer: buildPaymentSender({ status: 'frozen' }),
          payee: buildPaymentPayee({ accountId: 'alice' as never }),
        }),
      )
      .thenRejects('same_account'))

  it('refuses a zero amount', () =>
    spec
      .given([])
      .when(buildRequestPayment({ amount: amount('0.00') }))
      .thenRejects('amount_not_positive'))

  it.each([
    [
      'a manual capture off the online channel',
      buildManualRequestPayment({ channel: 'merchant_qr' }),
      'capture',
    ],
    [
      'a manual capture without a hold',
      buildRequestPayment({ channel: 'online', capture: 'manual' }),
      'hold',
    ],
    ['a hold on an instant payment', buildManualRequestPayment({ capture: 'instant' }), 'hold'],
    [
      'a hold expiring when it is placed',
      buildManualRequestPayment({ hold: { holdId: 'h-1', expiresAt: PAYMENT_AT } }),
      'hold.expiresAt',
    ],
    [
      'a promotion on a manual payment',
      buildManualRequestPayment({ promotion: buildPromotionFacts() }),
      'promotionId',
    ],
  ])('refuses %s', (_name, command, path) =>
    expect(spec.given([]).when(command).thenRejects('invalid_input').details).toEqual({ path }),
  )
})

// ---------------------------------------------------------------- idempotency

describe('RequestPayment, idempotency', () => {
  const other = { fingerprint: 'b'.repeat(64) as Sha256Hex }

  it('records nothing for a retry with the same fingerprint', () => {
    spec
      .given(runPaymentCommands([buildRequestPayment()]).events)
      .when(buildRequestPayment())
      .thenNothing()
    const failedPayer = buildRequestPayment({ payer: buildPaymentSender({ status: 'frozen' }) })
    spec
      .given(runPaymentCommands([failedPayer]).events)
      .when(failedPayer)
      .thenNothing()
  })

  it('refuses the same key with other fields', () =>
    spec
      .given(runPaymentCommands([buildRequestPayment()]).events)
      .when(buildRequestPayment(other))
      .thenRejects('idempotency_key_reused'))

  it('reports no failure for a captured payment', () =>
    expect(paymentFailureOf(runPaymentCommands([buildRequestPayment()]).events)).toBeUndefined())
})
