// The audit's findings: a closed list of stable codes and a bounded collector, so a badly corrupt
// store yields a report of known size instead of exhausting memory.
import { limits } from '@wallet-ledger/domain'
import type { AuditViolation } from '../ledger/types.js'

// ---------------------------------------------------------------- types

/**
 * Every code an audit can report. Stable forever: tools switch on them.
 * - log: `event_hash_mismatch`, `commit_chain_broken`, `commit_too_large`, `expected_head_missing`,
 *   `position_gap`, `position_out_of_order`, `recorded_at_backwards`, `recorded_at_invalid`;
 * - streams: `unknown_stream`, `codec_failed`, `revision_gap`, `revision_out_of_order`,
 *   `evolve_failed` (the aggregate's own invariants refused the event);
 * - journal: `journal_unbalanced`, `entry_recorded_twice`, `leg_not_posted`, `leg_posted_twice`,
 *   `leg_mismatch`, `citation_unknown_entry`, `citation_unknown_leg`, `void_unmatched` (a voided
 *   discount that undoes no citation of an entry never recorded);
 * - balances: `amount_invalid` (unknown asset or wrong scale), `balance_negative`, `held_mismatch`,
 *   `hold_unknown`, `hold_settled_twice`, `hold_reused`, `world_not_zero`;
 * - workflows: `workflow_unrecoverable` (a workflow recorded a hold that is not open and never is
 *   afterwards: neither it nor recover() can finish it);
 * - snapshots: `snapshot_mismatch` (a snapshot names no event of its stream, another event's hash,
 *   or a state the stream's events do not give);
 * - queries: `projection_failed` (a projection cannot fold the event, so the queries it answers
 *   would fail), `rate_out_of_range` (a merchant fee rate, percent discount or conversion rate the
 *   boundary no longer accepts), `projection_mismatch` (a row of the store's persisted projection
 *   tables differs from what the events give);
 * - the report itself: `violations_truncated`.
 */
export const AUDIT_VIOLATION_CODES = [
  'event_hash_mismatch',
  'commit_chain_broken',
  'commit_too_large',
  'expected_head_missing',
  'position_gap',
  'position_out_of_order',
  'recorded_at_backwards',
  'recorded_at_invalid',
  'unknown_stream',
  'codec_failed',
  'revision_gap',
  'revision_out_of_order',
  'evolve_failed',
  'journal_unbalanced',
  'entry_recorded_twice',
  'leg_not_posted',
  'leg_posted_twice',
  'leg_mismatch',
  'citation_unknown_entry',
  'citation_unknown_leg',
  'void_unmatched',
  'amount_invalid',
  'balance_negative',
  'held_mismatch',
  'hold_unknown',
  'hold_settled_twice',
  'hold_reused',
  'world_not_zero',
  'workflow_unrecoverable',
  'snapshot_mismatch',
  'projection_failed',
  'rate_out_of_range',
  'projection_mismatch',
  'violations_truncated',
] as const

/** One of `AUDIT_VIOLATION_CODES`. */
export type AuditViolationCode = (typeof AUDIT_VIOLATION_CODES)[number]

/** The stream name findings about the ledger as a whole carry (no single stream is at fault). */
export const LEDGER_STREAM = '(ledger)'

/** Where a finding points: a stream and, when one event is at fault, its revision. */
export type Location = { readonly stream: string; readonly revision?: bigint }

/** Collects findings; keeps at most `AUDIT_VIOLATIONS_MAX` and counts the rest. */
export type Findings = {
  readonly add: (code: AuditViolationCode, at: Location, message: string) => void
  /** How many findings were added so far, kept or not. */
  readonly total: () => number
  /** The kept findings, plus one `violations_truncated` when some were not kept. */
  readonly list: () => AuditViolation[]
}

// ---------------------------------------------------------------- constructors

/** An empty collector. */
export const createFindings = (keptMax: number = limits.AUDIT_VIOLATIONS_MAX): Findings => {
  const kept: AuditViolation[] = []
  let total = 0
  return {
    add: (code, at, message) => {
      total += 1
      if (kept.length >= keptMax) return
      kept.push({
        code,
        stream: at.stream,
        ...(at.revision === undefined ? {} : { revision: at.revision.toString() }),
        message,
      })
    },
    total: () => total,
    list: () =>
      total > kept.length
        ? [
            ...kept,
            {
              code: 'violations_truncated',
              stream: LEDGER_STREAM,
              message: `${total - kept.length} more violations were found but not listed`,
            },
          ]
        : [...kept],
  }
}

// ---------------------------------------------------------------- helpers

/** `stream@revision`, the way messages name an event. */
export const locationText = (at: Location): string =>
  at.revision === undefined ? at.stream : `${at.stream}@${at.revision}`
