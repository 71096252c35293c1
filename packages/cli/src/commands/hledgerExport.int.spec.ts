// Proves `wallet-ledger export --format hledger` books every journal entry so that hledger, a tool
// an auditor already trusts, finds the same balance for every account and asset as the ledger's
// balances(), on the demo's week (deposits, fees, promotions, trades, disputes, withdrawals).
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLedger } from '@wallet-ledger/core'
import { openEventStore } from '@wallet-ledger/store-sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { runBinary, temporaryFolder } from '../../test/__fixtures__/runBinary.js'

const hasHledger = spawnSync('hledger', ['--version']).status === 0
// CI installs hledger (.ci/run), so there a missing one is a failure, not a skip.
if (!hasHledger && process.env['CI'] === undefined) {
  console.warn('SKIPPED hledger export test: hledger is not installed (apt-get install hledger)')
}

/** A decimal string as an integer count of 10^-18 units, so "1.50" and "1.5" compare equal. */
const units = (text: string): bigint => {
  const match = /^(-?)(\d+)(?:\.(\d{0,18}))?$/.exec(text.trim())
  if (match === null) throw new Error(`not a decimal: ${text}`)
  const value = BigInt(match[2]!) * 10n ** 18n + BigInt((match[3] ?? '').padEnd(18, '0'))
  return match[1] === '-' ? -value : value
}

/** hledger's balance of every account as account -> asset -> units. */
const hledgerBalances = (journal: string): Map<string, Map<string, bigint>> => {
  const csv = execFileSync('hledger', ['-f', journal, 'balance', '--flat', '-O', 'csv'], {
    encoding: 'utf8',
  })
  const balances = new Map<string, Map<string, bigint>>()
  for (const line of csv.trim().split('\n').slice(1)) {
    const [account, amounts] = JSON.parse(`[${line}]`) as [string, string]
    if (account === 'total') continue
    const assets = new Map<string, bigint>()
    for (const amount of amounts.split(', ')) {
      const [number, asset] = amount.replace(/"/g, '').split(' ')
      if (asset !== undefined) assets.set(asset, units(number!))
    }
    balances.set(account, assets)
  }
  return balances
}

const folder = temporaryFolder()
afterAll(() => folder.remove())

describe.skipIf(!hasHledger && process.env['CI'] === undefined)('export --format hledger', () => {
  it('gives hledger the same balance of every account and asset as balances()', async () => {
    const file = join(folder.path, 'ledger.db')
    expect(runBinary(['--store', `sqlite:${file}`, 'demo']).status).toBe(0)
    const run = runBinary(['--store', `sqlite:${file}`, 'export', '--format', 'hledger'])
    expect(run.status, run.stderr).toBe(0)
    const journal = join(folder.path, 'ledger.journal')
    writeFileSync(journal, run.stdout)
    const fromHledger = hledgerBalances(journal)
    expect(fromHledger.size).toBeGreaterThan(20)

    const store = await openEventStore(`sqlite:${file}`, { clock: () => new Date() })
    const ledger = await createLedger({ store })
    try {
      for (const [account, assets] of fromHledger) {
        const answer = await ledger.balances(account)
        if (answer._tag === 'Left') throw new Error(`${account}: ${answer.left.code}`)
        const fromLedger = new Map(
          Object.entries(answer.right)
            .map(([asset, balance]) => [asset, units(balance.total)] as const)
            .filter(([, total]) => total !== 0n),
        )
        expect(assets, account).toEqual(fromLedger)
      }
    } finally {
      await ledger.close()
    }
  })
})
