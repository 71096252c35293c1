// What the queries need of the log (issue 7 item 1): every projection folds every event, and
// every rate a caller set is one the boundary accepts today. A store written before a rule existed,
// or by a bug, is reported here instead of surfacing as a query that throws. The audit streams in
// bounded memory, so one projection is bounded too: history keeps a row per booked leg, as large as
// the log, and stops folding after `AUDIT_HISTORY_EVENTS_MAX` events (its state is then dropped).
// Its refusals (an entry recorded twice, a row that was never placed, a leg moving nothing) are the
// journal's and the streams' own checks, which run over every event.
import {
  LEDGER_PROJECTIONS,
  isConversionRate,
  isDiscountPercent,
  isMerchantFeeRate,
} from '@wallet-ledger/domain'
import type { Projection, ProjectionInput, RawEvent } from '@wallet-ledger/domain'
import type { StoredEvent } from '../ports/eventStore.js'
import { attempt } from './streamChecks.js'
import type { DecodedEvent } from './streamChecks.js'
import { locationText } from './violations.js'
import type { Findings, Location } from './violations.js'

// ---------------------------------------------------------------- types

/** Folds the ledger's projections over the audited log and checks stored rates. */
export type QueryCheck = {
  /**
   * Checks one decoded event's rates, then feeds it to every projection still folding. A
   * projection that chokes on an event that already has a finding (`isReported`) stops folding
   * without a second finding: the first one explains it.
   */
  readonly push: (
    stored: StoredEvent,
    decoded: DecodedEvent,
    isReported: boolean,
    findings: Findings,
  ) => void
  /** Events held by a projection whose state grows with the log (history, until its cap). */
  readonly retained: () => number
}

/**
 * Events the history projection folds in an audit before it stops: its rows take about 300 bytes
 * an event (measured on P2P transfers), so some 30 MB at most.
 */
export const AUDIT_HISTORY_EVENTS_MAX = 100_000

// The projections whose state is as large as the log rather than per account or open workflow.
const LOG_SIZED_PROJECTIONS: ReadonlySet<string> = new Set(['history'])

type Folding = {
  readonly projection: Projection<unknown>
  state: unknown
  isBroken: boolean
  /** Events folded; counted only for a log-sized projection, which stops at the cap. */
  eventsFolded: number
  readonly isLogSized: boolean
}

// ---------------------------------------------------------------- constructors

/**
 * A fresh check. A projection that throws is reported once as `projection_failed` at the event it
 * choked on, and is not fed again (its state is unknown from there on). The history projection
 * folds the first `historyEventsMax` events only.
 */
export const createQueryCheck = (
  historyEventsMax: number = AUDIT_HISTORY_EVENTS_MAX,
): QueryCheck => {
  const foldings: Folding[] = Object.values(LEDGER_PROJECTIONS).map((projection) => {
    const loose = projection as Projection<unknown>
    const isLogSized = LOG_SIZED_PROJECTIONS.has(loose.name)
    return {
      projection: loose,
      state: loose.initialState(),
      isBroken: false,
      eventsFolded: 0,
      isLogSized,
    }
  })
  const stopAtCap = (folding: Folding): void => {
    if (!folding.isLogSized || folding.isBroken) return
    folding.eventsFolded += 1
    if (folding.eventsFolded < historyEventsMax) return
    folding.isBroken = true
    folding.state = undefined
    folding.eventsFolded = 0
  }
  return {
    push: (stored, decoded, isReported, findings) => {
      const at = { stream: stored.stream, revision: stored.revision }
      checkRates(decoded.event, at, findings)
      const input: ProjectionInput = {
        position: stored.position,
        stream: stored.stream,
        recordedAt: stored.recordedAt,
        event: decoded.event,
      }
      for (const folding of foldings) {
        feed(folding, input, at, isReported, findings)
        stopAtCap(folding)
      }
    },
    retained: () => {
      let events = 0
      for (const folding of foldings) if (!folding.isBroken) events += folding.eventsFolded
      return events
    },
  }
}

// ---------------------------------------------------------------- helpers

const feed = (
  folding: Folding,
  input: ProjectionInput,
  at: Location,
  isReported: boolean,
  findings: Findings,
): void => {
  if (folding.isBroken) return
  const applied = attempt(() => folding.projection.apply(folding.state, input))
  if (applied.isOk) {
    folding.state = applied.value
    return
  }
  folding.isBroken = true
  folding.state = undefined
  if (isReported) return
  findings.add(
    'projection_failed',
    at,
    `${locationText(at)}: the ${folding.projection.name} projection cannot fold ${input.event.type} (${applied.message}); the queries it answers would fail`,
  )
}

// The rate fields a caller sets, with the rule the boundary applies to each.
const checkRates = (event: RawEvent, at: Location, findings: Findings): void => {
  const data = event.data as Record<string, unknown>
  const report = (field: string, value: unknown, rule: string) =>
    findings.add(
      'rate_out_of_range',
      at,
      `${locationText(at)}: ${event.type}.${field} is ${JSON.stringify(value)}, not ${rule}`,
    )
  switch (event.type) {
    case 'AccountOpened':
    case 'MerchantFeeRateSet': {
      const rate = data['merchantFeeRate']
      if (typeof rate === 'string' && !isMerchantFeeRate(rate))
        report('merchantFeeRate', rate, 'a merchant fee rate the boundary accepts')
      return
    }
    case 'PromotionCreated': {
      const discount = data['discount'] as { readonly percent?: unknown } | undefined
      const percent = discount?.percent
      if (typeof percent === 'string' && !isDiscountPercent(percent))
        report('discount.percent', percent, 'a percent discount above 0 and below 100')
      return
    }
    case 'ConversionExecuted':
    case 'ConversionExpired':
    case 'ConversionFailed': {
      const rate = data['rate']
      if (typeof rate === 'string' && !isConversionRate(rate))
        report('rate', rate, 'a conversion rate the boundary accepts')
      return
    }
    default:
      return
  }
}
