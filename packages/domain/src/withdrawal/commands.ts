// Withdrawal command types, derived from their codecs (codecs.ts is the single source of truth).
import type * as t from 'io-ts'
import type {
  CancelWithdrawalCommand,
  CompleteWithdrawalCommand,
  FailWithdrawalCommand,
  RequestWithdrawalCommand,
  ReturnWithdrawalCommand,
  SubmitWithdrawalCommand,
  VerifyWithdrawalIdentityCommand,
  WithdrawalCommand as WithdrawalCommandCodec,
} from './commandCodecs.js'

/** Asks to withdraw `amount + fee` from an account to a sealed destination. */
export type RequestWithdrawal = t.TypeOf<typeof RequestWithdrawalCommand>
/** The outcome of the owner's identity check. */
export type VerifyWithdrawalIdentity = t.TypeOf<typeof VerifyWithdrawalIdentityCommand>
/** Hands a verified withdrawal to the bank, with the calendar that dates its settlement. */
export type SubmitWithdrawal = t.TypeOf<typeof SubmitWithdrawalCommand>
/** The bank paid out a submitted withdrawal. */
export type CompleteWithdrawal = t.TypeOf<typeof CompleteWithdrawalCommand>
/** The withdrawal failed before completion. */
export type FailWithdrawal = t.TypeOf<typeof FailWithdrawalCommand>
/** Cancels a withdrawal not yet submitted (the account was frozen). */
export type CancelWithdrawal = t.TypeOf<typeof CancelWithdrawalCommand>
/** The bank sent a completed withdrawal back. */
export type ReturnWithdrawal = t.TypeOf<typeof ReturnWithdrawalCommand>
/** Every withdrawal command. */
export type WithdrawalCommand = t.TypeOf<typeof WithdrawalCommandCodec>
