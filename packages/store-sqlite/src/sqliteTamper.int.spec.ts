// Proves what tamper evidence an SQLite file gives: someone with write access to the file (who can
// drop the append-only triggers or edit its bytes) edits a byte of a stored event, deletes a middle
// row, deletes the last row, or swaps two rows; after each, audit() of a ledger reopened on the file
// names the damage by code, stream and revision (the dropped tail only against a head kept earlier).
//
// The story, by position: 0 alice opened, 1 bob opened, 2 the deposit, 3 bank inflow opened,
// 4 bank inflow debited, 5 alice credited, 6 the payment, 7 alice debited, 8 bob credited,
// 9 carol opened.
import { readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { createLedger } from '@wallet-ledger/core'
import type { AuditReport } from '@wallet-ledger/core'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { orThrow } from '@wallet-ledger/core'

const nextPath = tempDatabases('sqlite-tamper')
const START_MS = Date.parse('2025-03-03T09:00:00.000Z')

let path: string
let head: string

const rightOf = <T>(result: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: T }): T => {
  if (result._tag === 'Left') throw new Error(`expected right: ${JSON.stringify(result.left)}`)
  return result.right
}

beforeEach(async () => {
  path = nextPath()
  let nowMs = START_MS
  const ledger = await createLedger({ store: `sqlite:${path}`, clock: () => new Date(nowMs) })
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'bob', kind: 'merchant' }))
  nowMs += 1_000
  const source = { type: 'bank_transfer' as const, reference: 'r1' }
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '100.00',
      source,
      idempotencyKey: 'd1',
    }),
  )
  nowMs += 1_000
  rightOf(
    await ledger.pay({
      ...{ channel: 'p2p', payer: 'alice', payee: 'bob', asset: 'USD', amount: '30.00' },
      idempotencyKey: 'p1',
    }),
  )
  nowMs += 1_000
  rightOf(await ledger.openAccount({ accountId: 'carol', kind: 'user' }))
  const clean = orThrow(await ledger.audit())
  expect(clean).toMatchObject({ ok: true, eventsChecked: 10 })
  head = clean.head
  await ledger.close()
})

/** Runs SQL on the file as an intruder would: the append-only triggers dropped first. */
const intrude = (sql: string): void => {
  const db = new Database(path)
  db.exec('DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;')
  db.exec(sql)
  db.close()
}

const streamAt = (position: number): string => {
  const db = new Database(path, { readonly: true })
  const stream = db.prepare('SELECT stream FROM events WHERE position = ?').pluck().get(position)
  db.close()
  return String(stream)
}

const auditOfFile = async (options?: { expectedHead: string }): Promise<AuditReport> => {
  const ledger = await createLedger({ store: `sqlite:${path}` })
  const report = orThrow(await ledger.audit(options))
  await ledger.close()
  return report
}

const placesOf = (report: AuditReport, code: string) =>
  report.violations
    .filter((violation) => violation.code === code)
    .map(({ stream, revision }) => ({ stream, revision }))

describe('audit of a tampered SQLite file', () => {
  it('names the event whose bytes were edited in the file', async () => {
    const payment = streamAt(6)
    const rowsBefore = readRows()
    // A hex editor's change: one digit of the first stored "30.00", in the file's own bytes.
    const bytes = readFileSync(path)
    const at = bytes.indexOf(Buffer.from('"30.00"'))
    expect(at).toBeGreaterThan(0)
    bytes[at + 2] = '1'.charCodeAt(0)
    writeFileSync(path, bytes)
    const edited = readRows().filter((row, index) => row.data !== rowsBefore[index]?.data)
    expect(edited).toHaveLength(1)
    const report = await auditOfFile()
    expect(report.ok).toBe(false)
    const place = { stream: edited[0]?.stream, revision: String(edited[0]?.revision) }
    expect(placesOf(report, 'event_hash_mismatch')).toEqual([place])
    expect([payment, 'account-alice', 'account-bob']).toContain(place.stream)
  })

  it('names the gap, the broken commit and the lost leg of a row deleted in the middle', async () => {
    const deposit = streamAt(2)
    const payment = streamAt(6)
    intrude('DELETE FROM events WHERE position = 5') // alice's credit from the deposit
    const report = await auditOfFile()
    expect(placesOf(report, 'position_gap')).toEqual([{ stream: payment, revision: '0' }])
    expect(placesOf(report, 'revision_gap')).toEqual([{ stream: 'account-alice', revision: '2' }])
    expect(placesOf(report, 'commit_chain_broken')).toEqual([{ stream: deposit, revision: '0' }])
    expect(placesOf(report, 'leg_not_posted')).toEqual([{ stream: deposit, revision: '0' }])
  })

  it('misses the last row deleted without a kept head, and names it with one', async () => {
    intrude('DELETE FROM events WHERE position = 9') // carol's opening, the last commit
    expect((await auditOfFile()).violations).toEqual([])
    const report = await auditOfFile({ expectedHead: head })
    expect(report.ok).toBe(false)
    expect(report.violations).toEqual([
      expect.objectContaining({ code: 'expected_head_missing', stream: '(ledger)' }),
    ])
  })

  it('names rows swapped in the log: each hash, the revision order and the chain', async () => {
    const deposit = streamAt(2)
    // Alice's credit (5) and debit (7) change places: each row now claims the other's position,
    // which its hash does not cover. 1000 is a free position to pass through.
    intrude(
      'UPDATE events SET position = 1000 WHERE position = 5; ' +
        'UPDATE events SET position = 5 WHERE position = 7; ' +
        'UPDATE events SET position = 7 WHERE position = 1000;',
    )
    const report = await auditOfFile()
    expect(placesOf(report, 'event_hash_mismatch')).toEqual([
      { stream: 'account-alice', revision: '2' },
      { stream: 'account-alice', revision: '1' },
    ])
    expect(placesOf(report, 'revision_out_of_order')).toEqual([
      { stream: 'account-alice', revision: '1' },
    ])
    expect(placesOf(report, 'commit_chain_broken')).toContainEqual({
      stream: deposit,
      revision: '0',
    })
  })
})

function readRows(): { stream: string; revision: number; data: string }[] {
  const db = new Database(path, { readonly: true })
  const rows = db.prepare('SELECT stream, revision, data FROM events ORDER BY position').all()
  db.close()
  return rows as { stream: string; revision: number; data: string }[]
}
