// Proves `ledger.balances(id, { asOf })` through createLedger (memory store, a clock moved by hand,
// one second between steps): an instant cutoff includes the events at that instant and a Date works
// like its ISO string; a `{ position }` cutoff includes the event at that global position, so it
// tells apart events of one instant; before the account's first money it has no balances; after
// the head it is the balance now; holds show as held. A promotion's budget account (booked by its
// promotion's stream) answers balances now and as of a cutoff, history and statement alike. Bad
// cutoffs are `invalid_input` naming `asOf` or `asOf.position`; an unknown account is
// `account_not_found`.
import { describe, expect, it } from 'vitest'
import { promotionBudgetAccount } from '@wallet-ledger/domain'
import type { Balance, Ledger } from '../ledger/types.js'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../test/workflows/__fixtures__/workflowLedger.js'
import { fundedAccount } from '../../test/workflows/__fixtures__/withdrawalFixtures.js'

const SECOND_MS = 1000
const START = '2025-03-03T09:00:00.000Z'
const T = (n: number): string => new Date(Date.parse(START) + n * SECOND_MS).toISOString()

/** USD balances: available, held and their total, as the ledger writes them. */
const usd = (available: string, held: string, total: string): Record<string, Balance> => ({
  USD: { available, held, total },
})

/** The global position of the last event written so far. */
const lastPosition = async (fixture: WorkflowLedger): Promise<string> =>
  ((await fixture.context.store.readHead()).nextPosition - 1n).toString()

const pay = (ledger: Ledger, amount: string, key: string, capture?: 'manual') =>
  ledger.pay({
    channel: 'online',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount,
    ...(capture === undefined ? {} : { capture }),
    idempotencyKey: key,
  })

/**
 * T0 alice opens and gets 100.00; T1 pays 10.00; T2 authorizes 5.00 (held); T3 two payments of
 * 1.00 and 2.00 in the same instant. Returns the positions after each step.
 */
const story = async () => {
  const fixture = await workflowLedger()
  const { ledger } = fixture
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
  const opened = await lastPosition(fixture)
  await fundedAccount(fixture, 'alice', '100.00')
  const funded = await lastPosition(fixture)
  fixture.advance(SECOND_MS)
  rightOf(await pay(ledger, '10.00', 'p1'))
  fixture.advance(SECOND_MS)
  rightOf(await pay(ledger, '5.00', 'p2', 'manual'))
  fixture.advance(SECOND_MS)
  rightOf(await pay(ledger, '1.00', 'p3'))
  const between = await lastPosition(fixture)
  rightOf(await pay(ledger, '2.00', 'p4'))
  return { fixture, ledger, positions: { opened, funded, between } }
}

describe('balances as of an instant', () => {
  it('includes the events at the instant given and none after', async () => {
    const { ledger } = await story()
    const at = async (asOf: string | Date) => rightOf(await ledger.balances('alice', { asOf }))
    expect(await at(T(0))).toEqual(usd('100.00', '0.00', '100.00'))
    expect(await at(new Date(Date.parse(T(1)) - 1))).toEqual(usd('100.00', '0.00', '100.00'))
    expect(await at(T(1))).toEqual(usd('90.00', '0.00', '90.00'))
    expect(await at(new Date(T(1)))).toEqual(usd('90.00', '0.00', '90.00'))
    expect(await at(T(2))).toEqual(usd('85.00', '5.00', '90.00'))
    expect(await at(T(3))).toEqual(usd('82.00', '5.00', '87.00'))
    expect(await at(T(3))).toEqual(rightOf(await ledger.balances('alice')))
  })

  it('accepts any ISO offset for the same instant', async () => {
    const { ledger } = await story()
    const offset = rightOf(await ledger.balances('alice', { asOf: '2025-03-03T10:00:01+01:00' }))
    expect(offset).toEqual(usd('90.00', '0.00', '90.00'))
  })

  it('has no balances before the account first moved money', async () => {
    const { ledger } = await story()
    expect(rightOf(await ledger.balances('alice', { asOf: '2025-03-03T08:59:59.999Z' }))).toEqual(
      {},
    )
  })
})

