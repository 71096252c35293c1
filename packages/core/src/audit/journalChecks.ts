// Checks of the journal (DESIGN.md section 2): every recorded entry sums to zero per asset with
// positive legs, and every leg is cited by exactly one event, which agrees with the leg. Citations
// may be read before the entry they cite (a step-by-step store), so they wait until the end.
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
  /** Reports legs no event posted and citations of entries never recorded. */
  readonly end: (findings: Findings) => void
}

type OpenEntry = { readonly at: Location; readonly legs: readonly JournalLeg[]; uncited: number }
type CitationAt = { readonly citation: Citation; readonly at: Location }

// ---------------------------------------------------------------- constructors

/** An empty journal check. */
export const createJournalCheck = (registry: AssetRegistry): JournalCheck => {
  // Entries with an uncited leg, with a count of citations per leg; once every leg is cited the
  // entry keeps only its leg count, so memory grows with open entries, not with the journal.
  const open = new Map<string, OpenEntry & { readonly counts: number[] }>()
  const settled = new Map<string, number>()
  const waiting = new Map<string, CitationAt[]>()

  const match = (citation: Citation, at: Location, findings: Findings): void => {
    const entry = open.get(citation.entryId)
    const legCount = entry?.legs.length ?? settled.get(citation.entryId) ?? 0
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
    if (entry.uncited === 0) {
      open.delete(citation.entryId)
      settled.set(citation.entryId, entry.legs.length)
    }
  }

  return {
    record: (entry, at, findings) => {
      if (open.has(entry.entryId) || settled.has(entry.entryId)) {
        findings.add(
          'entry_recorded_twice',
          at,
          `${locationText(at)} records entry ${entry.entryId}, already recorded`,
        )
        return
      }
      checkBalanced(registry, entry, at, findings)
      const counts = entry.legs.map(() => 0)
      open.set(entry.entryId, { at, legs: entry.legs, uncited: entry.legs.length, counts })
      const early = waiting.get(entry.entryId) ?? []
      waiting.delete(entry.entryId)
      for (const item of early) match(item.citation, item.at, findings)
    },
    cite: (citation, at, findings) => {
      if (open.has(citation.entryId) || settled.has(citation.entryId)) {
        match(citation, at, findings)
        return
      }
      waiting.set(citation.entryId, [...(waiting.get(citation.entryId) ?? []), { citation, at }])
    },
    end: (findings) => {
      for (const [entryId, entry] of open) reportUncited(entryId, entry, findings)
      for (const [entryId, items] of waiting) {
        for (const { citation, at } of items) {
          findings.add(
            'citation_unknown_entry',
            at,
            `${locationText(at)} cites leg ${citation.leg} of entry ${entryId}, which no workflow recorded`,
          )
        }
      }
    },
  }
}

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

const reportUncited = (
  entryId: string,
  entry: OpenEntry & { readonly counts: readonly number[] },
  findings: Findings,
): void => {
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
