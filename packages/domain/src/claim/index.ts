// The public names of the claim aggregate.
export {
  ClaimCommand,
  ClaimEvent,
  ClaimIdempotencyKeyCommand,
  ClaimKind,
  IdempotencyKeyClaimedV1,
} from './codecs.js'
export type { ClaimIdempotencyKey } from './commands.js'
export type { IdempotencyKeyClaimed } from './events.js'
export type { ClaimError, ClaimErrorCode } from './errors.js'
export type { ClaimState } from './state.js'
export { evolveClaim, initialClaimState } from './state.js'
export { claimDecider, decideClaim } from './decide.js'
export { claimStream } from '../streamNames.js'
export { claimUpcasters } from './upcast.js'
