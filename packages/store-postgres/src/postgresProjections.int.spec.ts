// Proves the projections persist in the PostgreSQL schema: a second store on the same schema (a
// restart) answers every read as before without reading the log (events read through readAll are
// counted: none), and a projection row edited in the database is reported by audit().
import { afterAll, expect, it } from 'vitest'
import { createLedger, orThrow } from '@wallet-ledger/core'
import type { EventStore, Ledger } from '@wallet-ledger/core'
import {
  createTestStore,
  describePostgres,
  dropSchema,
  freshSchema,
  withClient,
} from '../test/__fixtures__/postgresTestStore.js'

const START_MS = Date.parse('2025-03-03T09:00:00.000Z')
const schemas: string[] = []
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema)
})

/** The store, counting the events its readAll yields (a replay reads them all). */
const counting = (store: EventStore) => {
  const counter = { eventsRead: 0 }
  const counted: EventStore = {
    ...store,
    readAll: async function* (options) {
      for await (const event of store.readAll(options)) {
        counter.eventsRead += 1
        yield event
      }
    },
  }
  return { store: counted, counter }
}

const writeHistory = async (ledger: Ledger, clock: { nowMs: number }) => {
  for (const accountId of ['alice', 'bob']) {
    orThrow(await ledger.openAccount({ accountId, kind: 'user' }))
    const source = { type: 'bank_transfer', reference: `seed-${accountId}` } as const
    const funding = { accountId, asset: 'USD', amount: '100.00', source }
    orThrow(await ledger.deposit({ ...funding, idempotencyKey: `seed-${accountId}` }))
    clock.nowMs += 60_000
  }
  for (let n = 0; n < 4; n += 1) {
    const payment = { channel: 'p2p', payer: 'alice', payee: 'bob', asset: 'USD' } as const
    orThrow(await ledger.pay({ ...payment, amount: `${n + 1}.10`, idempotencyKey: `pay-${n}` }))
    clock.nowMs += 60_000
  }
}

const answers = async (ledger: Ledger) => ({
  directory: await ledger.accounts({ limit: 1 }),
  history: await ledger.history('bob', { limit: 2 }),
  asOfPosition: await ledger.balances('alice', { asOf: { position: '8' } }),
  asOfInstant: await ledger.balances('bob', { asOf: new Date(START_MS + 150_000).toISOString() }),
})

describePostgres('projections persisted in PostgreSQL', () => {
  it('answer after a restart without reading the log; an edited row fails the audit', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const clock = { nowMs: START_MS }
    const options = { clock: () => new Date(clock.nowMs) }
    const first = await createTestStore({ schema, ...options })
    const ledger = await createLedger({ store: first, ...options })
    await writeHistory(ledger, clock)
    const before = await answers(ledger)
    await first.close()

    const second = await createTestStore({ schema, ...options })
    const { store, counter } = counting(second)
    const restarted = await createLedger({ store, ...options })
    expect(await answers(restarted)).toEqual(before)
    expect(counter.eventsRead).toBe(0)
    expect(orThrow(await restarted.audit()).violations).toEqual([])

    await withClient((client) =>
      client.query(
        `UPDATE "${schema}".projection_directory SET value = replace(value, 'active', 'frozen') ` +
          "WHERE account_id = 'alice'",
      ),
    )
    const report = orThrow(await restarted.audit())
    expect(report.violations.map((violation) => violation.code)).toEqual(['projection_mismatch'])
    expect(report.violations[0]?.message).toContain('directory, row alice user: differs')
    await second.close()
  })
})
