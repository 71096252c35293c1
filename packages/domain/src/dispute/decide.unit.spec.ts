// Proves the dispute's opening, evidence, response, deadline and escalation rules of DESIGN.md
// section 3 with given/when/then cases, and that each error code these commands can return is
// produced by the case that names it. Outcomes (ResolveDispute) are in resolve.unit.spec.ts.
import { describe, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { EVIDENCE_ITEMS_PER_DISPUTE_MAX } from '../limits.js'
import { disputeDecider } from './disputeDecider.js'
import {
  AFTER_DUE,
  BEFORE_DUE,
  DUE_AT,
  ENTRY_ID,
  OPENED_AT,
  OTHER_ENTRY_ID,
  OTHER_FINGERPRINT,
  OTHER_SHA,
  PAYEE,
  contested,
  escalate,
  escalated,
  evidenceSubmitted,
  expire,
  leg,
  openDispute,
  opened,
  plainRefundLegs,
  referredToLegal,
  resolved,
  respond,
  submitEvidence,
} from '../../test/dispute/__fixtures__/disputeFixtures.js'

const spec = deciderSpec(disputeDecider)

describe('OpenDispute', () => {
  it('disputes what remains of a completed payment and holds it all when the payee can cover it', () =>
    spec
      .given([])
      .when(openDispute())
      .then([opened('100.00', '100.00', '0.00')]))

  it('defaults to captured minus refunded on a partially refunded payment', () =>
    spec
      .given([])
      .when(openDispute({}, { refunded: '30.00', status: 'partially_refunded' }))
      .then([opened('70.00', '70.00', '0.00', { refunded: '30.00' })]))

  it('disputes part of the payment when an amount is given', () =>
    spec
      .given([])
      .when(openDispute({ amount: '25.50' }))
      .then([opened('25.50', '25.50', '0.00')]))

  it('holds what the payee has and records the shortfall', () =>
    spec
      .given([])
      .when(openDispute({ payeeAvailable: '60.00' }))
      .then([opened('100.00', '60.00', '40.00')]))

  it('holds nothing when the payee has nothing available', () =>
    spec
      .given([])
      .when(openDispute({ payeeAvailable: '0.00' }))
      .then([opened('100.00', '0.00', '100.00')]))

  it('refuses anyone but the payer', () =>
    spec
      .given([])
      .when(openDispute({ openedBy: PAYEE }))
      .thenRejects('invalid_transition'))

  it.each(['authorized', 'failed', 'cancelled', 'refunded'])('refuses a %s payment', (status) => {
    spec.given([]).when(openDispute({}, { status })).thenRejects('invalid_transition')
  })

  it('refuses a payment whose refunds already reach what was captured', () =>
    spec
      .given([])
      .when(openDispute({}, { refunded: '100.00', status: 'partially_refunded' }))
      .thenRejects('invalid_transition'))

  it('refuses more than captured minus refunded', () =>
    spec
      .given([])
      .when(openDispute({ amount: '70.01' }, { refunded: '30.00', status: 'partially_refunded' }))
      .thenRejects('dispute_amount_exceeds_payment'))

  it('refuses a zero amount', () =>
    spec
      .given([])
      .when(openDispute({ amount: '0.00' }))
      .thenRejects('amount_not_positive'))

  it('refuses an amount not canonical for the asset', () =>
    spec
      .given([])
      .when(openDispute({ amount: '10.5' }))
      .thenRejects('invalid_input'))

  it('refuses a deadline that is not after the opening', () =>
    spec
      .given([])
      .when(openDispute({ responseDueAt: OPENED_AT }))
      .thenRejects('invalid_input'))

  it('records nothing for a retry with the same fingerprint', () =>
    spec
      .given([opened()])
      .when(openDispute({ payeeAvailable: '1.00' }))
      .thenNothing())

  it('refuses the same idempotency key with other fields', () =>
    spec
      .given([opened()])
      .when(openDispute({ fingerprint: OTHER_FINGERPRINT }))
      .thenRejects('idempotency_key_reused'))
})

describe('SubmitEvidence', () => {
  it('records evidence from the payer and from the payee', () => {
    spec
      .given([opened()])
      .when(submitEvidence('payer'))
      .then([evidenceSubmitted('payer')])
    spec
      .given([opened(), contested()])
      .when(submitEvidence('payee'))
      .then([evidenceSubmitted('payee')])
  })

  it('still takes evidence while the dispute is with legal', () =>
    spec
      .given([opened(), escalated(), referredToLegal()])
      .when(submitEvidence('payee'))
      .then([evidenceSubmitted('payee')]))

  it('records nothing for the same item again', () =>
    spec
      .given([opened(), evidenceSubmitted('payer')])
      .when(submitEvidence('payer'))
      .thenNothing())

  it(`refuses item ${EVIDENCE_ITEMS_PER_DISPUTE_MAX + 1}`, () => {
    const items = Array.from({ length: EVIDENCE_ITEMS_PER_DISPUTE_MAX }, (_, index) =>
      evidenceSubmitted('payer', undefined, `receipt-${index}`),
    )
    spec
      .given([opened(), ...items])
      .when(submitEvidence('payee', OTHER_SHA))
      .thenRejects('evidence_limit_reached')
  })

  it('refuses evidence after the outcome', () =>
    spec
      .given([
        opened(),
        escalated(),
        resolved({ outcome: 'payee', refunded: '0.00', captured: '0.00', released: '100.00' }),
      ])
      .when(submitEvidence('payer'))
      .thenRejects('invalid_transition'))

  it('refuses evidence on a dispute that was never opened', () =>
    spec.given([]).when(submitEvidence('payer')).thenRejects('dispute_not_found'))
})

describe('RespondToDispute', () => {
  it('records a contest before the deadline', () =>
    spec.given([opened()]).when(respond('contest')).then([contested()]))

  it('takes a response at the deadline itself (the deadline is inclusive)', () =>
    spec
      .given([opened()])
      .when(respond('contest', DUE_AT))
      .then([contested(DUE_AT)]))

  it('refuses a response after the deadline', () =>
    spec.given([opened()]).when(respond('contest', AFTER_DUE)).thenRejects('deadline_passed'))

  it('refuses a late response once the deadline escalated the dispute', () =>
    spec
      .given([opened(), escalated('response_overdue', AFTER_DUE)])
      .when(respond('accept', AFTER_DUE))
      .thenRejects('deadline_passed'))

  it('resolves for the payer with a full refund when the payee accepts', () =>
    spec
      .given([opened()])
      .when(respond('accept'))
      .then([
        resolved({
          outcome: 'payer',
          decidedBy: 'payee',
          refunded: '100.00',
          captured: '100.00',
          released: '0.00',
          legs: plainRefundLegs('100.00'),
          at: BEFORE_DUE,
        }),
      ]))

  it('has the platform cover the shortfall when the accepting payee was short', () =>
    spec
      .given([opened('100.00', '60.00', '40.00')])
      .when(respond('accept'))
      .then([
        resolved({
          outcome: 'payer',
          decidedBy: 'payee',
          refunded: '100.00',
          captured: '60.00',
          released: '0.00',
          legs: [
            leg(PAYEE, '60.00', 'debit'),
            leg('system:receivables', '40.00', 'debit'),
            leg('system:dispute-losses', '40.00', 'credit'),
            leg('system:dispute-losses', '40.00', 'debit'),
            leg('alice', '100.00', 'credit'),
          ],
          at: BEFORE_DUE,
        }),
      ]))

  it('records nothing for a repeated contest or a repeated accept', () => {
    spec.given([opened(), contested()]).when(respond('contest')).thenNothing()
    const accepted = resolved({
      outcome: 'payer',
      decidedBy: 'payee',
      refunded: '100.00',
      captured: '100.00',
      released: '0.00',
      legs: plainRefundLegs('100.00'),
      at: BEFORE_DUE,
    })
    spec
      .given([opened(), accepted])
      .when(respond('accept', BEFORE_DUE, ENTRY_ID))
      .thenNothing()
    spec
      .given([opened(), accepted])
      .when(respond('accept', BEFORE_DUE, OTHER_ENTRY_ID))
      .thenRejects('invalid_transition')
  })

  it('refuses an accept after a contest, and any response once escalated before the deadline', () => {
    spec.given([opened(), contested()]).when(respond('accept')).thenRejects('invalid_transition')
    spec.given([opened(), escalated()]).when(respond('contest')).thenRejects('invalid_transition')
  })

  it('refuses a response on a dispute that was never opened', () =>
    spec.given([]).when(respond('contest')).thenRejects('dispute_not_found'))
})

describe('ExpireDisputeResponse', () => {
  it('escalates an unanswered dispute once the deadline has passed', () =>
    spec
      .given([opened()])
      .when(expire())
      .then([escalated('response_overdue', AFTER_DUE)]))

  it('refuses to expire at the deadline itself (the payee may still answer)', () =>
    spec.given([opened()]).when(expire(DUE_AT)).thenRejects('invalid_transition'))

  it('records nothing when the payee has answered or the dispute moved on', () => {
    spec.given([opened(), contested()]).when(expire()).thenNothing()
    spec.given([opened(), escalated()]).when(expire()).thenNothing()
  })

  it('refuses a dispute that was never opened', () =>
    spec.given([]).when(expire()).thenRejects('dispute_not_found'))
})

describe('EscalateDispute', () => {
  it('escalates an open or a contested dispute', () => {
    spec
      .given([opened()])
      .when(escalate())
      .then([escalated('requested')])
    spec
      .given([opened(), contested()])
      .when(escalate())
      .then([escalated('requested')])
  })

  it('records nothing when already escalated', () =>
    spec.given([opened(), escalated()]).when(escalate()).thenNothing())

  it('refuses a dispute with legal or decided', () => {
    spec
      .given([opened(), escalated(), referredToLegal()])
      .when(escalate())
      .thenRejects('invalid_transition')
    const decided = resolved({
      outcome: 'payee',
      refunded: '0.00',
      captured: '0.00',
      released: '100.00',
    })
    spec.given([opened(), escalated(), decided]).when(escalate()).thenRejects('invalid_transition')
  })

  it('refuses a dispute that was never opened', () =>
    spec.given([]).when(escalate()).thenRejects('dispute_not_found'))
})
