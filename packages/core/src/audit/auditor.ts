// The audit's state machine: every check of DESIGN.md section 7 fed one stored event at a time, in
// global order. It keeps per-stream, per-account and still-open state only (see `retained`), so
// auditStore can stream a store of any size through it page by page.
import { JournalEntry, promotionBudgetAccount } from '@wallet-ledger/domain'
import type { AccountEvent, AssetRegistry, PromotionEvent } from '@wallet-ledger/domain'
import type { Definitions } from '../engine/definitions.js'
import type { AuditReport } from '../ledger/types.js'
import type { StoredEvent } from '../ports/eventStore.js'
import { minorOf } from './amounts.js'
import { createBalanceCheck } from './balanceChecks.js'
import type { BalanceCheck } from './balanceChecks.js'
import { createJournalCheck } from './journalChecks.js'
import type { JournalCheck } from './journalChecks.js'
import { createLogCheck } from './logChecks.js'
import type { SnapshotCheck } from './snapshotChecks.js'
import { createQueryCheck } from './queryChecks.js'
import { createStreamCheck } from './streamChecks.js'
import { createWorkflowCheck } from './workflowChecks.js'
import type { WorkflowCheck } from './workflowChecks.js'
import type { DecodedEvent } from './streamChecks.js'
import type { ReadStream } from './streamTable.js'
import { createFindings } from './violations.js'
import type { Findings, Location } from './violations.js'

// ---------------------------------------------------------------- types

/** What the auditor needs besides the events: the ledger's aggregates and its assets. */
export type AuditorDeps = {
  readonly definitions: Definitions
  readonly registry: AssetRegistry
}

/**
 * `expectedHead`: see `AuditOptions`. `historyEventsMax`: events the history projection folds
 * before it stops (default `AUDIT_HISTORY_EVENTS_MAX`). `statesKeptMax`: workflow streams whose
 * state is held (default `STREAM_STATES_KEPT_MAX`). Tests lower both.
 */
export type AuditorOptions = {
  readonly expectedHead?: string
  readonly historyEventsMax?: number
  readonly statesKeptMax?: number
}

/** Entries the auditor holds, by kind: what the memory of an audit grows with. */
export type RetainedEntries = {
  /** One record per stream seen (its next revision at least). */
  readonly streams: number
  /** Replayed states held: every account's, and the most recently used workflows'. */
  readonly streamStates: number
  /** Balances per account or budget and asset, and each account's flagged conditions. */
  readonly balances: number
  /** Open holds, entries with a leg not yet cited, citations waiting for their entry, claims. */
  readonly open: number
  /** Settled journal entries (their leg count) and settled holds, for the twice-checks. */
  readonly settled: number
  /** Stored snapshots not yet reached by the replay. */
  readonly snapshots: number
  /** Events the history projection holds (it stops at its cap). */
  readonly history: number
}

/** Feeds events in global order, then `end` gives the report. */
export type Auditor = {
  /** Must run (and settle) before `push(stored)`: replays a parked stream from the store. */
  readonly prepare: (stored: StoredEvent, read: ReadStream) => Promise<void> | undefined
  readonly push: (stored: StoredEvent) => void
  readonly end: () => AuditReport
  /** Entries held right now, for tests of the memory bound (counting walks every book). */
  readonly retained: () => RetainedEntries
}

type Checks = {
  readonly journal: JournalCheck
  readonly balances: BalanceCheck
  readonly workflows: WorkflowCheck
}

// ---------------------------------------------------------------- constructors

/** A fresh auditor; `snapshots` is the check of the stored snapshots, read before any event. */
export const createAuditor = (
  deps: AuditorDeps,
  snapshots: SnapshotCheck,
  options: AuditorOptions = {},
): Auditor => {
  const findings = createFindings()
  const log = createLogCheck(options.expectedHead)
  const streams = createStreamCheck(deps.definitions, options.statesKeptMax)
  const queries = createQueryCheck(options.historyEventsMax)
  const checks: Checks = {
    journal: createJournalCheck(deps.registry),
    balances: createBalanceCheck(deps.registry),
    workflows: createWorkflowCheck(),
  }
  let eventsChecked = 0
  return {
    prepare: (stored, read) => streams.prepare(stored, read),
    push: (stored) => {
      eventsChecked += 1
      log.push(stored, findings)
      const before = findings.total()
      const decoded = streams.decode(stored, findings)
      if (decoded === undefined) return
      const at = { stream: stored.stream, revision: stored.revision }
      checkMoney(deps.registry, checks, decoded, at, findings)
      streams.evolve(stored, decoded, findings.total() > before, findings)
      queries.push(stored, decoded, findings.total() > before, findings)
      const replayed = streams.stateOf(stored.stream)
      if (replayed !== undefined) snapshots.after(stored, replayed, findings)
    },
    end: () => {
      const { head } = log.end(findings)
      checks.journal.end(findings)
      checks.balances.end(findings)
      checks.workflows.end(findings)
      snapshots.end(findings)
      const violations = findings.list()
      return {
        ok: violations.length === 0,
        eventsChecked,
        streams: streams.count(),
        head,
        violations,
      }
    },
    retained: () => {
      const journal = checks.journal.retained()
      const books = checks.balances.retained()
      return {
        streams: streams.count(),
        streamStates: streams.heldCount(),
        balances: books.balances,
        open: journal.open + books.open + checks.workflows.retained(),
        settled: journal.settled + books.settled,
        snapshots: snapshots.retained(),
        history: queries.retained(),
      }
    },
  }
}

