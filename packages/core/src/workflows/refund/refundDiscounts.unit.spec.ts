// Proves that refunding a discounted payment through createLedger splits each refund pro rata: the
// payer gets their share of what they were charged, the promotion's budget the rest (recorded as
// DiscountReturned on the promotion's stream), and partial refunds add up exactly, on both
// executors, with the world summing to zero per asset.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import { iterateStream } from '../../store/paging.js'
import {
  rightOf,
  workflowLedger,
  worldTotals,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'

const usd = async (fixture: WorkflowLedger, accountId: string) =>
  rightOf(await fixture.ledger.balances(accountId))['USD']?.total

const remainingOf = async (fixture: WorkflowLedger): Promise<bigint> => {
  const { context } = fixture
  const loaded = await context.repository.load(context.definitions.promotion, 'spring')
  if (loaded.state.status !== 'active') throw new Error('promotion not created')
  return loaded.state.remaining
}

const returnedEvents = async (fixture: WorkflowLedger): Promise<string[]> => {
  const { context } = fixture
  const amounts: string[] = []
  const stream = context.definitions.promotion.stream('spring')
  for await (const stored of iterateStream(context.store, stream)) {
    if (stored.type === 'DiscountReturned')
      amounts.push(String((stored.data as Record<string, unknown>)['amount']))
  }
  return amounts
}

/** Alice (100.00) paid the shop (fee 1 %) 40.00 with 10 % off: charged 36.00, budget 50 -> 46. */
const discounted = async (executor: 'atomic' | 'stepwise') => {
  const fixture = await workflowLedger({ executor })
  const { ledger } = fixture
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '1' }))
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '100',
      source: { type: 'card', reference: 'c1' },
      idempotencyKey: 'd1',
    }),
  )
  rightOf(
    await ledger.createPromotion({
      promotionId: 'spring',
      asset: 'USD',
      budget: '50',
      discount: { percent: '10' },
    }),
  )
  const payment = rightOf(
    await ledger.pay({
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '40.00',
      promotionId: 'spring',
      idempotencyKey: 'p1',
    }),
  )
  expect(payment.charged).toBe('36.00')
  return { fixture, paymentId: payment.paymentId }
}

describe.each(['atomic', 'stepwise'] as const)(
  'refunding a discounted payment (%s)',
  (executor) => {
    it('returns the budget its share: 10.00 back is 9.00 to the payer and 1.00 to the budget', async () => {
      const { fixture, paymentId } = await discounted(executor)
      rightOf(await fixture.ledger.refund({ paymentId, amount: '10', idempotencyKey: 'r1' }))
      expect(await usd(fixture, 'alice')).toBe('73.00')
      expect(await remainingOf(fixture)).toBe(4700n)
      expect(await usd(fixture, 'shop')).toBe('29.70')
      expect(await usd(fixture, SYSTEM_ACCOUNTS.fees)).toBe('0.30')
      expect(await returnedEvents(fixture)).toEqual(['1.00'])
      expect(await worldTotals(fixture)).toEqual({ USD: 0n })
    })

    it('gives everything back over uneven partial refunds, to the minor unit', async () => {
      const { fixture, paymentId } = await discounted(executor)
      // 0.03 splits 2.7 : 0.3 minor units; largest remainder gives all 3 to the payer, so this
      // entry has no budget leg and the promotion records nothing.
      rightOf(await fixture.ledger.refund({ paymentId, amount: '0.03', idempotencyKey: 'r1' }))
      expect(await returnedEvents(fixture)).toEqual([])
      rightOf(await fixture.ledger.refund({ paymentId, amount: '7.77', idempotencyKey: 'r2' }))
      rightOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r3' }))
      expect(await usd(fixture, 'alice')).toBe('100.00')
      expect(await remainingOf(fixture)).toBe(5000n)
      expect(await usd(fixture, 'shop')).toBe('0.00')
      expect(await usd(fixture, SYSTEM_ACCOUNTS.fees)).toBe('0.00')
      const returned = await returnedEvents(fixture)
      const total = returned.reduce((sum, amount) => sum + BigInt(amount.replace('.', '')), 0n)
      expect(total).toBe(400n)
      expect(await worldTotals(fixture)).toEqual({ USD: 0n })
    })
  },
)
