// Proves that every business refusal of a payment request is recorded as its only event,
// `PaymentFailed`, reported by `paymentFailureOf` with details.paymentId, and that the checks run in
// the documented order: payer, payee, authorization, limits, promotion, balance.
import { describe, expect, it } from 'vitest'
import {
  buildPaymentPayee,
  buildPaymentSender,
  buildPromotionFacts,
  buildRequestPayment,
  deciderSpec,
} from '@wallet-ledger/testing'
import type { DecimalString, IsoInstant } from '../index.js'
import { promotionBudgetAccount } from '../index.js'
import {
  capturedAtOnce,
  failedWith,
  leg,
  recorded,
} from '../../test/payment/__fixtures__/paymentEvents.js'
import type { RequestPayment } from './commands.js'
import { paymentDecider } from './decide.js'
import { paymentFailureOf } from './view.js'

// ---------------------------------------------------------------- fixtures

const spec = deciderSpec(paymentDecider)
const BUDGET = promotionBudgetAccount('spring')
const amount = (text: string) => text as DecimalString
const captured = capturedAtOnce
const failed = failedWith

const withPromotion = (overrides: Parameters<typeof buildPromotionFacts>[0] = {}) =>
  buildRequestPayment({ promotion: buildPromotionFacts(overrides) })

/** The request is recorded as failed with `code`, and `paymentFailureOf` reports that code. */
const refusedWith = (command: RequestPayment, code: string, request = recorded()) => {
  const events = spec
    .given([])
    .when(command)
    .then([failed(code, request)])
  expect(paymentFailureOf(events)).toMatchObject({ code, details: { paymentId: 'p-1' } })
}

// ---------------------------------------------------------------- business refusals

describe('RequestPayment, business refusals are recorded as the only event', () => {
  it('refuses a frozen payer', () =>
    refusedWith(
      buildRequestPayment({ payer: buildPaymentSender({ status: 'frozen' }) }),
      'account_frozen',
    ))

  it('refuses a closed payer', () =>
    refusedWith(
      buildRequestPayment({ payer: buildPaymentSender({ status: 'closed' }) }),
      'account_closed',
    ))

  it('refuses a closed payee', () =>
    refusedWith(
      buildRequestPayment({ payee: buildPaymentPayee({ status: 'closed' }) }),
      'account_closed',
    ))

  it('lets a frozen payee receive', () =>
    spec
      .given([])
      .when(buildRequestPayment({ payee: buildPaymentPayee({ status: 'frozen' }) }))
      .then([captured([leg('alice', '20.00', 'debit'), leg('shop', '20.00', 'credit')])]))

  it('refuses without the payment password the payer has set', () =>
    refusedWith(
      buildRequestPayment({
        payer: buildPaymentSender({ security: { hasTwoFactor: false, hasPaymentPassword: true } }),
      }),
      'security_check_failed',
    ))

  it('refuses an authorization that was not verified', () =>
    refusedWith(
      buildRequestPayment({ authorization: { method: 'two_factor', verified: false } }),
      'security_check_failed',
    ))

  it('refuses over the per-payment limit', () =>
    refusedWith(
      buildRequestPayment({ payer: buildPaymentSender({ limits: { perPaymentMax: 1999n } }) }),
      'limit_exceeded',
    ))

  it("counts the per-day limit inclusively with today's spending", () => {
    const atLimit = buildPaymentSender({ limits: { perDayMax: 10_000n }, spentToday: 8_000n })
    spec
      .given([])
      .when(buildRequestPayment({ payer: atLimit }))
      .then([captured([leg('alice', '20.00', 'debit'), leg('shop', '20.00', 'credit')])])
    refusedWith(
      buildRequestPayment({ payer: { ...atLimit, spentToday: 8_001n } }),
      'limit_exceeded',
    )
  })

  it('refuses when the promotion cannot cover the full discount', () =>
    refusedWith(
      withPromotion({ remaining: amount('1.99') }),
      'promotion_exhausted',
      recorded({ promotionId: 'spring' }),
    ))

  it('refuses a promotion outside its dates', () =>
    refusedWith(
      withPromotion({ validUntil: '2026-11-26T07:59:59.999Z' as IsoInstant }),
      'promotion_not_valid',
      recorded({ promotionId: 'spring' }),
    ))

  it("refuses a promotion past the account's cap", () =>
    refusedWith(
      withPromotion({ capPerAccount: amount('3.00'), usedByAccount: amount('1.01') }),
      'promotion_cap_exceeded',
      recorded({ promotionId: 'spring' }),
    ))

  it('refuses when the available balance is short of the charge', () =>
    refusedWith(
      buildRequestPayment({ payer: buildPaymentSender({ available: 1999n }) }),
      'insufficient_balance',
    ))

  it('checks balance, limits and authorization against the amount less the discount', () => {
    const payer = buildPaymentSender({
      available: 1800n,
      limits: { perPaymentMax: 1800n, stepUpAbove: 1800n },
    })
    const [event] = spec
      .given([])
      .when(buildRequestPayment({ payer, promotion: buildPromotionFacts() }))
      .then([
        captured(
          [
            leg('alice', '18.00', 'debit'),
            leg(BUDGET, '2.00', 'debit'),
            leg('shop', '20.00', 'credit'),
          ],
          { discount: '2.00' },
          recorded({ promotionId: 'spring' }),
        ),
      ])
    expect(event?.type).toBe('PaymentCaptured')
  })

  it('checks in order: payer, payee, authorization, limits, promotion, balance', () => {
    const broke = { available: 0n }
    const limited = { ...broke, limits: { perPaymentMax: 0n } }
    const guarded = { ...limited, security: { hasTwoFactor: true, hasPaymentPassword: false } }
    const promotion = buildPromotionFacts({ remaining: amount('0.00') })
    const request = recorded({ promotionId: 'spring' })
    const payee = buildPaymentPayee({ status: 'closed' })
    const command = (payer: object, extra: Partial<RequestPayment> = {}) =>
      buildRequestPayment({ payer: buildPaymentSender(payer), promotion, ...extra })
    refusedWith(command({ ...guarded, status: 'frozen' }, { payee }), 'account_frozen', request)
    refusedWith(command(guarded, { payee }), 'account_closed', request)
    refusedWith(command(guarded), 'security_check_failed', request)
    refusedWith(command(limited), 'limit_exceeded', request)
    refusedWith(command(broke), 'promotion_exhausted', request)
    refusedWith(
      command(broke, { promotion: buildPromotionFacts() }),
      'insufficient_balance',
      request,
    )
  })
})
