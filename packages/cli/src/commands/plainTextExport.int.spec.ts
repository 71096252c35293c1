// Proves `wallet-ledger export --format hledger` and `--format beancount` book every journal entry
// so that tools an auditor already trusts (hledger; beancount's bean-check and bean-query) accept
// the books and find the same balance of every account and asset as the ledger's balances(), on
// generated workloads (several seeds, many accounts, every workflow kind), not a fixed story.
import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import fc from 'fast-check'
import { createLedger } from '@wallet-ledger/core'
import type { EventStore } from '@wallet-ledger/core'
import { openEventStore } from '@wallet-ledger/store-sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { beancountAccount } from '../output/plainTextJournal.js'
import { runBinary, temporaryFolder } from '../../test/__fixtures__/runBinary.js'
import { runWorkload, workloadClock } from '../../test/__fixtures__/generatedWorkload.js'
import { arbWorkload } from '../../test/__fixtures__/workloadOps.js'

const has = (tool: string): boolean => spawnSync(tool, ['--version']).status === 0
// CI installs both (.ci/run), so there a missing one is a failure, not a skip.
const inCi = process.env['CI'] !== undefined
const hasHledger = has('hledger') || inCi
const hasBeancount = has('bean-check') || inCi
if (!hasHledger)
  console.warn('SKIPPED the hledger check: hledger is not installed (apt-get install hledger)')
if (!hasBeancount)
  console.warn(
    'SKIPPED the beancount check: bean-check is not installed (apt-get install beancount)',
  )

const NUM_RUNS = 3
const SEED = 20261204
/** account -> asset -> an integer count of 10^-18 units. */
type Books = Map<string, Map<string, bigint>>

/** A decimal string as an integer count of 10^-18 units, so "1.50" and "1.5" compare equal. */
const units = (text: string): bigint => {
  const match = /^(-?)(\d+)(?:\.(\d{0,18}))?$/.exec(text.trim())
  if (match === null) throw new Error(`not a decimal: ${text}`)
  const value = BigInt(match[2]!) * 10n ** 18n + BigInt((match[3] ?? '').padEnd(18, '0'))
  return match[1] === '-' ? -value : value
}

/** Python's Decimal text ("-2E-8", "1.5E+3" or plain) as plain decimal text. */
const plainDecimal = (text: string): string => {
  const match = /^(-?)(\d+)(?:\.(\d*))?E([+-]?\d+)$/i.exec(text)
  if (match === null) return text
  const digits = `${match[2]}${match[3] ?? ''}`
  const shift = Number(match[4]) - (match[3] ?? '').length
  if (shift >= 0) return `${match[1]}${digits}${'0'.repeat(shift)}`
  const padded = digits.padStart(-shift + 1, '0')
  return `${match[1]}${padded.slice(0, shift)}.${padded.slice(shift)}`
}

const add = (books: Books, account: string, asset: string, amount: bigint): void => {
  if (amount === 0n) return
  const assets = books.get(account) ?? new Map<string, bigint>()
  assets.set(asset, (assets.get(asset) ?? 0n) + amount)
  books.set(account, assets)
}

