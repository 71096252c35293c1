// What other parts of the ledger read from a conversion: DESIGN's ConversionView (strings only)
// and the error a refused conversion ends with.
import { assert } from '../assert.js'
import { formatMoney, zero } from '../money/money.js'
import { conversionError } from './errors.js'
import type { ConversionError } from './errors.js'
import type { ConversionEvent } from './events.js'
import type { ConversionState } from './state.js'

// ---------------------------------------------------------------- types

/** An amount of one asset, JSON-safe. */
export type ConversionViewAmount = { readonly asset: string; readonly amount: string }

/**
 * DESIGN.md section 6's ConversionView, JSON-safe. `debited` and `credited` are what moved (zero
 * amounts of both assets when nothing did). The optional extras (DESIGN allows adding optional
 * fields) tell a person what was asked for and why it was refused.
 */
export type ConversionView = {
  readonly conversionId: string
  readonly status: 'executed' | 'expired' | 'failed'
  readonly debited: ConversionViewAmount
  readonly credited: ConversionViewAmount
  /** The amount asked to be converted. */
  readonly requested?: ConversionViewAmount
  /** The rate quoted: units of `credited.asset` per one unit of `debited.asset`. */
  readonly rate?: string
  /** Failed only: the refusal's error code. */
  readonly failureCode?: string
  /** Failed only: the refusal in words. */
  readonly failureReason?: string
}

// ---------------------------------------------------------------- operations

/** The view of a recorded conversion. Asserts one was recorded. */
export const conversionView = (state: ConversionState): ConversionView => {
  assert(state.status !== 'not_started', 'conversionView: nothing was recorded')
  const requested = { asset: state.requested.asset, amount: formatMoney(state.requested) }
  const common = { conversionId: state.conversionId, requested, rate: state.rate }
  if (state.status === 'executed') {
    const credited = { asset: state.credited.asset, amount: formatMoney(state.credited) }
    return { ...common, status: 'executed', debited: requested, credited }
  }
  const nothingMoved = {
    debited: {
      asset: state.requested.asset,
      amount: formatMoney({ ...state.requested, minor: 0n }),
    },
    credited: { asset: state.target.code, amount: formatMoney(zero(state.target)) },
  }
  if (state.status === 'expired') return { ...common, status: 'expired', ...nothingMoved }
  return {
    ...common,
    status: 'failed',
    ...nothingMoved,
    failureCode: state.code,
    failureReason: state.reason,
  }
}

/**
 * The error a conversion's recorded events end it with: `quote_expired` for ConversionExpired,
 * the refusal's code for ConversionFailed (both with `details.conversionId`), `undefined` when it
 * executed or nothing was recorded. The engine returns it as the call's error after appending.
 */
export const conversionFailureOf = (
  events: readonly ConversionEvent[],
): ConversionError | undefined => {
  for (const event of events) {
    if (event.type === 'ConversionExpired') {
      return conversionError('quote_expired', `the quote expired at ${event.data.quoteExpiresAt}`, {
        conversionId: event.data.conversionId,
      })
    }
    if (event.type === 'ConversionFailed') {
      return conversionError(event.data.code, event.data.reason, {
        conversionId: event.data.conversionId,
      })
    }
  }
  return undefined
}

/**
 * The same error read from the state, for a replayed request (decide returned no events): the
 * caller gets the answer the first request got.
 */
export const storedConversionFailure = (state: ConversionState): ConversionError | undefined => {
  if (state.status === 'expired') {
    return conversionError('quote_expired', `the quote expired at ${state.quoteExpiresAt}`, {
      conversionId: state.conversionId,
    })
  }
  if (state.status === 'failed') {
    return conversionError(state.code, state.reason, { conversionId: state.conversionId })
  }
  return undefined
}
