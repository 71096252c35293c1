// Proves `ledger.statement` through createLedger (memory store, a clock moved by hand, one second
// between steps): opening and closing totals (available + held) of a range that includes both of
// its instants, closing = opening + the rows listed (oldest first), a hold changing no total, totals
// that agree with `balances` now and as of an instant, a world account's negative total, and the
// rejections (`invalid_input` naming the field, `unknown_asset`, `account_not_found`).
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import type { HistoryEntry, Ledger } from '../ledger/types.js'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../test/workflows/__fixtures__/workflowLedger.js'
import { fundedAccount } from '../../test/workflows/__fixtures__/withdrawalFixtures.js'

const SECOND_MS = 1000
/** The instant of step `n` of `story` (the clock starts at T(0) and moves a second per step). */
const T = (n: number): string =>
  new Date(Date.parse('2025-03-03T09:00:00.000Z') + n * SECOND_MS).toISOString()

const pay = (ledger: Ledger, amount: string, key: string, capture?: 'manual') =>
  ledger.pay({
    channel: capture === undefined ? 'merchant_qr' : 'online',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount,
    ...(capture === undefined ? {} : { capture }),
    idempotencyKey: key,
  })

/**
 * T0 alice deposits 100.00; T1 pays the shop 10.00; T2 authorizes 5.00 (manual); T3 pays 20.00;
 * T4 the 5.00 is captured. Stops after step `last`.
 */
const story = async (last = 4): Promise<WorkflowLedger> => {
  const fixture = await workflowLedger()
  const { ledger } = fixture
  await fundedAccount(fixture, 'alice', '100.00')
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
  const steps = [
    async () => rightOf(await pay(ledger, '10.00', 'p1')),
    async () => rightOf(await pay(ledger, '5.00', 'p2', 'manual')),
    async () => rightOf(await pay(ledger, '20.00', 'p3')),
    async () => {
      const { paymentId } = rightOf(await pay(ledger, '5.00', 'p2', 'manual'))
      rightOf(await ledger.capturePayment({ paymentId }))
    },
  ]
  for (const step of steps.slice(0, last)) {
    fixture.advance(SECOND_MS)
    await step()
  }
  return fixture
}

const signed = (entry: HistoryEntry): string =>
  `${entry.direction === 'in' ? '+' : '-'}${entry.amount} ${entry.status}`

describe('statement', () => {
  it('opens with the total before `from` and closes with the total at `to`, both inclusive', async () => {
    const { ledger } = await story()
    const found = rightOf(await ledger.statement('alice', { asset: 'USD', from: T(1), to: T(3) }))
    expect(found.opening).toBe('100.00')
    expect(found.entries.map(signed)).toEqual(['-10.00 completed', '-20.00 completed'])
    expect(found.entries.map((entry) => entry.at)).toEqual([T(1), T(3)])
    expect(found.closing).toBe('70.00')
  })

  it('lists a one-instant range: the rows at exactly that instant', async () => {
    const { ledger } = await story()
    const found = rightOf(await ledger.statement('alice', { asset: 'USD', from: T(1), to: T(1) }))
    expect(found).toMatchObject({ opening: '100.00', closing: '90.00' })
    expect(found.entries.map(signed)).toEqual(['-10.00 completed'])
  })

  it('closes with the balance now over the whole history, oldest row first', async () => {
    const { ledger } = await story()
    const found = rightOf(
      await ledger.statement('alice', { asset: 'USD', from: new Date(0), to: new Date(T(9)) }),
    )
    expect(found.opening).toBe('0.00')
    expect(found.entries.map(signed)).toEqual([
      '+100.00 completed',
      '-10.00 completed',
      '-20.00 completed',
      '-5.00 completed',
    ])
    expect(found.closing).toBe('65.00')
    expect(found.closing).toBe(rightOf(await ledger.balances('alice'))['USD']?.total)
  })

  it('counts a held amount in the totals (available + held): a hold moves no total', async () => {
    const { ledger } = await story(2)
    const found = rightOf(await ledger.statement('alice', { asset: 'USD', from: T(2), to: T(2) }))
    expect(found.entries.map(signed)).toEqual(['-5.00 pending'])
    expect(found).toMatchObject({ opening: '90.00', closing: '90.00' })
    expect(rightOf(await ledger.balances('alice'))['USD']).toEqual({
      available: '85.00',
      held: '5.00',
      total: '90.00',
    })
  })

  it('agrees with balances as of each instant: closing at T(n) is the total then', async () => {
    const { ledger } = await story()
    for (let n = 0; n <= 4; n += 1) {
      const found = rightOf(await ledger.statement('alice', { asset: 'USD', from: T(0), to: T(n) }))
      const then = rightOf(await ledger.balances('alice', { asOf: T(n) }))['USD']?.total
      expect(found.closing, `closing at T(${n})`).toBe(then)
      const signedMinor = found.entries
        .filter((entry) => entry.status === 'completed')
        .reduce((sum, entry) => sum + (entry.direction === 'in' ? 1n : -1n) * minorOf(entry), 0n)
      expect(minorOf({ amount: found.closing })).toBe(
        minorOf({ amount: found.opening }) + signedMinor,
      )
    }
  })

  it("shows a world account's negative total", async () => {
    const { ledger } = await story()
    const found = rightOf(
      await ledger.statement(SYSTEM_ACCOUNTS.bankInflow, { asset: 'USD', from: T(0), to: T(4) }),
    )
    expect(found).toMatchObject({ opening: '0.00', closing: '-100.00' })
    expect(found.entries.map(signed)).toEqual(['-100.00 completed'])
  })

  it('formats totals at the registry scale for an asset the account never held', async () => {
    const { ledger } = await story()
    const found = rightOf(await ledger.statement('alice', { asset: 'BTC', from: T(0), to: T(4) }))
    expect(found).toEqual({ opening: '0.00000000', closing: '0.00000000', entries: [] })
  })
})

describe('statement rejections', () => {
  it('refuses `from` after `to`, naming `to`', async () => {
    const { ledger } = await story(1)
    const error = leftOf(await ledger.statement('alice', { asset: 'USD', from: T(2), to: T(1) }))
    expect(error).toMatchObject({ code: 'invalid_input', details: { path: 'to' } })
  })

  it.each([
    [{ asset: 'USD', from: 'yesterday', to: T(1) }, 'from'],
    [{ asset: 'USD', from: T(0), to: 'soon' }, 'to'],
    [{ asset: 'USD', from: T(0), to: 42 }, 'to'],
    [{ asset: 'USD', to: T(1) }, 'from'],
    [{ from: T(0), to: T(1) }, 'asset'],
  ])('refuses %j with invalid_input at %s', async (options, path) => {
    const { ledger } = await story(1)
    const error = leftOf(await ledger.statement('alice', options as never))
    expect(error).toMatchObject({ code: 'invalid_input', details: { path } })
  })

  it('refuses an asset the registry does not know, and an account never opened', async () => {
    const { ledger } = await story(1)
    const unknown = leftOf(await ledger.statement('alice', { asset: 'XYZ', from: T(0), to: T(1) }))
    expect(unknown.code).toBe('unknown_asset')
    const nobody = leftOf(await ledger.statement('nobody', { asset: 'USD', from: T(0), to: T(1) }))
    expect(nobody.code).toBe('account_not_found')
  })
})

// Canonical amounts of one asset share its scale, so their digits are its minor units.
const minorOf = (entry: { amount: string }): bigint => BigInt(entry.amount.replace('.', ''))
