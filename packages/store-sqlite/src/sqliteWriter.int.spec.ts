// Proves group commit: appends in flight together share one transaction, each command is still its
// own commit of the chain, and a command whose expected revision fails is rolled back alone.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { checkWrites, createChainVerifier, isStoreError } from '@wallet-ledger/core/adapter'
import type { AppendResult } from '@wallet-ledger/core/adapter'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { migrate } from './schema/migrations.js'
import { createSqliteEventStore } from './sqliteEventStore.js'
import { prepareStatements } from './sqliteStatements.js'
import { createSqliteWriter } from './sqliteWriter.js'

const nextPath = tempDatabases('sqlite-writer')
const numbered = (n: number) => [{ type: 'Numbered', schemaVersion: 1, data: { n } }]

const writerOnFile = () => {
  const db = new Database(nextPath())
  db.pragma('journal_mode = WAL')
  migrate(db, 'test')
  let batches = 0
  const writer = createSqliteWriter({
    statements: prepareStatements(db),
    clock: () => new Date('2025-03-03T09:00:00.000Z'),
    busyRetryMs: 1_000,
    onCommitted: () => (batches += 1),
  })
  return { db, writer, batches: () => batches }
}

describe('the SQLite writer', () => {
  it('commits 100 appends in flight in a handful of transactions, not 100', async () => {
    const { db, writer, batches } = writerOnFile()
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        writer.submit(
          checkWrites([
            { stream: `payer-${n}`, events: numbered(n), expectedRevision: 'no_stream' },
          ]),
          {},
        ),
      ),
    )
    expect(batches()).toBeLessThanOrEqual(3)
    expect(results.map((result) => result[0]?.position)).toEqual(
      Array.from({ length: 100 }, (_, n) => BigInt(n)),
    )
    // Each command is its own commit: 100 distinct commit hashes, chained in position order.
    expect(new Set(results.map((result) => result[0]?.commitHash)).size).toBe(100)
    db.close()
  })

  it('rolls back only the command that clashes; the others in its batch commit', async () => {
    const { db, writer, batches } = writerOnFile()
    const submit = (stream: string, n: number) =>
      writer.submit(
        checkWrites([{ stream, events: numbered(n), expectedRevision: 'no_stream' }]),
        {},
      )
    const settled = await Promise.allSettled([
      submit('wallet-1', 0),
      submit('wallet-1', 1),
      submit('wallet-2', 2),
      submit('wallet-1', 3),
    ])
    expect(batches()).toBe(1)
    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
    ])
    for (const outcome of settled) {
      if (outcome.status === 'rejected') {
        expect(isStoreError(outcome.reason, 'wrong_expected_version')).toBe(true)
      }
    }
    const ok = settled.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value[0] as AppendResult] : [],
    )
    expect(ok.map((result) => [result.stream, result.position])).toEqual([
      ['wallet-1', 0n],
      ['wallet-2', 1n],
    ])
    const rows = db.prepare('SELECT stream, data FROM events ORDER BY position').all()
    expect(rows).toEqual([
      { stream: 'wallet-1', data: '{"n":0}' },
      { stream: 'wallet-2', data: '{"n":2}' },
    ])
    db.close()
  })

  it('keeps the chain verifiable across a batch with a rolled-back command', async () => {
    const path = nextPath()
    const store = createSqliteEventStore({ path })
    const appendMany = store.appendMany?.bind(store)
    expect(appendMany).toBeDefined()
    await Promise.allSettled([
      store.append('a-1', numbered(0), { expectedRevision: 'no_stream' }),
      store.append('a-1', numbered(1), { expectedRevision: 'no_stream' }),
      appendMany?.([
        { stream: 'b-1', events: numbered(2), expectedRevision: 'no_stream' },
        { stream: 'c-1', events: numbered(3), expectedRevision: 'no_stream' },
      ]),
    ])
    const verifier = createChainVerifier()
    const streams: string[] = []
    const problems = []
    for await (const event of store.readAll()) {
      streams.push(event.stream)
      problems.push(...verifier.push(event))
    }
    const end = verifier.end()
    expect([...problems, ...end.problems]).toEqual([])
    expect(end.commitHash).toBe((await store.readHead()).commitHash)
    expect(streams).toEqual(['a-1', 'b-1', 'c-1'])
    await store.close()
  })
})
