// Proves the boundary of issue 7 (items 5 and 6): each hostile call the issue found throwing or
// storing now answers a Left naming the field, writes nothing, and unknown fields are refused at
// any depth. Each case failed before the fix (a throw, a store error, or a stored card number).
import { describe, expect, it } from 'vitest'
import type { Either } from 'fp-ts/lib/Either.js'
import { createLedger } from './createLedger.js'
import type { Ledger, LedgerError } from './types.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import type { MemoryEventStore } from '../store/memoryEventStore.js'

type Fixture = { readonly ledger: Ledger; readonly store: MemoryEventStore }

const CARD = { type: 'card', reference: 'r' } as const

const setUp = async (): Promise<Fixture> => {
  const store = createMemoryEventStore()
  const ledger = await createLedger({ store })
  await ledger.openAccount({ kind: 'user', accountId: 'alice' })
  await ledger.openAccount({ kind: 'user', accountId: 'bob' })
  await ledger.deposit({
    accountId: 'alice',
    asset: 'USD',
    amount: '50.00',
    source: CARD,
    idempotencyKey: 'seed',
  })
  return { ledger, store }
}

/** Runs a call, asserts it answered a Left with `code` and `path`, and that nothing was written. */
const refused = async (
  fixture: Fixture,
  call: (ledger: Ledger) => Promise<Either<LedgerError, unknown>>,
  code: string,
  path?: string,
): Promise<LedgerError> => {
  const before = await fixture.store.readHead()
  const result = await call(fixture.ledger)
  expect(result._tag, JSON.stringify(result)).toBe('Left')
  const error = (result as { left: LedgerError }).left
  expect(error.code).toBe(code)
  if (path !== undefined) expect(error.details?.['path']).toBe(path)
  expect(await fixture.store.readHead()).toEqual(before)
  return error
}

const deposit = (extra: Record<string, unknown>) => (ledger: Ledger) =>
  ledger.deposit({
    accountId: 'alice',
    asset: 'USD',
    amount: '1.00',
    source: CARD,
    idempotencyKey: 'k',
    ...extra,
  } as Parameters<Ledger['deposit']>[0])

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf'
  for (let level = 0; level < depth; level += 1) value = { inner: value }
  return value
}

describe('a bigint, a Symbol, NaN or a Date where the codec expects none', () => {
  it('answers invalid_input for amount: 1230n instead of throwing from the error reporter', async () => {
    const error = await refused(
      await setUp(),
      deposit({ amount: 1230n }),
      'invalid_input',
      'amount',
    )
    expect(error.message).toBe(
      'amount: must be a decimal amount like 12.30, written as text; got a bigint',
    )
  })

  it('answers invalid_input for history limit 5n', async () => {
    const fixture = await setUp()
    const history = await fixture.ledger.history('alice', { limit: 5n as unknown as number })
    expect(history).toMatchObject({ _tag: 'Left', left: { details: { path: 'limit' } } })
  })

  it.each([
    ['NaN', Number.NaN],
    ['a Date', new Date(0)],
    ['a Symbol', Symbol('x')],
    ['a function', () => 1],
  ])('refuses an unknown field holding %s, naming it', async (_name, value) => {
    const fixture = await setUp()
    const pay = (ledger: Ledger) =>
      ledger.pay({
        channel: 'p2p',
        payer: 'alice',
        payee: 'bob',
        asset: 'USD',
        amount: '1.00',
        idempotencyKey: 'p',
        note: value,
      } as Parameters<Ledger['pay']>[0])
    const error = await refused(fixture, pay, 'invalid_input', 'note')
    expect(error.message).toBe('note: is not a field this call accepts; remove it')
  })

  it('refuses metadata that is a Date instead of storing it', async () => {
    const fixture = await setUp()
    const open = (ledger: Ledger) =>
      ledger.openAccount({
        kind: 'user',
        metadata: new Date() as unknown as Record<string, string>,
      })
    await refused(fixture, open, 'invalid_input', 'metadata')
  })
})

