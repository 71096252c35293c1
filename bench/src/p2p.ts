// The `bench` command: runs the P2P benchmark and its baselines in one process and prints the
// engine's rate as a share of the raw store's, the figure that travels between machines.
//
//   node bench/dist/p2p.js                      10,000 accounts, 100,000 transfers
//   node bench/dist/p2p.js --smoke              50 accounts, 200 transfers (seconds)
//   node bench/dist/p2p.js --accounts 1000 --transfers 5000 --seed 7 --json
import { arch, platform } from 'node:os'
import { parseArgs } from 'node:util'
import { createRawStoreReplay, firstCommitFrom, measureSha256, measureUuidV7 } from './baseline.js'
import type { BaselineResult } from './baseline.js'
import { runP2pBenchmark } from './p2pBenchmark.js'
import type { P2pResult } from './p2pBenchmark.js'
import { formatBenchAmount } from './workload.js'
import type { WorkloadOptions } from './workload.js'

// ---------------------------------------------------------------- options

const FULL = { accounts: 10_000, transfers: 100_000 }
const SMOKE = { accounts: 50, transfers: 200 }
const SEED_DEFAULT = 42
const USAGE = `usage: node dist/p2p.js [--smoke] [--accounts N] [--transfers N] [--seed N] [--json] [--engine-only]
  --smoke        ${SMOKE.accounts} accounts, ${SMOKE.transfers} transfers (default ${FULL.accounts}, ${FULL.transfers})
  --accounts N   accounts opened and funded before the transfers (at least 2)
  --transfers N  P2P transfers sent one after the other
  --seed N       seed of the workload's generator (default ${SEED_DEFAULT})
  --json         print one JSON object instead of the table
  --engine-only  skip the baselines (to profile the engine alone); prints no ratio`

/** Reads the command line; exits with the usage on a bad flag. */
const readOptions = (): WorkloadOptions & { json: boolean; isEngineOnly: boolean } => {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      accounts: { type: 'string' },
      transfers: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      'engine-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const sizes = values.smoke ? SMOKE : FULL
  return {
    accounts: count('accounts', values.accounts, sizes.accounts, 2),
    transfers: count('transfers', values.transfers, sizes.transfers, 1),
    seed: count('seed', values.seed, SEED_DEFAULT, 0),
    json: values.json,
    isEngineOnly: values['engine-only'],
  }
}

const count = (name: string, text: string | undefined, fallback: number, min: number): number => {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    console.error(`--${name}: expected a whole number of at least ${min}, got "${text}"\n${USAGE}`)
    process.exit(2)
  }
  return value
}

// ---------------------------------------------------------------- report

/** The engine's figures without its store and close function. */
type EngineFigures = Omit<P2pResult, 'store' | 'close'>

/** The baselines of a run (absent with --engine-only). */
type Baselines = {
  readonly rawStore: BaselineResult
  readonly sha256: BaselineResult
  readonly uuidV7: BaselineResult
}

type Report = { readonly engine: EngineFigures; readonly baselines?: Baselines }

const rate = (value: number): string => Math.round(value).toLocaleString('en-US')
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const share = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(1)}%`
const microseconds = (ms: number, operations: number): string =>
  `${((ms * 1000) / operations).toFixed(1)} µs`

const baselineLines = (engine: EngineFigures, { rawStore, sha256, uuidV7 }: Baselines) => [
  `baseline  raw store commits     ${rate(rawStore.perSecond)} commits/s` +
    ` (the same ${rawStore.operations} commits replayed, interleaved;` +
    ` CPU ${microseconds(rawStore.cpuMs ?? 0, rawStore.operations)} per commit)`,
  `baseline  sha-256 of 3 events   ${rate(sha256.perSecond)} /s`,
  `baseline  3 x uuid v7           ${rate(uuidV7.perSecond)} /s`,
  `engine transfers/s = ${share(engine.transfersPerSecond, rawStore.perSecond)} of raw store commits/s` +
    ` (by CPU time: ${share((rawStore.cpuMs ?? 0) / rawStore.operations, engine.transferCpuMs / engine.transfers)})`,
]

const printTable = ({ engine, baselines }: Report): void => {
  const lines = [
    `P2P benchmark: ${engine.accounts} accounts, ${engine.transfers} transfers, seed ${engine.seed}` +
      ` (node ${process.version}, ${platform()} ${arch()})`,
    `setup     open + deposit        ${engine.accounts} accounts in ${seconds(engine.setupMs)}`,
    `engine    pay (p2p)             ${rate(engine.transfersPerSecond)} transfers/s` +
      ` (${engine.transfers} in ${seconds(engine.transferMs)},` +
      ` ${engine.eventsPerTransfer.toFixed(2)} events each;` +
      ` CPU ${microseconds(engine.transferCpuMs, engine.transfers)} per transfer)`,
    ...(baselines === undefined ? [] : baselineLines(engine, baselines)),
    `checks    ${engine.completed} completed, refused ${JSON.stringify(engine.refused)};` +
      ` balances sum ${formatBenchAmount(engine.balancesMinor)}` +
      ` = deposited ${formatBenchAmount(engine.depositedMinor)}, held ${formatBenchAmount(engine.heldMinor)}`,
  ]
  console.log(lines.join('\n'))
}

const printJson = ({ engine, baselines }: Report): void => {
  const { transferFromPosition: _from, ...figures } = engine
  const plain = {
    ...figures,
    depositedMinor: engine.depositedMinor.toString(),
    balancesMinor: engine.balancesMinor.toString(),
    heldMinor: engine.heldMinor.toString(),
  }
  const ratio =
    baselines === undefined ? undefined : engine.transfersPerSecond / baselines.rawStore.perSecond
  const cpuRatio =
    baselines?.rawStore.cpuMs === undefined
      ? undefined
      : baselines.rawStore.cpuMs /
        baselines.rawStore.operations /
        (engine.transferCpuMs / engine.transfers)
  console.log(JSON.stringify({ engine: plain, ...baselines, ratio, cpuRatio }, null, 2))
}

// ---------------------------------------------------------------- main

/** Runs the engine with the raw-store replay interleaved, chunk by chunk, off the engine's clock. */
const runWithBaselines = async (options: WorkloadOptions): Promise<Report> => {
  const raw = createRawStoreReplay()
  const { store, close, ...engine } = await runP2pBenchmark(options, {
    afterSetup: raw.catchUp,
    afterChunk: raw.replay,
  })
  const rawStore = await raw.result(store)
  const sample = await firstCommitFrom(store, engine.transferFromPosition)
  await Promise.all([raw.close(), close()])
  const sha256 = measureSha256(sample, options.transfers)
  const uuidV7 = measureUuidV7(options.transfers)
  return { engine, baselines: { rawStore, sha256, uuidV7 } }
}

/** Runs the engine alone (for profiling: no baseline work in the profile). */
const runEngineOnly = async (options: WorkloadOptions): Promise<Report> => {
  const { store: _store, close, ...engine } = await runP2pBenchmark(options)
  await close()
  return { engine }
}

const main = async (): Promise<number> => {
  const options = readOptions()
  const report = options.isEngineOnly
    ? await runEngineOnly(options)
    : await runWithBaselines(options)
  if (options.json) printJson(report)
  else printTable(report)
  const { engine } = report
  const isSound =
    engine.completed === options.transfers &&
    engine.balancesMinor === engine.depositedMinor &&
    engine.heldMinor === 0n
  if (!isSound) console.error('the run did not check out: see the checks line')
  return isSound ? 0 : 1
}

process.exitCode = await main()
