// Proves `ledger.balances(id, { asOf })` through createLedger (memory store, a clock moved by hand,
// one second between steps): an instant cutoff includes the events at that instant and a Date works
// like its ISO string; a `{ position }` cutoff includes the event at that global position, so it
// tells apart events of one instant; before the account's first money it has no balances; after
// the head it is the balance now; holds show as held. Bad cutoffs are `invalid_input` naming
// `asOf` or `asOf.position`, and an unknown account is `account_not_found`.
import { describe, expect, it } from 'vitest'
import type { Balance, Ledger } from '../ledger/types.js'
import { leftOf, rightOf, workflowLedger } from '../workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../workflows/__fixtures__/workflowLedger.js'
import { fundedAccount } from '../workflows/__fixtures__/withdrawalFixtures.js'

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

  it('refuses a position that is not a string, naming asOf and asOf.position', async () => {
    const { ledger } = await story()
    const error = leftOf(await ledger.balances('alice', { asOf: { position: 7 } } as never))
    expect(error).toMatchObject({ code: 'invalid_input', details: { path: 'asOf' } })
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
