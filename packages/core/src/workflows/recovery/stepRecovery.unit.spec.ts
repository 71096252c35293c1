// Proves a step-by-step workflow whose hold recover() released (a crash between the hold and the
// decision) gets a new hold when the caller retries with the same key, so it can still finish; that
// recover() running beside a command in flight leaves that command's hold alone; and that audit()
// reports a workflow recorded with a hold that is gone (workflow_unrecoverable).
import { describe, expect, it } from 'vitest'
import { createFaultyEventStore } from '@wallet-ledger/testing'
import { createLedger } from '../../ledger/createLedger.js'
import type { Ledger } from '../../ledger/types.js'
import type { EventStore } from '../../ports/eventStore.js'
import { isStoreError } from '../../ports/storeError.js'
import { createMemoryEventStore } from '../../store/memoryEventStore.js'
import type { MemoryEventStore } from '../../store/memoryEventStore.js'
import { rightOf } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../ledger/result.js'

const BANK = {
  type: 'bank_account' as const,
  bank: 'ACME Bank',
  accountNumber: 'DE44500105175407324931',
}
const clock = () => new Date('2025-03-03T09:00:00.000Z')

/** A stepwise store with alice (100.00) and shop (50.00), and a paid payment alice -> shop. */
const seeded = async (): Promise<{ inner: MemoryEventStore; paymentId: string }> => {
  const inner = createMemoryEventStore({ clock, atomicAppendMany: false })
  const ledger = await createLedger({ store: inner, clock })
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
  for (const [accountId, amount] of [
    ['alice', '100.00'],
    ['shop', '50.00'],
  ] as const) {
    const source = { type: 'bank_transfer' as const, reference: accountId }
    rightOf(
      await ledger.deposit({ accountId, asset: 'USD', amount, source, idempotencyKey: accountId }),
    )
  }
  const paid = rightOf(
    await ledger.pay({
      channel: 'online',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '20.00',
      idempotencyKey: 'p',
    }),
  )
  return { inner, paymentId: paid.paymentId }
}

type Command = (ledger: Ledger, paymentId: string) => Promise<unknown>

const withdraw: Command = (ledger) =>
  ledger.requestWithdrawal({
    accountId: 'alice',
    asset: 'USD',
    amount: '11.00',
    destination: BANK,
    idempotencyKey: 'w',
  })
const authorize: Command = (ledger) =>
  ledger.pay({
    channel: 'online',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount: '11.00',
    capture: 'manual',
    idempotencyKey: 'm',
  })
const dispute: Command = (ledger, paymentId) =>
  ledger.openDispute({ paymentId, reason: 'not_received', idempotencyKey: 'o' })

/** Runs `command` on a store that dies right after its first commit (the hold), then recovers. */
const crashAfterHold = async (command: Command) => {
  const { inner, paymentId } = await seeded()
  const faulty = createFaultyEventStore(inner, { failAfterCommits: 0, mode: 'after' })
  const crashed = command(await createLedger({ store: faulty, clock }), paymentId)
  await expect(crashed).rejects.toSatisfy((error) => isStoreError(error, 'store_unavailable'))
  const ledger = await createLedger({ store: inner, clock })
  expect(await ledger.recover()).toEqual({ finished: 0, reversed: 1 })
  return { inner, ledger, paymentId }
}

const held = async (ledger: Ledger, accountId: string) =>
  rightOf(await ledger.balances(accountId))['USD']?.held

describe('a step-by-step workflow retried after recover() released its hold', () => {
  it('withdrawal: the retry holds the money again and the withdrawal completes', async () => {
    const { ledger, paymentId } = await crashAfterHold(withdraw)
    expect(await held(ledger, 'alice')).toBe('0.00')
    const request = rightOf(
      (await withdraw(ledger, paymentId)) as Awaited<ReturnType<Ledger['requestWithdrawal']>>,
    )
    expect(await held(ledger, 'alice')).toBe('11.00')
    const { withdrawalId } = request
    rightOf(await ledger.verifyWithdrawalIdentity({ withdrawalId, passed: true }))
    rightOf(await ledger.submitWithdrawal({ withdrawalId }))
    expect(rightOf(await ledger.completeWithdrawal({ withdrawalId })).status).toBe('completed')
    expect(rightOf(await ledger.balances('alice'))['USD']).toMatchObject({
      total: '69.00',
      held: '0.00',
    })
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })
  })

  it('manual payment: the retry authorizes with a new hold that a capture takes', async () => {
    const { ledger, paymentId } = await crashAfterHold(authorize)
    const payment = rightOf(
      (await authorize(ledger, paymentId)) as Awaited<ReturnType<Ledger['pay']>>,
    )
    expect(await held(ledger, 'alice')).toBe('11.00')
    expect(rightOf(await ledger.capturePayment({ paymentId: payment.paymentId })).status).toBe(
      'completed',
    )
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })
  })

  it('dispute: the retry holds the disputed amount on the payee again', async () => {
    const { ledger, paymentId } = await crashAfterHold(dispute)
    expect(await held(ledger, 'shop')).toBe('0.00')
    rightOf((await dispute(ledger, paymentId)) as Awaited<ReturnType<Ledger['openDispute']>>)
    expect(await held(ledger, 'shop')).toBe('20.00')
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })
  })
})

describe('recover() beside a step-by-step command in flight', () => {
  it('leaves the command its hold: the withdrawal it records keeps 11.00 held', async () => {
    const { inner, paymentId } = await seeded()
    const box: { ledger?: Ledger } = {}
    let recovered: unknown
    // recover() runs right after the withdrawal's hold is stored, before its decision is.
    const interleaved: EventStore = {
      ...inner,
      append: async (stream, events, options) => {
        const result = await inner.append(stream, events, options)
        if (recovered === undefined && events.some((event) => event.type === 'FundsHeld')) {
          recovered = 'running'
          recovered = await box.ledger!.recover()
        }
        return result
      },
    }
    const ledger = await createLedger({ store: interleaved, clock })
    box.ledger = ledger
    rightOf((await withdraw(ledger, paymentId)) as Awaited<ReturnType<Ledger['requestWithdrawal']>>)
    expect(recovered).toEqual({ finished: 0, reversed: 0 })
    expect(await held(ledger, 'alice')).toBe('11.00')
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })
  })
})

describe('audit() of a workflow recorded without its hold', () => {
  it('reports workflow_unrecoverable at the workflow decision', async () => {
    // The state the defect left: the hold released by recover(), then the decision recorded.
    const { inner } = await crashAfterHold(withdraw)
    const twin = await seeded()
    rightOf(
      (await withdraw(await createLedger({ store: twin.inner, clock }), twin.paymentId)) as Awaited<
        ReturnType<Ledger['requestWithdrawal']>
      >,
    )
    let decision: { stream: string; type: string; schemaVersion: number; data: unknown } | undefined
    for await (const event of twin.inner.readAll())
      if (event.type === 'WithdrawalRequested') decision = event
    expect(decision?.data).toMatchObject({ holdId: expect.stringMatching(/:hold$/) })
    const { stream, type, schemaVersion, data } = decision!
    await inner.append(stream, [{ type, schemaVersion, data }], { expectedRevision: 'no_stream' })
    const report = orThrow(await (await createLedger({ store: inner, clock })).audit())
    expect(report.violations).toEqual([
      expect.objectContaining({ code: 'workflow_unrecoverable', stream, revision: '0' }),
    ])
  })
})
