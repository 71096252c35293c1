// Withdrawal event types, derived from their codecs (codecs.ts is the single source of truth).
import type * as t from 'io-ts'
import type {
  WithdrawalCancelledV1,
  WithdrawalCompletedV1,
  WithdrawalDestination as WithdrawalDestinationCodec,
  WithdrawalEvent as WithdrawalEventCodec,
  WithdrawalFailedV1,
  WithdrawalRefusalCode as WithdrawalRefusalCodeCodec,
  WithdrawalRejectedV1,
  WithdrawalRequestFailedV1,
  WithdrawalRequestedV1,
  WithdrawalReturnedV1,
  WithdrawalSubmittedV1,
  WithdrawalVerifiedV1,
} from './codecs.js'

/** The withdrawal exists; `amount + fee` is held. */
export type WithdrawalRequested = t.TypeOf<typeof WithdrawalRequestedV1>
/** The request was refused for a business reason; nothing was held. */
export type WithdrawalRequestFailed = t.TypeOf<typeof WithdrawalRequestFailedV1>
/** The identity check passed. */
export type WithdrawalVerified = t.TypeOf<typeof WithdrawalVerifiedV1>
/** The identity check failed; the hold is released. */
export type WithdrawalRejected = t.TypeOf<typeof WithdrawalRejectedV1>
/** Handed to the bank with its settlement window. */
export type WithdrawalSubmitted = t.TypeOf<typeof WithdrawalSubmittedV1>
/** Paid out, with the journal entry. */
export type WithdrawalCompleted = t.TypeOf<typeof WithdrawalCompletedV1>
/** Failed before completion; the hold is released. */
export type WithdrawalFailed = t.TypeOf<typeof WithdrawalFailedV1>
/** Cancelled before submission; the hold is released. */
export type WithdrawalCancelled = t.TypeOf<typeof WithdrawalCancelledV1>
/** Sent back by the bank after completion, with the journal entry of the return. */
export type WithdrawalReturned = t.TypeOf<typeof WithdrawalReturnedV1>
/** Every withdrawal event. */
export type WithdrawalEvent = t.TypeOf<typeof WithdrawalEventCodec>
/** A sealed destination: a bank account or a crypto address. */
export type WithdrawalDestination = t.TypeOf<typeof WithdrawalDestinationCodec>
/** A business refusal recorded as a failed request. */
export type WithdrawalRefusalCode = t.TypeOf<typeof WithdrawalRefusalCodeCodec>
