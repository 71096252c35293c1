// Proves the events table is append-only through SQL (UPDATE, DELETE and TRUNCATE are refused by
// triggers) and that an edit made by someone who drops that guard is caught by audit(). (The key
// vault is checked by the shared contract's key-vault cases.)
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

describePostgres('store-postgres tamper evidence', () => {
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
})
