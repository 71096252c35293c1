// Proves every error code the dispute methods return, through createLedger, and that each refusal
// writes nothing: unknown payments and disputes, bad input, amounts outside the payment, steps out
// of order, and the limit on disputes per payment.
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { positionOf } from '../../../test/workflows/__fixtures__/withdrawalFixtures.js'
import {
  aliceAndShop,
  escalated,
  opened,
  paid,
  sha256Of,
} from '../../../test/workflows/__fixtures__/disputeFixtures.js'

const START = '2026-03-02T10:00:00.000Z'

/** Runs a call that must be refused with `code` and write nothing. */
const refused = async (fixture: WorkflowLedger, call: () => Promise<unknown>, code: string) => {
  const before = await positionOf(fixture)
  const error = leftOf((await call()) as Parameters<typeof leftOf>[0])
  expect(error.code).toBe(code)
  expect(await positionOf(fixture)).toBe(before)
}

const withPayment = async () => {
  const fixture = await workflowLedger({}, START)
  await aliceAndShop(fixture)
  const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
  return { fixture, ledger: fixture.ledger, paymentId }
}

describe('openDispute refusals', () => {
  it.each([
    ['amount_not_positive', { amount: '0.00' }],
    ['amount_precision_exceeded', { amount: '1.001' }],
    ['dispute_amount_exceeds_payment', { amount: '40.01' }],
    ['invalid_input', { reason: 'changed_my_mind' }],
    ['payment_not_found', { paymentId: 'no-such-payment' }],
  ])('%s for %j', async (code, fields) => {
    const { fixture, ledger, paymentId } = await withPayment()
    const request = { paymentId, reason: 'not_received', idempotencyKey: 'o1', ...fields } as never
    await refused(fixture, () => ledger.openDispute(request), code)
  })

  it('invalid_transition for a payment only authorized', async () => {
    const { fixture, ledger } = await withPayment()
    const authorized = rightOf(
      await ledger.pay({
        ...{ channel: 'online', payer: 'alice', payee: 'shop', asset: 'USD', amount: '5.00' },
        capture: 'manual',
        idempotencyKey: 'p2',
      }),
    )
    const request = {
      paymentId: authorized.paymentId,
      reason: 'not_received' as const,
      idempotencyKey: 'o1',
    }
    await refused(fixture, () => ledger.openDispute(request), 'invalid_transition')
  })

  it(`limit_exceeded after ${limits.DISPUTES_PER_PAYMENT_MAX} disputes on one payment`, async () => {
    const { fixture, ledger, paymentId } = await withPayment()
    for (let round = 0; round < limits.DISPUTES_PER_PAYMENT_MAX; round += 1) {
      const disputeId = await escalated(fixture, paymentId, `round-${round}`)
      rightOf(await ledger.resolveDispute({ disputeId, outcome: 'payee' }))
    }
    const request = { paymentId, reason: 'duplicate' as const, idempotencyKey: 'over' }
    await refused(fixture, () => ledger.openDispute(request), 'limit_exceeded')
  })
})

describe('refusals of the later steps', () => {
  it('dispute_not_found for an unknown dispute, invalid_input for a malformed one', async () => {
    const { fixture, ledger } = await withPayment()
    expect(leftOf(await ledger.dispute('missing')).code).toBe('dispute_not_found')
    await refused(
      fixture,
      () => ledger.escalateDispute({ disputeId: 'missing' }),
      'dispute_not_found',
    )
    const evidence = { disputeId: 'missing', by: 'payer' as const, reference: 'r', sha256: 'abc' }
    await refused(fixture, () => ledger.submitEvidence(evidence), 'invalid_input')
  })

  it('invalid_transition out of order; invalid_input for an amount on the payee outcome', async () => {
    const { fixture, ledger, paymentId } = await withPayment()
    const { disputeId } = await opened(fixture, paymentId)
    await refused(
      fixture,
      () => ledger.resolveDispute({ disputeId, outcome: 'payer' }),
      'invalid_transition',
    )
    rightOf(await ledger.escalateDispute({ disputeId }))
    await refused(
      fixture,
      () => ledger.respondToDispute({ disputeId, response: 'contest' }),
      'invalid_transition',
    )
    await refused(
      fixture,
      () => ledger.resolveDispute({ disputeId, outcome: 'payee', amount: '1.00' }),
      'invalid_input',
    )
    await refused(
      fixture,
      () => ledger.resolveDispute({ disputeId, outcome: 'payer', amount: '40.01' }),
      'dispute_amount_exceeds_payment',
    )
    rightOf(await ledger.resolveDispute({ disputeId, outcome: 'payee' }))
    const late = { disputeId, by: 'payer' as const, reference: 'late', sha256: sha256Of('late') }
    await refused(fixture, () => ledger.submitEvidence(late), 'invalid_transition')
    // The same outcome again is a retry: it records nothing and answers the dispute as it is.
    const before = await positionOf(fixture)
    expect(rightOf(await ledger.resolveDispute({ disputeId, outcome: 'payee' })).status).toBe(
      'resolved_payee',
    )
    expect(await positionOf(fixture)).toBe(before)
  })
})
