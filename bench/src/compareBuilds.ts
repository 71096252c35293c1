// Compares the engine of two or more built checkouts in one process: each gets its own ledger on
// its own in-memory store with the same accounts, then chunks of the same P2P transfers alternate
// between them (the order reversed every round), each chunk timed in process CPU. On a shared
// machine the load changes from minute to minute; chunks run back to back see the same load, so
// the median of the per-round ratios is steadier than separate runs (an A/A pair of identical
// builds differs by up to about 3%).
//
//   node dist/compareBuilds.js /tmp/before /work/main [--accounts 3000] [--transfers 20000]
//     [--chunk 500] [--seed 42]
//
// A checkout is the repository's root after `pnpm build` (it needs packages/core/dist and
// bench/dist). The first one is the reference of the ratios.
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type * as Core from '@wallet-ledger/core'
import type * as Workload from './workload.js'

// ---------------------------------------------------------------- types

type Build = {
  readonly root: string
  readonly ledger: Core.Ledger
  readonly workload: typeof Workload
  readonly transfers: Iterator<Workload.Transfer>
  /** CPU microseconds per transfer, one entry per chunk. */
  readonly cpu: number[]
  completed: number
  sent: number
}

// ---------------------------------------------------------------- operations

const CLOCK_START_MS = Date.parse('2026-01-05T00:00:00.000Z')
const FUNDING_AMOUNT = '1000000.00'

const load = async (root: string, accounts: number, transfers: number, seed: number) => {
  const importFrom = (path: string): Promise<unknown> =>
    import(pathToFileURL(join(root, path)).href)
  const core = (await importFrom('packages/core/dist/index.js')) as typeof Core
  const workload = (await importFrom('bench/dist/workload.js')) as typeof Workload
  let nowMs = CLOCK_START_MS
  const clock = () => new Date((nowMs += 1))
  const ledger = await core.createLedger({ store: core.createMemoryEventStore({ clock }), clock })
  for (let index = 0; index < accounts; index += 1) {
    const accountId = workload.benchAccountId(index)
    await ledger.openAccount({ accountId, kind: 'user' })
    const key = `compare-funding-${index}`
    const source = { type: 'bank_transfer' as const, reference: key }
    await ledger.deposit({
      accountId,
      asset: 'USD',
      amount: FUNDING_AMOUNT,
      source,
      idempotencyKey: key,
    })
  }
  const build: Build = {
    root,
    ledger,
    workload,
    transfers: workload.transfersOf({ accounts, transfers, seed }),
    cpu: [],
    completed: 0,
    sent: 0,
  }
  return build
}

const sendChunk = async (build: Build, size: number): Promise<void> => {
  const started = process.cpuUsage()
  let sent = 0
  for (; sent < size; sent += 1) {
    const next = build.transfers.next()
    if (next.done === true) break
    const { payer, payee, amountMinor } = next.value
    const paid = await build.ledger.pay({
      channel: 'p2p',
      payer: build.workload.benchAccountId(payer),
      payee: build.workload.benchAccountId(payee),
      asset: 'USD',
      amount: build.workload.formatBenchAmount(amountMinor),
      idempotencyKey: `compare-${build.sent + sent}`,
    })
    if (paid._tag === 'Right' && paid.right.status === 'completed') build.completed += 1
  }
  build.sent += sent
  const used = process.cpuUsage(started)
  if (sent > 0) build.cpu.push((used.user + used.system) / sent)
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    options: {
      accounts: { type: 'string', default: '3000' },
      transfers: { type: 'string', default: '20000' },
      chunk: { type: 'string', default: '500' },
      seed: { type: 'string', default: '42' },
    },
    allowPositionals: true,
    strict: true,
  })
  const [accounts, transfers, chunk, seed] = [
    values.accounts,
    values.transfers,
    values.chunk,
    values.seed,
  ].map(Number) as [number, number, number, number]
  if (positionals.length < 2) {
    console.error('usage: node dist/compareBuilds.js <checkout> <checkout> [...] [--accounts N]')
    return 2
  }
  const builds: Build[] = []
  for (const root of positionals) builds.push(await load(resolve(root), accounts, transfers, seed))
  for (let round = 0; round * chunk < transfers; round += 1) {
    const order = round % 2 === 0 ? builds : [...builds].reverse()
    for (const build of order) await sendChunk(build, chunk)
  }
  // The first fifth of the chunks warms the JIT up and is left out.
  const skip = Math.floor((builds[0]?.cpu.length ?? 0) / 5)
  const [reference] = builds
  for (const build of builds) {
    const cpu = build.cpu.slice(skip)
    const ratios = cpu.map((value, index) => value / (reference?.cpu[skip + index] ?? value))
    console.log(
      `${build.root}: median CPU ${median(cpu).toFixed(1)} µs per transfer,` +
        ` median paired ratio to the first ${median(ratios).toFixed(3)},` +
        ` ${build.completed} of ${transfers} completed`,
    )
  }
  return builds.every((build) => build.completed === transfers) ? 0 : 1
}

process.exitCode = await main()
