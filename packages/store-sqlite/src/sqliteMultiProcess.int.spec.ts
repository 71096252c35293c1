// Proves several processes can share one SQLite file: 4 worker processes, each with its own ledger
// on the file, pay generated P2P amounts between the same accounts at once; afterwards nobody is
// overdrawn, the money is all still there, every worker saw only successes and honest refusals
// (no store failure leaked), and the audit of the file is clean.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createLedger } from '@wallet-ledger/core'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { orThrow } from '@wallet-ledger/core'

const nextPath = tempDatabases('sqlite-processes')
const WORKERS = 4
const PAYMENTS_PER_WORKER = 40
const ACCOUNTS = ['ana', 'ben', 'cai', 'dee', 'eve']
const OPENING = '100.00'
const fixture = (name: string) =>
  fileURLToPath(new URL(`../test/__fixtures__/${name}`, import.meta.url))

type WorkerReport = { readonly worker: number; readonly codes: Record<string, number> }

const runWorker = (
  path: string,
  worker: number,
  payments: number,
  cacheDirectory: string,
): Promise<WorkerReport> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@wallet-ledger/source',
        '--import',
        fixture('registerTs.mjs'),
        fixture('payingWorker.ts'),
        path,
        String(worker),
        String(payments),
        ACCOUNTS.join(','),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, WALLET_LEDGER_TS_CACHE: cacheDirectory },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`worker ${worker} exited ${code}: ${stderr}`))
      resolve(JSON.parse(stdout.trim()) as WorkerReport)
    })
  })

describe('several processes on one SQLite file', () => {
  it(
    'pay from shared accounts without overdraft, conserving money, with a clean audit',
    { timeout: 180_000 },
    async () => {
      const path = nextPath()
      const setup = await createLedger({ store: `sqlite:${path}` })
      for (const accountId of ACCOUNTS) {
        expect((await setup.openAccount({ accountId, kind: 'user' }))._tag).toBe('Right')
        const deposit = await setup.deposit({
          accountId,
          asset: 'USD',
          amount: OPENING,
          source: { type: 'bank_transfer', reference: 'seed' },
          idempotencyKey: `seed-${accountId}`,
        })
        expect(deposit._tag).toBe('Right')
      }
      await setup.close()

      // A first worker that pays nothing fills the transpile cache, so the four start quickly.
      const cacheDirectory = `${path}.ts-cache`
      expect(await runWorker(path, WORKERS, 0, cacheDirectory)).toEqual({
        worker: WORKERS,
        codes: {},
      })
      const reports = await Promise.all(
        Array.from({ length: WORKERS }, (_, worker) =>
          runWorker(path, worker, PAYMENTS_PER_WORKER, cacheDirectory),
        ),
      )
      for (const report of reports) {
        expect(
          Object.keys(report.codes).filter(
            (code) => code !== 'ok' && code !== 'insufficient_balance',
          ),
        ).toEqual([])
        expect(report.codes['ok'] ?? 0, `worker ${report.worker} paid`).toBeGreaterThan(0)
      }

      const ledger = await createLedger({ store: `sqlite:${path}` })
      let totalMinor = 0n
      for (const accountId of ACCOUNTS) {
        const balances = await ledger.balances(accountId)
        if (balances._tag === 'Left') throw new Error(balances.left.message)
        const usd = balances.right['USD']
        expect(usd?.held).toBe('0.00')
        expect(usd?.available.startsWith('-'), `${accountId} overdrawn: ${usd?.available}`).toBe(
          false,
        )
        totalMinor += BigInt((usd?.total ?? '0.00').replace('.', ''))
      }
      expect(totalMinor).toBe(BigInt(ACCOUNTS.length) * 10_000n)
      const report = orThrow(await ledger.audit())
      expect(report.violations).toEqual([])
      expect(report.ok).toBe(true)
      await ledger.close()
    },
  )
})
