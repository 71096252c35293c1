// Proves the bugs the property suites found stay fixed: each test is a shrunk counterexample of
// model.prop, crash.prop or concurrency.prop, replayed through createLedger on a memory store with
// the properties' funded accounts, checking the answer and that nothing (or only the right
// thing) was written.
import { describe, expect, it } from 'vitest'
import { createFaultyEventStore } from '@wallet-ledger/testing'
import {
  PROMOTION_ID,
  expectConserved,
  fundedLedger,
  ledgerOver,
  manualClock,
  memoryStoreFor,
  rightOf,
  seedLedger,
  seededStore,
} from './__fixtures__/propertyLedger.js'

const headOf = async (store: { readHead: () => Promise<{ nextPosition: bigint }> }) =>
  (await store.readHead()).nextPosition

describe('regressions found by the property suites', () => {
  // model.prop: setLimits {"accountId":"ghost","asset":"XYZ"} answered account_not_found, and for
  // an existing account it recorded LimitsSet for an asset the ledger does not know.
  it('refuses limits of an unknown asset, with no amount given, writing nothing', async () => {
    const { real } = await fundedLedger('atomic')
    const before = await headOf(real.store)
    const result = await real.ledger.setLimits({ accountId: 'alice', asset: 'XYZ' })
    expect(result._tag === 'Left' ? result.left.code : 'right').toBe('unknown_asset')
    expect(await headOf(real.store)).toBe(before)
  })

  // model.prop: after a merchant payment charged a fee, pay {"payer":"system:fees","payee":"bob"}
  // was accepted and paid the platform's fees out to a user.
  it('refuses a payment from a platform account as account_not_found, writing nothing', async () => {
    const { real } = await fundedLedger('atomic')
    const merchant = { channel: 'merchant_qr' as const, payer: 'alice', payee: 'shop' }
    rightOf(
      await real.ledger.pay({ ...merchant, asset: 'USD', amount: '100.00', idempotencyKey: 'a' }),
    )
    const before = await headOf(real.store)
    const result = await real.ledger.pay({
      channel: 'p2p',
      payer: 'system:fees',
      payee: 'bob',
      asset: 'USD',
      amount: '1.00',
      idempotencyKey: 'b',
    })
    expect(result._tag === 'Left' ? result.left.code : 'right').toBe('account_not_found')
    expect(await headOf(real.store)).toBe(before)
    expect(rightOf(await real.ledger.balances('system:fees'))['USD']?.available).toBe('2.50')
  })

  // model.prop: refund k7 of payment A, then refund k7 of payment B was accepted and refunded B,
  // where the same key with other fields must be idempotency_key_reused. refunds.ts looked the
  // refund id up on the payment's own stream only, so a key was scoped to one payment. Fixed: the
  // key is claimed ledger-wide on its own stream (claim-<refundId>) in the refund's commit.
  it('refuses an idempotency key reused for a refund of another payment', async () => {
    const { real } = await fundedLedger('atomic')
    const pay = async (idempotencyKey: string) =>
      rightOf(
        await real.ledger.pay({
          channel: 'merchant_qr',
          payer: 'alice',
          payee: 'shop',
          asset: 'USD',
          amount: '0.50',
          idempotencyKey,
        }),
      ).paymentId
    const first = await pay('k0')
    rightOf(await real.ledger.refund({ paymentId: first, idempotencyKey: 'k7' }))
    const second = await pay('k1')
    const before = await headOf(real.store)
    const result = await real.ledger.refund({ paymentId: second, idempotencyKey: 'k7' })
    expect(result._tag === 'Left' ? result.left.code : 'right').toBe('idempotency_key_reused')
    expect(await headOf(real.store)).toBe(before)
  })

  // crash.prop (stepwise, store dies before a commit): [pay alice -> carol 0.50 with the 10 %
  // promotion] crashing at its third commit. The step-by-step executor appends the promotion's
  // DiscountApplied (budget -0.05) before the payment's decision; the decision is lost, recover()
  // releases the payer's reserve hold but nothing gives the discount back: USD sums to -0.05 over
  // the ledger. The same happens without a crash when the decision append clashes
  // (wrong_expected_version): commitStepwise undoes the reserve holds, not the promotion's write.
  // KNOWN BUG, not fixed here (stepwise.ts / recover.ts need a way to undo or finish a discount
  // whose payment was never recorded). Remove `.fails` once fixed, and let crash.prop generate
  // discounted payments on the step-by-step executor again.
  it.fails(
    'gives a discount back when the step-by-step payment using it was never recorded',
    async () => {
      const { clock, inner } = await seededStore('stepwise')
      const store = createFaultyEventStore(inner, { failAfterCommits: 2, mode: 'before' })
      const crashing = await ledgerOver(store, clock)
      const paid = crashing.pay({
        channel: 'merchant_qr',
        payer: 'alice',
        payee: 'carol',
        asset: 'USD',
        amount: '0.50',
        promotionId: PROMOTION_ID,
        idempotencyKey: 'k0',
      })
      await expect(paid).rejects.toMatchObject({ code: 'store_unavailable' })
      await (await ledgerOver(inner, clock)).recover()
      await expectConserved(inner)
    },
  )

  // crash.prop (stepwise, store dies before its 2nd commit): [pay alice -> cafe 0.50]. The reserve
  // hold was taken, the decision lost; recover() released the reserve; the caller's retry with the
  // same key took "the same" reserve hold id, which the account remembered as released (a no-op),
  // recorded the decision, then failed to capture it: AssertionError "a posting after its decision
  // was refused". Fixed in stepwise.ts / workflowRefs.ts: each try names its reserve holds.
  it('lets a step-by-step payment be retried after recover() released its reserve', async () => {
    const { clock, inner } = await seededStore('stepwise')
    const payment = {
      channel: 'merchant_qr' as const,
      payer: 'alice',
      payee: 'cafe',
      asset: 'USD',
      amount: '0.50',
      idempotencyKey: 'k0',
    }
    const store = createFaultyEventStore(inner, { failAfterCommits: 1, mode: 'before' })
    await expect((await ledgerOver(store, clock)).pay(payment)).rejects.toMatchObject({
      code: 'store_unavailable',
    })
    const restarted = await ledgerOver(inner, clock)
    expect(await restarted.recover()).toEqual({ finished: 0, reversed: 1 })
    expect(rightOf(await restarted.pay(payment)).status).toBe('completed')
    expect(rightOf(await restarted.balances('alice'))['USD']?.available).toBe('499.50')
    await expectConserved(inner)
  })

  // concurrency.prop (stepwise): a payment of 0.21 into shop (fee 0.01), then two full refunds of
  // it at once. The first takes reserve holds on shop and on system:fees; the second is planned
  // while they are held, the fee account's available is 0, and the plan is refused
  // insufficient_balance, though in any serial order the second refund is
  // refund_exceeds_captured (and had the first failed, the second would succeed). Nothing wrong
  // is written; the answer is wrong. KNOWN BUG, not fixed here (stepwise planning reads available
  // balances that in-flight reserves lowered). Remove `.fails` once fixed, and the tolerance in
  // concurrency.prop.spec.ts.
  it.fails('answers racing refunds as some serial order would, step by step', async () => {
    const clock = manualClock()
    const store = memoryStoreFor('stepwise', clock)
    const ledger = await ledgerOver(store, clock)
    await seedLedger(ledger)
    const payment = rightOf(
      await ledger.pay({
        channel: 'merchant_qr',
        payer: 'alice',
        payee: 'shop',
        asset: 'USD',
        amount: '0.21',
        idempotencyKey: 'k0',
      }),
    )
    const refunds = await Promise.all(
      ['r0', 'r1'].map((idempotencyKey) =>
        ledger.refund({ paymentId: payment.paymentId, idempotencyKey }),
      ),
    )
    const codes = refunds.map((result) => (result._tag === 'Left' ? result.left.code : 'ok'))
    expect(codes.sort()).toEqual(['ok', 'refund_exceeds_captured'])
  })
})
