// Proves that a dispute's refund is split like a payment refund (given/when/then): the merchant
// fee's share comes back from the fees account and the payee's hold pays only the rest, a
// discounted payment's refund gives the payer their share of what they were charged and the
// promotion's budget the rest, the shares are cumulative over what was refunded before, a short
// payee's part is covered by the platform, and a refund that takes nothing from the payee releases
// the whole hold. Also that the opening records the payment's money and refuses facts no payment
// can have, and that evolve asserts on an outcome whose capture is not the payee's share.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { AssertionError } from '../assert.js'
import { foldEvents } from '../decider.js'
import { disputeDecider } from './disputeDecider.js'
import {
  PAYEE,
  PAYER,
  escalated,
  leg,
  openDispute,
  opened,
  resolve,
  respond,
  resolved,
} from '../../test/dispute/__fixtures__/disputeFixtures.js'

const spec = deciderSpec(disputeDecider)
const BUDGET = 'system:promotion:spring'
const FEES = 'system:fees'

/** The shop's 1 % fee on a 40.00 payment: 39.60 to the payee, 0.40 to the fees. */
const WITH_FEE = { captured: '40.00', fee: '0.40' }
/** The same payment with 10 % off from the promotion `spring`: charged 36.00. */
const DISCOUNTED = { ...WITH_FEE, discount: '4.00', promotionId: 'spring' }

describe('a dispute refund splits like a payment refund', () => {
  it('takes the fee share from the fees and the rest from the hold, releasing the difference', () =>
    spec
      .given([opened('15.00', '15.00', '0.00', WITH_FEE)])
      .when(respond('accept'))
      .then([
        resolved({
          outcome: 'payer',
          decidedBy: 'payee',
          refunded: '15.00',
          captured: '14.85',
          released: '0.15',
          at: respond('accept').at,
          legs: [
            leg(PAYEE, '14.85', 'debit'),
            leg(FEES, '0.15', 'debit'),
            leg(PAYER, '15.00', 'credit'),
          ],
        }),
      ]))

  it('gives the payer their charged share and the budget the discount share', () =>
    spec
      .given([opened('10.00', '10.00', '0.00', DISCOUNTED), escalated()])
      .when(resolve('payer'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '10.00',
          captured: '9.90',
          released: '0.10',
          legs: [
            leg(PAYEE, '9.90', 'debit'),
            leg(FEES, '0.10', 'debit'),
            leg(PAYER, '9.00', 'credit'),
            leg(BUDGET, '1.00', 'credit'),
          ],
        }),
      ]))

  it('computes the shares on what was refunded before (cumulative rounding)', () =>
    // 0.30 with a 0.01 fee, 0.10 refunded before: the fee's share of 0.10 was 0, of 0.20 it is 1.
    spec
      .given([opened('0.10', '0.10', '0.00', { captured: '0.30', fee: '0.01', refunded: '0.10' })])
      .when(respond('accept'))
      .then([
        resolved({
          outcome: 'payer',
          decidedBy: 'payee',
          refunded: '0.10',
          captured: '0.09',
          released: '0.01',
          at: respond('accept').at,
          legs: [
            leg(PAYEE, '0.09', 'debit'),
            leg(FEES, '0.01', 'debit'),
            leg(PAYER, '0.10', 'credit'),
          ],
        }),
      ]))

  it("covers a short payee's part, not the fee's, against a receivable", () =>
    spec
      .given([opened('15.00', '5.00', '10.00', WITH_FEE), escalated()])
      .when(resolve('payer'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '15.00',
          captured: '5.00',
          released: '0.00',
          legs: [
            leg(PAYEE, '5.00', 'debit'),
            leg('system:receivables', '9.85', 'debit'),
            leg('system:dispute-losses', '9.85', 'credit'),
            leg('system:dispute-losses', '9.85', 'debit'),
            leg(FEES, '0.15', 'debit'),
            leg(PAYER, '15.00', 'credit'),
          ],
        }),
      ]))

  it('releases the whole hold when the fee share is all of the refund', () =>
    spec
      .given([opened('1.00', '1.00', '0.00', { captured: '10.00', fee: '10.00' }), escalated()])
      .when(resolve('payer'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '1.00',
          captured: '0.00',
          released: '1.00',
          legs: [leg(FEES, '1.00', 'debit'), leg(PAYER, '1.00', 'credit')],
        }),
      ]))

  it('asserts on an outcome that captures more than the payee share', () => {
    const tooMuch = resolved({
      outcome: 'payer',
      refunded: '15.00',
      captured: '15.00',
      released: '0.00',
      legs: [leg(PAYEE, '15.00', 'debit'), leg(PAYER, '15.00', 'credit')],
    })
    const history = [opened('15.00', '15.00', '0.00', WITH_FEE), escalated(), tooMuch]
    expect(() => foldEvents(disputeDecider.evolve, disputeDecider.initialState, history)).toThrow(
      AssertionError,
    )
  })
})

describe("OpenDispute records the payment's money", () => {
  it('with the promotion only when there was a discount', () => {
    spec
      .given([])
      .when(openDispute({ amount: '10.00' }, { ...WITH_FEE, promotionId: 'spring' }))
      .then([opened('10.00', '10.00', '0.00', WITH_FEE)])
    spec
      .given([])
      .when(openDispute({ amount: '10.00' }, DISCOUNTED))
      .then([opened('10.00', '10.00', '0.00', DISCOUNTED)])
  })

  it.each([
    ['payment.discount', { discount: '100.00', promotionId: 'spring' }],
    ['payment.fee', { fee: '100.01' }],
    ['payment.promotionId', { discount: '1.00' }],
    ['payment.fee', { fee: '0.4' }],
  ])('refuses facts no payment has (%s) as invalid_input', (path, payment) => {
    const error = spec.given([]).when(openDispute({}, payment)).thenRejects('invalid_input')
    expect(error.details).toEqual({ path })
  })
})
