// Claim command types, derived from their codecs.
import type * as t from 'io-ts'
import type { ClaimIdempotencyKeyCommand } from './codecs.js'

/** Claims an idempotency key for one command kind and entity. */
export type ClaimIdempotencyKey = t.TypeOf<typeof ClaimIdempotencyKeyCommand>
/** Any claim command. */
export type ClaimCommand = ClaimIdempotencyKey
