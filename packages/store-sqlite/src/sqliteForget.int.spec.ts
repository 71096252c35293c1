// Proves forgetOwner on an SQLite file leaves no byte of the person's phone, email, bank account
// number or key in the database file or its WAL (secure_delete on, wal_checkpoint(TRUNCATE)
// after forgetting), while the other owner's key stays and the ledger still audits clean. The
// same search finds the key before forgetting: the control that the search can see it.
import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createLedger, orThrow } from '@wallet-ledger/core'
import { createSqliteEventStore } from './sqliteEventStore.js'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'

const nextPath = tempDatabases('sqlite-forget')
const PHONE = '+8613899887766'
const EMAIL = 'alice.secret@example.org'
const ACCOUNT_NUMBER = 'DE89370400440532013000'

/** Every byte of the file and its WAL, after folding the WAL into the file and truncating it. */
const rawBytes = (path: string): Buffer => {
  const db = new Database(path)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const wal = `${path}-wal`
  return Buffer.concat([readFileSync(path), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)])
}

const forms = (key: Uint8Array): Buffer[] => {
  const bytes = Buffer.from(key)
  return [bytes, Buffer.from(bytes.toString('hex')), Buffer.from(bytes.toString('base64'))]
}

describe('forgetting an owner on SQLite', () => {
  it('leaves none of their bytes in the file or the WAL', async () => {
    const path = nextPath()
    const store = createSqliteEventStore({ path })
    const ledger = await createLedger({ store })
    for (const [accountId, phone, email] of [
      ['alice', PHONE, EMAIL],
      ['bob', '+8613811112222', 'bob@example.org'],
    ] as const) {
      orThrow(await ledger.openAccount({ accountId, kind: 'user', contact: { phone, email } }))
      orThrow(
        await ledger.deposit({
          ...{ accountId, asset: 'USD', amount: '100.00', idempotencyKey: `d-${accountId}` },
          source: { type: 'bank_transfer', reference: `seed-${accountId}` },
        }),
      )
    }
    orThrow(
      await ledger.requestWithdrawal({
        ...{ accountId: 'alice', asset: 'USD', amount: '10.00', idempotencyKey: 'w-1' },
        destination: { type: 'bank_account', bank: 'ACME Bank', accountNumber: ACCOUNT_NUMBER },
      }),
    )
    const aliceKey = await store.keyVault.findKey('alice')
    const bobKey = await store.keyVault.findKey('bob')
    if (aliceKey === undefined || bobKey === undefined) throw new Error('keys were not created')
    const before = rawBytes(path)
    for (const form of forms(aliceKey).slice(0, 1)) expect(before.includes(form)).toBe(true)

    const balances = orThrow(await ledger.balances('alice'))
    orThrow(
      await ledger.forgetOwner({
        accountId: 'alice',
        authorization: { method: 'two_factor', verified: true },
      }),
    )
    expect(orThrow(await ledger.balances('alice'))).toEqual(balances)
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })
    await store.close()

    const after = rawBytes(path)
    for (const secret of [PHONE, EMAIL, ACCOUNT_NUMBER]) {
      expect(after.includes(Buffer.from(secret)), secret).toBe(false)
    }
    for (const form of forms(aliceKey)) expect(after.includes(form)).toBe(false)
    expect(after.includes(Buffer.from(bobKey))).toBe(true)
  })
})
