// Conversion event types, derived from their codecs so the codec stays the single source of truth.
import * as t from 'io-ts'
import { ConversionExecutedV1, ConversionExpiredV1, ConversionFailedV1 } from './codecs.js'

/** The trade was filled: one journal entry against the market, the remainder to the desk. */
export type ConversionExecuted = t.TypeOf<typeof ConversionExecutedV1>
/** The quote had expired; nothing moved. */
export type ConversionExpired = t.TypeOf<typeof ConversionExpiredV1>
/** A business refusal; nothing moved. */
export type ConversionFailed = t.TypeOf<typeof ConversionFailedV1>

/** The codec of every conversion event (current versions; run `conversionUpcasters` first). */
export const ConversionEvent = t.union(
  [ConversionExecutedV1, ConversionExpiredV1, ConversionFailedV1],
  'ConversionEvent',
)
/** Any conversion event. */
export type ConversionEvent = t.TypeOf<typeof ConversionEvent>