/** hledger's balance of every account. */
const hledgerBooks = (journal: string): Books => {
  const csv = execFileSync('hledger', ['-f', journal, 'balance', '--flat', '-O', 'csv'], {
    encoding: 'utf8',
  })
  const books: Books = new Map()
  for (const line of csv.trim().split('\n').slice(1)) {
    const [account, amounts] = JSON.parse(`[${line}]`) as [string, string]
    if (account === 'total') continue
    for (const amount of amounts.split(', ')) {
      const [number, asset] = amount.replace(/"/g, '').split(' ')
      if (asset !== undefined) add(books, account, asset, units(number!))
    }
  }
  return books
}

/** bean-check's verdict, then bean-query's balance of every account (named back by `names`). */
const beancountBooks = (file: string, names: ReadonlyMap<string, string>): Books => {
  const check = spawnSync('bean-check', [file], { encoding: 'utf8' })
  expect(check.status, check.stderr + check.stdout).toBe(0)
  // str(): the exact Decimal, where a plain column is rounded to the file's usual precision.
  const query = 'SELECT account, currency, str(sum(number)) GROUP BY account, currency'
  const csv = execFileSync('bean-query', ['-f', 'csv', file, query], { encoding: 'utf8' })
  const books: Books = new Map()
  for (const line of csv.trim().split('\n').slice(1)) {
    const [account, asset, total] = line.split(',').map((field) => field.trim())
    const id = names.get(account!)
    if (id === undefined) throw new Error(`bean-query names an unknown account ${account}`)
    const exact = /^Decimal\('(-?[\d.]+(?:E[+-]?\d+)?)'\)$/.exec(total ?? '')?.[1]
    if (exact === undefined) throw new Error(`bean-query gave no exact total: ${line}`)
    add(books, id, asset!, units(plainDecimal(exact)))
  }
  return books
}

/**
 * The ledger's balances() (nonzero totals) of every account that has a stream or that `named`
 * names (a promotion's budget lives on the promotion's stream), and the event types seen.
 */
const ledgerBooks = async (
  file: string,
  named: Iterable<string>,
  types: Set<string>,
): Promise<{ readonly books: Books; readonly accounts: ReadonlySet<string> }> => {
  const store: EventStore = await openEventStore(`sqlite:${file}`, { clock: () => new Date() })
  const ledger = await createLedger({ store })
  const books: Books = new Map()
  const accounts = new Set<string>(named)
  try {
    for await (const event of store.readAll()) {
      types.add(event.type)
      if (event.stream.startsWith('account-')) accounts.add(event.stream.slice('account-'.length))
    }
    for (const account of accounts) {
      const answer = await ledger.balances(account)
      if (answer._tag === 'Left') throw new Error(`${account}: ${answer.left.code}`)
      for (const [asset, balance] of Object.entries(answer.right)) {
        add(books, account, asset, units(balance.total))
      }
    }
  } finally {
    await ledger.close()
  }
  return { books, accounts }
}

/** Books as sorted plain objects, so a difference reads as a short diff. */
const plain = (books: Books): Record<string, Record<string, string>> =>
  Object.fromEntries(
    [...books.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([account, assets]) => [
        account,
        Object.fromEntries(
          [...assets.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, `${v}`]),
        ),
      ]),
  )

const exportTo = (file: string, format: string, target: string): void => {
  const run = runBinary([
    '--store',
    `sqlite:${file}`,
    'export',
    '--format',
    format,
    '--out',
    target,
  ])
  expect(run.status, run.stderr).toBe(0)
}

const folder = temporaryFolder()
afterAll(() => folder.remove())

describe.skipIf(!hasHledger && !hasBeancount)('plain-text export of a generated workload', () => {
  it('gives hledger and beancount the balance of every account and asset balances() gives', async () => {
    let runs = 0
    const seen = { accounts: 0, assets: new Set<string>(), types: new Set<string>() }
    await fc.assert(
      fc.asyncProperty(arbWorkload(60, 120), async (ops) => {
        runs += 1
        const file = join(folder.path, `workload-${runs}.db`)
        const clock = workloadClock()
        const store = await openEventStore(`sqlite:${file}`, { clock: clock.now })
        const ledger = await createLedger({ store, clock: clock.now, timeZone: 'Asia/Shanghai' })
        await runWorkload(ledger, ops, clock.advance)
        await ledger.close()
        const journal = join(folder.path, `workload-${runs}.journal`)
        exportTo(file, 'hledger', journal)
        const fromHledger = hasHledger ? hledgerBooks(journal) : new Map()
        const { books: expected, accounts } = await ledgerBooks(
          file,
          fromHledger.keys(),
          seen.types,
        )
        seen.accounts = Math.max(seen.accounts, expected.size)
        for (const assets of expected.values()) for (const a of assets.keys()) seen.assets.add(a)
        if (hasHledger) expect(plain(fromHledger)).toEqual(plain(expected))
        if (hasBeancount) {
          const beancount = join(folder.path, `workload-${runs}.beancount`)
          exportTo(file, 'beancount', beancount)
          const names = new Map([...accounts].map((id) => [beancountAccount(id), id]))
          expect(names.size).toBe(accounts.size)
          expect(plain(beancountBooks(beancount, names))).toEqual(plain(expected))
        }
      }),
      { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
    )
    // The workloads were what this test claims: many accounts, every asset, every kind of step.
    expect(runs).toBe(NUM_RUNS)
    expect(seen.accounts).toBeGreaterThan(20)
    expect([...seen.assets].sort()).toEqual(['BTC', 'CNY', 'USD', 'USDT'])
    // Every workflow kind ran to its ends: fees, promotions, refunds, disputes, withdrawals, trades.
    for (const type of [
      'AdjustmentPosted',
      'ConversionExecuted',
      'DiscountApplied',
      'DisputeEscalated',
      'DisputeResolved',
      'FundsDeposited',
      'HoldCaptured',
      'HoldReleased',
      'PaymentRefunded',
      'WithdrawalCompleted',
      'WithdrawalFailed',
      'WithdrawalReturned',
    ]) {
      expect(seen.types, [...seen.types].sort().join(' ')).toContain(type)
    }
  }, 600_000)
})