describe('input too deep or too large', () => {
  it('refuses input nested 10,000 deep without overflowing the stack', async () => {
    const fixture = await setUp()
    const error = await refused(fixture, deposit({ metadata: nested(10_000) }), 'invalid_input')
    expect(String(error.details?.['path'])).toMatch(/^metadata(\.inner)*$/)
    expect(error.message).toContain('nests deeper than')
  })

  it('refuses a cyclic object', async () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    await refused(await setUp(), deposit({ source: cyclic }), 'invalid_input')
  })

  it('refuses an oversized unknown field in deposit.source before the store sees it', async () => {
    const source = { ...CARD, blob: 'x'.repeat(100_000) }
    await refused(await setUp(), deposit({ source }), 'invalid_input', 'source.blob')
  })
})

describe('unknown fields (item 6)', () => {
  it('refuses a card number and CVV in deposit.source and stores nothing of them', async () => {
    const fixture = await setUp()
    const source = { ...CARD, cardNumber: '4111111111111111', cvv: '123' }
    const error = await refused(fixture, deposit({ source }), 'invalid_input', 'source.cardNumber')
    expect(error.details?.['problems']).toEqual([
      { path: 'source.cardNumber', message: expect.stringContaining('not a field') },
      { path: 'source.cvv', message: expect.stringContaining('not a field') },
    ])
    // The key is still free: the refused call recorded no fingerprint.
    expect((await deposit({})(fixture.ledger))._tag).toBe('Right')
  })

  it.each([
    ['top level', { memo: 'x' }, 'memo'],
    [
      'in destination',
      { destination: { type: 'bank_account', bank: 'B', accountNumber: '1', iban: 'x' } },
      'destination.iban',
    ],
    [
      'in authorization',
      { authorization: { method: 'two_factor', verified: true, code: '1' } },
      'authorization.code',
    ],
  ])('refuses an unknown field %s of requestWithdrawal', async (_where, extra, path) => {
    const fixture = await setUp()
    const request = (ledger: Ledger) =>
      ledger.requestWithdrawal({
        accountId: 'alice',
        asset: 'USD',
        amount: '1.00',
        destination: { type: 'bank_account', bank: 'B', accountNumber: '1' },
        idempotencyKey: 'w',
        ...extra,
      } as Parameters<Ledger['requestWithdrawal']>[0])
    await refused(fixture, request, 'invalid_input', path)
  })

  it('refuses both discount shapes at once', async () => {
    const fixture = await setUp()
    const create = (ledger: Ledger) =>
      ledger.createPromotion({
        promotionId: 'spring',
        asset: 'USD',
        budget: '10.00',
        discount: { percent: '5', fixed: '1.00' } as unknown as { percent: string },
      })
    await refused(fixture, create, 'invalid_input', 'discount.fixed')
  })

  it('refuses unknown options of queries', async () => {
    const { ledger } = await setUp()
    const options = { limit: 5, order: 'asc' } as Parameters<Ledger['history']>[1]
    expect(await ledger.history('alice', options)).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path: 'order' } },
    })
    const asOf = { asOf: { position: '1', at: 'x' } } as Parameters<Ledger['balances']>[1]
    expect(await ledger.balances('alice', asOf)).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path: 'asOf.at' } },
    })
  })

  it('keeps accepting the optional context fields', async () => {
    const fixture = await setUp()
    const context = { metadata: { channel: 'app' }, actor: 'agent-7', correlationId: 'c-1' }
    expect((await deposit(context)(fixture.ledger))._tag).toBe('Right')
  })

  it('refuses prototype keys and leaves Object.prototype alone', async () => {
    const fixture = await setUp()
    const raw = JSON.parse(
      '{"kind":"user","metadata":{"__proto__":{"polluted":"yes"}}}',
    ) as Parameters<Ledger['openAccount']>[0]
    await refused(
      fixture,
      (ledger) => ledger.openAccount(raw),
      'invalid_input',
      'metadata.__proto__',
    )
    const constructorKey = { kind: 'user' as const, metadata: { constructor: 'x' } }
    await refused(
      fixture,
      (ledger) => ledger.openAccount(constructorKey),
      'invalid_input',
      'metadata.constructor',
    )
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('ids and options of queries', () => {
  it('answers conversion("bad id!") with a Left like payment("bad id!")', async () => {
    const { ledger } = await setUp()
    expect(await ledger.conversion('bad id!')).toMatchObject({
      _tag: 'Left',
      left: { code: 'conversion_not_found' },
    })
    expect(await ledger.payment('bad id!')).toMatchObject({
      _tag: 'Left',
      left: { code: 'payment_not_found' },
    })
  })

  it.each([
    ['payment', 'paymentId'],
    ['withdrawal', 'withdrawalId'],
    ['dispute', 'disputeId'],
    ['conversion', 'conversionId'],
    ['account', 'accountId'],
    ['balances', 'accountId'],
    ['history', 'accountId'],
  ] as const)(
    '%s given Object.create(null) or a number answers invalid_input',
    async (name, path) => {
      const { ledger } = await setUp()
      const query = ledger[name] as (id: unknown) => Promise<Either<LedgerError, unknown>>
      for (const id of [Object.create(null) as unknown, 42, undefined, Symbol('id')]) {
        expect(await query(id)).toMatchObject({
          _tag: 'Left',
          left: { code: 'invalid_input', details: { path } },
        })
      }
    },
  )

  it('audit(null) and runDue(null) answer as with no options', async () => {
    const { ledger } = await setUp()
    const audit = ledger.audit as (o: unknown) => ReturnType<Ledger['audit']>
    const runDue = ledger.runDue as (o: unknown) => ReturnType<Ledger['runDue']>
    expect(await audit(null)).toMatchObject({ _tag: 'Right', right: { ok: true } })
    expect(await runDue(null)).toEqual({ _tag: 'Right', right: { expired: 0 } })
  })

  it('audit and runDue answer bad options with a Left invalid_input, never a rejection', async () => {
    const fixture = await setUp()
    const audit = fixture.ledger.audit as (o: unknown) => ReturnType<Ledger['audit']>
    const runDue = fixture.ledger.runDue as (o: unknown) => ReturnType<Ledger['runDue']>
    const later = new Date(Date.now() + 24 * 3_600_000).toISOString()
    const cases: [() => Promise<Either<LedgerError, unknown>>, string][] = [
      [() => runDue({ now: 'garbage' }), 'now'],
      [() => runDue({ now: later }), 'now'],
      [() => runDue({ now: Symbol('now') }), 'now'],
      [() => runDue({ soon: true }), 'soon'],
      [() => audit({ expectedHead: 5 }), 'expectedHead'],
      [() => audit({ expectedHead: 5n }), 'expectedHead'],
      [() => audit({ extra: 1 }), 'extra'],
    ]
    // Each resolves (a rejection would fail `refused`), names the field and writes nothing.
    for (const [call, path] of cases) await refused(fixture, call, 'invalid_input', path)
    await refused(fixture, () => runDue('soon'), 'invalid_input')
  })
})

describe('subscribe options', () => {
  it('refuses an unknown option and a type that is not text, instead of throwing', async () => {
    const { ledger } = await setUp()
    const subscribe = ledger.subscribe as (h: () => void, o: unknown) => Promise<unknown>
    expect(await subscribe(() => undefined, { from: '0' })).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path: 'from' } },
    })
    expect(await subscribe(() => undefined, { types: [Object.create(null)] })).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path: 'types.0' } },
    })
    expect(
      await subscribe(() => undefined, { retry: { attempts: 2, jitter: true } }),
    ).toMatchObject({ _tag: 'Left', left: { details: { path: 'retry.jitter' } } })
  })
})

describe('adjust on a platform account', () => {
  it('answers account_not_found for a world account instead of asserting in formatMinor', async () => {
    const fixture = await setUp()
    const adjust = (ledger: Ledger) =>
      ledger.adjust({
        accountId: 'world:card-inflow',
        asset: 'USD',
        amount: '1.00',
        direction: 'debit',
        reason: 'x',
        idempotencyKey: 'a',
      })
    await refused(fixture, adjust, 'account_not_found')
  })
})
