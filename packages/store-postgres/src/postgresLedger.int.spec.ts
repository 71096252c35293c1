// Proves a ledger runs on PostgreSQL end to end: createLedger opens `postgres://` URLs through
// this package; eight ledgers (eight pools, as eight service instances) paying at once from
// shared accounts never overdraw, conserve every total and audit clean; and a ledger closed and
// opened again on the same schema answers the same and still audits clean.
import { afterAll, expect, it } from 'vitest'
import { createLedger, orThrow, type Ledger } from '@wallet-ledger/core'
import {
  describePostgres,
  dropSchema,
  freshSchema,
  postgresUrl,
} from '../test/__fixtures__/postgresTestStore.js'

const LEDGERS = 8
const PAYMENTS_PER_LEDGER = 6
const PAYERS = ['alice', 'bob', 'carol']
const PAYEES = ['dave', 'erin']
const CNY_CENTS_PER_PAYER = 10_000n // 100.00 CNY each

// Eight ledgers clash on the payers' streams; past its own retries the engine answers
// concurrency_conflict having written nothing, and a service retries with the same key.
const CONFLICT_RETRIES_MAX = 20
const isConflict = (outcome: { _tag: string }): boolean =>
  (outcome as { left?: { code?: string } }).left?.code === 'concurrency_conflict'
const payAsAServiceWould = async <T extends { _tag: string }>(
  pay: () => Promise<T>,
): Promise<T> => {
  let outcome = await pay()
  for (let retry = 0; retry < CONFLICT_RETRIES_MAX && isConflict(outcome); retry += 1) {
    outcome = await pay()
  }
  return outcome
}

describePostgres('ledger on store-postgres', () => {
  const schemas: string[] = []
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema)
  })
  const openLedger = (schema: string, poolSize = 2): Promise<Ledger> => {
    const url = new URL(postgresUrl())
    url.searchParams.set('schema', schema)
    url.searchParams.set('poolSize', String(poolSize))
    return createLedger({ store: url.toString() })
  }

  it('pays from shared accounts over eight ledgers: no overdraft, totals kept, audit clean', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const first = await openLedger(schema)
    for (const accountId of [...PAYERS, ...PAYEES]) {
      orThrow(await first.openAccount({ accountId, kind: 'user' }))
    }
    for (const accountId of PAYERS) {
      const source = { type: 'bank_transfer', reference: `wire-${accountId}` } as const
      orThrow(
        await first.deposit({
          accountId,
          asset: 'CNY',
          amount: cents(CNY_CENTS_PER_PAYER),
          source,
          idempotencyKey: `top-up-${accountId}`,
        }),
      )
    }
    const ledgers = [first]
    for (let index = 1; index < LEDGERS; index += 1) ledgers.push(await openLedger(schema))
    // 8 x 6 payments of 7.00..12.00 from three payers holding 100.00 each: about 450.00 asked
    // of 300.00, so some must be refused for want of money, never paid.
    const outcomes = await Promise.all(
      ledgers.flatMap((ledger, lane) =>
        Array.from({ length: PAYMENTS_PER_LEDGER }, (_, turn) =>
          payAsAServiceWould(() =>
            ledger.pay({
              channel: 'p2p',
              payer: PAYERS[(lane + turn) % PAYERS.length]!,
              payee: PAYEES[turn % PAYEES.length]!,
              asset: 'CNY',
              amount: cents(700n + BigInt(((lane * 7 + turn) % 6) * 100)),
              idempotencyKey: `pay-${lane}-${turn}`,
            }),
          ),
        ),
      ),
    )
    const paid = outcomes.filter((outcome) => outcome._tag === 'Right')
    const refusals = outcomes.flatMap((outcome) =>
      outcome._tag === 'Left' ? [outcome.left.code] : [],
    )
    expect(paid.length).toBeGreaterThan(0)
    expect(new Set(refusals)).toEqual(
      new Set(refusals.length === 0 ? [] : ['insufficient_balance']),
    )
    let payersLeft = 0n
    for (const accountId of PAYERS) {
      const total = await totalCents(first, accountId)
      expect(total).toBeGreaterThanOrEqual(0n)
      payersLeft += total
    }
    let payeesGot = 0n
    for (const accountId of PAYEES) payeesGot += await totalCents(first, accountId)
    expect(payersLeft + payeesGot).toBe(CNY_CENTS_PER_PAYER * BigInt(PAYERS.length))
    const paidCents = paid.reduce((sum, outcome) => sum + toCents(outcome.right.amount), 0n)
    expect(payeesGot).toBe(paidCents)
    const report = orThrow(await first.audit())
    expect(report.violations).toEqual([])
    expect(report.ok).toBe(true)
    await Promise.all(ledgers.map((ledger) => ledger.close()))
  })

  it('answers the same after a close and a reopen, and audits clean', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const before = await openLedger(schema)
    for (const accountId of ['alice', 'shop']) {
      orThrow(
        await before.openAccount({ accountId, kind: accountId === 'shop' ? 'merchant' : 'user' }),
      )
    }
    const source = { type: 'bank_transfer', reference: 'wire-1' } as const
    const topUp = {
      accountId: 'alice',
      asset: 'CNY',
      amount: '50.00',
      source,
      idempotencyKey: 'k1',
    }
    orThrow(await before.deposit(topUp))
    const payment = {
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'CNY',
      amount: '12.34',
      idempotencyKey: 'coffee',
    } as const
    const paid = orThrow(await before.pay(payment))
    const answers = async (ledger: Ledger) => ({
      alice: orThrow(await ledger.balances('alice')),
      shop: orThrow(await ledger.balances('shop')),
      history: orThrow(await ledger.history('alice')),
      payment: orThrow(await ledger.payment(paid.paymentId)),
    })
    const expected = await answers(before)
    const head = orThrow(await before.audit()).head
    await before.close()

    const after = await openLedger(schema)
    expect(await answers(after)).toEqual(expected)
    // A retry with the same key after the restart is the same payment, not a second one.
    expect(orThrow(await after.pay(payment)).paymentId).toBe(paid.paymentId)
    expect(orThrow(await after.balances('alice'))).toEqual(expected.alice)
    const report = orThrow(await after.audit({ expectedHead: head }))
    expect(report.violations).toEqual([])
    expect(report.ok).toBe(true)
    await after.close()
  })
})

const cents = (value: bigint): string => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`

const toCents = (amount: string): bigint => {
  const [whole, fraction = ''] = amount.split('.')
  return BigInt(whole ?? '0') * 100n + BigInt(fraction.padEnd(2, '0'))
}

const totalCents = async (ledger: Ledger, accountId: string): Promise<bigint> => {
  const balances = orThrow(await ledger.balances(accountId))
  return toCents(balances['CNY']?.total ?? '0.00')
}
