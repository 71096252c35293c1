// Proves the dispute's outcomes (DESIGN.md section 3): a payer outcome refunds in full or in part
// from the payee's hold, the platform covering a shortfall against a receivable; a payee outcome
// releases the hold with no entry; legal keeps the hold until a final outcome; wrong order and bad
// amounts are refused by code. Also proves the view, the refund fact the payment reads, the stream
// name, and that evolve asserts on events that cannot follow the state.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { AssertionError } from '../assert.js'
import { foldEvents } from '../decider.js'
import { formatMoney } from '../money/money.js'
import { disputeDecider } from './disputeDecider.js'
import { disputeStream } from '../streamNames.js'
import { disputeRefunded, disputeView } from './view.js'
import {
  DISPUTE_ID,
  DUE_AT,
  OTHER_ENTRY_ID,
  PAYEE,
  PAYER,
  PAYMENT_ID,
  SHA,
  contested,
  escalated,
  evidenceSubmitted,
  leg,
  opened,
  plainRefundLegs,
  referredToLegal,
  resolve,
  resolved,
} from '../../test/dispute/__fixtures__/disputeFixtures.js'

const spec = deciderSpec(disputeDecider)
const receivable = (amount: string) => [
  leg('system:receivables', amount, 'debit'),
  leg('system:dispute-losses', amount, 'credit'),
  leg('system:dispute-losses', amount, 'debit'),
]
const forPayee = resolved({
  outcome: 'payee',
  refunded: '0.00',
  captured: '0.00',
  released: '100.00',
})
const forPayer = resolved({
  outcome: 'payer',
  refunded: '100.00',
  captured: '100.00',
  released: '0.00',
  legs: plainRefundLegs('100.00'),
})

describe('ResolveDispute for the payer', () => {
  it('refunds the whole disputed amount from the hold by default', () =>
    spec.given([opened(), escalated()]).when(resolve('payer')).then([forPayer]))

  it('refunds part and releases the rest of the hold', () =>
    spec
      .given([opened(), escalated()])
      .when(resolve('payer', '30.00'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '30.00',
          captured: '30.00',
          released: '70.00',
          legs: plainRefundLegs('30.00'),
        }),
      ]))

  it('has the dispute-loss account pay a short payee’s rest and records the receivable', () =>
    spec
      .given([opened('100.00', '60.00', '40.00'), escalated()])
      .when(resolve('payer'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '100.00',
          captured: '60.00',
          released: '0.00',
          legs: [
            leg(PAYEE, '60.00', 'debit'),
            ...receivable('40.00'),
            leg(PAYER, '100.00', 'credit'),
          ],
        }),
      ]))

  it('takes a partial refund from the hold first, so the platform covers only what the hold cannot', () => {
    spec
      .given([opened('100.00', '60.00', '40.00'), escalated()])
      .when(resolve('payer', '50.00'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '50.00',
          captured: '50.00',
          released: '10.00',
          legs: plainRefundLegs('50.00'),
        }),
      ])
    spec
      .given([opened('100.00', '60.00', '40.00'), escalated()])
      .when(resolve('payer', '75.00'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '75.00',
          captured: '60.00',
          released: '0.00',
          legs: [
            leg(PAYEE, '60.00', 'debit'),
            ...receivable('15.00'),
            leg(PAYER, '75.00', 'credit'),
          ],
        }),
      ])
  })

  it('pays everything from the dispute-loss account when nothing could be held', () =>
    spec
      .given([opened('100.00', '0.00', '100.00'), escalated()])
      .when(resolve('payer'))
      .then([
        resolved({
          outcome: 'payer',
          refunded: '100.00',
          captured: '0.00',
          released: '0.00',
          legs: [...receivable('100.00'), leg(PAYER, '100.00', 'credit')],
        }),
      ]))

  it('refuses a refund over the disputed amount, a zero refund and a non-canonical amount', () => {
    spec
      .given([opened(), escalated()])
      .when(resolve('payer', '100.01'))
      .thenRejects('dispute_amount_exceeds_payment')
    spec
      .given([opened(), escalated()])
      .when(resolve('payer', '0.00'))
      .thenRejects('amount_not_positive')
    spec.given([opened(), escalated()]).when(resolve('payer', '5')).thenRejects('invalid_input')
  })
})

describe('ResolveDispute for the payee and legal', () => {
  it('releases the whole hold to the payee with no journal entry', () =>
    spec.given([opened(), contested(), escalated()]).when(resolve('payee')).then([forPayee]))

  it('releases nothing when nothing was held', () =>
    spec
      .given([opened('100.00', '0.00', '100.00'), escalated()])
      .when(resolve('payee'))
      .then([resolved({ outcome: 'payee', refunded: '0.00', captured: '0.00', released: '0.00' })]))

  it('refers to legal, keeping the hold, then takes a final payer or payee outcome', () => {
    spec.given([opened(), escalated()]).when(resolve('legal')).then([referredToLegal()])
    spec.given([opened(), escalated(), referredToLegal()]).when(resolve('payer')).then([forPayer])
    spec.given([opened(), escalated(), referredToLegal()]).when(resolve('payee')).then([forPayee])
    spec.given([opened(), escalated(), referredToLegal()]).when(resolve('legal')).thenNothing()
  })

  it('refuses an amount on a payee or legal outcome', () => {
    spec.given([opened(), escalated()]).when(resolve('payee', '10.00')).thenRejects('invalid_input')
    spec.given([opened(), escalated()]).when(resolve('legal', '10.00')).thenRejects('invalid_input')
  })
})

