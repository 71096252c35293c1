// Proves convert through createLedger, on both executors: an executed USDT->BTC trade moves the
// amounts computed by hand (credit rounded down to satoshis, the desk keeping the remainder priced
// back in USDT), every business refusal is recorded and returned with details.conversionId, bad
// input writes nothing, and a retry returns the first answer without writing.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
  worldTotals,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'

type ConvertCommand = Parameters<WorkflowLedger['ledger']['convert']>[0]

/** 123.456789 USDT at 0.00001537 BTC each: exactly 0.00189753084693 BTC. */
const trade: ConvertCommand = {
  accountId: 'alice',
  from: { asset: 'USDT', amount: '123.456789' },
  to: { asset: 'BTC' },
  rate: '0.00001537',
  idempotencyKey: 'c1',
}

const balanceOf = async (fixture: WorkflowLedger, accountId: string, asset: string) =>
  rightOf(await fixture.ledger.balances(accountId))[asset]?.total

/** Alice holds 1000 USDT. */
const funded = async (executor: 'atomic' | 'stepwise' = 'atomic') => {
  const fixture = await workflowLedger({ executor })
  rightOf(await fixture.ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(
    await fixture.ledger.deposit({
      accountId: 'alice',
      asset: 'USDT',
      amount: '1000',
      source: { type: 'crypto', reference: 'tx1', network: 'tron' },
      idempotencyKey: 'd1',
    }),
  )
  return fixture
}

describe.each(['atomic', 'stepwise'] as const)('convert (%s executor)', (executor) => {
  it('executes at the quoted rate, rounding the credit down and crediting the desk the rest', async () => {
    const fixture = await funded(executor)
    const view = rightOf(await fixture.ledger.convert(trade))
    expect(view).toMatchObject({
      status: 'executed',
      debited: { asset: 'USDT', amount: '123.456789' },
      credited: { asset: 'BTC', amount: '0.00189753' },
    })
    // 0.084693 satoshi dropped is worth 0.084693e-8 / 0.00001537 = 0.0000551027… USDT: 0.000055.
    expect(await balanceOf(fixture, 'alice', 'USDT')).toBe('876.543211')
    expect(await balanceOf(fixture, 'alice', 'BTC')).toBe('0.00189753')
    expect(await balanceOf(fixture, SYSTEM_ACCOUNTS.deskSpread, 'USDT')).toBe('0.000055')
    expect(await balanceOf(fixture, SYSTEM_ACCOUNTS.market, 'USDT')).toBe('123.456734')
    expect(await balanceOf(fixture, SYSTEM_ACCOUNTS.market, 'BTC')).toBe('-0.00189753')
    expect(await worldTotals(fixture)).toEqual({ USDT: 0n, BTC: 0n })
    expect(rightOf(await fixture.ledger.conversion(view.conversionId))).toEqual(view)
  })

  it('returns the same view on a retry and writes nothing', async () => {
    const fixture = await funded(executor)
    const expiresAt = new Date(fixture.now().getTime() + 60_000)
    const first = rightOf(await fixture.ledger.convert({ ...trade, quoteExpiresAt: expiresAt }))
    const before = await eventCount(fixture)
    fixture.advance(1_000)
    // The same instant written another way: the fingerprint reads instants as ISO UTC.
    const sameInstant = expiresAt.toISOString().replace('Z', '+00:00')
    const again = rightOf(await fixture.ledger.convert({ ...trade, quoteExpiresAt: sameInstant }))
    expect(again).toEqual(first)
    expect(await eventCount(fixture)).toBe(before)
  })

  it('counts an executed conversion toward the daily limit', async () => {
    const fixture = await funded(executor)
    rightOf(await fixture.ledger.setLimits({ accountId: 'alice', asset: 'USDT', perDay: '150' }))
    rightOf(await fixture.ledger.convert(trade))
    const refused = leftOf(
      await fixture.ledger.convert({
        ...trade,
        from: { asset: 'USDT', amount: '30' },
        idempotencyKey: 'c2',
      }),
    )
    expect(refused.code).toBe('limit_exceeded')
  })
})

describe('recorded refusals: only the conversion is written', () => {
  const recorded = async (fixture: WorkflowLedger, command: ConvertCommand, code: string) => {
    const before = await eventCount(fixture)
    const refused = leftOf(await fixture.ledger.convert(command))
    expect(refused.code).toBe(code)
    const conversionId = String(refused.details?.['conversionId'])
    expect(await eventCount(fixture)).toBe(before + 1n)
    expect(await balanceOf(fixture, 'alice', 'USDT')).toBe('1000.000000')
    const view = rightOf(await fixture.ledger.conversion(conversionId))
    expect(view).toMatchObject({
      status: code === 'quote_expired' ? 'expired' : 'failed',
      debited: { asset: 'USDT', amount: '0.000000' },
      credited: { asset: 'BTC', amount: '0.00000000' },
    })
    // A retry gets the same answer and records nothing more.
    expect(leftOf(await fixture.ledger.convert(command))).toEqual(refused)
    expect(await eventCount(fixture)).toBe(before + 1n)
    return refused
  }

  it('quote_expired: the quote ended before now', async () => {
    const fixture = await funded()
    const quoteExpiresAt = new Date(fixture.now().getTime() - 1)
    await recorded(fixture, { ...trade, quoteExpiresAt }, 'quote_expired')
  })

  it('accepts a quote that expires exactly now', async () => {
    const fixture = await funded()
    const view = rightOf(await fixture.ledger.convert({ ...trade, quoteExpiresAt: fixture.now() }))
    expect(view.status).toBe('executed')
  })

  it('security_check_failed: two-factor is on and no verified authorization', async () => {
    const fixture = await funded()
    rightOf(await fixture.ledger.enableTwoFactor({ accountId: 'alice' }))
    await recorded(fixture, trade, 'security_check_failed')
    const authorization = { method: 'two_factor', verified: true } as const
    rightOf(await fixture.ledger.convert({ ...trade, authorization, idempotencyKey: 'c2' }))
  })

  it('limit_exceeded: above the per-payment limit', async () => {
    const fixture = await funded()
    rightOf(
      await fixture.ledger.setLimits({ accountId: 'alice', asset: 'USDT', perPayment: '100' }),
    )
    await recorded(fixture, trade, 'limit_exceeded')
  })

  it('insufficient_balance: more than the available balance', async () => {
    const fixture = await funded()
    const refused = await recorded(
      fixture,
      { ...trade, from: { asset: 'USDT', amount: '1000.000001' } },
      'insufficient_balance',
    )
    expect(refused.details?.['conversionId']).toEqual(expect.any(String))
  })

  it('min_received_not_met: the rounded credit is below the minimum', async () => {
    const fixture = await funded()
    await recorded(fixture, { ...trade, minReceived: '0.00189754' }, 'min_received_not_met')
    const met = { ...trade, minReceived: '0.00189753', idempotencyKey: 'c2' }
    expect(rightOf(await fixture.ledger.convert(met)).status).toBe('executed')
  })

  it('account_frozen: a frozen account cannot convert', async () => {
    const fixture = await funded()
    rightOf(await fixture.ledger.freezeAccount({ accountId: 'alice', reason: 'lost phone' }))
    await recorded(fixture, trade, 'account_frozen')
  })
})

describe('rejections: nothing is written', () => {
  it.each([
    ['unknown_asset', { from: { asset: 'XYZ', amount: '1' } }, 'from.asset'],
    ['unknown_asset', { to: { asset: 'XYZ' } }, 'to.asset'],
    ['amount_precision_exceeded', { from: { asset: 'USDT', amount: '1.0000001' } }, 'from.amount'],
    ['amount_precision_exceeded', { minReceived: '0.000000001' }, 'minReceived'],
    ['amount_not_positive', { from: { asset: 'USDT', amount: '0' } }, 'from.amount'],
    ['amount_not_positive', { from: { asset: 'USDT', amount: '0.000001' } }, 'from.amount'],
    ['invalid_input', { to: { asset: 'USDT' } }, 'to.asset'],
    ['invalid_input', { rate: '-1' }, 'rate'],
    ['invalid_input', { quoteExpiresAt: 'tomorrow' }, 'quoteExpiresAt'],
    ['account_not_found', { accountId: 'nobody' }, 'accountId'],
  ] as const)('%s for %j', async (code, change, path) => {
    const fixture = await funded()
    const before = await eventCount(fixture)
    const refused = leftOf(await fixture.ledger.convert({ ...trade, ...change } as ConvertCommand))
    expect(refused.code).toBe(code)
    expect(String(refused.details?.['path'])).toContain(path)
    expect(await eventCount(fixture)).toBe(before)
  })

  it('account_closed: a closed account cannot convert', async () => {
    const fixture = await funded()
    rightOf(await fixture.ledger.openAccount({ accountId: 'bob', kind: 'user' }))
    rightOf(await fixture.ledger.closeAccount({ accountId: 'bob' }))
    const before = await eventCount(fixture)
    const refused = leftOf(await fixture.ledger.convert({ ...trade, accountId: 'bob' }))
    expect(refused.code).toBe('account_closed')
    expect(await eventCount(fixture)).toBe(before)
  })

  it('idempotency_key_reused: the same key with another amount', async () => {
    const fixture = await funded()
    const first = rightOf(await fixture.ledger.convert(trade))
    const before = await eventCount(fixture)
    const reused = leftOf(
      await fixture.ledger.convert({ ...trade, from: { asset: 'USDT', amount: '1' } }),
    )
    expect(reused).toMatchObject({
      code: 'idempotency_key_reused',
      details: { conversionId: first.conversionId },
    })
    expect(await eventCount(fixture)).toBe(before)
  })

  it('conversion_not_found for an id never used', async () => {
    const fixture = await funded()
    expect(leftOf(await fixture.ledger.conversion('nope')).code).toBe('conversion_not_found')
  })
})
