// The io-ts codecs of every withdrawal event, all versions, and the pieces commands share with them
// (STYLE.md section 7): the single source of truth for their static types, which events.ts
// derives. Command codecs are in commandCodecs.ts.
import * as t from 'io-ts'
import {
  AssetCode,
  CallerId,
  DecimalString,
  EngineId,
  IsoInstant,
  LocalDate,
  Sha256Hex,
  boundedString,
} from '../codecs/common.js'
import { eventCodec } from '../codecs/event.js'
import { SettlementWindow } from '../calendar/businessCalendar.js'
import { JournalEntry } from '../journal/journal.js'
import { MinorUnits as SharedMinorUnits, SenderFactsCodec } from '../security/senderFactsCodec.js'
import {
  DESTINATION_REFERENCE_LENGTH_MAX,
  REASON_LENGTH_MAX,
  REFERENCE_LENGTH_MAX,
} from '../limits.js'

// ---------------------------------------------------------------- shared pieces

/** Ids the engine makes (hold ids, journal entry ids): any short string. */
export { EngineId }

/** A free-text reason (why a withdrawal failed, was cancelled or returned). */
export const Reason = boundedString(REASON_LENGTH_MAX, 'Reason')

/** The bank's reference for a submitted transfer. */
export const BankReference = boundedString(REFERENCE_LENGTH_MAX, 'BankReference')

const CRYPTO_NETWORK = /^[a-z0-9-]{1,32}$/
/** The brand that marks a string checked as a crypto network name (io-ts `t.brand`). */
export interface CryptoNetworkBrand {
  readonly CryptoNetwork: unique symbol
}
/** A crypto network name ("ethereum", "tron"): lower-case letters, digits and '-'. */
export const CryptoNetwork = t.brand(
  t.string,
  (s): s is t.Branded<string, CryptoNetworkBrand> => CRYPTO_NETWORK.test(s),
  'CryptoNetwork',
)

/**
 * The secret part of a destination as the engine stores it: an opaque ciphertext (or vault
 * reference) of the bank name and account number, or of the crypto address, encrypted with the
 * owner's key. Erasing that key forgets the destination (crypto-shredding) while every journal
 * entry stays verifiable. The domain never reads it.
 */
export const DestinationReference = boundedString(
  DESTINATION_REFERENCE_LENGTH_MAX,
  'DestinationReference',
)

/**
 * Where the money goes. Only `reference` is personal; `type` and `network` are not secret, and
 * `network` picks the world account the amount is posted to.
 */
export const WithdrawalDestination = t.union(
  [
    t.type({ type: t.literal('bank_account'), reference: DestinationReference }, 'BankAccount'),
    t.type(
      {
        type: t.literal('crypto_address'),
        network: CryptoNetwork,
        reference: DestinationReference,
      },
      'CryptoAddress',
    ),
  ],
  'WithdrawalDestination',
)

/** Minor units on the wire (a decimal integer string), `bigint` inside. */
export const MinorUnits = SharedMinorUnits

/** The sender's facts for the withdrawal's asset and local day (`SenderFactsCodec`). */
export const WithdrawalSenderFacts = SenderFactsCodec

/** The business refusals recorded as a failed withdrawal rather than returned as a rejection. */
export const WithdrawalRefusalCode = t.keyof(
  {
    account_frozen: null,
    security_check_failed: null,
    limit_exceeded: null,
    insufficient_balance: null,
  },
  'WithdrawalRefusalCode',
)

// ---------------------------------------------------------------- events

/**
 * The withdrawal exists and `amount + fee` is to be held from the account under `holdId` (the
 * engine writes `FundsHeld` with `limitDate`, owner-initiated). Amounts are canonical.
 */
