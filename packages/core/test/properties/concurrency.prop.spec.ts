// Proves concurrent payments neither overdraw nor double-count, on both executors: a generated
// batch of payments (instant and manual, many from the same payers, many into one hot merchant) runs
// at once with Promise.all; afterwards every balance equals the opening balance changed by exactly
// the accepted payments (each accepted amount left its payer once, each refused one not at all),
// nobody is negative, every asset sums to zero, the audit is clean, and payments into one hot payee
// from distinct payers never give up with concurrency_conflict (credits append with 'any').
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Either } from 'fp-ts/lib/Either.js'
import { percentHalfEven, refundFeeShare } from '@wallet-ledger/testing'
import type { LedgerError, PaymentView } from '../../src/ledger/types.js'
import {
  expectConserved,
  foldAccounts,
  ledgerOver,
  manualClock,
  rightOf,
} from './__fixtures__/propertyLedger.js'
import type { Executor } from './__fixtures__/propertyLedger.js'
import {
  PROPERTY_CASES,
  PROPERTY_TIMEOUT_MS,
  type PropertyStore,
} from './__fixtures__/propertyStores.js'

const NUM_RUNS = 40
const BATCH_MAX = 24
const PAYERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10', 'u11']
const HOT_PAYEE = 'shop'
const SHOP_FEE_RATE = '2.5'
const OPENING_MINOR = 10_000n // USD 100.00 each
const seedOption = (): { seed?: number } => {
  const seed = process.env['PROPERTY_SEED']
  return seed === undefined ? {} : { seed: Number(seed) }
}

// ---------------------------------------------------------------- generated payments

type Payment = {
  readonly payer: string
  readonly payee: string
  readonly minor: bigint
  readonly isManual: boolean
}

const arbPayment = (payers: readonly string[], payees: readonly string[]) =>
  fc.record({
    payer: fc.constantFrom(...payers),
    payee: fc.constantFrom(...payees),
    // Up to 70 % of an opening balance: a few from one payer overdraw unless refused.
    minor: fc.bigInt({ min: 1n, max: 7_000n }),
    isManual: fc.boolean(),
  })

/** Many payers, few payees: contention on payers (debits) and on payees (credits). */
const arbMixedBatch = fc.array(arbPayment(PAYERS.slice(0, 4), ['u0', 'u1', 'u4', HOT_PAYEE]), {
  minLength: 2,
  maxLength: BATCH_MAX,
})

/** Distinct payers all paying the hot merchant at once. */
const arbHotBatch = fc
  .uniqueArray(fc.constantFrom(...PAYERS), { minLength: 2, maxLength: PAYERS.length })
  .chain((payers) =>
    fc.tuple(
      ...payers.map((payer) =>
        arbPayment([payer], [HOT_PAYEE]).map((payment) => ({ ...payment, isManual: false })),
      ),
    ),
  )

// ---------------------------------------------------------------- helpers

const usd = (minor: bigint): string =>
  `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`

/** A ledger with the payers and the hot merchant opened and funded with USD 100.00 each. */
const openedLedger = async (executor: Executor, kind: PropertyStore) => {
  const clock = manualClock()
  const store = await kind.create(executor, clock)
  const ledger = await ledgerOver(store, clock)
  rightOf(
    await ledger.openAccount({
      accountId: HOT_PAYEE,
      kind: 'merchant',
      merchantFeeRate: SHOP_FEE_RATE,
    }),
  )
  for (const id of [...PAYERS, HOT_PAYEE]) {
    if (id !== HOT_PAYEE) rightOf(await ledger.openAccount({ accountId: id, kind: 'user' }))
    rightOf(
      await ledger.deposit({
        accountId: id,
        asset: 'USD',
        amount: usd(OPENING_MINOR),
        source: { type: 'bank_transfer', reference: 'seed' },
        idempotencyKey: `seed-${id}`,
      }),
    )
  }
  return { store, ledger }
}

type Book = Map<string, { available: bigint; held: bigint }>

