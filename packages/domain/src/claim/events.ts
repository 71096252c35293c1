// Claim event types, derived from their codecs.
import type * as t from 'io-ts'
import type { IdempotencyKeyClaimedV1 } from './codecs.js'

/** An idempotency key was claimed. */
export type IdempotencyKeyClaimed = t.TypeOf<typeof IdempotencyKeyClaimedV1>
/** Any claim event. */
export type ClaimEvent = IdempotencyKeyClaimed