describe('balances as of a position', () => {
  it('includes the event at the position given, telling apart events of one instant', async () => {
    const { ledger, positions } = await story()
    const at = async (position: string) =>
      rightOf(await ledger.balances('alice', { asOf: { position } }))
    expect(await at('0')).toEqual({})
    expect(await at(positions.opened)).toEqual({})
    expect(await at(positions.funded)).toEqual(usd('100.00', '0.00', '100.00'))
    expect(await at(positions.between)).toEqual(usd('84.00', '5.00', '89.00'))
    expect(await at('999999999999999999999')).toEqual(usd('82.00', '5.00', '87.00'))
  })
})

describe('balances rejections', () => {
  it.each([
    ['not a date', 'asOf'],
    ['', 'asOf'],
    [42, 'asOf'],
    [new Date(Number.NaN), 'asOf'],
    [{ position: '-1' }, 'asOf.position'],
    [{ position: '01' }, 'asOf.position'],
    [{ position: '1.5' }, 'asOf.position'],
    [{ position: '' }, 'asOf.position'],
  ])('refuses asOf %j with invalid_input at %s', async (asOf, path) => {
    const { ledger } = await story()
    const error = leftOf(await ledger.balances('alice', { asOf } as never))
    expect(error.code).toBe('invalid_input')
    expect(error.details?.['path']).toBe(path)
  })

  it('refuses a position that is not a string, naming asOf.position', async () => {
    const { ledger } = await story()
    const error = leftOf(await ledger.balances('alice', { asOf: { position: 7 } } as never))
    expect(error).toMatchObject({ code: 'invalid_input', details: { path: 'asOf.position' } })
    expect(error.details?.['problems']).toContainEqual(
      expect.objectContaining({ path: 'asOf.position' }),
    )
  })

  it('refuses an account never opened, with or without a cutoff', async () => {
    const { ledger } = await story()
    expect(leftOf(await ledger.balances('nobody')).code).toBe('account_not_found')
    expect(leftOf(await ledger.balances('nobody', { asOf: T(1) })).code).toBe('account_not_found')
  })
})

describe("a promotion's budget account (booked by the promotion's stream)", () => {
  const BUDGET = promotionBudgetAccount('spring')

  /** T0 the promotion is funded with 20.00; T1 alice pays 10.00 with 10 % off (1.00 from it). */
  const promoted = async () => {
    const fixture = await workflowLedger()
    const { ledger } = fixture
    await fundedAccount(fixture, 'alice', '100.00')
    rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
    rightOf(
      await ledger.createPromotion({
        promotionId: 'spring',
        asset: 'USD',
        budget: '20.00',
        discount: { percent: '10' },
      }),
    )
    fixture.advance(SECOND_MS)
    const paid = await ledger.pay({
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      promotionId: 'spring',
      idempotencyKey: 'p1',
    })
    expect(rightOf(paid).charged).toBe('9.00')
    return ledger
  }

  it('answers its balances now and as of an instant or a position', async () => {
    const ledger = await promoted()
    expect(rightOf(await ledger.balances(BUDGET))).toEqual(usd('19.00', '0.00', '19.00'))
    const at = async (asOf: string | { position: string }) =>
      rightOf(await ledger.balances(BUDGET, { asOf }))
    expect(await at(T(0))).toEqual(usd('20.00', '0.00', '20.00'))
    expect(await at(T(1))).toEqual(usd('19.00', '0.00', '19.00'))
    expect(await at('2025-03-03T08:00:00.000Z')).toEqual({})
    expect(await at({ position: '999999' })).toEqual(usd('19.00', '0.00', '19.00'))
  })

  it('answers its history and statement', async () => {
    const ledger = await promoted()
    const rows = rightOf(await ledger.history(BUDGET)).entries
    expect(rows.map((row) => `${row.direction} ${row.amount} ${row.status}`)).toEqual([
      'out 1.00 completed',
      'in 20.00 completed',
    ])
    const range = { asset: 'USD', from: T(0), to: T(1) }
    expect(rightOf(await ledger.statement(BUDGET, range))).toMatchObject({
      opening: '0.00',
      closing: '19.00',
    })
  })

  it('is not found for a promotion that does not exist or an id no promotion can have', async () => {
    const ledger = await promoted()
    for (const accountId of [
      promotionBudgetAccount('autumn'),
      `${promotionBudgetAccount('')}`,
      `${promotionBudgetAccount('a b')}`,
    ]) {
      expect(leftOf(await ledger.balances(accountId)).code, accountId).toBe('account_not_found')
      expect(leftOf(await ledger.history(accountId)).code, accountId).toBe('account_not_found')
    }
  })
})
