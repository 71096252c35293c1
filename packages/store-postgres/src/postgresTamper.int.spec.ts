// Proves the events table is append-only through SQL (UPDATE, DELETE and TRUNCATE are refused by
// triggers) and that an edit made by someone who drops that guard is caught by audit(); and that
// the key vault lives in the database: one key per owner under racing callers, kept across a
// reopen, gone for good after erase.
import { afterEach, expect, it } from 'vitest'
import { createLedger, orThrow } from '@wallet-ledger/core'
import type { PostgresEventStore } from './postgresEventStore.js'
import {
  createTestStore,
  describePostgres,
  disposeTestStore,
  freshSchema,
  withClient,
} from '../test/__fixtures__/postgresTestStore.js'

describePostgres('store-postgres tamper evidence and key vault', () => {
  const opened: PostgresEventStore[] = []
  afterEach(async () => {
    for (const store of opened.splice(0)) await disposeTestStore(store)
  })
  const open = async (schema?: string): Promise<PostgresEventStore> => {
    const store = await createTestStore(schema === undefined ? {} : { schema })
    opened.push(store)
    return store
  }

  it('refuses UPDATE, DELETE and TRUNCATE of events; audit names an edit made past the guard', async () => {
    const schema = freshSchema()
    const store = await open(schema)
    const ledger = await createLedger({ store })
    orThrow(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    const source = { type: 'bank_transfer', reference: 'wire-1' } as const
    orThrow(
      await ledger.deposit({
        accountId: 'alice',
        asset: 'CNY',
        amount: '10.00',
        source,
        idempotencyKey: 'k1',
      }),
    )
    expect(orThrow(await ledger.audit()).ok).toBe(true)
    const events = `"${schema}".events`
    await withClient(async (client) => {
      for (const statement of [
        `UPDATE ${events} SET data = replace(data, '10.00', '99.00')`,
        `DELETE FROM ${events} WHERE position = 0`,
        `TRUNCATE ${events}`,
      ]) {
        await expect(client.query(statement)).rejects.toThrow(/append-only/)
      }
      await client.query(`ALTER TABLE ${events} DISABLE TRIGGER USER`)
      await client.query(`UPDATE ${events} SET data = replace(data, '10.00', '99.00')`)
    })
    const report = orThrow(await ledger.audit())
    expect(report.ok).toBe(false)
    expect(report.violations.map((violation) => violation.code)).toContain('event_hash_mismatch')
  })

  it('gives racing callers one key, keeps it across a reopen, and forgets it after erase', async () => {
    const schema = freshSchema()
    const first = await open(schema)
    const second = await open(schema)
    const keys = await Promise.all([
      ...Array.from({ length: 4 }, () => first.keyVault.keyFor('owner-1')),
      ...Array.from({ length: 4 }, () => second.keyVault.keyFor('owner-1')),
    ])
    const hex = new Set(keys.map((key) => Buffer.from(key).toString('hex')))
    expect(hex.size).toBe(1)
    expect(keys[0]).toHaveLength(32)
    await first.close()
    const reopened = await open(schema)
    expect(Buffer.from((await reopened.keyVault.findKey('owner-1'))!).toString('hex')).toEqual(
      [...hex][0],
    )
    await reopened.keyVault.erase('owner-1')
    expect(await second.keyVault.findKey('owner-1')).toBeUndefined()
    await expect(reopened.keyVault.keyFor('bad\u0000id')).rejects.toMatchObject({
      code: 'invalid_argument',
    })
  })
})
