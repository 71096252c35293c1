// Proves that a dispute refunded to the payer gives back the merchant fee's share pro rata, as a
// refund does, through createLedger on both executors: the shop (fee 1 %) is paid 40.00 (39.60 to
// the shop, 0.40 to the fees), a dispute of 15.00 is decided for the payer (14.85 from the shop's
// hold, 0.15 from the fees), and the rest refunded later (24.75 and 0.25) leaves everyone where
// they started, to the cent, with a clean audit. A discounted payment's dispute returns the
// promotion's share to its budget, and a partial outcome releases the rest of the hold.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import {
  leftOf,
  rightOf,
  workflowLedger,
  worldTotals,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../ledger/result.js'

type Executor = 'atomic' | 'stepwise'

const balance = async (fixture: WorkflowLedger, accountId: string) =>
  rightOf(await fixture.ledger.balances(accountId))['USD']

const totals = async (fixture: WorkflowLedger) => ({
  alice: (await balance(fixture, 'alice'))?.total,
  shop: (await balance(fixture, 'shop'))?.total,
  fees: (await balance(fixture, SYSTEM_ACCOUNTS.fees))?.total,
})

const expectCleanBooks = async (fixture: WorkflowLedger) => {
  expect(await worldTotals(fixture)).toEqual({ USD: 0n })
  const report = orThrow(await fixture.ledger.audit())
  expect(report.violations).toEqual([])
  expect(report.ok).toBe(true)
}

/** Alice (100.00) paid the shop (fee 1 %) 40.00 by QR, `promotionId` giving 10 % off if set. */
const paid = async (executor: Executor, promotionId?: string) => {
  const fixture = await workflowLedger({ executor })
  const { ledger } = fixture
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '1' }))
  const source = { type: 'bank_transfer', reference: 'r1' } as const
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '100',
      source,
      idempotencyKey: 'd1',
    }),
  )
  if (promotionId !== undefined) {
    const discount = { percent: '10' }
    rightOf(await ledger.createPromotion({ promotionId, asset: 'USD', budget: '50', discount }))
  }
  const payment = rightOf(
    await ledger.pay({
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '40.00',
      idempotencyKey: 'p1',
      ...(promotionId === undefined ? {} : { promotionId }),
    }),
  )
  return { fixture, paymentId: payment.paymentId }
}

/** A dispute of `amount` that the payee accepts: the payer gets it all back. */
const acceptedDispute = async (fixture: WorkflowLedger, paymentId: string, amount: string) => {
  const { ledger } = fixture
  const opened = rightOf(
    await ledger.openDispute({
      paymentId,
      reason: 'not_received',
      amount,
      idempotencyKey: `o-${amount}`,
    }),
  )
  rightOf(await ledger.respondToDispute({ disputeId: opened.disputeId, response: 'accept' }))
  return opened.disputeId
}

const remainingBudget = async (fixture: WorkflowLedger, promotionId: string) => {
  const { context } = fixture
  const loaded = await context.repository.load(context.definitions.promotion, promotionId)
  if (loaded.state.status !== 'active') throw new Error('promotion not created')
  return loaded.state.remaining
}

describe.each(['atomic', 'stepwise'] as const)('dispute refunds and fees (%s)', (executor) => {
  it('takes the fee share back from the fees, then refunds the rest of the payment', async () => {
    const { fixture, paymentId } = await paid(executor)
    expect(await totals(fixture)).toEqual({ alice: '60.00', shop: '39.60', fees: '0.40' })
    await acceptedDispute(fixture, paymentId, '15.00')
    expect(await totals(fixture)).toEqual({ alice: '75.00', shop: '24.75', fees: '0.25' })
    expect(await balance(fixture, 'shop')).toEqual({
      available: '24.75',
      held: '0.00',
      total: '24.75',
    })
    const view = rightOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r1' }))
    // refunded counts what the dispute gave back: 15.00 by it, 25.00 by the refund.
    expect(view).toMatchObject({ status: 'refunded', refunded: '40.00', disputeRefunded: '15.00' })
    expect(await totals(fixture)).toEqual({ alice: '100.00', shop: '0.00', fees: '0.00' })
    await expectCleanBooks(fixture)
  })

  it('refuses a refund over what the dispute left, writing nothing', async () => {
    const { fixture, paymentId } = await paid(executor)
    await acceptedDispute(fixture, paymentId, '15.00')
    const refund = { paymentId, amount: '25.01', idempotencyKey: 'r1' }
    expect(leftOf(await fixture.ledger.refund(refund)).code).toBe('refund_exceeds_captured')
    expect(await totals(fixture)).toEqual({ alice: '75.00', shop: '24.75', fees: '0.25' })
  })

  it('keeps the pro-rata fee exact over refunds and disputes in any order', async () => {
    const { fixture, paymentId } = await paid(executor)
    const { ledger } = fixture
    rightOf(await ledger.refund({ paymentId, amount: '0.50', idempotencyKey: 'r1' }))
    await acceptedDispute(fixture, paymentId, '0.50')
    rightOf(await ledger.refund({ paymentId, amount: '13.33', idempotencyKey: 'r2' }))
    await acceptedDispute(fixture, paymentId, '13.33')
    rightOf(await ledger.refund({ paymentId, idempotencyKey: 'r3' }))
    expect(await totals(fixture)).toEqual({ alice: '100.00', shop: '0.00', fees: '0.00' })
    await expectCleanBooks(fixture)
  })

  it('captures the payee share of a partial outcome and releases the rest of the hold', async () => {
    const { fixture, paymentId } = await paid(executor)
    const { ledger } = fixture
    const opened = rightOf(
      await ledger.openDispute({ paymentId, reason: 'wrong_amount', idempotencyKey: 'o2' }),
    )
    expect(await balance(fixture, 'shop')).toEqual({
      available: '0.00',
      held: '39.60',
      total: '39.60',
    })
    rightOf(await ledger.escalateDispute({ disputeId: opened.disputeId }))
    const outcome = { disputeId: opened.disputeId, outcome: 'payer', amount: '10.00' } as const
    rightOf(await ledger.resolveDispute(outcome))
    expect(await totals(fixture)).toEqual({ alice: '70.00', shop: '29.70', fees: '0.30' })
    expect((await balance(fixture, 'shop'))?.held).toBe('0.00')
    rightOf(await ledger.refund({ paymentId, idempotencyKey: 'r1' }))
    expect(await totals(fixture)).toEqual({ alice: '100.00', shop: '0.00', fees: '0.00' })
    await expectCleanBooks(fixture)
  })

  it('returns the discount share of a disputed discounted payment to the promotion', async () => {
    const { fixture, paymentId } = await paid(executor, 'spring')
    // Charged 36.00, the budget paid 4.00; the shop got 39.60 and the fees 0.40.
    expect(await totals(fixture)).toEqual({ alice: '64.00', shop: '39.60', fees: '0.40' })
    expect(await remainingBudget(fixture, 'spring')).toBe(4600n)
    await acceptedDispute(fixture, paymentId, '10.00')
    // 10.00 gross: 9.00 to alice, 1.00 back to the budget; 9.90 from the shop, 0.10 from the fees.
    expect(await totals(fixture)).toEqual({ alice: '73.00', shop: '29.70', fees: '0.30' })
    expect(await remainingBudget(fixture, 'spring')).toBe(4700n)
    rightOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r1' }))
    expect(await totals(fixture)).toEqual({ alice: '100.00', shop: '0.00', fees: '0.00' })
    expect(await remainingBudget(fixture, 'spring')).toBe(5000n)
    await expectCleanBooks(fixture)
  })
})