// ---------------------------------------------------------------- helpers

const checkMoney = (
  registry: AssetRegistry,
  checks: Checks,
  decoded: DecodedEvent,
  at: Location,
  findings: Findings,
): void => {
  const data = decoded.event.data as { readonly entry?: unknown }
  // Workflow events (payments, withdrawals, disputes, conversions, deposits, adjustments,
  // promotions) record their journal entry as `data.entry`, whatever their type.
  if (JournalEntry.is(data.entry)) checks.journal.record(data.entry, at, findings)
  if (decoded.aggregate === 'account') {
    checkAccountEvent(checks, decoded.event as AccountEvent, at, findings)
  } else {
    checks.workflows.workflowEvent(
      decoded.event,
      at,
      (accountId, holdId) => checks.balances.holdAsset(accountId, holdId) !== undefined,
    )
  }
  if (decoded.aggregate === 'promotion') {
    checkPromotionEvent(registry, checks, decoded.event as PromotionEvent, at, findings)
  }
}

const checkAccountEvent = (
  checks: Checks,
  event: AccountEvent,
  at: Location,
  findings: Findings,
): void => {
  switch (event.type) {
    case 'FundsDebited':
    case 'FundsCredited': {
      const { accountId, asset, amount, entryId, leg } = event.data
      const direction = event.type === 'FundsCredited' ? 'credit' : 'debit'
      checks.journal.cite(
        { entryId, leg, account: accountId, asset, amount, direction },
        at,
        findings,
      )
      break
    }
    case 'HoldCaptured': {
      const { accountId, holdId, amount, entryId, leg } = event.data
      // The event names no asset: its hold's asset is the one it moves (unknown once settled).
      const asset = checks.balances.holdAsset(accountId, holdId)
      checks.journal.cite(
        { entryId, leg, account: accountId, asset, amount, direction: 'debit' },
        at,
        findings,
      )
      break
    }
    case 'FundsHeld':
      checks.workflows.held(event.data.accountId, event.data.holdId)
      break
    case 'HoldReleased':
      break
    default:
      return
  }
  checks.balances.account(event, at, findings)
}

// A promotion's stream is the book of its budget account: PromotionCreated posts its own entry's
// budget legs, DiscountApplied and DiscountReturned cite legs of payments' and refunds' entries,
// DiscountVoided withdraws a DiscountApplied's citation of an entry never recorded and credits the
// budget back.
const checkPromotionEvent = (
  registry: AssetRegistry,
  checks: Checks,
  event: PromotionEvent,
  at: Location,
  findings: Findings,
): void => {
  if (event.type === 'PromotionCreated') {
    const { entry, promotionId } = event.data
    const account = promotionBudgetAccount(promotionId)
    entry.legs.forEach((leg, index) => {
      if (leg.account !== account) return
      checks.journal.cite({ entryId: entry.entryId, leg: index, ...leg }, at, findings)
      const minor = minorOf(registry, leg.asset, leg.amount, at, findings)
      checks.balances.budget(
        account,
        leg.asset,
        leg.direction === 'credit' ? minor : -minor,
        at,
        findings,
      )
    })
    return
  }
  const { promotionId, amount, entryId, leg } = event.data
  const account = promotionBudgetAccount(promotionId)
  const asset = checks.balances.budgetAsset(account)
  if (event.type === 'DiscountVoided') {
    const voided = { entryId, leg, account, asset, amount, direction: 'debit' as const }
    checks.journal.withdraw(voided, at, findings)
  } else {
    const direction = event.type === 'DiscountReturned' ? 'credit' : 'debit'
    checks.journal.cite({ entryId, leg, account, asset, amount, direction }, at, findings)
  }
  if (asset === undefined) return
  const minor = minorOf(registry, asset, amount, at, findings)
  const isCredit = event.type !== 'DiscountApplied'
  checks.balances.budget(account, asset, isCredit ? minor : -minor, at, findings)
}
