// The conversion's state and `evolve`: a fold over recorded facts that asserts on an event that
// cannot follow the state (a corrupt stream), never silently ignores it (STYLE.md section 4).
import { absurd, assert } from '../assert.js'
import { isBalanced } from '../journal/journal.js'
import { moneyFromCanonical } from '../money/money.js'
import type { AssetScale, Money } from '../money/money.js'
import type {
  ConversionEvent,
  ConversionExecuted,
  ConversionExpired,
  ConversionFailed,
} from './events.js'

// ---------------------------------------------------------------- types

/** What every recorded conversion knows, whatever its outcome. */
export type ConversionRequest = {
  readonly conversionId: string
  readonly accountId: string
  readonly fingerprint: string
  /** The amount asked to be converted, in the source asset. */
  readonly requested: Money
  /** The target asset and its scale. */
  readonly target: AssetScale
  readonly rate: string
  readonly at: string
}

/** Nothing recorded yet. */
export type ConversionNotStarted = { readonly status: 'not_started' }

/** Filled against the market; `entryId` names the journal entry. */
export type ExecutedConversion = ConversionRequest & {
  readonly status: 'executed'
  readonly credited: Money
  readonly spread: Money
  readonly remainder: string
  readonly entryId: string
}

/** The quote had expired when the conversion was asked for. */
export type ExpiredConversion = ConversionRequest & {
  readonly status: 'expired'
  readonly quoteExpiresAt: string
}

/** Refused for a business reason. */
export type FailedConversion = ConversionRequest & {
  readonly status: 'failed'
  readonly code: ConversionFailed['data']['code']
  readonly reason: string
}

/** A conversion: not started, or one of its three final outcomes. */
export type ConversionState =
  ConversionNotStarted | ExecutedConversion | ExpiredConversion | FailedConversion

/** The state before any event. */
export const initialConversionState: ConversionState = { status: 'not_started' }

// ---------------------------------------------------------------- evolve

/**
 * Applies one recorded event. A conversion has exactly one event, so any event after the first
 * means a corrupt stream and asserts.
 */
export const evolveConversion = (
  state: ConversionState,
  event: ConversionEvent,
): ConversionState => {
  assert(
    state.status === 'not_started',
    `conversion ${state.status === 'not_started' ? '' : state.conversionId}: ${event.type} after the conversion was ${state.status}`,
  )
  switch (event.type) {
    case 'ConversionExecuted':
      return executedState(event)
    case 'ConversionExpired':
      return expiredState(event)
    case 'ConversionFailed':
      return failedState(event)
    default:
      return absurd(event)
  }
}

// ---------------------------------------------------------------- helpers

const executedState = ({ data }: ConversionExecuted): ExecutedConversion => {
  const credited = moneyFromCanonical(data.credited.asset, data.credited.amount)
  const requested = moneyFromCanonical(data.debited.asset, data.debited.amount)
  const spread = moneyFromCanonical(data.spread.asset, data.spread.amount)
  assert(isBalanced(data.entry), `conversion ${data.conversionId}: unbalanced journal entry`)
  assert(credited.minor > 0n, `conversion ${data.conversionId}: nothing credited`)
  assert(
    spread.asset === requested.asset,
    `conversion ${data.conversionId}: spread in the wrong asset`,
  )
  assert(
    spread.minor < requested.minor,
    `conversion ${data.conversionId}: spread takes the whole amount`,
  )
  return {
    status: 'executed',
    ...requestOf(data, requested, { code: credited.asset, scale: credited.scale }),
    credited,
    spread,
    remainder: data.remainder,
    entryId: data.entry.entryId,
  }
}

const expiredState = ({ data }: ConversionExpired): ExpiredConversion => ({
  status: 'expired',
  ...requestOf(data, moneyFromCanonical(data.from.asset, data.from.amount), targetOf(data.to)),
  quoteExpiresAt: data.quoteExpiresAt,
})

const failedState = ({ data }: ConversionFailed): FailedConversion => ({
  status: 'failed',
  ...requestOf(data, moneyFromCanonical(data.from.asset, data.from.amount), targetOf(data.to)),
  code: data.code,
  reason: data.reason,
})

const targetOf = (to: { readonly asset: string; readonly scale: number }): AssetScale => ({
  code: to.asset,
  scale: to.scale,
})

const requestOf = (
  data: { conversionId: string; accountId: string; fingerprint: string; rate: string; at: string },
  requested: Money,
  target: AssetScale,
): ConversionRequest => {
  assert(requested.minor > 0n, `conversion ${data.conversionId}: nothing requested`)
  assert(
    requested.asset !== target.code,
    `conversion ${data.conversionId}: ${target.code} into itself`,
  )
  return {
    conversionId: data.conversionId,
    accountId: data.accountId,
    fingerprint: data.fingerprint,
    requested,
    target,
    rate: data.rate,
    at: data.at,
  }
}
