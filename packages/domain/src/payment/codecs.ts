// The io-ts codecs of every payment command and event (STYLE.md section 7): the single source of
// truth for their static types, which commands.ts and events.ts derive with `t.TypeOf`.
import * as t from 'io-ts'
import {
  AccountId,
  AssetCode,
  CallerId,
  DecimalString,
  EngineId,
  IsoInstant,
  LocalDate,
  Percent,
  Sha256Hex,
  boundedString,
} from '../codecs/common.js'
import { commandCodec, eventCodec } from '../codecs/event.js'
import { JournalEntry } from '../journal/journal.js'
import { MEMO_LENGTH_MAX } from '../limits.js'
import { PromotionFacts } from '../promotion/codecs.js'
import { Authorization } from '../security/authorization.js'
import { MinorUnits, SenderFactsCodec } from '../security/senderFactsCodec.js'

// ---------------------------------------------------------------- shared pieces

/** How the payment was made. */
export const PaymentChannel = t.keyof(
  { merchant_qr: null, online: null, p2p: null, bill: null },
  'PaymentChannel',
)
export type PaymentChannel = t.TypeOf<typeof PaymentChannel>

/** `instant`: captured at once; `manual` (online checkout only): authorized now, captured later. */
export const CaptureMode = t.keyof({ instant: null, manual: null }, 'CaptureMode')
export type CaptureMode = t.TypeOf<typeof CaptureMode>

/**
 * Ids the engine makes (journal entry, hold and refund ids): any short string, since the engine may
 * derive them with a prefix or a separator that a caller-chosen id would not allow.
 */
export const PaymentEngineId = EngineId

/** Minor units on the wire (a decimal integer string), `bigint` inside. */
export const PaymentMinorUnits = MinorUnits

/** An account's status as the account aggregate reports it. */
export const PartyStatus = t.keyof({ active: null, frozen: null, closed: null }, 'AccountStatus')

/** The payer's facts for the payment's asset and local day (`SenderFactsCodec`). */
export const PaymentSenderFacts = SenderFactsCodec

/** What a payment needs to know about its payee; `merchantFeeRate` is a percent ("2.5"), absent 0. */
export const PayeeFacts = t.intersection(
  [
    t.type({
      accountId: AccountId,
      kind: t.keyof({ user: null, merchant: null }),
      status: PartyStatus,
    }),
    t.partial({ merchantFeeRate: Percent }),
  ],
  'PayeeFacts',
)
export type PayeeFacts = t.TypeOf<typeof PayeeFacts>

/** Where a manual payment's hold is kept on the payer and when it expires. */
export const PaymentHold = t.type({ holdId: PaymentEngineId, expiresAt: IsoInstant }, 'PaymentHold')

/**
 * The caller's request as the first event records it: enough to show the payment in `payment()`
 * and the payer's history, and the fingerprint (sha-256 of the caller's fields, computed by the
 * engine) that tells a retry from a reused idempotency key.
 */
export const PaymentRequest = t.intersection(
  [
    t.type({
      fingerprint: Sha256Hex,
      channel: PaymentChannel,
      payer: AccountId,
      payee: AccountId,
      asset: AssetCode,
      amount: DecimalString,
      capture: CaptureMode,
    }),
    t.partial({ memo: boundedString(MEMO_LENGTH_MAX), promotionId: CallerId }),
  ],
  'PaymentRequest',
)
export type PaymentRequest = t.TypeOf<typeof PaymentRequest>

/** The business refusals a payment request records as `PaymentFailed`. */
export const PaymentFailureCode = t.keyof(
  {
    account_frozen: null,
    account_closed: null,
    security_check_failed: null,
    limit_exceeded: null,
    insufficient_balance: null,
    promotion_exhausted: null,
    promotion_not_valid: null,
    promotion_cap_exceeded: null,
  },
  'PaymentFailureCode',
)
export type PaymentFailureCode = t.TypeOf<typeof PaymentFailureCode>

// ---------------------------------------------------------------- commands

/**
 * Requests a payment. Everything known from other aggregates comes as plain data: `payer` (the
 * sender's facts for `asset` on `localDate`), `payee`, and `promotion` (the promotion's facts for
 * the payer, when the caller named one). `hold` is required for `manual` capture and refused
 * otherwise. `amount` is canonical in `asset`.
 */
