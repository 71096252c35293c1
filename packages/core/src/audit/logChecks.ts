// Checks of the global log as a whole, in position order: positions without gaps, recorded-at never
// going back, every event's hash, the commit chain from genesis, and the head an auditor kept.
import type { StoredEvent } from '../ports/eventStore.js'
import { GENESIS_COMMIT_HASH, createChainVerifier, sha256Hex } from '../store/chain.js'
import type { ChainProblem } from '../store/chain.js'
import { LEDGER_STREAM, locationText } from './violations.js'
import type { AuditViolationCode, Findings } from './violations.js'

// ---------------------------------------------------------------- types

/** Checks the log event by event; `end` closes the chain and names the head. */
export type LogCheck = {
  readonly push: (event: StoredEvent, findings: Findings) => void
  /** The last commit's hash as stored (genesis for an empty store). */
  readonly end: (findings: Findings) => { readonly head: string }
}

// ---------------------------------------------------------------- constructors

/**
 * A log check. `expectedHead`, a commit hash kept earlier, must be the hash of some commit read
 * (or genesis): a store that lost its tail or a stream no longer contains it.
 */
export const createLogCheck = (expectedHead: string | undefined): LogCheck => {
  const chain = createChainVerifier()
  let nextPosition = 0n
  let previousRecordedAt: { text: string; ms: number } | undefined
  let isHeadSeen = expectedHead === undefined || expectedHead === GENESIS_COMMIT_HASH
  let head = GENESIS_COMMIT_HASH
  return {
    push: (event, findings) => {
      nextPosition = checkPosition(event, nextPosition, findings)
      previousRecordedAt = checkRecordedAt(event, previousRecordedAt, findings)
      for (const problem of chain.push(withSafeCommitHash(event))) report(problem, findings)
      if (event.commitHash === expectedHead) isHeadSeen = true
      head = event.commitHash
    },
    end: (findings) => {
      for (const problem of chain.end().problems) report(problem, findings)
      if (!isHeadSeen) {
        findings.add(
          'expected_head_missing',
          { stream: LEDGER_STREAM },
          `no commit has the expected head ${String(expectedHead)}: events were dropped at the end or a stream was deleted`,
        )
      }
      return { head }
    },
  }
}

// ---------------------------------------------------------------- helpers

const checkPosition = (event: StoredEvent, expected: bigint, findings: Findings): bigint => {
  const at = { stream: event.stream, revision: event.revision }
  if (event.position > expected) {
    findings.add(
      'position_gap',
      at,
      `${locationText(at)} is at position ${event.position}, expected ${expected}: ${event.position - expected} missing before it`,
    )
  } else if (event.position < expected) {
    findings.add(
      'position_out_of_order',
      at,
      `${locationText(at)} is at position ${event.position} after position ${expected - 1n}`,
    )
  }
  return event.position >= expected ? event.position + 1n : expected
}

const checkRecordedAt = (
  event: StoredEvent,
  previous: { text: string; ms: number } | undefined,
  findings: Findings,
): { text: string; ms: number } | undefined => {
  const at = { stream: event.stream, revision: event.revision }
  const ms = Date.parse(event.recordedAt)
  if (Number.isNaN(ms)) {
    findings.add('recorded_at_invalid', at, `${locationText(at)}: recordedAt "${event.recordedAt}"`)
    return previous
  }
  if (previous !== undefined && ms < previous.ms) {
    findings.add(
      'recorded_at_backwards',
      at,
      `${locationText(at)} was recorded at ${event.recordedAt}, before the previous event (${previous.text})`,
    )
  }
  return previous !== undefined && previous.ms > ms ? previous : { text: event.recordedAt, ms }
}

const CHAIN_CODES: Record<ChainProblem['code'], AuditViolationCode> = {
  event_hash_mismatch: 'event_hash_mismatch',
  commit_hash_mismatch: 'commit_chain_broken',
  commit_too_large: 'commit_too_large',
}

const report = (problem: ChainProblem, findings: Findings): void =>
  findings.add(
    CHAIN_CODES[problem.code],
    { stream: problem.stream, revision: problem.revision },
    problem.message,
  )

const SHA256_HEX = /^[0-9a-f]{64}$/

// The verifier chains on from each commit's claimed hash, and asserts that hash is a digest when
// it closes the next commit. A malformed claimed hash is a finding, not a crash: it is replaced by
// a digest derived from it (so the events of one commit still group together), which can never
// match the recomputed hash and is therefore reported as a broken chain.
const withSafeCommitHash = (event: StoredEvent): StoredEvent =>
  SHA256_HEX.test(event.commitHash)
    ? event
    : { ...event, commitHash: sha256Hex(`malformed commit hash:${event.commitHash}`) }
