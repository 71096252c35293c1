// Adjustment command types, derived from their codecs.
import type * as t from 'io-ts'
import type { PostAdjustmentCommand } from './codecs.js'

/** Posts a manual correction. */
export type PostAdjustment = t.TypeOf<typeof PostAdjustmentCommand>
