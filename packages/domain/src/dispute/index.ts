// The public names of the dispute aggregate, listed by name (no `export *`).
export { DisputeCommand } from './commands.js'
export type {
  EscalateDispute,
  ExpireDisputeResponse,
  OpenDispute,
  ResolveDispute,
  RespondToDispute,
  SubmitEvidence,
} from './commands.js'
export { DisputeEvent } from './events.js'
export type {
  DisputeContested,
  DisputeEscalated,
  DisputeOpened,
  DisputeReferredToLegal,
  DisputeResolved,
  EvidenceSubmitted,
} from './events.js'
export {
  DisputeContestedV1,
  DisputeEscalatedV1,
  DisputeOpenedV1,
  DisputeParty,
  DisputeReason,
  DisputeReferredToLegalV1,
  DisputeResolvedV1,
  DisputedPaymentAmounts,
  DisputedPaymentFacts,
  DisputedPaymentStatus,
  EngineId,
  EscalateDisputeCommand,
  EvidenceSubmittedV1,
  ExpireDisputeResponseCommand,
  OpenDisputeCommand,
  ResolveDisputeCommand,
  RespondToDisputeCommand,
  SubmitEvidenceCommand,
} from './codecs.js'
export { disputeUpcasters } from './upcast.js'
export type { DisputeError, DisputeErrorCode } from './errors.js'
export type { DisputeDecision } from './decide.js'
export { decideDispute } from './decide.js'
export type {
  ActiveDisputeState,
  DisputeActiveStatus,
  DisputeCase,
  DisputeEvidence,
  DisputeResolution,
  DisputeState,
  DisputedPayment,
  OpenedDisputeState,
} from './state.js'
export { evolveDispute, initialDisputeState, isDisputeActive } from './state.js'
export type { DisputeSettlement } from './resolution.js'
export { disputeRefundEntry, settleDispute } from './resolution.js'
export type { DisputeView } from './view.js'
export { disputeRefunded, disputeView } from './view.js'
export { disputeDecider } from './disputeDecider.js'
export { disputeStream } from '../streamNames.js'