/** The balances the accepted payments must have left: opening balances changed by each once. */
const expectedBook = (
  batch: readonly Payment[],
  results: readonly Either<LedgerError, PaymentView>[],
): Book => {
  const book: Book = new Map(
    [...PAYERS, HOT_PAYEE].map((id) => [id, { available: OPENING_MINOR, held: 0n }]),
  )
  book.set('system:fees', { available: 0n, held: 0n })
  const move = (id: string, available: bigint, held: bigint) => {
    const balance = book.get(id) ?? { available: 0n, held: 0n }
    book.set(id, { available: balance.available + available, held: balance.held + held })
  }
  batch.forEach((payment, index) => {
    if (results[index]?._tag !== 'Right') return
    if (payment.isManual) return move(payment.payer, -payment.minor, payment.minor)
    const fee = payment.payee === HOT_PAYEE ? percentHalfEven(payment.minor, SHOP_FEE_RATE) : 0n
    move(payment.payer, -payment.minor, 0n)
    move(payment.payee, payment.minor - fee, 0n)
    move('system:fees', fee, 0n)
  })
  return book
}

/** Runs a batch at once; checks answers, balances, conservation and the audit. */
const runBatch = async (executor: Executor, batch: readonly Payment[], kind: PropertyStore) => {
  const { store, ledger } = await openedLedger(executor, kind)
  const results = await Promise.all(
    batch.map((payment, index) =>
      ledger.pay({
        channel: payment.isManual ? 'online' : 'merchant_qr',
        payer: payment.payer,
        payee: payment.payee,
        asset: 'USD',
        amount: usd(payment.minor),
        ...(payment.isManual ? { capture: 'manual' as const } : {}),
        idempotencyKey: `pay-${index}`,
      }),
    ),
  )
  for (const result of results) {
    const code = result._tag === 'Left' ? result.left.code : 'ok'
    expect(['ok', 'insufficient_balance', 'same_account', 'concurrency_conflict']).toContain(code)
  }
  const { balances } = await foldAccounts(store)
  for (const [id, expected] of expectedBook(batch, results)) {
    const actual = balances.get(id)?.get('USD') ?? { available: 0n, held: 0n }
    expect(actual, `${id}: USD after the batch`).toEqual(expected)
  }
  await expectConserved(store)
  return results
}

// ---------------------------------------------------------------- refunds racing

type Refund = { readonly payment: number; readonly minor: bigint | undefined }

