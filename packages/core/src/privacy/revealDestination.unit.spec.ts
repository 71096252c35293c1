// Proves withdrawal(id, { reveal: true }) shows the destination in clear while the withdrawal is
// in flight, erased once the owner is forgotten, unreadable when the vault gives a wrong key (never
// a throw, never another destination), nothing without reveal or once settled; bad options refused.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createLedger } from '../ledger/createLedger.js'
import { orThrow } from '../ledger/result.js'
import type { Ledger } from '../ledger/types.js'
import { createMemoryKeyVault } from './keyVault.js'
import type { KeyVault } from './keyVault.js'

const BANK = { type: 'bank_account', bank: 'ACME Bank', accountNumber: 'DE89370400440532013000' }
const CRYPTO = { type: 'crypto_address', network: 'ethereum', address: '0xabc123def' }

const withdraw = async (ledger: Ledger, destination: unknown, key: string) => {
  for (const accountId of ['alice', 'bob']) {
    if ((await ledger.account(accountId))._tag === 'Right') continue
    orThrow(await ledger.openAccount({ accountId, kind: 'user' }))
    orThrow(
      await ledger.deposit({
        ...{ accountId, asset: 'USD', amount: '100.00', idempotencyKey: `d-${accountId}` },
        source: { type: 'bank_transfer', reference: `seed-${accountId}` },
      }),
    )
  }
  const input = { accountId: 'alice', asset: 'USD', amount: '10.00', idempotencyKey: key }
  return orThrow(await ledger.requestWithdrawal({ ...input, destination } as never)).withdrawalId
}

describe('withdrawal(id, { reveal: true })', () => {
  it('shows the destination in clear, only when asked, only while in flight', async () => {
    const ledger = await createLedger()
    const bank = await withdraw(ledger, BANK, 'w-1')
    const crypto = await withdraw(ledger, CRYPTO, 'w-2')
    expect(orThrow(await ledger.withdrawal(bank))).not.toHaveProperty('destination')
    expect(orThrow(await ledger.withdrawal(bank, { reveal: true })).destination).toEqual({
      ...BANK,
      state: 'clear',
    })
    expect(orThrow(await ledger.withdrawal(crypto, { reveal: true })).destination).toEqual({
      ...CRYPTO,
      state: 'clear',
    })
    orThrow(await ledger.verifyWithdrawalIdentity({ withdrawalId: bank, passed: true }))
    orThrow(await ledger.submitWithdrawal({ withdrawalId: bank }))
    orThrow(await ledger.completeWithdrawal({ withdrawalId: bank }))
    expect(orThrow(await ledger.withdrawal(bank, { reveal: true }))).not.toHaveProperty(
      'destination',
    )
    for (const bad of [{ reveal: 'yes' }, { reveal: true, extra: 1 }, 'x']) {
      expect(await ledger.withdrawal(crypto, bad as never)).toMatchObject({
        _tag: 'Left',
        left: { code: 'invalid_input' },
      })
    }
  })

  it('reads erased after forgetOwner; a withdrawal in flight still completes', async () => {
    const ledger = await createLedger()
    const id = await withdraw(ledger, BANK, 'w-1')
    orThrow(
      await ledger.forgetOwner({
        accountId: 'alice',
        authorization: { method: 'two_factor', verified: true },
      }),
    )
    expect(orThrow(await ledger.withdrawal(id, { reveal: true })).destination).toEqual({
      type: 'bank_account',
      state: 'erased',
    })
    orThrow(await ledger.verifyWithdrawalIdentity({ withdrawalId: id, passed: true }))
    orThrow(await ledger.submitWithdrawal({ withdrawalId: id }))
    orThrow(await ledger.completeWithdrawal({ withdrawalId: id }))
    expect(orThrow(await ledger.withdrawal(id)).status).toBe('completed')
  })

  it('reads unreadable when the vault answers with a wrong key', async () => {
    const inner = createMemoryKeyVault()
    let wrong = false
    const keyVault: KeyVault = {
      ...inner,
      findKey: async (owner) => (wrong ? randomBytes(32) : inner.findKey(owner)),
    }
    const ledger = await createLedger({ keyVault })
    const id = await withdraw(ledger, CRYPTO, 'w-1')
    wrong = true
    expect(orThrow(await ledger.withdrawal(id, { reveal: true })).destination).toEqual({
      type: 'crypto_address',
      network: 'ethereum',
      state: 'unreadable',
    })
  })
})
