// Proves concurrent discounted payments on one shared promotion budget neither lose nor create
// money, on both executors: a generated batch (three payers, two payees, some calls repeating an
// earlier call's idempotency key and fields, as a client retrying) runs at once, every append held
// back by fast-check's scheduler and released in a generated order, so one call's steps fall
// between another's.
// Afterwards the budget has given exactly the discounts of the distinct completed payments, every
// asset sums to zero, the audit is clean, and recover() finds nothing to do: step by step, a
// discount applied before a decision that clashed was voided at once, unless a racing call with
// the same key recorded the payment citing it.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Ledger } from '../../src/ledger/types.js'
import type { EventStore } from '../../src/ports/eventStore.js'
import {
  PROMOTION_ID,
  expectConserved,
  ledgerOver,
  rightOf,
  seededStore,
} from './__fixtures__/propertyLedger.js'
import type { Executor } from './__fixtures__/propertyLedger.js'

const NUM_RUNS = 100
const BATCH_MAX = 16
const BUDGET = `system:promotion:${PROMOTION_ID}`
const seedOption = (): { seed?: number } => {
  const seed = process.env['PROPERTY_SEED']
  return seed === undefined ? {} : { seed: Number(seed) }
}

// ---------------------------------------------------------------- generated payments

type Payment = { readonly payer: string; readonly payee: string; readonly amount: string }

// Discounts up to 6.00 against a 40.00 budget: a batch often runs it out.
const arbPayment: fc.Arbitrary<Payment> = fc.record({
  payer: fc.constantFrom('alice', 'bob', 'carol'),
  payee: fc.constantFrom('shop', 'cafe'),
  amount: fc.constantFrom('0.50', '3.37', '9.99', '25.00', '60.00'),
})

/** Distinct payments, and the calls: each payment called one to three times, in any order. */
const arbBatch = fc
  .array(fc.tuple(arbPayment, fc.integer({ min: 1, max: 3 })), {
    minLength: 1,
    maxLength: BATCH_MAX / 2,
  })
  .chain((copies) => {
    const calls = copies.flatMap(([, count], index) => Array.from({ length: count }, () => index))
    return fc
      .shuffledSubarray(calls, { minLength: calls.length })
      .map((order) => ({ payments: copies.map(([payment]) => payment), calls: order }))
  })

// ---------------------------------------------------------------- helpers

const minorOf = (amount: string): bigint => BigInt(amount.replace('.', ''))

const payWithDiscount = (ledger: Ledger, payment: Payment, key: number) =>
  ledger.pay({
    channel: 'merchant_qr',
    ...payment,
    asset: 'USD',
    promotionId: PROMOTION_ID,
    idempotencyKey: `k${key}`,
  })

/** `inner`, each append of which waits until the scheduler lets it run. */
const scheduledStore = (inner: EventStore, scheduler: fc.Scheduler): EventStore => ({
  ...inner,
  append: (stream, events, options) =>
    scheduler
      .schedule(Promise.resolve(), `append ${stream}`)
      .then(() => inner.append(stream, events, options)),
})

// ---------------------------------------------------------------- the property

describe.each<Executor>(['atomic', 'stepwise'])('discounted payments at once (%s)', (executor) => {
  it('take from the budget exactly the discounts of the payments recorded', async () => {
    await fc.assert(
      fc.asyncProperty(arbBatch, fc.scheduler(), async ({ payments, calls }, scheduler) => {
        const { clock, inner } = await seededStore(executor)
        const ledger = await ledgerOver(scheduledStore(inner, scheduler), clock)
        // Each call starts, and each append runs, when the scheduler says: a call planned after
        // another's budget debit and before its decision is the interesting one.
        const started = calls.map((index) =>
          scheduler
            .schedule(Promise.resolve(), `call ${index}`)
            .then(() => payWithDiscount(ledger, payments[index]!, index)),
        )
        const results = await scheduler.waitFor(Promise.all(started))
        // Each distinct payment counts once, however many calls answered with it.
        const given = new Map<string, bigint>()
        for (const result of results) {
          if (result._tag === 'Left' || result.right.status !== 'completed') continue
          const { paymentId, amount, charged } = result.right
          given.set(paymentId, minorOf(amount) - minorOf(charged))
        }
        const total = [...given.values()].reduce((sum, discount) => sum + discount, 0n)
        const budget = rightOf(await ledger.balances(BUDGET))['USD']
        expect(minorOf(budget?.available ?? '0.00')).toBe(4_000n - total)
        await expectConserved(inner)
        expect(await ledger.recover()).toEqual({ finished: 0, reversed: 0 })
      }),
      { numRuns: NUM_RUNS, ...seedOption() },
    )
  }, 60_000)
})
