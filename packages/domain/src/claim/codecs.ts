// The io-ts codecs of the claim aggregate: an idempotency key claimed once, ledger-wide, for one
// kind of command (a refund, say), so the same key cannot be used again with other fields.
import * as t from 'io-ts'
import { EngineId, IsoInstant, Sha256Hex, boundedString } from '../codecs/common.js'
import { commandCodec, eventCodec } from '../codecs/event.js'
import { CLAIM_KIND_LENGTH_MAX } from '../limits.js'

/** Ids the engine makes (the claim id is derived from the kind and the idempotency key). */

/** What the key was claimed for: a short name of the command kind, such as `refund`. */
export const ClaimKind = boundedString(CLAIM_KIND_LENGTH_MAX, 'ClaimKind')

/**
 * Claims an idempotency key. `claimId` is derived from the kind and the key by the engine;
 * `entityRef` names what the claimed command acts on (the payment a refund belongs to);
 * `fingerprint` is the digest of the caller's fields, which tells a retry from a reused key.
 */
export const ClaimIdempotencyKeyCommand = commandCodec('ClaimIdempotencyKey', {
  claimId: EngineId,
  kind: ClaimKind,
  entityRef: EngineId,
  fingerprint: Sha256Hex,
  at: IsoInstant,
})

/** The key is taken: from now on only a command with the same kind, entity and fields may use it. */
export const IdempotencyKeyClaimedV1 = eventCodec(
  'IdempotencyKeyClaimed',
  1,
  t.type({
    claimId: EngineId,
    kind: ClaimKind,
    entityRef: EngineId,
    fingerprint: Sha256Hex,
    at: IsoInstant,
  }),
)

/** Every claim event. */
export const ClaimEvent = IdempotencyKeyClaimedV1
export type ClaimEvent = t.TypeOf<typeof ClaimEvent>
/** Every claim command. */
export const ClaimCommand = ClaimIdempotencyKeyCommand
export type ClaimCommand = t.TypeOf<typeof ClaimCommand>
