// The audit (DESIGN.md section 7): one pass over the whole store in global order, page by page,
// checking the log, each stream, the journal and the balances, and reporting every violation by
// stream and revision. It needs the store, the aggregate definitions and the asset registry only,
// so the CLI can run it on any store without building a ledger.
import { JournalEntry, promotionBudgetAccount } from '@wallet-ledger/domain'
import type { AccountEvent, AssetRegistry, PromotionEvent } from '@wallet-ledger/domain'
import type { Definitions } from '../engine/definitions.js'
import type { AuditReport } from '../ledger/types.js'
import type { EventStore } from '../ports/eventStore.js'
import { iterateAll } from '../store/paging.js'
import { minorOf } from './amounts.js'
import { createBalanceCheck } from './balanceChecks.js'
import type { BalanceCheck } from './balanceChecks.js'
import { createJournalCheck } from './journalChecks.js'
import type { JournalCheck } from './journalChecks.js'
import { createLogCheck } from './logChecks.js'
import { loadSnapshotCheck } from './snapshotChecks.js'
import { createQueryCheck } from './queryChecks.js'
import { createStreamCheck } from './streamChecks.js'
import { createWorkflowCheck } from './workflowChecks.js'
import type { WorkflowCheck } from './workflowChecks.js'
import type { DecodedEvent } from './streamChecks.js'
import { createFindings } from './violations.js'
import type { Findings, Location } from './violations.js'

// ---------------------------------------------------------------- types

/** What an audit reads: a store, the ledger's aggregates (its namespace) and its assets. */
export type AuditDeps = {
  readonly store: Pick<EventStore, 'readAll' | 'readSnapshots'>
  readonly definitions: Definitions
  readonly registry: AssetRegistry
}

/**
 * `expectedHead`: a commit hash kept from an earlier `readHead()` or report; it must still be in
 * the chain (else `expected_head_missing`). `pageSize`: events per read (default
 * `READ_PAGE_EVENTS_MAX`).
 */
export type AuditOptions = { readonly expectedHead?: string; readonly pageSize?: number }

type Checks = {
  readonly journal: JournalCheck
  readonly balances: BalanceCheck
  readonly workflows: WorkflowCheck
}

// ---------------------------------------------------------------- operations

/**
 * Replays every event of the store and reports what is wrong; `ok` is true when nothing is.
 * Never rejects for a corrupt store (each problem is a violation with a stable code, see
 * `AUDIT_VIOLATION_CODES`); rejects only when the store itself fails (a `StoreError`). Memory
 * holds one page of events plus a small state per stream, account and unsettled journal entry.
 *
 * @example
 * const { head } = await auditStore(deps)
 * // later: a dropped tail or a deleted stream is reported as expected_head_missing
 * const report = await auditStore(deps, { expectedHead: head })
 */
export const auditStore = async (
  deps: AuditDeps,
  options: AuditOptions = {},
): Promise<AuditReport> => {
  const findings = createFindings()
  const log = createLogCheck(options.expectedHead)
  const streams = createStreamCheck(deps.definitions)
  const queries = createQueryCheck()
  const checks: Checks = {
    journal: createJournalCheck(deps.registry),
    balances: createBalanceCheck(deps.registry),
    workflows: createWorkflowCheck(),
  }
  // Snapshots are read first: one written during the audit is checked by the next audit.
  const snapshots = await loadSnapshotCheck(deps.store)
  let eventsChecked = 0
  const paging = options.pageSize === undefined ? {} : { pageSize: options.pageSize }
  for await (const stored of iterateAll(deps.store, paging)) {
    eventsChecked += 1
    log.push(stored, findings)
    const before = findings.total()
    const decoded = streams.decode(stored, findings)
    if (decoded === undefined) continue
    checkMoney(
      deps.registry,
      checks,
      decoded,
      { stream: stored.stream, revision: stored.revision },
      findings,
    )
    streams.evolve(stored, decoded, findings.total() > before, findings)
    queries.push(stored, decoded, findings.total() > before, findings)
    const replayed = streams.stateOf(stored.stream)
    if (replayed !== undefined) snapshots.after(stored, replayed, findings)
  }
  const { head } = log.end(findings)
  checks.journal.end(findings)
  checks.balances.end(findings)
  checks.workflows.end(findings)
  snapshots.end(findings)
  const violations = findings.list()
  return { ok: violations.length === 0, eventsChecked, streams: streams.count(), head, violations }
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
