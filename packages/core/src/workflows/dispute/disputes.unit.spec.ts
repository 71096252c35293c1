// Proves the dispute workflow through createLedger (memory store, a clock moved by hand): the
// disputed amount held from the payee, evidence, the payee's response, support's outcomes (refund
// to the payer, hold back to the payee, legal then final), and a payee too short to cover: the
// dispute-loss account pays the payer and system:receivables records what the payee owes. Balances
// are read back through `ledger.balances`.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import {
  positionOf,
  requested,
  usd,
} from '../../../test/workflows/__fixtures__/withdrawalFixtures.js'
import {
  aliceAndShop,
  escalated,
  opened,
  paid,
  sha256Of,
} from '../../../test/workflows/__fixtures__/disputeFixtures.js'
import { orThrow } from '../../ledger/result.js'

const START = '2026-03-02T10:00:00.000Z'
const DAY_MS = 24 * 60 * 60 * 1000

describe('a dispute resolved for the payer', () => {
  it('holds the amount from the payee, takes evidence, and refunds the payer', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const view = await opened(fixture, paymentId)
    expect(view).toMatchObject({ paymentId, status: 'open', evidence: [] })
    expect(await usd(fixture, 'shop')).toEqual({ available: '0.00', held: '40.00', total: '40.00' })
    const receipt = { by: 'payer' as const, reference: 'no-delivery.pdf', sha256: sha256Of('x') }
    const tracking = { by: 'payee' as const, reference: 'tracking-123', sha256: sha256Of('y') }
    const { disputeId } = view
    rightOf(await ledger.submitEvidence({ disputeId, ...receipt }))
    rightOf(await ledger.submitEvidence({ disputeId, ...tracking }))
    expect(rightOf(await ledger.respondToDispute({ disputeId, response: 'contest' })).status).toBe(
      'responded',
    )
    rightOf(await ledger.escalateDispute({ disputeId }))
    const resolved = rightOf(await ledger.resolveDispute({ disputeId, outcome: 'payer' }))
    expect(resolved.status).toBe('resolved_payer')
    expect(resolved.evidence).toEqual([receipt, tracking])
    expect(rightOf(await ledger.dispute(disputeId))).toEqual(resolved)
    expect((await usd(fixture, 'alice')).total).toBe('100.00')
    expect(await usd(fixture, 'shop')).toEqual({ available: '0.00', held: '0.00', total: '0.00' })
  })

  it('refunds at once when the payee accepts', async () => {
    const fixture = await workflowLedger({}, START)
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId, '15.00')
    const accepted = rightOf(
      await fixture.ledger.respondToDispute({ disputeId, response: 'accept' }),
    )
    expect(accepted.status).toBe('resolved_payer')
    expect((await usd(fixture, 'alice')).total).toBe('75.00')
    expect(await usd(fixture, 'shop')).toEqual({ available: '25.00', held: '0.00', total: '25.00' })
  })

  it.each(['atomic', 'stepwise'] as const)(
    'covers a short payee from the dispute-loss account and records a receivable (%s)',
    async (executor) => {
      // Stepwise, the dispute-loss account's debit is posted after its credit of the same entry, so
      // it needs no reserve hold (it once failed every time asking for one).
      const fixture = await workflowLedger({ executor }, START)
      const { ledger } = fixture
      await aliceAndShop(fixture)
      const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
      // The merchant moves 30.00 out before the dispute: only 10.00 is left to hold.
      await requested(fixture, 'shop', '30.00', 'shop-w1')
      const view = await opened(fixture, paymentId)
      expect(view).toMatchObject({ amount: '40.00', held: '10.00' })
      expect(await usd(fixture, 'shop')).toEqual({
        available: '0.00',
        held: '40.00',
        total: '40.00',
      })
      rightOf(await ledger.escalateDispute({ disputeId: view.disputeId }))
      rightOf(await ledger.resolveDispute({ disputeId: view.disputeId, outcome: 'payer' }))
      expect((await usd(fixture, 'alice')).total).toBe('100.00')
      // The withdrawal's hold stays; the dispute's 10.00 left the merchant.
      expect(await usd(fixture, 'shop')).toEqual({
        available: '0.00',
        held: '30.00',
        total: '30.00',
      })
      expect((await usd(fixture, SYSTEM_ACCOUNTS.receivables)).total).toBe('-30.00')
      expect((await usd(fixture, SYSTEM_ACCOUNTS.disputeLosses)).total).toBe('0.00')
      expect(orThrow(await ledger.audit()).violations).toEqual([])
    },
  )
})

