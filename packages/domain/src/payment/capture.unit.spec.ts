// Proves the manual-capture rules with given/when/then: full and partial capture (the rest of the
// hold released, the fee at the authorization's rate), capture limits and expiry, cancellation,
// and expiry by `runDue` (only when due; stale or early expiries record nothing).
import { describe, it } from 'vitest'
import {
  PAYMENT_AT,
  PAYMENT_EXPIRES_AT,
  buildCancelPayment,
  buildCapturePayment,
  buildExpirePayment,
  buildManualRequestPayment,
  buildPaymentPayee,
  buildRequestPayment,
  deciderSpec,
  runPaymentCommands,
} from '@wallet-ledger/testing'
import type { DecimalString, IsoInstant, Percent } from '../index.js'
import type { PaymentCommand } from './commands.js'
import { leg } from '../../test/payment/__fixtures__/paymentEvents.js'
import { paymentDecider } from './decide.js'
import type { PaymentEvent } from './events.js'

// ---------------------------------------------------------------- fixtures

const spec = deciderSpec(paymentDecider)
const amount = (text: string) => text as DecimalString
const LATE = '2026-11-27T08:00:00.001Z' as IsoInstant

const historyOf = (...commands: PaymentCommand[]) => runPaymentCommands(commands).events
const authorized = historyOf(buildManualRequestPayment())
const withFee = historyOf(
  buildManualRequestPayment({ payee: buildPaymentPayee({ merchantFeeRate: '1' as Percent }) }),
)

const captured = (
  value: string,
  legs: readonly object[],
  extra: Record<string, string> = {},
  at = PAYMENT_AT,
) =>
  ({
    type: 'PaymentCaptured',
    schemaVersion: 1,
    data: {
      paymentId: 'p-1',
      amount: value,
      ...extra,
      entry: { entryId: 'p-1:capture', legs },
      at,
    },
  }) as PaymentEvent

const closed = (type: 'PaymentCancelled' | 'PaymentExpired', at: IsoInstant) =>
  ({ type, schemaVersion: 1, data: { paymentId: 'p-1', at } }) as PaymentEvent

// ---------------------------------------------------------------- CapturePayment

describe('CapturePayment', () => {
  it('captures all of an authorized payment', () =>
    spec
      .given(authorized)
      .when(buildCapturePayment())
      .then([captured('20.00', [leg('alice', '20.00', 'debit'), leg('shop', '20.00', 'credit')])]))

  it('captures part and releases the rest of the hold', () =>
    spec
      .given(authorized)
      .when(buildCapturePayment({ amount: amount('15.00') }))
      .then([
        captured('15.00', [leg('alice', '15.00', 'debit'), leg('shop', '15.00', 'credit')], {
          released: '5.00',
        }),
      ]))

  it("takes the fee at the authorization's rate on the captured amount", () =>
    spec
      .given(withFee)
      .when(buildCapturePayment({ amount: amount('15.00') }))
      .then([
        captured(
          '15.00',
          [
            leg('alice', '15.00', 'debit'),
            leg('shop', '14.85', 'credit'),
            leg('system:fees', '0.15', 'credit'),
          ],
          { fee: '0.15', released: '5.00' },
        ),
      ]))

  it('captures a hold authorized before the payer was frozen (the command reads no payer status)', () =>
    spec
      .given(authorized)
      .when(buildCapturePayment({ at: PAYMENT_EXPIRES_AT }))
      .then([
        captured(
          '20.00',
          [leg('alice', '20.00', 'debit'), leg('shop', '20.00', 'credit')],
          {},
          PAYMENT_EXPIRES_AT,
        ),
      ]))

  it('refuses more than was authorized', () =>
    spec
      .given(authorized)
      .when(buildCapturePayment({ amount: amount('20.01') }))
      .thenRejects('capture_exceeds_authorized'))

  it('refuses a zero capture', () =>
    spec
      .given(authorized)
      .when(buildCapturePayment({ amount: amount('0.00') }))
      .thenRejects('amount_not_positive'))

  it('refuses after the authorization expired', () =>
    spec
      .given(authorized)
      .when(buildCapturePayment({ at: LATE }))
      .thenRejects('invalid_transition'))

  it('refuses a second capture, even of the rest', () =>
    spec
      .given(
        historyOf(buildManualRequestPayment(), buildCapturePayment({ amount: amount('15.00') })),
      )
      .when(buildCapturePayment({ amount: amount('5.00') }))
      .thenRejects('invalid_transition'))

  it('refuses an instant payment', () =>
    spec
      .given(historyOf(buildRequestPayment()))
      .when(buildCapturePayment())
      .thenRejects('invalid_transition'))

  it('refuses an unknown payment', () =>
    spec.given([]).when(buildCapturePayment()).thenRejects('payment_not_found'))
})

// ---------------------------------------------------------------- CancelPayment

describe('CancelPayment', () => {
  it('cancels an authorized payment', () =>
    spec
      .given(authorized)
      .when(buildCancelPayment())
      .then([closed('PaymentCancelled', PAYMENT_AT)]))

  it('records nothing when cancelled again', () =>
    spec
      .given(historyOf(buildManualRequestPayment(), buildCancelPayment()))
      .when(buildCancelPayment())
      .thenNothing())

  it('refuses a captured payment', () =>
    spec
      .given(historyOf(buildRequestPayment()))
      .when(buildCancelPayment())
      .thenRejects('invalid_transition'))

  it('refuses an expired payment', () =>
    spec
      .given(historyOf(buildManualRequestPayment(), buildExpirePayment()))
      .when(buildCancelPayment())
      .thenRejects('invalid_transition'))

  it('refuses an unknown payment', () =>
    spec.given([]).when(buildCancelPayment()).thenRejects('payment_not_found'))
})

// ---------------------------------------------------------------- ExpirePayment

describe('ExpirePayment', () => {
  it('expires an authorization once due', () =>
    spec
      .given(authorized)
      .when(buildExpirePayment())
      .then([closed('PaymentExpired', PAYMENT_EXPIRES_AT)]))

  it('records nothing before it is due', () =>
    spec
      .given(authorized)
      .when(buildExpirePayment({ at: PAYMENT_AT }))
      .thenNothing())

  it('records nothing for a payment already captured, cancelled or expired', () => {
    spec
      .given(historyOf(buildManualRequestPayment(), buildCapturePayment()))
      .when(buildExpirePayment())
      .thenNothing()
    spec
      .given(historyOf(buildManualRequestPayment(), buildCancelPayment()))
      .when(buildExpirePayment())
      .thenNothing()
    spec
      .given(historyOf(buildManualRequestPayment(), buildExpirePayment()))
      .when(buildExpirePayment())
      .thenNothing()
  })

  it('refuses an unknown payment', () =>
    spec.given([]).when(buildExpirePayment()).thenRejects('payment_not_found'))
})
