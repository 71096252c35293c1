// Proves `wallet-ledger audit`, run as a child process on a SQLite file the demo wrote, exits 0
// when clean, and that each kind of tampering with the file (a byte changed, a middle row deleted,
// the last row deleted, two rows swapped) is found, named by stream and revision, and exits 1;
// on a terminal (a pseudo-terminal from util-linux `script`) it draws the progress bar; and that
// `rebuild-projections` refolds the file's projection tables from position 0.
import { spawnSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBinary, temporaryFolder } from '../../test/__fixtures__/runBinary.js'
import { eventCount, rowAt, tamper } from '../../test/__fixtures__/tamperSqlite.js'

type Report = {
  ok: boolean
  eventsChecked: number
  head: string
  violations: { code: string; stream: string; revision?: string; message: string }[]
}

const folder = temporaryFolder()
const base = join(folder.path, 'base.db')
let head = ''
let copies = 0

/** A copy of the demo's file, so each case tampers with its own. */
const copy = (): string => {
  copies += 1
  const file = join(folder.path, `copy-${copies}.db`)
  copyFileSync(base, file)
  return file
}

const audit = (file: string, ...extra: string[]) => {
  const run = runBinary(['--store', `sqlite:${file}`, 'audit', '--json', ...extra])
  const report = run.status === 2 ? undefined : (JSON.parse(run.stdout) as Report)
  return { ...run, report }
}

beforeAll(() => {
  const demo = runBinary(['--store', `sqlite:${base}`, 'demo'])
  expect(demo.status, demo.stderr).toBe(0)
  head = /head hash: ([0-9a-f]{64})/.exec(demo.stdout)?.[1] ?? ''
}, 240_000)
afterAll(() => folder.remove())

describe('wallet-ledger audit on a SQLite file', () => {
  it('exits 0 on the untouched file and reports the head the demo printed', () => {
    const { status, report } = audit(copy(), '--expected-head', head)
    expect(status).toBe(0)
    expect(report?.ok).toBe(true)
    expect(report?.head).toBe(head)
    expect(report?.eventsChecked).toBe(eventCount(base))
  })

  it('rebuild-projections folds every event again from 0, and the file still audits clean', () => {
    const file = copy()
    const run = runBinary(['--store', `sqlite:${file}`, 'rebuild-projections', '--json'])
    expect(run.status, run.stderr).toBe(0)
    const rebuilt = JSON.parse(run.stdout) as { persisted: boolean; position: string }
    expect(rebuilt).toMatchObject({ persisted: true, position: String(eventCount(base)) })
    expect(audit(file, '--expected-head', head).report?.ok).toBe(true)
  })

  it('prints a table when not asked for JSON, and no progress bar when piped', () => {
    const run = runBinary(['--store', `sqlite:${copy()}`, 'audit'])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(': clean')
    expect(run.stdout).toContain(head)
    expect(run.stderr).not.toContain('auditing [')
  })

  it('draws a progress bar on a terminal, up to every event', () => {
    const binary = resolve(
      dirname(fileURLToPath(import.meta.url)),
      '../../dist/bin/walletLedger.js',
    )
    const file = copy()
    const command = `'${process.execPath}' '${binary}' --store 'sqlite:${file}' audit`
    const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
      encoding: 'utf8',
      input: '',
      timeout: 60_000,
    })
    expect(run.status, run.stderr).toBe(0)
    const events = eventCount(base)
    expect(run.stdout).toContain('auditing [')
    expect(run.stdout).toContain(`${events}/${events} events`)
    expect(run.stdout).toContain(': clean')
  })

  it('finds a changed byte in a stored event and names its stream and revision', () => {
    const file = copy()
    const target = rowAt(file, 20)
    const changed = target.data.replace(/[0-9]/, (digit) => String((Number(digit) + 1) % 10))
    expect(changed).not.toBe(target.data)
    tamper(file, (db) => db.prepare('UPDATE events SET data = ? WHERE position = 20').run(changed))
    const { status, report } = audit(file)
    expect(status).toBe(1)
    const found = report?.violations.find((v) => v.code === 'event_hash_mismatch')
    expect(found).toMatchObject({ stream: target.stream, revision: String(target.revision) })
  })

  it('finds a row deleted in the middle', () => {
    const file = copy()
    const target = rowAt(file, 30)
    tamper(file, (db) => db.prepare('DELETE FROM events WHERE position = 30').run())
    const { status, report } = audit(file)
    expect(status).toBe(1)
    expect(report?.violations.length).toBeGreaterThan(0)
    expect(report?.violations.map((v) => v.stream)).toContain(target.stream)
  })

  it('finds the last row deleted (a commit of several events breaks its own chain)', () => {
    const file = copy()
    const last = rowAt(file, eventCount(file) - 1)
    tamper(file, (db) =>
      db.prepare('DELETE FROM events WHERE position = ?').run(eventCount(base) - 1),
    )
    const { status, report } = audit(file, '--expected-head', head)
    expect(status).toBe(1)
    expect(report?.violations.map((v) => v.code)).toContain('commit_chain_broken')
    // The commit is named by its first event; the leg the deleted event posted is named too.
    const account = last.stream.replace(/^account-/, '')
    expect(report?.violations.some((v) => v.message.includes(account))).toBe(true)
  })

  it('finds the whole last commit deleted against the kept head, and by the projection tables', () => {
    const file = copy()
    tamper(file, (db) =>
      db
        .prepare(
          'DELETE FROM events WHERE commit_hash = ' +
            '(SELECT commit_hash FROM events ORDER BY position DESC LIMIT 1)',
        )
        .run(),
    )
    expect(eventCount(file)).toBeLessThan(eventCount(base))
    // Without a kept head the log alone is a clean prefix; the projection tables, folded before the
    // cut, still witness it (their checkpoint lies beyond the log's end).
    const unkept = audit(file)
    expect(unkept.status).toBe(1)
    expect(unkept.report?.violations.map((v) => v.code)).toEqual(['projection_mismatch'])
    expect(unkept.report?.violations[0]?.message).toContain("beyond the log's end")
    const { status, report } = audit(file, '--expected-head', head)
    expect(status).toBe(1)
    expect(report?.violations.map((v) => v.code)).toContain('expected_head_missing')
  })

  it('finds two rows swapped', () => {
    const file = copy()
    const [first, second] = [rowAt(file, 40), rowAt(file, 41)]
    tamper(file, (db) => {
      db.prepare('UPDATE events SET position = 1000000 WHERE position = 40').run()
      db.prepare('UPDATE events SET position = 40 WHERE position = 41').run()
      db.prepare('UPDATE events SET position = 41 WHERE position = 1000000').run()
    })
    const { status, report } = audit(file)
    expect(status).toBe(1)
    const streams = report?.violations.map((v) => v.stream) ?? []
    expect(streams.some((stream) => stream === first.stream || stream === second.stream)).toBe(true)
  })

  it('exits 2 with a sentence when the file is missing, and 2 for a file that is no store', () => {
    const missing = runBinary(['--store', `sqlite:${join(folder.path, 'nope.db')}`, 'audit'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('the file does not exist')
    expect(missing.stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses a file written by a newer version of the store, saying so', () => {
    const file = copy()
    tamper(file, (db) => db.prepare('UPDATE schema_version SET version = 99').run())
    const run = runBinary(['--store', `sqlite:${file}`, 'audit'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/newer/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
