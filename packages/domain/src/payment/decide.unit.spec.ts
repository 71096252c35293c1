// Proves every rule of a payment request with given/when/then: instant capture with its journal
// entry (merchant fee, promotion discount), manual authorization, each business refusal recorded as
// the only event in the documented order, input errors recording nothing, and idempotent retries.
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
import type { DecimalString, IsoInstant, Percent, Sha256Hex } from '../index.js'
import { promotionBudgetAccount } from '../index.js'
import type { RequestPayment } from './commands.js'
import { paymentDecider } from './decide.js'
import type { PaymentEvent } from './events.js'
import { paymentFailureOf } from './view.js'

// ---------------------------------------------------------------- fixtures

const spec = deciderSpec(paymentDecider)
const BUDGET = promotionBudgetAccount('spring')
const amount = (text: string) => text as DecimalString
const feeRate = (text: string) => text as Percent

const leg = (account: string, value: string, direction: 'debit' | 'credit') => ({
  account,
  asset: 'USD',
  amount: value,
  direction,
})

/** The request as the first event records it, for the fixture payment. */
const recorded = (overrides: Record<string, unknown> = {}) => ({
  fingerprint: 'a'.repeat(64),
  channel: 'merchant_qr',
  payer: 'alice',
  payee: 'shop',
  asset: 'USD',
  amount: '20.00',
  capture: 'instant',
  ...overrides,
})

const captured = (
  legs: readonly object[],
  extra: Record<string, unknown> = {},
  request = recorded(),
) =>
  ({
    type: 'PaymentCaptured',
    schemaVersion: 1,
    data: {
      paymentId: 'p-1',
      request,
      amount: request.amount,
      ...extra,
      entry: { entryId: 'p-1:capture', legs },
      at: PAYMENT_AT,
    },
  }) as PaymentEvent

const failed = (code: string, request = recorded()) =>
  ({
    type: 'PaymentFailed',
    schemaVersion: 1,
    data: {
      paymentId: 'p-1',
      request,
      reason: { code, message: expect.any(String) },
      at: PAYMENT_AT,
    },
  }) as PaymentEvent

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
