// Proves a ledger on an SQLite file survives a restart: closed and opened again on the same file it
// answers every query as before and audits clean, and an identical withdrawal retried after the
// restart is answered as the first call was, because the key that sealed its destination was kept
// in the file (with a fresh in-memory vault instead, the retry is refused: the control).
import { describe, expect, it } from 'vitest'
import { createLedger, createMemoryKeyVault } from '@wallet-ledger/core'
import type { Ledger } from '@wallet-ledger/core'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { orThrow } from '@wallet-ledger/core'

const nextPath = tempDatabases('sqlite-reopen')
const MONDAY_MS = Date.parse('2025-03-03T09:00:00.000Z')
const BANK = {
  type: 'bank_account',
  bank: 'ACME Bank',
  accountNumber: 'DE44500105175407324931',
} as const
const WITHDRAWAL = {
  accountId: 'alice',
  asset: 'USD',
  amount: '12.50',
  destination: BANK,
  idempotencyKey: 'withdraw-1',
} as const

const rightOf = <T>(result: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: T }): T => {
  if (result._tag === 'Left') throw new Error(`expected right: ${JSON.stringify(result.left)}`)
  return result.right
}

/** Opens, funds and pays; returns the ids the queries need. */
const writeHistory = async (ledger: Ledger, clock: { nowMs: number }) => {
  for (const accountId of ['alice', 'bob']) {
    rightOf(await ledger.openAccount({ accountId, kind: 'user' }))
  }
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '2.5' }))
  for (const accountId of ['alice', 'bob']) {
    rightOf(
      await ledger.deposit({
        accountId,
        asset: 'USD',
        amount: '200.00',
        source: { type: 'bank_transfer', reference: `seed-${accountId}` },
        idempotencyKey: `seed-${accountId}`,
      }),
    )
  }
  clock.nowMs += 60_000
  const p2p = rightOf(
    await ledger.pay({
      ...{ channel: 'p2p', payer: 'alice', payee: 'bob', asset: 'USD', amount: '20.00' },
      idempotencyKey: 'pay-1',
    }),
  )
  const shop = rightOf(
    await ledger.pay({
      ...{ channel: 'merchant_qr', payer: 'bob', payee: 'shop', asset: 'USD', amount: '30.00' },
      idempotencyKey: 'pay-2',
    }),
  )
  clock.nowMs += 60_000
  const withdrawal = rightOf(await ledger.requestWithdrawal(WITHDRAWAL))
  return { paymentIds: [p2p.paymentId, shop.paymentId], withdrawal }
}

/** Every query's answer, for comparison across the restart. */
const answers = async (ledger: Ledger, ids: { paymentIds: string[]; withdrawalId: string }) => ({
  accounts: await ledger.accounts(),
  perAccount: await Promise.all(
    ['alice', 'bob', 'shop'].map(async (accountId) => ({
      account: await ledger.account(accountId),
      balances: await ledger.balances(accountId),
      asOfPosition: await ledger.balances(accountId, { asOf: { position: '6' } }),
      history: await ledger.history(accountId),
      statement: await ledger.statement(accountId, {
        asset: 'USD',
        from: new Date(MONDAY_MS - 60_000).toISOString(),
        to: new Date(MONDAY_MS + 3_600_000).toISOString(),
      }),
    })),
  ),
  payments: await Promise.all(ids.paymentIds.map((id) => ledger.payment(id))),
  withdrawal: await ledger.withdrawal(ids.withdrawalId),
})

describe('a ledger on an SQLite file, restarted', () => {
  it('answers every query the same, audits clean, and answers a withdrawal retry as before', async () => {
    const url = `sqlite:${nextPath()}`
    const clock = { nowMs: MONDAY_MS }
    const options = { store: url, clock: () => new Date(clock.nowMs) }
    const first = await createLedger(options)
    const { paymentIds, withdrawal } = await writeHistory(first, clock)
    const ids = { paymentIds, withdrawalId: withdrawal.withdrawalId }
    const before = await answers(first, ids)
    for (const answer of Object.values(before.perAccount[0] ?? {})) {
      expect(answer).toMatchObject({ _tag: 'Right' })
    }
    expect(before.withdrawal).toMatchObject({ _tag: 'Right' })
    const auditBefore = orThrow(await first.audit())
    expect(auditBefore.ok).toBe(true)
    await first.close()

    const restarted = await createLedger(options)
    expect(await answers(restarted, ids)).toEqual(before)
    const auditAfter = orThrow(await restarted.audit())
    expect(auditAfter.violations).toEqual([])
    expect(auditAfter).toEqual(auditBefore)
    expect(await restarted.requestWithdrawal(WITHDRAWAL)).toEqual({
      _tag: 'Right',
      right: withdrawal,
    })
    await restarted.close()

    // The control: without the file's vault the same retry cannot be recognised.
    const forgetful = await createLedger({ ...options, keyVault: createMemoryKeyVault() })
    const retried = await forgetful.requestWithdrawal(WITHDRAWAL)
    expect(retried).toMatchObject({ _tag: 'Left', left: { code: 'idempotency_key_reused' } })
    await forgetful.close()
  })
})
