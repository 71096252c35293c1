// The frame every scenario runs in: a fresh in-memory ledger whose clock starts at a fixed instant
// and moves only when the scenario moves it, so two runs print the same lines. A scenario says
// what happens; the frame collects what it said, the final balances and the audit into a report.
import { createLedger } from '@wallet-ledger/core'
import type { AuditViolation, Balance, Ledger, LedgerOptions } from '@wallet-ledger/core'
import { balanceLines, balancesOf } from './balances.js'
import { orThrow } from '@wallet-ledger/core'

// ---------------------------------------------------------------- types

/** The ledger a scenario drives, its clock, and where it tells its story. */
export type Stage = {
  readonly ledger: Ledger
  /** Records one line of the scenario's story. */
  readonly say: (line: string) => void
  /** Moves the clock forward by `ms` (never back). */
  readonly advance: (ms: number) => void
  /** Moves the clock forward to `instant` (an ISO string; never back). */
  readonly moveTo: (instant: string) => void
  /** The clock's current instant. */
  readonly now: () => Date
}

/** One seed scenario: a title, a fixed start, the accounts it reports, and the story itself. */
export type Scenario = {
  readonly title: string
  /** The clock's first instant (ISO-8601). */
  readonly start: string
  /** The accounts whose final balances the report lists, in this order. */
  readonly accounts: readonly string[]
  /** Ledger options besides the store and the clock (time zone, holidays, assets). */
  readonly options?: Omit<LedgerOptions, 'store' | 'clock'>
  readonly play: (stage: Stage) => Promise<void>
}

/** The audit's answer without its head hash, which depends on random event ids. */
export type AuditSummary = {
  readonly ok: boolean
  readonly eventsChecked: number
  readonly streams: number
  readonly violations: readonly AuditViolation[]
}

/**
 * What a scenario printed and where it left the money, JSON-safe. `balances` maps each reported
 * account to its balances per asset as `ledger.balances` answers them; an account the ledger
 * cannot read is listed with no assets (and a line saying why).
 */
export type ScenarioReport = {
  readonly title: string
  readonly lines: readonly string[]
  readonly balances: Readonly<Record<string, Readonly<Record<string, Balance>>>>
  readonly audit: AuditSummary
}

/** A finished scenario: its report and the ledger it ran on, still open for more queries. */
export type PlayedScenario = { readonly report: ScenarioReport; readonly ledger: Ledger }

// ---------------------------------------------------------------- constants

export const MINUTE_MS = 60 * 1000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

// ---------------------------------------------------------------- operations

/**
 * Plays a scenario on a fresh in-memory ledger and reports it: the story's lines, then the final
 * balances of its accounts and the audit (both also printed as lines). The ledger is left open so
 * a caller can query it further (the demo prints a statement from it).
 */
export const playScenario = async (scenario: Scenario): Promise<PlayedScenario> => {
  let nowMs = Date.parse(scenario.start)
  if (Number.isNaN(nowMs)) throw new Error(`${scenario.title}: bad start "${scenario.start}"`)
  const moveTo = (ms: number): void => {
    if (ms < nowMs) throw new Error(`${scenario.title}: the clock only moves forward`)
    nowMs = ms
  }
  const clock = (): Date => new Date(nowMs)
  const ledger = await createLedger({ ...scenario.options, clock })
  const lines: string[] = []
  const say = (line: string): void => {
    lines.push(line)
  }
  await scenario.play({
    ledger,
    say,
    advance: (ms) => moveTo(nowMs + ms),
    moveTo: (instant) => moveTo(Date.parse(instant)),
    now: clock,
  })
  const balances = await balancesOf(ledger, scenario.accounts)
  lines.push('final balances:', ...balanceLines(balances))
  const audit = summaryOf(orThrow(await ledger.audit()))
  lines.push(auditLine(audit))
  return { report: { title: scenario.title, lines, balances: balances.read, audit }, ledger }
}

/** Plays a scenario and closes its ledger: the report only. */
export const runScenario = async (scenario: Scenario): Promise<ScenarioReport> => {
  const { report, ledger } = await playScenario(scenario)
  await ledger.close()
  return report
}

/** One line saying whether the audit passed, and what it found when it did not. */
export const auditLine = (audit: AuditSummary): string => {
  const counts = `${audit.eventsChecked} events in ${audit.streams} streams`
  if (audit.ok) return `audit: ok (${counts}, no violations)`
  const found = audit.violations.map((v) => `${v.code} at ${v.stream}: ${v.message}`)
  return `audit: FAILED (${counts}): ${found.join('; ')}`
}

// ---------------------------------------------------------------- helpers

const summaryOf = (audit: AuditSummary & { head: string }): AuditSummary => ({
  ok: audit.ok,
  eventsChecked: audit.eventsChecked,
  streams: audit.streams,
  violations: audit.violations,
})
