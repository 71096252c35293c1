// Checks of the journal (DESIGN.md section 2): every recorded entry sums to zero per asset with
// positive legs, and every leg is cited by exactly one event, which agrees with the leg. Citations
// may be read before the entry they cite (a step-by-step store), so they wait until the end. A void
// (DiscountVoided) withdraws a citation whose entry was never recorded: it must match one still
// waiting, and then neither is a violation.
import type { AssetRegistry, Direction, JournalEntry, JournalLeg } from '@wallet-ledger/domain'
import { minorOf } from './amounts.js'
import { locationText } from './violations.js'
import type { Findings, Location } from './violations.js'

// ---------------------------------------------------------------- types

/** What an event says about the leg it cites. `asset` is undefined when the event cannot tell. */
export type Citation = {
  readonly entryId: string
  readonly leg: number
  readonly account: string
  readonly asset: string | undefined
  readonly amount: string
  readonly direction: Direction
}

/** The journal check; holds the entries whose legs are not all cited yet. */
export type JournalCheck = {
  /** A workflow event recorded `entry` at `at`. */
  readonly record: (entry: JournalEntry, at: Location, findings: Findings) => void
  /** An event at `at` posted one leg. */
  readonly cite: (citation: Citation, at: Location, findings: Findings) => void
  /**
   * An event at `at` withdrew an earlier citation of an entry never recorded (the voided
   * citation, as it was made); `void_unmatched` unless one such citation is still waiting.
   */
  readonly withdraw: (citation: Citation, at: Location, findings: Findings) => void
  /** Reports legs no event posted and citations of entries never recorded. */
  readonly end: (findings: Findings) => void
  /** Entries held: open ones and waiting citations, and settled entries (leg counts). */
  readonly retained: () => { readonly open: number; readonly settled: number }
}

type OpenEntry = {
  readonly at: Location
  readonly legs: readonly JournalLeg[]
  /** Citations per leg so far (0 or 1: a second one is reported, not counted). */
  readonly counts: number[]
  uncited: number
}
type CitationAt = { readonly citation: Citation; readonly at: Location }

// Entries with an uncited leg keep their legs; once every leg is cited an entry keeps only its
// leg count, so memory grows with the entries still open, not with the whole journal.
type Journal = {
  readonly open: Map<string, OpenEntry>
  readonly settled: Map<string, number>
  /** Citations read before their entry, by entry id. */
  readonly waiting: Map<string, CitationAt[]>
}

// ---------------------------------------------------------------- constructors

/** An empty journal check. */
export const createJournalCheck = (registry: AssetRegistry): JournalCheck => {
  const journal: Journal = { open: new Map(), settled: new Map(), waiting: new Map() }
  return {
    record: (entry, at, findings) => recordEntry(registry, journal, entry, at, findings),
    cite: (citation, at, findings) => {
      if (journal.open.has(citation.entryId) || journal.settled.has(citation.entryId)) {
        matchCitation(journal, citation, at, findings)
        return
      }
      const waiting = journal.waiting.get(citation.entryId)
      if (waiting === undefined) journal.waiting.set(citation.entryId, [{ citation, at }])
      else waiting.push({ citation, at })
    },
    withdraw: (citation, at, findings) => withdrawCitation(journal, citation, at, findings),
    end: (findings) => {
      for (const [entryId, entry] of journal.open) reportUncited(entryId, entry, findings)
      for (const [entryId, items] of journal.waiting) {
        for (const { citation, at } of items) {
          findings.add(
            'citation_unknown_entry',
            at,
            `${locationText(at)} cites leg ${citation.leg} of entry ${entryId}, which no workflow recorded`,
          )
        }
      }
    },
    retained: () => {
      let open = journal.open.size
      for (const items of journal.waiting.values()) open += items.length
      return { open, settled: journal.settled.size }
    },
  }
}

// ---------------------------------------------------------------- operations

const recordEntry = (
  registry: AssetRegistry,
  journal: Journal,
  entry: JournalEntry,
  at: Location,
  findings: Findings,
): void => {
  if (journal.open.has(entry.entryId) || journal.settled.has(entry.entryId)) {
    findings.add(
      'entry_recorded_twice',
      at,
      `${locationText(at)} records entry ${entry.entryId}, already recorded`,
    )
    return
  }
  checkBalanced(registry, entry, at, findings)
  const counts = entry.legs.map(() => 0)
  journal.open.set(entry.entryId, { at, legs: entry.legs, counts, uncited: entry.legs.length })
  const early = journal.waiting.get(entry.entryId) ?? []
  journal.waiting.delete(entry.entryId)
  for (const item of early) matchCitation(journal, item.citation, item.at, findings)
}

