// The io-ts codecs of every withdrawal command: the single source of truth for their static
// types, which commands.ts derives. Commands are never stored raw, so they carry no version.
import * as t from 'io-ts'
import {
  AssetCode,
  CallerId,
  DecimalString,
  IsoInstant,
  LocalDate,
  Sha256Hex,
} from '../codecs/common.js'
import { commandCodec } from '../codecs/event.js'
import { BusinessCalendar } from '../calendar/businessCalendar.js'
import { LocalTime } from '../calendar/localDate.js'
import { Authorization } from '../security/authorization.js'
import {
  BankReference,
  EngineId,
  Reason,
  WithdrawalDestination,
  WithdrawalSenderFacts,
} from './codecs.js'

// ---------------------------------------------------------------- commands

/**
 * Asks to withdraw `amount` plus `fee` (absent: zero) from the account. The engine canonicalizes
 * both amounts to the asset's scale, seals the destination, makes `holdId` and passes the
 * sender's facts for this asset and `localDate`.
 */
export const RequestWithdrawalCommand = t.intersection(
  [
    commandCodec('RequestWithdrawal', {
      withdrawalId: CallerId,
      accountId: CallerId,
      asset: AssetCode,
      amount: DecimalString,
      destination: WithdrawalDestination,
      holdId: EngineId,
      at: IsoInstant,
      localDate: LocalDate,
      fingerprint: Sha256Hex,
      sender: WithdrawalSenderFacts,
    }),
    t.partial({ fee: DecimalString, authorization: Authorization }),
  ],
  'RequestWithdrawal',
)

/** The outcome of the identity check of a requested withdrawal. */
export const VerifyWithdrawalIdentityCommand = commandCodec('VerifyWithdrawalIdentity', {
  withdrawalId: CallerId,
  passed: t.boolean,
  at: IsoInstant,
})

/**
 * Hands a verified withdrawal to the bank or network. `localDate` and `localTime` are the
 * submission moment in the ledger's zone; the calendar gives the settlement window.
 */
export const SubmitWithdrawalCommand = t.intersection(
  [
    commandCodec('SubmitWithdrawal', {
      withdrawalId: CallerId,
      at: IsoInstant,
      localDate: LocalDate,
      localTime: LocalTime,
      calendar: BusinessCalendar,
    }),
    t.partial({ bankReference: BankReference }),
  ],
  'SubmitWithdrawal',
)

/** The bank or network paid out a submitted withdrawal; `entryId` names the journal entry. */
export const CompleteWithdrawalCommand = commandCodec('CompleteWithdrawal', {
  withdrawalId: CallerId,
  entryId: EngineId,
  at: IsoInstant,
})

/** The withdrawal failed before completion (the bank refused it, the address was invalid). */
export const FailWithdrawalCommand = commandCodec('FailWithdrawal', {
  withdrawalId: CallerId,
  reason: Reason,
  at: IsoInstant,
})

/** Cancels a withdrawal not yet submitted: sent by the engine when the account is frozen. */
export const CancelWithdrawalCommand = commandCodec('CancelWithdrawal', {
  withdrawalId: CallerId,
  reason: Reason,
  at: IsoInstant,
})

/** The bank sent a completed withdrawal back; `entryId` names the journal entry of the return. */
export const ReturnWithdrawalCommand = commandCodec('ReturnWithdrawal', {
  withdrawalId: CallerId,
  reason: Reason,
  entryId: EngineId,
  at: IsoInstant,
})

/** Every withdrawal command. */
export const WithdrawalCommand = t.union(
  [
    RequestWithdrawalCommand,
    VerifyWithdrawalIdentityCommand,
    SubmitWithdrawalCommand,
    CompleteWithdrawalCommand,
    FailWithdrawalCommand,
    CancelWithdrawalCommand,
    ReturnWithdrawalCommand,
  ],
  'WithdrawalCommand',
)
