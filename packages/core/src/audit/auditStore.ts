// The audit (DESIGN.md section 7): one pass over the whole store in global order, page by page,
// checking the log, each stream, the journal and the balances, and reporting every violation by
// stream and revision. It needs the store, the aggregate definitions and the asset registry only,
// so the CLI can run it on any store without building a ledger. Memory holds one page of events
// and the auditor's bounded state (auditor.ts), never the log.
import { assert, limits } from '@wallet-ledger/domain'
import type { AssetRegistry } from '@wallet-ledger/domain'
import type { Definitions } from '../engine/definitions.js'
import type { AuditReport } from '../ledger/types.js'
import type { EventStore } from '../ports/eventStore.js'
import { iterateAll, iterateStream } from '../store/paging.js'
import { createAuditor } from './auditor.js'
import { checkProjectionTables } from './projectionChecks.js'
import { loadSnapshotCheck } from './snapshotChecks.js'
import type { ReadStream } from './streamTable.js'
import { createFindings } from './violations.js'

// ---------------------------------------------------------------- types

/**
 * What an audit reads: a store, the ledger's aggregates (its namespace) and its assets. A store
 * with `readHead` lets progress reports carry the total; one with `readStream` lets the audit
 * park the state of finished workflows and read them again if they go on (without it, every
 * stream's state is held: memory then grows with the number of workflows).
 */
export type AuditDeps = {
  readonly store: Pick<EventStore, 'readAll' | 'readSnapshots'> &
    Partial<Pick<EventStore, 'readHead' | 'readStream' | 'projections'>>
  readonly definitions: Definitions
  readonly registry: AssetRegistry
}

/**
 * How far an audit got: events checked so far, and the events the store held when the audit
 * started (absent when the store cannot tell). Events appended during the audit are checked too,
 * so `eventsChecked` may pass `eventsTotal`.
 */
export type AuditProgress = { readonly eventsChecked: number; readonly eventsTotal?: number }

/**
 * `expectedHead`: a commit hash kept from an earlier `readHead()` or report; it must still be in
 * the chain (else `expected_head_missing`). `pageSize`: events per read (default
 * `READ_PAGE_EVENTS_MAX`). `onProgress`: called before the first event, after every page and once
 * at the end, never awaited (a slow progress bar cannot hold the audit).
 */
export type AuditOptions = {
  readonly expectedHead?: string
  readonly pageSize?: number
  /** Told how far the audit got (see above); never awaited. */
  readonly onProgress?: (progress: AuditProgress) => void
}

// ---------------------------------------------------------------- operations

/**
 * Replays every event of the store and reports what is wrong; `ok` is true when nothing is.
 * Never rejects for a corrupt store (each problem is a violation with a stable code, see
 * `AUDIT_VIOLATION_CODES`); rejects only when the store itself fails (a `StoreError`). Memory
 * holds one page of events plus a small state per stream, account and asset, and what is still
 * open (journal entries with an uncited leg, holds, workflows waiting for their hold); it does
 * not grow with the events of a stream. The history projection's fold, the one check whose state
 * is as large as the log, stops after `AUDIT_HISTORY_EVENTS_MAX` events (see queryChecks.ts).
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
  const pageSize = options.pageSize ?? limits.READ_PAGE_EVENTS_MAX
  // The total is read before the snapshots and the log: events appended later only add to it.
  const eventsTotal = await totalOf(deps.store, options.onProgress !== undefined)
  const progress = (eventsChecked: number): void =>
    options.onProgress?.(
      eventsTotal === undefined ? { eventsChecked } : { eventsChecked, eventsTotal },
    )
  // Snapshots are read first: one written during the audit is checked by the next audit.
  const snapshots = await loadSnapshotCheck(deps.store)
  const expected = options.expectedHead === undefined ? {} : { expectedHead: options.expectedHead }
  const reader = deps.store.readStream?.bind(deps.store)
  const auditor = createAuditor(deps, snapshots, {
    ...expected,
    ...(reader === undefined ? { statesKeptMax: Number.MAX_SAFE_INTEGER } : {}),
  })
  const read: ReadStream = (stream) => {
    assert(reader !== undefined, 'audit: only a store that reads streams parks them')
    return iterateStream({ readStream: reader }, stream, { pageSize })
  }
  let eventsChecked = 0
  progress(0)
  for await (const stored of iterateAll(deps.store, { pageSize })) {
    const restoring = auditor.prepare(stored, read)
    if (restoring !== undefined) await restoring
    auditor.push(stored)
    eventsChecked += 1
    if (eventsChecked % pageSize === 0) progress(eventsChecked)
  }
  const logReport = auditor.end()
  // The projection tables (a store with them) against a fresh fold, in the findings' room left.
  const tables = createFindings(
    Math.max(0, limits.AUDIT_VIOLATIONS_MAX - logReport.violations.length),
  )
  await checkProjectionTables(deps.store, deps.definitions, tables)
  const violations = [...logReport.violations, ...tables.list()]
  const report = { ...logReport, ok: violations.length === 0, violations }
  progress(eventsChecked)
  return report
}

// ---------------------------------------------------------------- helpers

const totalOf = async (
  store: AuditDeps['store'],
  isWanted: boolean,
): Promise<number | undefined> => {
  if (!isWanted || store.readHead === undefined) return undefined
  return Number((await store.readHead()).nextPosition)
}
