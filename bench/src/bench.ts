// `pnpm bench` and `pnpm bench:smoke`: runs the registered scenarios in order, prints one table
// and writes bench/results/latest.json. Each row's ratio is to a baseline measured in the same run.
//
//   node bench/dist/bench.js                  full sizes (minutes; never in CI)
//   node bench/dist/bench.js --smoke          tiny sizes (CI)
//   node bench/dist/bench.js --scale 0.1      full sizes times 0.1 (a moderate run)
//   node bench/dist/bench.js --only p2p-memory,hot-payee --no-peers --out /tmp/run.json
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeMachine } from './harness/machine.js'
import { ensurePeers, loadPeer } from './harness/peers.js'
import type { PeerFolder } from './harness/peers.js'
import { formatTable, withRatios, writeReport } from './harness/report.js'
import type { Row, Scenario, ScenarioContext, Skip } from './harness/scenario.js'
import { sizesOf } from './harness/scenario.js'
import { SCENARIOS } from './registry.js'

// ---------------------------------------------------------------- options

const DEFAULT_OUT = resolve(import.meta.dirname, '..', 'results', 'latest.json')
const USAGE = `usage: node bench/dist/bench.js [--smoke] [--scale X] [--only a,b] [--seed N] [--no-peers] [--out FILE]
  --smoke      tiny sizes, scenarios marked for smoke only (what CI runs)
  --scale X    full sizes times X, 0 < X <= 1 (default 1)
  --only a,b   only these scenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}
  --seed N     the workloads' seed (default 42)
  --no-peers   do not install the peers (castore, Emmett) into bench/peers* (their rows are skipped)
  --out FILE   where the JSON goes (default bench/results/latest.json)
  --replay-events N  events auditor-replay writes and replays (default 1,000,000; smoke 300)
  --replay-file FILE auditor-replay keeps its SQLite file there, or replays it as is if it exists`

type Options = {
  readonly isSmoke: boolean
  readonly scale: number
  readonly scenarios: readonly Scenario[]
  readonly seed: number
  readonly isPeersWanted: boolean
  readonly out: string
  readonly replayEvents: number | undefined
  readonly replayFile: string | undefined
}

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const readOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      scale: { type: 'string', default: '1' },
      only: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'no-peers': { type: 'boolean', default: false },
      out: { type: 'string', default: DEFAULT_OUT },
      'replay-events': { type: 'string' },
      'replay-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const scale = Number(values.scale)
  if (!(scale > 0 && scale <= 1)) fail(`--scale: expected 0 < X <= 1, got "${values.scale}"`)
  if (!/^\d{1,9}$/.test(values.seed)) fail(`--seed: expected a whole number, got "${values.seed}"`)
  const replayEvents = values['replay-events']
  if (replayEvents !== undefined && !/^[1-9]\d{0,8}$/.test(replayEvents))
    fail(`--replay-events: expected a whole number from 1, got "${replayEvents}"`)
  const names = values.only?.split(',').map((name) => name.trim())
  const unknown = names?.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name))
  if (unknown !== undefined && unknown.length > 0) fail(`--only: no scenario ${unknown.join(', ')}`)
  const scenarios = SCENARIOS.filter(
    (scenario) =>
      (names === undefined || names.includes(scenario.name)) &&
      (!values.smoke || scenario.isInSmoke),
  )
  return {
    isSmoke: values.smoke,
    scale,
    scenarios,
    seed: Number(values.seed),
    isPeersWanted: !values['no-peers'],
    out: resolve(values.out),
    replayEvents: replayEvents === undefined ? undefined : Number(replayEvents),
    replayFile: values['replay-file'] === undefined ? undefined : resolve(values['replay-file']),
  }
}

// ---------------------------------------------------------------- main

const log = (line: string): void => {
  console.error(`bench: ${line}`)
}

/** Installs each peer folder once, on first use; answers whether its packages are there. */
const peerInstaller = (isWanted: boolean): ((folder: PeerFolder) => boolean) => {
  const known = new Map<PeerFolder, boolean>()
  return (folder) => {
    const isKnown = known.get(folder)
    if (isKnown !== undefined) return isKnown
    const missing = isWanted ? ensurePeers(folder, log) : 'not installed: --no-peers'
    if (missing !== undefined)
      log(`WARNING: bench/${folder} unavailable, its rows are skipped: ${missing}`)
    known.set(folder, missing === undefined)
    return missing === undefined
  }
}

const main = async (): Promise<void> => {
  const options = readOptions()
  const machine = describeMachine()
  const date = new Date().toISOString()
  const peers = peerInstaller(options.isPeersWanted)
  const root = mkdtempSync(join(tmpdir(), 'wallet-ledger-bench-'))
  const rows: Row[] = []
  const skipped: Skip[] = []
  try {
    for (const scenario of options.scenarios) {
      log(`${scenario.name}: ${scenario.title}`)
      let folders = 0
      const context: ScenarioContext = {
        seed: options.seed,
        tempDir: () => mkdtempSync(join(root, `${scenario.name}-${(folders += 1)}-`)),
        log: (line) => log(`${scenario.name}: ${line}`),
        skip: (system, reason) => {
          log(`WARNING: ${scenario.name}/${system} skipped: ${reason}`)
          skipped.push({ scenario: scenario.name, system, reason })
        },
        peer: (name, folder = 'peers') =>
          peers(folder) ? loadPeer(name, folder) : Promise.resolve(undefined),
        postgresUrl: process.env['WALLET_LEDGER_POSTGRES_URL'],
        ...(options.replayEvents === undefined ? {} : { replayEvents: options.replayEvents }),
        ...(options.replayFile === undefined ? {} : { replayFile: options.replayFile }),
      }
      const started = performance.now()
      const answered = await scenario.run(sizesOf(options.isSmoke, options.scale), context)
      log(`${scenario.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      rows.push(...answered.map((row) => ({ scenario: scenario.name, ...row })))
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
  const report = {
    machine,
    date,
    command: ['bench', ...process.argv.slice(2)].join(' '),
    rows: withRatios(rows),
    skipped,
  }
  console.log(formatTable(report.rows, skipped))
  writeReport(options.out, report)
  log(`wrote ${options.out}`)
}

await main()