export const WithdrawalRequestedV1 = eventCodec(
  'WithdrawalRequested',
  1,
  t.type(
    {
      withdrawalId: CallerId,
      accountId: CallerId,
      asset: AssetCode,
      amount: DecimalString,
      fee: DecimalString,
      destination: WithdrawalDestination,
      holdId: EngineId,
      limitDate: LocalDate,
      fingerprint: Sha256Hex,
      at: IsoInstant,
    },
    'WithdrawalRequested.data',
  ),
)

/**
 * The request was refused for a business reason (`code`, `reason` for people): the first and
 * only event of the stream. Nothing was held, so nothing is released.
 */
export const WithdrawalRequestFailedV1 = eventCodec(
  'WithdrawalRequestFailed',
  1,
  t.type(
    {
      withdrawalId: CallerId,
      accountId: CallerId,
      asset: AssetCode,
      amount: DecimalString,
      fee: DecimalString,
      code: WithdrawalRefusalCode,
      reason: Reason,
      fingerprint: Sha256Hex,
      at: IsoInstant,
    },
    'WithdrawalRequestFailed.data',
  ),
)

/** The owner's identity check passed. */
export const WithdrawalVerifiedV1 = eventCodec(
  'WithdrawalVerified',
  1,
  t.type({ withdrawalId: CallerId, at: IsoInstant }, 'WithdrawalVerified.data'),
)

/** The owner's identity check failed; the engine releases the hold. */
export const WithdrawalRejectedV1 = eventCodec(
  'WithdrawalRejected',
  1,
  t.type({ withdrawalId: CallerId, at: IsoInstant }, 'WithdrawalRejected.data'),
)

/** Handed to the bank or network; expected to settle within `expectedBy` (local dates). */
export const WithdrawalSubmittedV1 = eventCodec(
  'WithdrawalSubmitted',
  1,
  t.intersection(
    [
      t.type({ withdrawalId: CallerId, expectedBy: SettlementWindow, at: IsoInstant }),
      t.partial({ bankReference: BankReference }),
    ],
    'WithdrawalSubmitted.data',
  ),
)

/**
 * Paid out. `entry`: leg 0 debits the account `amount + fee` (the engine captures the hold,
 * citing it), then the amount is credited to the outflow account and the fee to `system:fees`.
 */
export const WithdrawalCompletedV1 = eventCodec(
  'WithdrawalCompleted',
  1,
  t.type(
    { withdrawalId: CallerId, entry: JournalEntry, at: IsoInstant },
    'WithdrawalCompleted.data',
  ),
)

/** Failed before completion; the engine releases the hold. */
export const WithdrawalFailedV1 = eventCodec(
  'WithdrawalFailed',
  1,
  t.type({ withdrawalId: CallerId, reason: Reason, at: IsoInstant }, 'WithdrawalFailed.data'),
)

/** Cancelled before submission (the account was frozen); the engine releases the hold. */
export const WithdrawalCancelledV1 = eventCodec(
  'WithdrawalCancelled',
  1,
  t.type({ withdrawalId: CallerId, reason: Reason, at: IsoInstant }, 'WithdrawalCancelled.data'),
)

/**
 * The bank returned the amount after completion. `entry`: leg 0 debits the outflow account, leg 1
 * credits the account the amount (the engine writes `FundsCredited` citing leg 1). The fee is kept.
 */
export const WithdrawalReturnedV1 = eventCodec(
  'WithdrawalReturned',
  1,
  t.type(
    { withdrawalId: CallerId, reason: Reason, entry: JournalEntry, at: IsoInstant },
    'WithdrawalReturned.data',
  ),
)

/** Every withdrawal event at its current version. */
export const WithdrawalEvent = t.union(
  [
    WithdrawalRequestedV1,
    WithdrawalRequestFailedV1,
    WithdrawalVerifiedV1,
    WithdrawalRejectedV1,
    WithdrawalSubmittedV1,
    WithdrawalCompletedV1,
    WithdrawalFailedV1,
    WithdrawalCancelledV1,
    WithdrawalReturnedV1,
  ],
  'WithdrawalEvent',
)
