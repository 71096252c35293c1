// Proves the projections persist in the SQLite file: after a restart every read answers as before
// without reading the log (events read through readAll are counted: none, where a ledger without
// the tables reads them all), new events are folded alone, a rebuild from 0 writes the very same
// table rows, projection rows edited or deleted in the file are reported by audit(), and each
// ledger namespace on a shared file keeps tables of its own.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createLedger, orThrow } from '@wallet-ledger/core'
import type { EventStore, Ledger } from '@wallet-ledger/core'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { createSqliteEventStore } from './sqliteEventStore.js'

const nextPath = tempDatabases('sqlite-projections')
const MONDAY_MS = Date.parse('2025-03-03T09:00:00.000Z')
const TABLES = ['checkpoints', 'states', 'history', 'directory', 'balance_steps']

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

const pay = (ledger: Ledger, payer: string, payee: string, amount: string, key: string) =>
  ledger.pay({ channel: 'p2p', payer, payee, asset: 'USD', amount, idempotencyKey: key })

/** Opens, funds and pays, the clock moving a minute between steps. */
const writeHistory = async (ledger: Ledger, clock: { nowMs: number }) => {
  for (const accountId of ['alice', 'bob', 'carol']) {
    orThrow(await ledger.openAccount({ accountId, kind: 'user' }))
    const source = { type: 'bank_transfer', reference: `seed-${accountId}` } as const
    const funding = { accountId, asset: 'USD', amount: '100.00', source }
    orThrow(await ledger.deposit({ ...funding, idempotencyKey: `seed-${accountId}` }))
    clock.nowMs += 60_000
  }
  for (let n = 0; n < 6; n += 1) {
    orThrow(await pay(ledger, n % 2 === 0 ? 'alice' : 'bob', 'carol', `${n + 1}.25`, `pay-${n}`))
    clock.nowMs += 60_000
  }
}

/** The reads the projections serve. */
const answers = async (ledger: Ledger) => ({
  directory: await ledger.accounts({ limit: 2 }),
  systems: await ledger.accounts({ kind: 'system', limit: 3 }),
  perAccount: await Promise.all(
    ['alice', 'carol'].map(async (accountId) => ({
      history: await ledger.history(accountId, { limit: 3 }),
      statement: await ledger.statement(accountId, {
        asset: 'USD',
        from: new Date(MONDAY_MS + 200_000).toISOString(),
        to: new Date(MONDAY_MS + 3_600_000).toISOString(),
      }),
      asOfPosition: await ledger.balances(accountId, { asOf: { position: '12' } }),
      asOfInstant: await ledger.balances(accountId, {
        asOf: new Date(MONDAY_MS + 400_000).toISOString(),
      }),
    })),
  ),
})

/** Every row of the projection tables, in key order, read straight from the file. */
const tableRows = (path: string): Record<string, unknown[]> => {
  const db = new Database(path, { readonly: true })
  const rows = Object.fromEntries(
    TABLES.map((table) => [
      table,
      db.prepare(`SELECT * FROM projection_${table} ORDER BY 1, 2, 3`).all(),
    ]),
  )
  db.close()
  return rows
}

const writtenFile = async () => {
  const path = nextPath()
  const clock = { nowMs: MONDAY_MS }
  const options = { clock: () => new Date(clock.nowMs) }
  const first = await createLedger({
    store: createSqliteEventStore({ path, ...options }),
    ...options,
  })
  await writeHistory(first, clock)
  const before = await answers(first)
  await first.close()
  return { path, clock, options, before }
}

describe('projections persisted in an SQLite file', () => {
  it('answer after a restart without reading the log, then fold only new events', async () => {
    const { path, clock, options, before } = await writtenFile()
    const file = createSqliteEventStore({ path, ...options })
    const { store, counter } = counting(file)
    const restarted = await createLedger({ store, ...options })
    expect(await answers(restarted)).toEqual(before)
    expect(counter.eventsRead).toBe(0)

    // The control: without the tables, the same reads fold every event of the log.
    const { projections: _projections, ...bare } = file
    const control = counting(bare)
    expect(await answers(await createLedger({ store: control.store, ...options }))).toEqual(before)
    expect(BigInt(control.counter.eventsRead)).toBe((await file.readHead()).nextPosition)

    const head = (await file.readHead()).nextPosition
    clock.nowMs += 60_000
    orThrow(await pay(restarted, 'carol', 'alice', '0.50', 'after-restart'))
    const added = Number((await file.readHead()).nextPosition - head)
    const history = orThrow(await restarted.history('alice', { limit: 1 }))
    expect(history.entries[0]).toMatchObject({ amount: '0.50', direction: 'in' })
    expect(counter.eventsRead).toBe(added)
    await restarted.close()
  })

  it('rebuilt from position 0, hold the very same rows', async () => {
    const { path, options } = await writtenFile()
    const store = createSqliteEventStore({ path, ...options })
    const ledger = await createLedger({ store, ...options })
    const rows = tableRows(path)
    expect(rows['history']?.length).toBeGreaterThan(10)
    const position = String((await store.readHead()).nextPosition)
    expect(await ledger.rebuildProjections()).toEqual({ persisted: true, position })
    expect(tableRows(path)).toEqual(rows)
    await ledger.close()
  })

  it('edited in the file, are reported by audit() as projection_mismatch', async () => {
    const { path, options } = await writtenFile()
    const ledger = await createLedger({
      store: createSqliteEventStore({ path, ...options }),
      ...options,
    })
    expect(orThrow(await ledger.audit()).violations).toEqual([])
    const db = new Database(path)
    db.prepare(
      'UPDATE projection_history SET value = replace(value, \'"1.25"\', \'"9.25"\') ' +
        "WHERE account_id = 'carol'",
    ).run()
    db.prepare("DELETE FROM projection_directory WHERE account_id = 'bob'").run()
    db.close()
    const report = orThrow(await ledger.audit())
    expect(report.ok).toBe(false)
    const messages = report.violations.map((violation) => `${violation.code} ${violation.message}`)
    expect(messages).toEqual([
      expect.stringMatching(/^projection_mismatch projection table history, row carol .* differs/),
      expect.stringMatching(
        /^projection_mismatch projection table directory, row bob user: missing/,
      ),
    ])
    await ledger.close()
  })

  it('keep one set of tables per ledger namespace on a shared file', async () => {
    const path = nextPath()
    const options = { clock: () => new Date(MONDAY_MS) }
    const store = createSqliteEventStore({ path, ...options })
    const plain = await createLedger({ store, ...options })
    const tenant = await createLedger({ store, namespace: 'tenant', ...options })
    orThrow(await plain.openAccount({ accountId: 'alice', kind: 'user' }))
    orThrow(await tenant.openAccount({ accountId: 'zoe', kind: 'user' }))
    const ids = async (ledger: Ledger) =>
      orThrow(await ledger.accounts()).accounts.map((account) => account.accountId)
    expect(await ids(plain)).toEqual(['alice'])
    expect(await ids(tenant)).toEqual(['zoe'])
    const db = new Database(path, { readonly: true })
    const ledgers = db
      .prepare('SELECT DISTINCT ledger FROM projection_directory ORDER BY ledger')
      .pluck()
      .all()
    db.close()
    expect(ledgers).toEqual(['', 'tenant'])
    await store.close()
  })
})
