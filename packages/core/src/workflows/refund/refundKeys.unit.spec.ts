// Proves that a refund's idempotency key is claimed for the whole ledger, on both executors: the
// key reused for a refund of another payment, or with another amount, is idempotency_key_reused
// and writes nothing; a retry with the same fields returns the payment and writes nothing; the
// claim (stream claim-<refundId>, namespaced) is appended before the payment's decision, so a
// refund whose commit stopped after its claim is finished by the retry; the audit reads it all.
import { describe, expect, it } from 'vitest'
import { iterateAll } from '../../store/paging.js'
import { fingerprintOf } from '../../ledger/input.js'
import { decideWrite } from '../shared/common.js'
import { commitPlan } from '../execution/run.js'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../ledger/result.js'
import { keyedIdOf } from '../shared/ids.js'

type Executor = 'atomic' | 'stepwise'

/** Alice (100.00) paid the shop (fee 1 %) 40.00 and 20.00: two payments to refund. */
const twoPayments = async (executor: Executor, namespace?: string) => {
  const fixture = await workflowLedger({
    executor,
    ...(namespace === undefined ? {} : { namespace }),
  })
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
  const pay = async (amount: string, idempotencyKey: string) =>
    rightOf(
      await ledger.pay({
        channel: 'merchant_qr',
        payer: 'alice',
        payee: 'shop',
        asset: 'USD',
        amount,
        idempotencyKey,
      }),
    ).paymentId
  return { fixture, first: await pay('40.00', 'p1'), second: await pay('20.00', 'p2') }
}

/** Every event type in the store, in global order, with its stream. */
const log = async (fixture: WorkflowLedger) => {
  const events: { stream: string; type: string }[] = []
  for await (const stored of iterateAll(fixture.context.store))
    events.push({ stream: stored.stream, type: stored.type })
  return events
}

describe.each(['atomic', 'stepwise'] as const)(
  'refund idempotency keys (%s executor)',
  (executor) => {
    it('refuses a key reused for a refund of another payment, writing nothing', async () => {
      const { fixture, first, second } = await twoPayments(executor)
      rightOf(await fixture.ledger.refund({ paymentId: first, amount: '5', idempotencyKey: 'k7' }))
      const before = await eventCount(fixture)
      const error = leftOf(
        await fixture.ledger.refund({ paymentId: second, amount: '5', idempotencyKey: 'k7' }),
      )
      expect(error.code).toBe('idempotency_key_reused')
      expect(error.details).toMatchObject({ paymentId: second })
      expect(await eventCount(fixture)).toBe(before)
      expect(rightOf(await fixture.ledger.payment(second)).refunded).toBe('0.00')
    })

    it('refuses a key reused with another amount on the same payment, writing nothing', async () => {
      const { fixture, first } = await twoPayments(executor)
      rightOf(await fixture.ledger.refund({ paymentId: first, amount: '5', idempotencyKey: 'k7' }))
      const before = await eventCount(fixture)
      const error = leftOf(
        await fixture.ledger.refund({ paymentId: first, amount: '6', idempotencyKey: 'k7' }),
      )
      expect(error.code).toBe('idempotency_key_reused')
      expect(await eventCount(fixture)).toBe(before)
    })

    it('answers a retry with the same fields with the payment, writing nothing', async () => {
      const { fixture, first } = await twoPayments(executor)
      const refund = { paymentId: first, amount: '5', idempotencyKey: 'k7' }
      const view = rightOf(await fixture.ledger.refund(refund))
      const before = await eventCount(fixture)
      expect(rightOf(await fixture.ledger.refund(refund))).toEqual(view)
      expect(await eventCount(fixture)).toBe(before)
      expect(rightOf(await fixture.ledger.balances('alice'))['USD']?.total).toBe('45.00')
    })

    it('appends the claim before the payment decision, on a namespaced stream', async () => {
      const { fixture, first } = await twoPayments(executor, 'tenant')
      rightOf(await fixture.ledger.refund({ paymentId: first, amount: '5', idempotencyKey: 'k7' }))
      const refundId = keyedIdOf(fixture.context, 'refund', 'k7')
      const events = await log(fixture)
      const claimAt = events.findIndex((event) => event.type === 'IdempotencyKeyClaimed')
      const refundAt = events.findIndex((event) => event.type === 'PaymentRefunded')
      expect(events[claimAt]?.stream).toBe(`tenant.claim-${refundId}`)
      expect(claimAt).toBeGreaterThanOrEqual(0)
      expect(claimAt).toBeLessThan(refundAt)
      expect(events.filter((event) => event.type === 'IdempotencyKeyClaimed')).toHaveLength(1)
      const report = orThrow(await fixture.ledger.audit())
      expect(report.violations).toEqual([])
      expect(report.ok).toBe(true)
    })

    it('finishes a refund whose commit stopped after the claim when it is retried', async () => {
      const { fixture, first } = await twoPayments(executor)
      const { context } = fixture
      // The claim alone, as the step-by-step executor leaves it when it stops after the first append.
      const refundId = keyedIdOf(context, 'refund', 'k7')
      const definition = context.definitions.claim
      const claim = decideWrite(
        definition,
        definition.stream(refundId),
        await context.repository.load(definition, refundId),
        {
          type: 'ClaimIdempotencyKey',
          claimId: refundId,
          kind: 'refund',
          entityRef: first,
          fingerprint: fingerprintOf({ paymentId: first, amount: '5.00' }),
          at: context.clock().toISOString(),
        } as never,
      )
      await commitPlan(context, [rightOf(claim)], {})
      const view = rightOf(
        await fixture.ledger.refund({ paymentId: first, amount: '5', idempotencyKey: 'k7' }),
      )
      expect(view).toMatchObject({ status: 'partially_refunded', refunded: '5.00' })
      expect(rightOf(await fixture.ledger.balances('alice'))['USD']?.total).toBe('45.00')
      expect(orThrow(await fixture.ledger.audit()).ok).toBe(true)
    })
  },
)
