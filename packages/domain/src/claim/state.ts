// Claim state: a key is claimed once; what it was claimed with tells a retry from a reused key.
import { assert } from '../assert.js'
import type { ClaimEvent, IdempotencyKeyClaimed } from './events.js'

/** Not yet claimed, or claimed with the facts of its event. */
export type ClaimState =
  | { readonly status: 'not_claimed' }
  | { readonly status: 'claimed'; readonly claim: IdempotencyKeyClaimed['data'] }

/** The state before the first event. */
export const initialClaimState: ClaimState = { status: 'not_claimed' }

/** Folds one event; a second IdempotencyKeyClaimed on one stream is a corrupt stream. */
export const evolveClaim = (state: ClaimState, event: ClaimEvent): ClaimState => {
  assert(state.status === 'not_claimed', `claim ${event.data.claimId} recorded twice`)
  assert(event.type === 'IdempotencyKeyClaimed', `unknown claim event ${String(event.type)}`)
  return { status: 'claimed', claim: event.data }
}
