// The io-ts codecs of every dispute command and event (STYLE.md section 7): the single source of
// truth for their static types, which commands.ts and events.ts derive with `t.TypeOf`.
import * as t from 'io-ts'
import {
  AccountId,
  AssetCode,
  CallerId,
  DecimalString,
  EngineId,
  IsoInstant,
  Sha256Hex,
  boundedString,
} from '../codecs/common.js'
import { commandCodec, eventCodec } from '../codecs/event.js'
import { JournalEntry } from '../journal/journal.js'
import { REFERENCE_LENGTH_MAX } from '../limits.js'

// ---------------------------------------------------------------- shared pieces

/** Why the payer disputes a payment. */
export const DisputeReason = t.keyof(
  { unauthorized: null, not_received: null, wrong_amount: null, duplicate: null },
  'DisputeReason',
)

/** Which side of the payment submitted a piece of evidence. */
export const DisputeParty = t.keyof({ payer: null, payee: null }, 'DisputeParty')

/** The payment statuses of DESIGN's PaymentView; only `completed` and `partially_refunded` are disputable. */
export const DisputedPaymentStatus = t.keyof(
  {
    authorized: null,
    completed: null,
    failed: null,
    cancelled: null,
    refunded: null,
    partially_refunded: null,
  },
  'DisputedPaymentStatus',
)

/**
 * Ids the engine makes (hold ids, journal entry ids): any short string, since the engine may derive
 * them with a prefix or a separator that a caller-chosen id would not allow.
 */
export { EngineId }

/**
 * What the disputed payment's aggregate knows, passed in as plain data. Amounts are canonical in
 * `asset`, gross unless named otherwise. `captured` is the gross captured, `discount` the part the
 * promotion's budget paid (`promotionId` present when it is positive), `fee` the merchant fee the
 * platform kept: a refund of the dispute splits like a payment refund (`refundShares`), so the
 * payer gets their share of what they were charged, the budget the rest, and the fee's share comes
 * back from the fees account. `refunded` is everything already refunded, gross: the payment's
 * refunds plus the `refunded` of every earlier resolved dispute on the same payment.
 */
export const DisputedPaymentFacts = t.intersection(
  [
    t.type({
      payer: AccountId,
      payee: AccountId,
      asset: AssetCode,
      captured: DecimalString,
      discount: DecimalString,
      fee: DecimalString,
      refunded: DecimalString,
      status: DisputedPaymentStatus,
    }),
    t.partial({ promotionId: CallerId }),
  ],
  'DisputedPaymentFacts',
)

/**
 * The disputed payment's money when the dispute opened, as DisputeOpened records it: what a
 * refund of the dispute is split by (see `DisputedPaymentFacts`). No refund or other dispute can
 * change it while the dispute is undecided (refunds wait: `dispute_open`; one dispute at a time).
 */
export const DisputedPaymentAmounts = t.intersection(
  [
    t.type({
      captured: DecimalString,
      discount: DecimalString,
      fee: DecimalString,
      refunded: DecimalString,
    }),
    t.partial({ promotionId: CallerId }),
  ],
  'DisputedPaymentAmounts',
)

// ---------------------------------------------------------------- commands

/** Opens a dispute; `amount` absent means everything still disputable (captured - refunded). */
export const OpenDisputeCommand = t.intersection(
  [
    commandCodec('OpenDispute', {
      disputeId: CallerId,
      paymentId: CallerId,
      openedBy: AccountId,
      reason: DisputeReason,
      at: IsoInstant,
      responseDueAt: IsoInstant,
      holdId: EngineId,
      payment: DisputedPaymentFacts,
      payeeAvailable: DecimalString,
      fingerprint: Sha256Hex,
    }),
    t.partial({ amount: DecimalString }),
  ],
  'OpenDispute',
)

/** Adds one piece of evidence from either side. */
export const SubmitEvidenceCommand = commandCodec('SubmitEvidence', {
  disputeId: CallerId,
  by: DisputeParty,
  reference: boundedString(REFERENCE_LENGTH_MAX),
  sha256: Sha256Hex,
  at: IsoInstant,
})

