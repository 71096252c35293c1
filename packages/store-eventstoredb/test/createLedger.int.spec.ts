// Proves createLedger opens an esdb:// URL by loading this package on demand, and that a ledger on
// it (through the real client, over the gRPC test double) survives a restart: a second ledger on
// the same server sees the same balances, continues the chain and audits clean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLedger, orThrow } from '@wallet-ledger/core'
import { startEsdbTestDouble, type EsdbTestDouble } from './esdbTestDouble.js'

describe("createLedger({ store: 'esdb://...' })", () => {
  let double: EsdbTestDouble
  beforeEach(async () => {
    double = await startEsdbTestDouble()
  })
  afterEach(async () => {
    await double.stop()
  })

  it('runs a payment step by step, then reopens with the same balances and a clean audit', async () => {
    const ledger = await createLedger({ store: double.connectionString })
    const { accountId: alice } = orThrow(await ledger.openAccount({ kind: 'user' }))
    const { accountId: bob } = orThrow(await ledger.openAccount({ kind: 'user' }))
    orThrow(
      await ledger.deposit({
        accountId: alice,
        asset: 'CNY',
        amount: '100.00',
        source: { type: 'bank_transfer', reference: 'wire-1' },
        idempotencyKey: 'topup-1',
      }),
    )
    orThrow(
      await ledger.pay({
        channel: 'p2p',
        payer: alice,
        payee: bob,
        asset: 'CNY',
        amount: '12.30',
        idempotencyKey: 'gift-1',
      }),
    )
    const before = orThrow(await ledger.balances(alice))
    await ledger.close()
    expect(double.log.events.length).toBeGreaterThan(4)

    const reopened = await createLedger({ store: double.connectionString })
    expect(orThrow(await reopened.balances(alice))).toEqual(before)
    expect(JSON.stringify(orThrow(await reopened.balances(bob)))).toContain('12.3')
    const report = orThrow(await reopened.audit())
    expect(report.ok).toBe(true)
    await reopened.close()
  })
})
