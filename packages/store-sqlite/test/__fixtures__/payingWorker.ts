// One worker process of the multi-process test: opens a ledger on the shared SQLite file and pays
// generated P2P amounts between the shared accounts, a few in flight at once, then prints what it
// saw as one JSON line. Run by sqliteMultiProcess.int.spec.ts through registerTs.mjs.
import { createLedger } from '@wallet-ledger/core'

const [path, workerText, paymentsText, accountsText] = process.argv.slice(2)
const worker = Number(workerText)
const payments = Number(paymentsText)
const accounts = (accountsText ?? '').split(',')
const IN_FLIGHT = 4

// A small seeded generator: each worker draws its own reproducible sequence.
let seed = 0x9e3779b9 ^ worker
const nextInt = (bound: number): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
  return seed % bound
}

const ledger = await createLedger({ store: `sqlite:${path}` })
const codes: Record<string, number> = {}
const pay = async (index: number): Promise<void> => {
  const payer = accounts[nextInt(accounts.length)] ?? ''
  const others = accounts.filter((account) => account !== payer)
  const payee = others[nextInt(others.length)] ?? ''
  const cents = 1 + nextInt(4_000)
  const result = await ledger.pay({
    channel: 'p2p',
    payer,
    payee,
    asset: 'USD',
    amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    idempotencyKey: `worker-${worker}-pay-${index}`,
  })
  const code = result._tag === 'Right' ? 'ok' : result.left.code
  codes[code] = (codes[code] ?? 0) + 1
}
for (let start = 0; start < payments; start += IN_FLIGHT) {
  const batch = Array.from({ length: Math.min(IN_FLIGHT, payments - start) }, (_, n) => start + n)
  await Promise.all(batch.map((index) => pay(index)))
}
await ledger.close()
process.stdout.write(`${JSON.stringify({ worker, codes })}\n`)