describe('ResolveDispute order and retries', () => {
  it('refuses an outcome before escalation', () => {
    spec.given([opened()]).when(resolve('payer')).thenRejects('invalid_transition')
    spec.given([opened(), contested()]).when(resolve('payee')).thenRejects('invalid_transition')
    spec.given([opened()]).when(resolve('legal')).thenRejects('invalid_transition')
  })

  it('records nothing for the same outcome again, and refuses a different one', () => {
    spec.given([opened(), escalated(), forPayer]).when(resolve('payer')).thenNothing()
    spec.given([opened(), escalated(), forPayee]).when(resolve('payee')).thenNothing()
    spec
      .given([opened(), escalated(), forPayer])
      .when(resolve('payer', undefined, OTHER_ENTRY_ID))
      .thenRejects('invalid_transition')
    spec
      .given([opened(), escalated(), forPayer])
      .when(resolve('payee'))
      .thenRejects('invalid_transition')
    spec
      .given([opened(), escalated(), forPayee])
      .when(resolve('legal'))
      .thenRejects('invalid_transition')
  })

  it('refuses a dispute that was never opened', () =>
    spec.given([]).when(resolve('payer')).thenRejects('dispute_not_found'))
})

describe('disputeView and disputeRefunded', () => {
  const fold = (events: Parameters<typeof disputeDecider.evolve>[1][]) =>
    foldEvents(disputeDecider.evolve, disputeDecider.initialState, events)

  it('shows DESIGN’s DisputeView with strings only', () => {
    expect(
      disputeView(
        fold([opened('100.00', '60.00', '40.00'), evidenceSubmitted('payer'), contested()]),
      ),
    ).toEqual({
      disputeId: DISPUTE_ID,
      paymentId: PAYMENT_ID,
      status: 'responded',
      evidence: [{ by: 'payer', reference: 'payer-receipt', sha256: SHA }],
      reason: 'not_received',
      asset: 'USD',
      amount: '100.00',
      held: '60.00',
      refunded: '0.00',
      responseDueAt: DUE_AT,
    })
  })

  it('reports what a payer outcome refunded, and nothing for the payee outcome', () => {
    const partial = resolved({
      outcome: 'payer',
      refunded: '30.00',
      captured: '30.00',
      released: '70.00',
      legs: plainRefundLegs('30.00'),
    })
    expect(formatMoney(disputeRefunded(fold([opened(), escalated(), partial])))).toBe('30.00')
    expect(disputeView(fold([opened(), escalated(), partial]))).toMatchObject({
      status: 'resolved_payer',
      held: '0.00',
      refunded: '30.00',
    })
    expect(formatMoney(disputeRefunded(fold([opened(), escalated(), forPayee])))).toBe('0.00')
    expect(disputeView(fold([opened(), escalated(), referredToLegal()])).status).toBe(
      'referred_legal',
    )
  })

  it('names the stream, with an optional namespace', () => {
    expect(disputeStream('d-1')).toBe('dispute-d-1')
    expect(disputeStream('d-1', 'tenant-a')).toBe('tenant-a.dispute-d-1')
  })
})

describe('evolve on a corrupt stream', () => {
  const evolveAll = (events: Parameters<typeof disputeDecider.evolve>[1][]) => () =>
    foldEvents(disputeDecider.evolve, disputeDecider.initialState, events)

  it('asserts on events that cannot follow the state', () => {
    expect(evolveAll([contested()])).toThrow(AssertionError)
    expect(evolveAll([opened(), opened()])).toThrow(AssertionError)
    expect(evolveAll([opened(), referredToLegal()])).toThrow(AssertionError)
    expect(evolveAll([opened(), forPayer])).toThrow(AssertionError)
    expect(evolveAll([opened(), escalated(), forPayee, evidenceSubmitted('payer')])).toThrow(
      AssertionError,
    )
  })

  it('asserts on inconsistent amounts', () => {
    expect(evolveAll([opened('100.00', '60.00', '30.00')])).toThrow(AssertionError)
    const overCaptured = resolved({
      outcome: 'payer',
      refunded: '30.00',
      captured: '40.00',
      released: '60.00',
      legs: plainRefundLegs('30.00'),
    })
    expect(evolveAll([opened(), escalated(), overCaptured])).toThrow(AssertionError)
    const noEntry = resolved({
      outcome: 'payer',
      refunded: '30.00',
      captured: '30.00',
      released: '70.00',
    })
    expect(evolveAll([opened(), escalated(), noEntry])).toThrow(AssertionError)
  })
})
