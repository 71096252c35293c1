// What a benchmark scenario is: a named module that runs a workload at the sizes it is given and
// answers rows of figures. The harness (bench.ts) runs the registered scenarios in order, fills in
// each row's ratio to its baseline row from the same run, prints one table and writes the JSON.

import type { PeerFolder } from './peers.js'

// ---------------------------------------------------------------- types

/** One measured figure. `system` names what was measured: wallet-ledger, a peer, or a ceiling. */
export type Row = {
  readonly scenario: string
  readonly system: string
  readonly figure: number
  /** What the figure counts: "transfers/s", "µs CPU/transfer", "ms p99" ... */
  readonly unit: string
  /**
   * The `system` of another row of the same scenario and unit, measured in the same run, that
   * this one is compared with; the harness sets `ratio = figure / that row's figure`.
   */
  readonly baseline?: string
  readonly ratio?: number
}

/** A row as a scenario answers it: the harness adds the scenario's name and the ratio. */
export type ScenarioRow = Omit<Row, 'scenario' | 'ratio'>

/** A system a scenario could not measure, and why (printed loudly and kept in the JSON). */
export type Skip = { readonly scenario: string; readonly system: string; readonly reason: string }

/**
 * The sizes of a run. `pick(full, smoke)` is the size a scenario should use for a quantity that is
 * `full` in a full run: `smoke` under `--smoke`, else `full` times `--scale` (at least `smoke`).
 */
export type Sizes = {
  readonly isSmoke: boolean
  readonly scale: number
  readonly pick: (full: number, smoke: number) => number
}

/** What the harness gives a scenario besides its sizes. */
export type ScenarioContext = {
  /** The workload generator's seed (`--seed`, default 42). */
  readonly seed: number
  /** A fresh temporary folder, removed when the run ends. */
  readonly tempDir: () => string
  /** A progress line on stderr (the table goes to stdout). */
  readonly log: (line: string) => void
  /** Records that `system` was not measured and why, and warns on stderr at once. */
  readonly skip: (system: string, reason: string) => void
  /**
   * A peer package from bench/<folder> (default `peers`), installed on demand the first time a
   * scenario asks for that folder; undefined when it cannot be installed or `--no-peers` was given.
   */
  readonly peer: (name: string, folder?: PeerFolder) => Promise<unknown>
  /** The PostgreSQL server to use (WALLET_LEDGER_POSTGRES_URL), if any. */
  readonly postgresUrl: string | undefined
  /** `--replay-events N`: the events the auditor-replay scenario writes and replays. */
  readonly replayEvents?: number
  /** `--replay-file FILE`: where auditor-replay keeps its file (replayed as is if it exists). */
  readonly replayFile?: string
}

/** A scenario module's export. */
export type Scenario = {
  /** Short kebab-case name, unique in the registry; `--only` selects by it. */
  readonly name: string
  /** One line: what is measured, against what. */
  readonly title: string
  /** Whether `pnpm bench:smoke` runs it (CI); heavy scenarios may opt out. */
  readonly isInSmoke: boolean
  readonly run: (sizes: Sizes, context: ScenarioContext) => Promise<readonly ScenarioRow[]>
}

// ---------------------------------------------------------------- constructors

/** Sizes for a run: smoke, or full sizes times `scale`. */
export const sizesOf = (isSmoke: boolean, scale: number): Sizes => ({
  isSmoke,
  scale,
  pick: (full, smoke) => (isSmoke ? smoke : Math.max(smoke, Math.round(full * scale))),
})
