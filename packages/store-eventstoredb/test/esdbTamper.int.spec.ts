// Proves the tamper evidence docs/adapters.md claims for EventStoreDB, by editing the test double's
// memory behind the adapter's back: an edited byte of an event's data and a dropped tail of the
// log (the last commit gone) each make audit() fail, where the untouched ledger audits clean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLedger, orThrow } from '@wallet-ledger/core'
import type { DoubleEvent } from './esdbDoubleLog.js'
import { startEsdbTestDouble, type EsdbTestDouble } from './esdbTestDouble.js'

// Two users, a deposit and a payment: several streams and commits on the double.
const fill = async (url: string): Promise<string> => {
  const ledger = await createLedger({ store: url })
  const { accountId: alice } = orThrow(await ledger.openAccount({ kind: 'user' }))
  const { accountId: bob } = orThrow(await ledger.openAccount({ kind: 'user' }))
  const source = { type: 'bank_transfer', reference: 'wire-1' } as const
  orThrow(
    await ledger.deposit({
      accountId: alice,
      asset: 'CNY',
      amount: '100.00',
      source,
      idempotencyKey: 'k1',
    }),
  )
  orThrow(
    await ledger.pay({
      channel: 'p2p',
      payer: alice,
      payee: bob,
      asset: 'CNY',
      amount: '7.00',
      idempotencyKey: 'k2',
    }),
  )
  const report = orThrow(await ledger.audit())
  expect(report.ok).toBe(true)
  await ledger.close()
  return report.head
}

// Replaces one stored event, in the global order and in its stream.
const replace = (
  double: EsdbTestDouble,
  index: number,
  edit: (event: DoubleEvent) => DoubleEvent,
) => {
  const event = double.log.events[index]
  if (event === undefined) throw new Error(`no event at ${index}`)
  const edited = edit(event)
  double.log.events[index] = edited
  const stream = double.log.streams.get(event.stream) ?? []
  stream[stream.indexOf(event)] = edited
}

describe('EventStoreDB tamper evidence (edits made on the test double)', () => {
  let double: EsdbTestDouble
  beforeEach(async () => {
    double = await startEsdbTestDouble()
  })
  afterEach(async () => {
    await double.stop()
  })

  it('finds an edited byte of an event data', async () => {
    await fill(double.connectionString)
    const index = double.log.events.findIndex((event) =>
      Buffer.from(event.data).toString('utf8').includes('100'),
    )
    expect(index).toBeGreaterThanOrEqual(0)
    replace(double, index, (event) => ({
      ...event,
      data: Buffer.from(Buffer.from(event.data).toString('utf8').replace('100', '900'), 'utf8'),
    }))
    const ledger = await createLedger({ store: double.connectionString })
    const report = orThrow(await ledger.audit())
    expect(report.ok).toBe(false)
    expect(report.violations.map((violation) => violation.code)).toContain('event_hash_mismatch')
    await ledger.close()
  })

  it('finds a dropped tail against the head an auditor kept', async () => {
    const head = await fill(double.connectionString)
    const last = double.log.events.pop()
    if (last === undefined) throw new Error('the ledger wrote nothing')
    double.log.streams.get(last.stream)?.pop()
    const ledger = await createLedger({ store: double.connectionString })
    expect(orThrow(await ledger.audit({ expectedHead: head })).ok).toBe(false)
    await ledger.close()
  })
})
