// Proves the binary, run as a child process, explains what went wrong in a sentence (a database
// another process holds locked, a store a newer version wrote, a missing import file, bad store
// URLs) with exit 2 and no stack trace unless --verbose, and that every read answers JSON on --json.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBinary, temporaryFolder } from '../test/__fixtures__/runBinary.js'

const folder = temporaryFolder()
const file = join(folder.path, 'ledger.db')
const store = ['--store', `sqlite:${file}`]
// A V8 stack frame line: what a person must never see without --verbose.
const STACK_FRAME = /^\s+at .+[:(]/m

beforeAll(() => {
  const demo = runBinary([...store, 'demo'])
  expect(demo.status, demo.stderr).toBe(0)
}, 120_000)
afterAll(() => folder.remove())

/** Runs the binary and expects exit 2 with one message matching `sentence`, no stack trace. */
const expectRefused = (args: readonly string[], sentence: RegExp): string => {
  const run = runBinary(args)
  expect(run.status, run.stderr).toBe(2)
  expect(run.stderr).toMatch(sentence)
  expect(run.stderr).not.toMatch(STACK_FRAME)
  return run.stderr
}

describe('errors a person understands', () => {
  it('says the database is locked while another process holds it, and shows the stack only with --verbose', () => {
    const holder = new Database(file)
    try {
      // An exclusive lock, held well beyond the store's busy timeout, in this (another) process.
      holder.pragma('locking_mode = EXCLUSIVE')
      holder.exec('BEGIN EXCLUSIVE')
      holder.exec('CREATE TABLE IF NOT EXISTS lock_probe (x)')
      const locked = /the database is locked by another process; try again when it has finished/
      expectRefused([...store, 'balances', 'alice'], locked)
      expectRefused([...store, 'audit'], locked)
      const verbose = runBinary([...store, '--verbose', 'balances', 'alice'])
      expect(verbose.status).toBe(2)
      expect(verbose.stderr).toMatch(locked)
      expect(verbose.stderr).toMatch(STACK_FRAME)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    // Released, the same read works.
    expect(runBinary([...store, 'balances', 'alice']).status).toBe(0)
  }, 60_000)

  it('refuses a store a newer version wrote, saying to upgrade', async () => {
    const newer = join(folder.path, 'newer.db')
    await createSqliteEventStore({ path: newer }).close()
    const db = new Database(newer)
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(999)
    db.close()
    expectRefused(
      ['--store', `sqlite:${newer}`, 'accounts'],
      /schema version 999, newer than \d+.*upgrade/,
    )
  })

  it('names the missing file of an import, and creates no store for it', () => {
    const target = join(folder.path, 'target.db')
    const missing = join(folder.path, 'no-such-export.jsonl')
    expectRefused(
      ['--store', `sqlite:${target}`, 'import', missing],
      new RegExp(`${missing}: no such file`),
    )
    expectRefused(
      ['--store', `sqlite:${target}`, 'accounts'],
      /no store at .*target\.db: the file does not exist/,
    )
  })

  it('explains bad store URLs, and never prints a password they hold', () => {
    expectRefused(
      ['--store', 'nope://x', 'accounts'],
      /"nope:\/\/x" is not a store URL; use one of memory:, sqlite:/,
    )
    expectRefused(['--store', 'sqlite:', 'accounts'], /names no file; use sqlite:\.\/wallet\.db/)
    const typo = expectRefused(
      ['--store', 'postgress://ann:s3cret@db.example/wallet', 'accounts'],
      /is not a store URL/,
    )
    expect(typo).toContain('postgress://ann:***@db.example/wallet')
    expect(typo).not.toContain('s3cret')
    expectRefused(
      ['--store', `sqlite:${file}`, '--time-zone', 'Mars/Olympus', 'accounts'],
      /--time-zone: "Mars\/Olympus" is not an IANA time zone/,
    )
  })
})

describe('--json on every read', () => {
  /** Runs a read with --json and answers the parsed output. */
  const json = (args: readonly string[]): unknown => {
    const run = runBinary([...store, ...args, '--json'])
    expect(run.status, run.stderr).toBe(0)
    return JSON.parse(run.stdout) as unknown
  }

  it('answers JSON from balances, history, statement, accounts, payment, withdrawal, dispute, recover, rebuild-projections and audit', () => {
    expect(json(['balances', 'frank'])).toMatchObject({ CNY: { total: expect.any(String) } })
    const history = json(['history', 'ivan', '--limit', '50']) as {
      entries: { paymentId?: string; disputeId?: string }[]
    }
    expect(history.entries.length).toBeGreaterThan(0)
    const frank = json(['history', 'frank', '--limit', '50']) as {
      entries: { withdrawalId?: string }[]
    }
    const paymentId = history.entries.find((entry) => entry.paymentId !== undefined)?.paymentId
    const disputeId = history.entries.find((entry) => entry.disputeId !== undefined)?.disputeId
    const withdrawalId = frank.entries.find(
      (entry) => entry.withdrawalId !== undefined,
    )?.withdrawalId
    expect(json(['statement', 'alice', '--asset', 'CNY'])).toMatchObject({
      opening: expect.any(String),
      closing: expect.any(String),
      entries: expect.any(Array),
    })
    const accounts = json(['accounts', '--limit', '100']) as { accounts: { accountId: string }[] }
    expect(accounts.accounts.map((account) => account.accountId)).toContain('alice')
    expect(json(['payment', paymentId ?? 'none'])).toMatchObject({ paymentId, payer: 'ivan' })
    expect(json(['withdrawal', withdrawalId ?? 'none'])).toMatchObject({
      withdrawalId,
      status: 'completed',
    })
    expect(json(['dispute', disputeId ?? 'none'])).toMatchObject({
      disputeId,
      status: 'resolved_payer',
    })
    expect(json(['recover'])).toEqual({ finished: 0, reversed: 0 })
    expect(json(['rebuild-projections'])).toMatchObject({
      persisted: expect.any(Boolean),
      position: expect.stringMatching(/^\d+$/),
      foldedInMs: expect.any(Number),
    })
    expect(json(['audit'])).toMatchObject({ ok: true, violations: [] })
  }, 120_000)
})