describe('a dispute resolved for the payee or referred to legal', () => {
  it('gives the hold back to the payee', async () => {
    const fixture = await workflowLedger({}, START)
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const disputeId = await escalated(fixture, paymentId)
    const won = rightOf(await fixture.ledger.resolveDispute({ disputeId, outcome: 'payee' }))
    expect(won.status).toBe('resolved_payee')
    expect(await usd(fixture, 'shop')).toEqual({ available: '40.00', held: '0.00', total: '40.00' })
    expect((await usd(fixture, 'alice')).total).toBe('60.00')
  })

  it('keeps the hold while with legal, then settles a partial refund', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const disputeId = await escalated(fixture, paymentId)
    const legal = rightOf(await ledger.resolveDispute({ disputeId, outcome: 'legal' }))
    expect(legal.status).toBe('referred_legal')
    expect((await usd(fixture, 'shop')).held).toBe('40.00')
    const final = rightOf(
      await ledger.resolveDispute({ disputeId, outcome: 'payer', amount: '15' }),
    )
    expect(final.status).toBe('resolved_payer')
    expect((await usd(fixture, 'alice')).total).toBe('75.00')
    expect(await usd(fixture, 'shop')).toEqual({ available: '25.00', held: '0.00', total: '25.00' })
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it('still holds from and refunds out of a frozen payee (platform movements)', async () => {
    const fixture = await workflowLedger({}, START)
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    rightOf(await fixture.ledger.freezeAccount({ accountId: 'shop', reason: 'review' }))
    const disputeId = await escalated(fixture, paymentId)
    expect((await usd(fixture, 'shop')).held).toBe('40.00')
    rightOf(await fixture.ledger.resolveDispute({ disputeId, outcome: 'payer' }))
    expect((await usd(fixture, 'shop')).total).toBe('0.00')
  })
})

describe('rules while a dispute is open', () => {
  it('refuses a second dispute (dispute_open) but answers a retry of the same opening', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const first = await opened(fixture, paymentId)
    const before = await positionOf(fixture)
    expect(await opened(fixture, paymentId)).toEqual(first)
    const second = leftOf(
      await ledger.openDispute({ paymentId, reason: 'duplicate', idempotencyKey: 'o2' }),
    )
    expect(second.code).toBe('dispute_open')
    expect(second.details?.['disputeId']).toBe(first.disputeId)
    expect(await positionOf(fixture)).toBe(before)
  })

  it('refuses a refund of the payment with dispute_open', async () => {
    const fixture = await workflowLedger({}, START)
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    await opened(fixture, paymentId, '10.00')
    const refused = leftOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r1' }))
    expect(refused.code).toBe('dispute_open')
  })

  it('counts an earlier dispute refund: the next dispute covers only what is left', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId, '15.00')
    rightOf(await ledger.respondToDispute({ disputeId, response: 'accept' }))
    const next = await opened(fixture, paymentId)
    expect(next.disputeId).not.toBe(disputeId)
    expect(next).toMatchObject({ amount: '25.00', held: '25.00' })
    const over = leftOf(
      await ledger.openDispute({ paymentId, reason: 'duplicate', idempotencyKey: 'o3' }),
    )
    expect(over.code).toBe('dispute_open')
  })

  it('refuses a late response with deadline_passed', async () => {
    const fixture = await workflowLedger({}, START)
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId)
    fixture.advance(7 * DAY_MS + 1)
    const late = leftOf(await fixture.ledger.respondToDispute({ disputeId, response: 'contest' }))
    expect(late.code).toBe('deadline_passed')
  })

  it('refuses evidence over the limit with evidence_limit_reached', async () => {
    const fixture = await workflowLedger({}, START)
    await aliceAndShop(fixture)
    const paymentId = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
    const { disputeId } = await opened(fixture, paymentId)
    for (let item = 0; item < 20; item += 1) {
      const evidence = {
        by: 'payer' as const,
        reference: `doc-${item}`,
        sha256: sha256Of(`${item}`),
      }
      rightOf(await fixture.ledger.submitEvidence({ disputeId, ...evidence }))
    }
    const extra = { by: 'payee' as const, reference: 'one-more', sha256: sha256Of('more') }
    const refused = leftOf(await fixture.ledger.submitEvidence({ disputeId, ...extra }))
    expect(refused.code).toBe('evidence_limit_reached')
  })
})
