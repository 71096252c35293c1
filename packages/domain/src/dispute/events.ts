// Dispute event types, derived from their codecs so the codec stays the single source of truth.
import * as t from 'io-ts'
import {
  DisputeContestedV1,
  DisputeEscalatedV1,
  DisputeOpenedV1,
  DisputeReferredToLegalV1,
  DisputeResolvedV1,
  EvidenceSubmittedV1,
} from './codecs.js'

/** The dispute exists and the engine holds `held` from the payee. */
export type DisputeOpened = t.TypeOf<typeof DisputeOpenedV1>
/** One piece of evidence was added. */
export type EvidenceSubmitted = t.TypeOf<typeof EvidenceSubmittedV1>
/** The payee contested. */
export type DisputeContested = t.TypeOf<typeof DisputeContestedV1>
/** Support took the dispute. */
export type DisputeEscalated = t.TypeOf<typeof DisputeEscalatedV1>
/** Support referred the dispute to legal. */
export type DisputeReferredToLegal = t.TypeOf<typeof DisputeReferredToLegalV1>
/** The final outcome, with the journal entry of a refund. */
export type DisputeResolved = t.TypeOf<typeof DisputeResolvedV1>

/** The codec of every dispute event (current versions; run `disputeUpcasters` first). */
export const DisputeEvent = t.union(
  [
    DisputeOpenedV1,
    EvidenceSubmittedV1,
    DisputeContestedV1,
    DisputeEscalatedV1,
    DisputeReferredToLegalV1,
    DisputeResolvedV1,
  ],
  'DisputeEvent',
)
/** Any dispute event. */
export type DisputeEvent = t.TypeOf<typeof DisputeEvent>
