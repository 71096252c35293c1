// Adjustment state: posted once; its fingerprint tells a retry from a reused key.
import { assert } from '../assert.js'
import type { AdjustmentEvent } from './codecs.js'
import type { AdjustmentPosted } from './events.js'

/** Not yet posted, or posted. */
export type AdjustmentState =
  | { readonly status: 'not_posted' }
  | { readonly status: 'posted'; readonly adjustment: AdjustmentPosted['data'] }

/** The state before the first event. */
export const initialAdjustmentState: AdjustmentState = { status: 'not_posted' }

/** Folds one event; a second posting on one stream is a corrupt stream. */
export const evolveAdjustment = (
  state: AdjustmentState,
  event: AdjustmentEvent,
): AdjustmentState => {
  assert(state.status === 'not_posted', `adjustment ${event.data.adjustmentId} posted twice`)
  return { status: 'posted', adjustment: event.data }
}
