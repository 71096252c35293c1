// Dispute command types, derived from their codecs so the codec stays the single source of truth.
import * as t from 'io-ts'
import {
  EscalateDisputeCommand,
  ExpireDisputeResponseCommand,
  OpenDisputeCommand,
  ResolveDisputeCommand,
  RespondToDisputeCommand,
  SubmitEvidenceCommand,
} from './codecs.js'

/** Opens a dispute against a settled payment (only its payer may). */
export type OpenDispute = t.TypeOf<typeof OpenDisputeCommand>
/** Adds evidence from the payer or the payee. */
export type SubmitEvidence = t.TypeOf<typeof SubmitEvidenceCommand>
/** The payee accepts (refund at once) or contests, no later than `responseDueAt`. */
export type RespondToDispute = t.TypeOf<typeof RespondToDisputeCommand>
/** The engine's `runDue`: the payee let the deadline pass. */
export type ExpireDisputeResponse = t.TypeOf<typeof ExpireDisputeResponseCommand>
/** Hands the dispute to support. */
export type EscalateDispute = t.TypeOf<typeof EscalateDisputeCommand>
/** Support's outcome: payer (full or partial refund), payee, or legal. */
export type ResolveDispute = t.TypeOf<typeof ResolveDisputeCommand>

/** The codec of every dispute command, for the engine and for round-trip tests. */
export const DisputeCommand = t.union(
  [
    OpenDisputeCommand,
    SubmitEvidenceCommand,
    RespondToDisputeCommand,
    ExpireDisputeResponseCommand,
    EscalateDisputeCommand,
    ResolveDisputeCommand,
  ],
  'DisputeCommand',
)
/** Any dispute command. */
export type DisputeCommand = t.TypeOf<typeof DisputeCommand>
