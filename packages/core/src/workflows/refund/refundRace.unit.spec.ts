// Proves issue 7 item 9's refund race through two createLedger instances on one memory store (two
// processes, one database): full refunds of one merchant payment, with different keys, raced from
// both ledgers, end with exactly one refund and every other answer `refund_exceeds_captured` (the
// rule a serial order gives), never `insufficient_balance` on the fees account the first refund
// took its fee share from; nothing is refunded twice and the audit is clean.
import { describe, expect, it } from 'vitest'
import { createLedger } from '../../ledger/createLedger.js'
import { createMemoryEventStore } from '../../store/memoryEventStore.js'
import { rightOf } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../ledger/result.js'

const RACERS = 6

describe.each(['atomic', 'stepwise'] as const)(
  'full refunds raced from two ledgers (%s)',
  (executor) => {
    it('refund once; the others are refund_exceeds_captured', async () => {
      const clock = () => new Date('2025-03-03T09:00:00.000Z')
      const store = createMemoryEventStore({ clock })
      const first = await createLedger({ store, clock, executor })
      const second = await createLedger({ store, clock, executor })
      rightOf(await first.openAccount({ accountId: 'alice', kind: 'user' }))
      rightOf(
        await first.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '2.5' }),
      )
      const source = { type: 'bank_transfer' as const, reference: 'seed' }
      rightOf(
        await first.deposit({
          accountId: 'alice',
          asset: 'USD',
          amount: '100.00',
          source,
          idempotencyKey: 'd',
        }),
      )
      const payment = { payer: 'alice', payee: 'shop', asset: 'USD', amount: '40.00' }
      const { paymentId } = rightOf(
        await first.pay({ channel: 'merchant_qr', ...payment, idempotencyKey: 'p' }),
      )
      // Both ledgers have loaded the payment and the fees account before the race.
      rightOf(await second.payment(paymentId))
      rightOf(await second.balances('system:fees'))
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, index) =>
          (index % 2 === 0 ? first : second).refund({ paymentId, idempotencyKey: `r${index}` }),
        ),
      )
      const codes = results.map((result) =>
        result._tag === 'Right' ? 'refunded' : result.left.code,
      )
      expect(codes.filter((code) => code === 'refunded')).toHaveLength(1)
      expect(codes.filter((code) => code !== 'refunded')).toEqual(
        Array.from({ length: RACERS - 1 }, () => 'refund_exceeds_captured'),
      )
      expect(rightOf(await first.payment(paymentId)).refunded).toBe('40.00')
      expect(rightOf(await second.balances('alice'))['USD']?.available).toBe('100.00')
      expect(orThrow(await first.audit()).ok).toBe(true)
    })
  },
)