/** Payments from distinct payers into the hot merchant, then refunds of them all at once. */
const arbRefundRace = fc
  .uniqueArray(fc.constantFrom(...PAYERS), { minLength: 1, maxLength: 6 })
  .chain((payers) =>
    fc.record({
      payments: fc.tuple(...payers.map((payer) => arbPayment([payer], [HOT_PAYEE]))),
      refunds: fc.array(
        fc.record({
          payment: fc.nat({ max: payers.length - 1 }),
          minor: fc.option(fc.bigInt({ min: 1n, max: 3_000n }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: BATCH_MAX },
      ),
    }),
  )

/** Refunds race on the same payments (and the same payee and fee account): none refunds twice. */
const runRefundRace = async (
  executor: Executor,
  payments: readonly Payment[],
  refunds: readonly Refund[],
  kind: PropertyStore,
): Promise<void> => {
  const { store, ledger } = await openedLedger(executor, kind)
  const paid: PaymentView[] = []
  for (const [index, payment] of payments.entries()) {
    const input = { payer: payment.payer, payee: payment.payee, asset: 'USD' }
    const result = await ledger.pay({
      ...input,
      channel: 'merchant_qr',
      amount: usd(payment.minor),
      idempotencyKey: `pay-${index}`,
    })
    paid.push(rightOf(result))
  }
  const results = await Promise.all(
    refunds.map((refund, index) =>
      ledger.refund({
        paymentId: paid[refund.payment]?.paymentId ?? '',
        ...(refund.minor === undefined ? {} : { amount: usd(refund.minor) }),
        idempotencyKey: `refund-${index}`,
      }),
    ),
  )
  // Refunds commit in an order the test does not know: a full refund takes what is left then.
  // At most one full refund of a payment can be accepted (it leaves nothing), and then the
  // payment is refunded entirely; otherwise exactly the accepted amounts.
  const explicit = payments.map(() => 0n)
  const fulls = payments.map(() => 0)
  results.forEach((result, index) => {
    const code = result._tag === 'Left' ? result.left.code : 'ok'
    // Only answers some serial order gives (step by step too: a refund planned while another's
    // reserve holds the fee account plans again once that refund is recorded).
    expect(['ok', 'refund_exceeds_captured', 'concurrency_conflict']).toContain(code)
    const refund = refunds[index]
    if (result._tag === 'Left' || refund === undefined) return
    if (refund.minor === undefined) fulls[refund.payment] = (fulls[refund.payment] ?? 0) + 1
    else explicit[refund.payment] = (explicit[refund.payment] ?? 0n) + refund.minor
  })
  const refunded = payments.map((payment, index) => {
    expect(fulls[index], `full refunds accepted of payment ${index}`).toBeLessThanOrEqual(1)
    return fulls[index] === 1 ? payment.minor : (explicit[index] ?? 0n)
  })
  await expectRefunded(store, ledger, payments, paid, refunded)
}

// Each payment refunded exactly the accepted refunds: its view, the payer, the payee and the fees.
const expectRefunded = async (
  store: Parameters<typeof foldAccounts>[0],
  ledger: Awaited<ReturnType<typeof openedLedger>>['ledger'],
  payments: readonly Payment[],
  paid: readonly PaymentView[],
  refunded: readonly bigint[],
): Promise<void> => {
  let shop = OPENING_MINOR
  let fees = 0n
  const { balances } = await foldAccounts(store)
  for (const [index, payment] of payments.entries()) {
    const total = refunded[index] ?? 0n
    expect(total).toBeLessThanOrEqual(payment.minor)
    const view = rightOf(await ledger.payment(paid[index]?.paymentId ?? ''))
    expect(view.refunded, `payment ${index}`).toBe(usd(total))
    const fee = percentHalfEven(payment.minor, SHOP_FEE_RATE)
    const feeBack = refundFeeShare(payment.minor, fee, 0n, total)
    shop += payment.minor - fee - (total - feeBack)
    fees += fee - feeBack
    expect(balances.get(payment.payer)?.get('USD')?.available).toBe(
      OPENING_MINOR - payment.minor + total,
    )
  }
  expect(balances.get(HOT_PAYEE)?.get('USD')).toEqual({ available: shop, held: 0n })
  expect(balances.get('system:fees')?.get('USD')?.available ?? 0n).toBe(fees)
  await expectConserved(store)
}

// ---------------------------------------------------------------- the properties

describe.each(PROPERTY_CASES)('concurrent payments ($label)', ({ store: kind, executor }) => {
  it(
    'never overdraw, and move exactly the accepted amounts',
    { timeout: kind.timeoutMs ?? PROPERTY_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(arbMixedBatch, async (batch) => {
          await runBatch(executor, batch, kind)
        }),
        { numRuns: kind.numRuns(NUM_RUNS), ...seedOption() },
      )
    },
  )

  it(
    'refund each payment exactly by its accepted refunds, racing',
    { timeout: kind.timeoutMs ?? PROPERTY_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(arbRefundRace, async ({ payments, refunds }) => {
          await runRefundRace(executor, payments, refunds, kind)
        }),
        { numRuns: kind.numRuns(NUM_RUNS), ...seedOption() },
      )
    },
  )

  it(
    'into one hot payee never give up with concurrency_conflict',
    { timeout: kind.timeoutMs ?? PROPERTY_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(arbHotBatch, async (batch) => {
          const results = await runBatch(executor, batch, kind)
          const codes = results.map((result) => (result._tag === 'Left' ? result.left.code : 'ok'))
          expect(codes).not.toContain('concurrency_conflict')
          expect(codes.every((code) => code === 'ok')).toBe(true)
        }),
        { numRuns: kind.numRuns(NUM_RUNS), ...seedOption() },
      )
    },
  )
})