/** The payee's answer; `entryId` is used only by `accept`, which refunds the payer at once. */
export const RespondToDisputeCommand = commandCodec('RespondToDispute', {
  disputeId: CallerId,
  response: t.keyof({ accept: null, contest: null }),
  entryId: EngineId,
  at: IsoInstant,
})

/** Sent by the engine's `runDue` once the response deadline has passed. */
export const ExpireDisputeResponseCommand = commandCodec('ExpireDisputeResponse', {
  disputeId: CallerId,
  at: IsoInstant,
})

/** Hands the dispute to support. */
export const EscalateDisputeCommand = commandCodec('EscalateDispute', {
  disputeId: CallerId,
  at: IsoInstant,
})

/** Support's decision; `amount` (payer outcome only) refunds part of the disputed amount. */
export const ResolveDisputeCommand = t.intersection(
  [
    commandCodec('ResolveDispute', {
      disputeId: CallerId,
      outcome: t.keyof({ payer: null, payee: null, legal: null }),
      entryId: EngineId,
      at: IsoInstant,
    }),
    t.partial({ amount: DecimalString }),
  ],
  'ResolveDispute',
)

// ---------------------------------------------------------------- events

/**
 * The dispute exists. The engine holds `held` (never more than the payee's available balance) from
 * the payee under `holdId`, platform-initiated; `shortfall` is what the payee could not cover
 * (`held + shortfall = amount`). Nothing is held when `held` is zero. `payment` is the disputed
 * payment's money at the opening, which a refund to the payer is split by.
 */
export const DisputeOpenedV1 = eventCodec(
  'DisputeOpened',
  1,
  t.type({
    disputeId: CallerId,
    paymentId: CallerId,
    reason: DisputeReason,
    payer: AccountId,
    payee: AccountId,
    asset: AssetCode,
    amount: DecimalString,
    held: DecimalString,
    shortfall: DecimalString,
    holdId: EngineId,
    responseDueAt: IsoInstant,
    payment: DisputedPaymentAmounts,
    fingerprint: Sha256Hex,
    at: IsoInstant,
  }),
)

/** One piece of evidence was added. */
export const EvidenceSubmittedV1 = eventCodec(
  'EvidenceSubmitted',
  1,
  t.type({
    disputeId: CallerId,
    by: DisputeParty,
    reference: boundedString(REFERENCE_LENGTH_MAX),
    sha256: Sha256Hex,
    at: IsoInstant,
  }),
)

/** The payee contested the dispute before the deadline. */
export const DisputeContestedV1 = eventCodec(
  'DisputeContested',
  1,
  t.type({ disputeId: CallerId, at: IsoInstant }),
)

/** Support took the dispute: on request, or because the payee let the deadline pass. */
export const DisputeEscalatedV1 = eventCodec(
  'DisputeEscalated',
  1,
  t.type({
    disputeId: CallerId,
    cause: t.keyof({ requested: null, response_overdue: null }),
    at: IsoInstant,
  }),
)

/** Support referred the dispute to legal; the hold stays until a final outcome. */
export const DisputeReferredToLegalV1 = eventCodec(
  'DisputeReferredToLegal',
  1,
  t.type({ disputeId: CallerId, at: IsoInstant }),
)

/**
 * The final outcome. `refunded` is the gross amount refunded (the field the engine adds to the
 * payment's dispute refunds); the entry splits it like a payment refund: the payer's share of what
 * they were charged, the promotion budget's share, the fee's share taken back from the fees
 * account. `captured` left the payee's hold, `released` went back to the payee's available balance
 * (`captured + released = held`); what the payee owed beyond `captured` was covered by the
 * platform (a receivable). `entry` is present exactly when `refunded` is positive.
 */
export const DisputeResolvedV1 = eventCodec(
  'DisputeResolved',
  1,
  t.intersection([
    t.type({
      disputeId: CallerId,
      outcome: t.keyof({ payer: null, payee: null }),
      decidedBy: t.keyof({ payee: null, support: null }),
      asset: AssetCode,
      refunded: DecimalString,
      captured: DecimalString,
      released: DecimalString,
      at: IsoInstant,
    }),
    t.partial({ entry: JournalEntry }),
  ]),
)
