// Proves malformed ids are bad input, not store failures: an id with a space or too long to name
// a stream is refused as invalid_input naming the field, on every command that takes one, and
// nothing is written. Platform accounts are refused as customers: no deposit into them, no freeze.
import { describe, expect, it } from 'vitest'
import type { Either } from 'fp-ts/lib/Either.js'
import { createLedger } from '../../ledger/createLedger.js'
import type { Ledger, LedgerError } from '../../ledger/types.js'
import { createMemoryEventStore } from '../../store/memoryEventStore.js'

const BAD = 'a b'
const LONG = 'x'.repeat(300)
const BANK = { type: 'bank_account', bank: 'ACME', accountNumber: '123' } as const

const calls: [string, string, (ledger: Ledger) => Promise<Either<LedgerError, unknown>>][] = [
  ['freezeAccount', 'accountId', (l) => l.freezeAccount({ accountId: BAD, reason: 'x' })],
  ['setLimits', 'accountId', (l) => l.setLimits({ accountId: LONG, asset: 'USD', perDay: '1.00' })],
  [
    'deposit',
    'accountId',
    (l) =>
      l.deposit({
        accountId: BAD,
        asset: 'USD',
        amount: '1.00',
        source: { type: 'card', reference: 'r' },
        idempotencyKey: 'k1',
      }),
  ],
  [
    'pay',
    'payer',
    (l) =>
      l.pay({
        channel: 'p2p',
        payer: BAD,
        payee: 'bob',
        asset: 'USD',
        amount: '1.00',
        idempotencyKey: 'k2',
      }),
  ],
  [
    'pay',
    'payee',
    (l) =>
      l.pay({
        channel: 'p2p',
        payer: 'alice',
        payee: LONG,
        asset: 'USD',
        amount: '1.00',
        idempotencyKey: 'k3',
      }),
  ],
  [
    'requestWithdrawal',
    'accountId',
    (l) =>
      l.requestWithdrawal({
        accountId: LONG,
        asset: 'USD',
        amount: '1.00',
        destination: BANK,
        idempotencyKey: 'k4',
      }),
  ],
  ['capturePayment', 'paymentId', (l) => l.capturePayment({ paymentId: BAD })],
  ['refund', 'paymentId', (l) => l.refund({ paymentId: BAD, idempotencyKey: 'k5' })],
]

describe('malformed ids', () => {
  it.each(calls)('%s refuses a malformed %s as invalid_input', async (_name, path, call) => {
    const store = createMemoryEventStore()
    const ledger = await createLedger({ store })
    await ledger.openAccount({ kind: 'user', accountId: 'alice' })
    await ledger.openAccount({ kind: 'user', accountId: 'bob' })
    const head = (await store.readHead()).nextPosition
    expect(await call(ledger)).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path } },
    })
    expect((await store.readHead()).nextPosition).toBe(head)
  })

  it('refuses deposits into and freezes of platform accounts', async () => {
    const ledger = await createLedger()
    await ledger.openAccount({ kind: 'user', accountId: 'alice' })
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '5.00',
      source: { type: 'card', reference: 'r' },
      idempotencyKey: 'k',
    })
    const deposit = await ledger.deposit({
      accountId: 'world:card-inflow',
      asset: 'USD',
      amount: '1.00',
      source: { type: 'card', reference: 'r' },
      idempotencyKey: 'k6',
    })
    const freeze = await ledger.freezeAccount({ accountId: 'world:card-inflow', reason: 'x' })
    expect(deposit).toMatchObject({ _tag: 'Left', left: { code: 'account_not_found' } })
    expect(freeze).toMatchObject({ _tag: 'Left', left: { code: 'account_not_found' } })
  })
})