export const RequestPaymentCommand = t.intersection(
  [
    commandCodec('RequestPayment', {
      paymentId: CallerId,
      entryId: PaymentEngineId,
      fingerprint: Sha256Hex,
      channel: PaymentChannel,
      payer: PaymentSenderFacts,
      payee: PayeeFacts,
      asset: AssetCode,
      amount: DecimalString,
      capture: CaptureMode,
      at: IsoInstant,
      localDate: LocalDate,
    }),
    t.partial({
      memo: boundedString(MEMO_LENGTH_MAX),
      authorization: Authorization,
      hold: PaymentHold,
      promotion: PromotionFacts,
    }),
  ],
  'RequestPayment',
)

/** Captures an authorized payment; `amount` absent captures all of it, less releases the rest. */
export const CapturePaymentCommand = t.intersection(
  [
    commandCodec('CapturePayment', {
      paymentId: CallerId,
      entryId: PaymentEngineId,
      at: IsoInstant,
    }),
    t.partial({ amount: DecimalString }),
  ],
  'CapturePayment',
)

/** Cancels an authorized payment; the engine releases the payer's hold. */
export const CancelPaymentCommand = commandCodec('CancelPayment', {
  paymentId: CallerId,
  at: IsoInstant,
})

/** Sent by `runDue`: expires an authorized payment whose hold is due. */
export const ExpirePaymentCommand = commandCodec('ExpirePayment', {
  paymentId: CallerId,
  at: IsoInstant,
})

/**
 * Refunds part or all of a captured payment; `amount` (gross) absent refunds everything still
 * refundable. The dispute facts come from the dispute aggregate: `hasOpenDispute`, and
 * `disputeRefunded`, the gross total disputes on this payment have already returned to the payer.
 */
export const RefundPaymentCommand = t.intersection(
  [
    commandCodec('RefundPayment', {
      paymentId: CallerId,
      refundId: PaymentEngineId,
      entryId: PaymentEngineId,
      fingerprint: Sha256Hex,
      hasOpenDispute: t.boolean,
      disputeRefunded: DecimalString,
      at: IsoInstant,
    }),
    t.partial({ amount: DecimalString }),
  ],
  'RefundPayment',
)

// ---------------------------------------------------------------- events

/** The request was refused for a business reason; the only event such a payment ever has. */
export const PaymentFailedV1 = eventCodec(
  'PaymentFailed',
  1,
  t.type({
    paymentId: CallerId,
    request: PaymentRequest,
    reason: t.type({ code: PaymentFailureCode, message: t.string }),
    at: IsoInstant,
  }),
)

/**
 * A manual payment was authorized: the engine holds `request.amount` from the payer under
 * `holdId` until `expiresAt`. `merchantFeeRate` is the payee's rate now, applied at capture.
 */
export const PaymentAuthorizedV1 = eventCodec(
  'PaymentAuthorized',
  1,
  t.intersection([
    t.type({
      paymentId: CallerId,
      request: PaymentRequest,
      holdId: PaymentEngineId,
      expiresAt: IsoInstant,
      at: IsoInstant,
    }),
    t.partial({ merchantFeeRate: Percent }),
  ]),
)

/**
 * Money moved, in `entry`: `amount` gross captured, `discount` paid by the promotion's budget,
 * `fee` kept by the platform from the payee, `released` what is left of a partially captured hold.
 * `request` is present exactly when this is the first event (instant capture). Absent amounts are 0.
 */
export const PaymentCapturedV1 = eventCodec(
  'PaymentCaptured',
  1,
  t.intersection([
    t.type({ paymentId: CallerId, amount: DecimalString, entry: JournalEntry, at: IsoInstant }),
    t.partial({
      request: PaymentRequest,
      discount: DecimalString,
      fee: DecimalString,
      released: DecimalString,
    }),
  ]),
)

/** An authorized payment was cancelled; the engine releases the hold. */
export const PaymentCancelledV1 = eventCodec(
  'PaymentCancelled',
  1,
  t.type({ paymentId: CallerId, at: IsoInstant }),
)

/** An authorized payment was not captured in time; the engine releases the hold. */
export const PaymentExpiredV1 = eventCodec(
  'PaymentExpired',
  1,
  t.type({ paymentId: CallerId, at: IsoInstant }),
)

/** A refund of `amount` (gross) moved money back in `entry`. */
export const PaymentRefundedV1 = eventCodec(
  'PaymentRefunded',
  1,
  t.type({
    paymentId: CallerId,
    refundId: PaymentEngineId,
    fingerprint: Sha256Hex,
    amount: DecimalString,
    entry: JournalEntry,
    at: IsoInstant,
  }),
)
