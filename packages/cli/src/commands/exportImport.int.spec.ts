// Proves `wallet-ledger export` then `import` into a new SQLite file, and into a fresh PostgreSQL
// schema, gives the same events (same head hash), the same balances and a clean audit, and that a
// corrupted export (cut short, a line edited, lines reordered, a line repeated) is refused with
// its line number and creates nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBinary, temporaryFolder } from '../../test/__fixtures__/runBinary.js'
// The PostgreSQL store's test support (fresh schemas, dropped after use), reached by path.
import {
  POSTGRES_URL,
  describePostgres,
  dropSchema,
  freshSchema,
} from '../../../store-postgres/test/__fixtures__/postgresTestStore.js'

const folder = temporaryFolder()
const source = `sqlite:${join(folder.path, 'source.db')}`
const exported = join(folder.path, 'export.jsonl')
let head = ''
let lines: string[] = []
let cases = 0

beforeAll(() => {
  const demo = runBinary(['--store', source, 'demo'])
  expect(demo.status, demo.stderr).toBe(0)
  head = /head hash: ([0-9a-f]{64})/.exec(demo.stdout)?.[1] ?? ''
  const run = runBinary(['--store', source, 'export', '--out', exported])
  expect(run.status, run.stderr).toBe(0)
  lines = readFileSync(exported, 'utf8').split('\n').slice(0, -1)
}, 240_000)
afterAll(() => folder.remove())

/** Imports `text` as a file into a new store; answers the run and whether the store was made. */
const importText = (text: string) => {
  cases += 1
  const file = join(folder.path, `case-${cases}.jsonl`)
  const target = join(folder.path, `case-${cases}.db`)
  writeFileSync(file, text)
  const run = runBinary(['--store', `sqlite:${target}`, 'import', file])
  return { ...run, isCreated: existsSync(target), target }
}

describe('wallet-ledger export and import', () => {
  it('writes one event a line with its envelope and hashes, then a closing line', () => {
    const first = JSON.parse(lines[0]!) as Record<string, unknown>
    expect(first).toMatchObject({ position: '0', revision: '0', type: 'AccountOpened' })
    expect(first['hash']).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, events: `${lines.length - 1}`, head })
    const stdout = runBinary(['--store', source, 'export'])
    expect(stdout.stdout).toBe(readFileSync(exported, 'utf8'))
  })

  it('round-trips into a new file: same head, same balances, clean audit', () => {
    const run = importText(`${lines.join('\n')}\n`)
    expect(run.status, run.stderr).toBe(0)
    const target = `sqlite:${run.target}`
    const audit = runBinary(['--store', target, 'audit', '--json', '--expected-head', head])
    expect(audit.status).toBe(0)
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, head })
    for (const account of ['alice', 'erin', 'world:bank-inflow', 'system:fees']) {
      const before = runBinary(['--store', source, 'balances', account, '--json'])
      const after = runBinary(['--store', target, 'balances', account, '--json'])
      expect(after.status).toBe(0)
      expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout))
    }
  }, 120_000)

  describePostgres('into PostgreSQL', () => {
    const schema = freshSchema()
    afterAll(() => dropSchema(schema))

    it('round-trips into a fresh schema: same head, same balances, clean audit', () => {
      const url = new URL(POSTGRES_URL!)
      url.searchParams.set('schema', schema)
      const target = url.toString()
      const run = runBinary(['--store', target, 'import', exported])
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toContain(`head ${head}`)
      const audit = runBinary(['--store', target, 'audit', '--json', '--expected-head', head])
      expect(audit.status, audit.stderr).toBe(0)
      expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, head })
      for (const account of ['alice', 'system:fees']) {
        const before = runBinary(['--store', source, 'balances', account, '--json'])
        const after = runBinary(['--store', target, 'balances', account, '--json'])
        expect(after.status, after.stderr).toBe(0)
        expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout))
      }
      const again = runBinary(['--store', target, 'import', exported])
      expect(again.status).toBe(2)
      expect(again.stderr).toContain('import into an empty store')
    }, 120_000)
  })

  it('refuses an import into a store that already holds events', () => {
    const run = runBinary(['--store', source, 'import', exported])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('import into an empty store')
  })

  // Each case: the corrupted text and the (1-based) line the refusal must name.
  const refusals: [string, () => [string, number]][] = [
    ['cut short in a line', () => [lines.join('\n').slice(0, -40), lines.length]],
    ['cut short at a line end', () => [`${lines.slice(0, 30).join('\n')}\n`, 31]],
    ['a line edited', () => edited(12)],
    ['two lines reordered', () => [swapped(20), 21]],
    ['a line repeated', () => [repeated(40), 42]],
  ]
  for (const [name, corrupt] of refusals) {
    it(`refuses an export with ${name}, naming its line, and writes nothing`, () => {
      const [text, lineNumber] = corrupt()
      const run = importText(text)
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(`line ${lineNumber}:`)
      expect(run.stderr).toContain('nothing was imported')
      expect(run.isCreated).toBe(false)
    })
  }
})

const joined = (list: readonly string[]): string => `${list.join('\n')}\n`

/** The first line from `from` (0-based) with an amount, one digit changed: text and line number. */
const edited = (from: number): [string, number] => {
  const index = lines.findIndex((line, at) => at >= from && line.includes('"amount":"'))
  const copy = [...lines]
  copy[index] = copy[index]!.replace(
    /"amount":"(\d)/,
    (_, digit: string) => `"amount":"${(Number(digit) + 1) % 10}`,
  )
  expect(copy[index]).not.toBe(lines[index])
  return [joined(copy), index + 1]
}

const swapped = (index: number): string => {
  const copy = [...lines]
  ;[copy[index], copy[index + 1]] = [copy[index + 1]!, copy[index]!]
  return joined(copy)
}

const repeated = (index: number): string => {
  const copy = [...lines]
  copy.splice(index + 1, 0, copy[index]!)
  return joined(copy)
}
