// Adjustment event types, derived from their codecs.
import type * as t from 'io-ts'
import type { AdjustmentPostedV1 } from './codecs.js'

/** A correction was posted. */
export type AdjustmentPosted = t.TypeOf<typeof AdjustmentPostedV1>
