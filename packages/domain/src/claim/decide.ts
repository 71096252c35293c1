// The claim decider: an idempotency key is taken once for the whole ledger. A workflow whose own
// stream is per entity (a refund lives on its payment's stream) claims its key here, in the same
// commit as its decision, so the same key used for another entity is refused.
import { keyReusedMessage } from '../errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { Decider } from '../decider.js'
import type { ClaimCommand, ClaimIdempotencyKey } from './commands.js'
import { claimError } from './errors.js'
import type { ClaimError } from './errors.js'
import type { ClaimEvent } from './events.js'
import { evolveClaim, initialClaimState } from './state.js'
import type { ClaimState } from './state.js'

type Decision = Either<ClaimError, readonly ClaimEvent[]>

/** Decides a claim command. */
export const decideClaim = (command: ClaimCommand, state: ClaimState): Decision =>
  claimIdempotencyKey(command, state)

/**
 * Claims a key. A claim with the same kind, entity and fingerprint again is a retry and records
 * nothing; anything else under a claimed key is `idempotency_key_reused` (the fingerprint of
 * the engine covers the entity, so a different entity with an equal fingerprint cannot happen
 * unless a fingerprint omits it: that is refused too rather than trusted).
 */
const claimIdempotencyKey = (command: ClaimIdempotencyKey, state: ClaimState): Decision => {
  if (state.status === 'claimed') {
    const { claim } = state
    const isRetry =
      claim.fingerprint === command.fingerprint &&
      claim.kind === command.kind &&
      claim.entityRef === command.entityRef
    if (isRetry) return right([])
    return left(
      claimError('idempotency_key_reused', keyReusedMessage(claim.kind), { kind: claim.kind }),
    )
  }
  const { claimId, kind, entityRef, fingerprint, at } = command
  return right([
    {
      type: 'IdempotencyKeyClaimed',
      schemaVersion: 1,
      data: { claimId, kind, entityRef, fingerprint, at },
    },
  ])
}

/** The claim aggregate. */
export const claimDecider: Decider<ClaimState, ClaimCommand, ClaimEvent, ClaimError> = {
  initialState: initialClaimState,
  decide: decideClaim,
  evolve: evolveClaim,
}
