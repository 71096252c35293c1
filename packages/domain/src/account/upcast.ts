// Older account event versions, upgraded to the current one before any decider sees them.
import { assert } from '../assert.js'
import type { UpcastRegistry } from '../upcast.js'
import { LimitsSetV1, LimitsSetV2 } from './codecs.js'
import type { LimitsSet } from './events.js'

const LimitsSetV1Data = LimitsSetV1.props.data

/**
 * `LimitsSet` v1 -> v2: `perPayment` becomes `perPaymentMax` and `dailyLimit` becomes `perDayMax`,
 * amounts unchanged. v1 had no step-up threshold, so `stepUpAbove` stays absent (documented
 * default: none, as the account had before). Asserts the input is valid v1 data.
 */
export const limitsSetV1ToV2 = (data: unknown): LimitsSet['data'] => {
  const decoded = LimitsSetV1Data.decode(data)
  assert(decoded._tag === 'Right', 'LimitsSet v1: stored data does not match its codec')
  const { accountId, asset, at, perPayment, dailyLimit } = decoded.right
  return {
    accountId,
    asset,
    at,
    ...(perPayment === undefined ? {} : { perPaymentMax: perPayment }),
    ...(dailyLimit === undefined ? {} : { perDayMax: dailyLimit }),
  }
}

/** The account's upcast chains by event type; types absent here have only version 1. */
export const accountUpcasters: UpcastRegistry = {
  LimitsSet: { currentVersion: 2, steps: { 1: limitsSetV1ToV2 } },
}

// The chain must end at the version the current codec decodes.
assert(
  accountUpcasters.LimitsSet?.currentVersion === LimitsSetV2.props.schemaVersion.value,
  'LimitsSet: upcast chain and codec disagree on the current version',
)