const matchCitation = (
  journal: Journal,
  citation: Citation,
  at: Location,
  findings: Findings,
): void => {
  const entry = journal.open.get(citation.entryId)
  const legCount = entry?.legs.length ?? journal.settled.get(citation.entryId) ?? 0
  if (!Number.isInteger(citation.leg) || citation.leg < 0 || citation.leg >= legCount) {
    findings.add(
      'citation_unknown_leg',
      at,
      `${locationText(at)} cites leg ${citation.leg} of entry ${citation.entryId}, which has ${legCount} legs`,
    )
    return
  }
  if (entry === undefined || entry.counts[citation.leg]! > 0) {
    findings.add(
      'leg_posted_twice',
      at,
      `${locationText(at)} posts leg ${citation.leg} of entry ${citation.entryId} again`,
    )
    return
  }
  entry.counts[citation.leg] = 1
  entry.uncited -= 1
  checkAgreement(entry.legs[citation.leg]!, citation, at, findings)
  if (entry.uncited > 0) return
  journal.open.delete(citation.entryId)
  journal.settled.set(citation.entryId, entry.legs.length)
}

// The latest waiting citation that says the same as the voided one; a recorded entry's legs are
// the ledger's for good, so a void of one is reported (the money stays booked twice otherwise).
const withdrawCitation = (
  journal: Journal,
  citation: Citation,
  at: Location,
  findings: Findings,
): void => {
  const waiting = journal.waiting.get(citation.entryId) ?? []
  let index = waiting.length - 1
  while (index >= 0 && !isSameCitation(waiting[index]!.citation, citation)) index -= 1
  if (index < 0) {
    const isRecorded = journal.open.has(citation.entryId) || journal.settled.has(citation.entryId)
    findings.add(
      'void_unmatched',
      at,
      `${locationText(at)} voids leg ${citation.leg} of entry ${citation.entryId}, ${isRecorded ? 'which a workflow recorded' : 'which no event cites'}`,
    )
    return
  }
  waiting.splice(index, 1)
  if (waiting.length === 0) journal.waiting.delete(citation.entryId)
}

const isSameCitation = (a: Citation, b: Citation): boolean =>
  a.leg === b.leg &&
  a.account === b.account &&
  a.asset === b.asset &&
  a.amount === b.amount &&
  a.direction === b.direction

// ---------------------------------------------------------------- helpers

const checkBalanced = (
  registry: AssetRegistry,
  entry: JournalEntry,
  at: Location,
  findings: Findings,
): void => {
  const totals = new Map<string, bigint>()
  const problems: string[] = []
  entry.legs.forEach((leg, index) => {
    const minor = minorOf(registry, leg.asset, leg.amount, at, findings)
    if (minor <= 0n) problems.push(`leg ${index} moves nothing`)
    const signed = leg.direction === 'credit' ? minor : -minor
    totals.set(leg.asset, (totals.get(leg.asset) ?? 0n) + signed)
  })
  for (const [asset, total] of totals) {
    if (total !== 0n) problems.push(`${asset} legs sum to ${total} minor units`)
  }
  if (entry.legs.length < 2) problems.push(`${entry.legs.length} legs`)
  if (problems.length === 0) return
  findings.add(
    'journal_unbalanced',
    at,
    `${locationText(at)}: entry ${entry.entryId} is unbalanced (${problems.join('; ')})`,
  )
}

const checkAgreement = (
  leg: JournalLeg,
  citation: Citation,
  at: Location,
  findings: Findings,
): void => {
  const differences = [
    leg.account === citation.account ? '' : `account ${citation.account}, leg ${leg.account}`,
    citation.asset === undefined || leg.asset === citation.asset
      ? ''
      : `asset ${citation.asset}, leg ${leg.asset}`,
    leg.amount === citation.amount ? '' : `amount ${citation.amount}, leg ${leg.amount}`,
    leg.direction === citation.direction
      ? ''
      : `direction ${citation.direction}, leg ${leg.direction}`,
  ].filter((text) => text !== '')
  if (differences.length === 0) return
  findings.add(
    'leg_mismatch',
    at,
    `${locationText(at)} disagrees with leg ${citation.leg} of entry ${citation.entryId}: ${differences.join('; ')}`,
  )
}

const reportUncited = (entryId: string, entry: OpenEntry, findings: Findings): void => {
  entry.counts.forEach((count, index) => {
    if (count > 0) return
    const leg = entry.legs[index]!
    findings.add(
      'leg_not_posted',
      entry.at,
      `leg ${index} of entry ${entryId} (${leg.direction} ${leg.amount} ${leg.asset} on ${leg.account}), recorded at ${locationText(entry.at)}, is posted by no event`,
    )
  })
}
