// Proves the public contract is written once: each `Ledger` method's input type equals what its
// io-ts codec accepts (t.OutputOf, the unbranded shape), and each view is the domain's view type.
// The checks are types: `pnpm typecheck` fails when a codec and `ledger/types.ts` drift apart.
import type * as t from 'io-ts'
import { describe, expectTypeOf, it } from 'vitest'
import type * as domain from '@wallet-ledger/domain'
import type { Ledger, Result } from './types.js'
import type { AccountsOptions, AuditOptions, RunDueOptions } from './methods.js'
import type { AsOfOptions, HistoryOptions, StatementOptions } from '../queries/ledgerQueries.js'
import type {
  AccountInput,
  DisableTwoFactorInput,
  FreezeInput,
  OpenAccountInput,
  SetLimitsInput,
  UnfreezeInput,
} from '../workflows/account/accounts.js'
import type { ConvertInput } from '../workflows/conversion/conversions.js'
import type { AdjustInput, DepositInput } from '../workflows/deposit/deposit.js'
import type { ReportInput } from '../workflows/dispute/disputeReport.js'
import type {
  DisputeIdInput,
  EvidenceInput,
  OpenInput,
  ResolveInput,
  RespondInput,
} from '../workflows/dispute/disputes.js'
import type { CancelInput, CaptureInput, PayInput } from '../workflows/payment/payments.js'
import type { CreatePromotionInput } from '../workflows/promotion/promotions.js'
import type { RefundInput } from '../workflows/refund/refunds.js'
import type {
  ReasonInput,
  SubmitInput,
  VerifyInput,
  WithdrawalIdInput,
} from '../workflows/withdrawal/withdrawalLifecycle.js'
import type { RequestInput } from '../workflows/withdrawal/withdrawals.js'
import type { ForgetOwnerInput } from '../privacy/forgetOwner.js'

/** The options a query of the ledger takes after the account id. */
type Options<M extends keyof Ledger> = Ledger[M] extends (id: string, options: infer O) => unknown
  ? Plain<NonNullable<O>>
  : never
/** What a method of the ledger takes. */
type In<M extends keyof Ledger> = Ledger[M] extends (input: infer I, ...rest: never[]) => unknown
  ? I
  : never
/** A type with `readonly` dropped and intersections flattened, at every depth. */
type Plain<T> = T extends Date
  ? T
  : T extends readonly (infer E)[]
    ? Plain<E>[]
    : T extends object
      ? { -readonly [K in keyof T]: Plain<T[K]> }
      : T
/** What a codec accepts, without brands, compared as `Plain`. */
type Accepted<C extends t.Mixed> = Plain<t.OutputOf<C>>

describe('the contract', () => {
  it('types each command input as its codec accepts it', () => {
    expectTypeOf<Plain<In<'openAccount'>>>().toEqualTypeOf<Accepted<typeof OpenAccountInput>>()
    expectTypeOf<Plain<In<'enableTwoFactor'>>>().toEqualTypeOf<Accepted<typeof AccountInput>>()
    expectTypeOf<Plain<In<'disableTwoFactor'>>>().toEqualTypeOf<
      Accepted<typeof DisableTwoFactorInput>
    >()
    expectTypeOf<Plain<In<'setPaymentPassword'>>>().toEqualTypeOf<Accepted<typeof AccountInput>>()
    expectTypeOf<Plain<In<'setLimits'>>>().toEqualTypeOf<Accepted<typeof SetLimitsInput>>()
    expectTypeOf<Plain<In<'freezeAccount'>>>().toEqualTypeOf<Accepted<typeof FreezeInput>>()
    expectTypeOf<Plain<In<'forgetOwner'>>>().toEqualTypeOf<Accepted<typeof ForgetOwnerInput>>()
    expectTypeOf<Plain<In<'unfreezeAccount'>>>().toEqualTypeOf<Accepted<typeof UnfreezeInput>>()
    expectTypeOf<Plain<In<'closeAccount'>>>().toEqualTypeOf<Accepted<typeof AccountInput>>()
    expectTypeOf<Plain<In<'deposit'>>>().toEqualTypeOf<Accepted<typeof DepositInput>>()
    expectTypeOf<Plain<In<'adjust'>>>().toEqualTypeOf<Accepted<typeof AdjustInput>>()
    expectTypeOf<Plain<In<'createPromotion'>>>().toEqualTypeOf<
      Accepted<typeof CreatePromotionInput>
    >()
    expectTypeOf<Plain<In<'pay'>>>().toEqualTypeOf<Accepted<typeof PayInput>>()
    expectTypeOf<Plain<In<'capturePayment'>>>().toEqualTypeOf<Accepted<typeof CaptureInput>>()
    expectTypeOf<Plain<In<'cancelPayment'>>>().toEqualTypeOf<Accepted<typeof CancelInput>>()
    expectTypeOf<Plain<In<'refund'>>>().toEqualTypeOf<Accepted<typeof RefundInput>>()
    expectTypeOf<Plain<In<'convert'>>>().toEqualTypeOf<Accepted<typeof ConvertInput>>()
    expectTypeOf<Plain<In<'requestWithdrawal'>>>().toEqualTypeOf<Accepted<typeof RequestInput>>()
    expectTypeOf<Plain<In<'verifyWithdrawalIdentity'>>>().toEqualTypeOf<
      Accepted<typeof VerifyInput>
    >()
    expectTypeOf<Plain<In<'submitWithdrawal'>>>().toEqualTypeOf<Accepted<typeof SubmitInput>>()
    expectTypeOf<Plain<In<'completeWithdrawal'>>>().toEqualTypeOf<
      Accepted<typeof WithdrawalIdInput>
    >()
    expectTypeOf<Plain<In<'failWithdrawal'>>>().toEqualTypeOf<Accepted<typeof ReasonInput>>()
    expectTypeOf<Plain<In<'returnWithdrawal'>>>().toEqualTypeOf<Accepted<typeof ReasonInput>>()
    expectTypeOf<Plain<In<'openDispute'>>>().toEqualTypeOf<Accepted<typeof OpenInput>>()
    expectTypeOf<Plain<In<'submitEvidence'>>>().toEqualTypeOf<Accepted<typeof EvidenceInput>>()
    expectTypeOf<Plain<In<'respondToDispute'>>>().toEqualTypeOf<Accepted<typeof RespondInput>>()
    expectTypeOf<Plain<In<'escalateDispute'>>>().toEqualTypeOf<Accepted<typeof DisputeIdInput>>()
    expectTypeOf<Plain<In<'resolveDispute'>>>().toEqualTypeOf<Accepted<typeof ResolveInput>>()
    expectTypeOf<Plain<In<'reportUnauthorized'>>>().toEqualTypeOf<Accepted<typeof ReportInput>>()
  })

  it('types the options of runDue and audit as their codecs accept them', () => {
    expectTypeOf<Plain<NonNullable<In<'runDue'>>>>().toEqualTypeOf<Accepted<typeof RunDueOptions>>()
    expectTypeOf<Plain<NonNullable<In<'audit'>>>>().toEqualTypeOf<Accepted<typeof AuditOptions>>()
  })

  it('types the options of the queries as their codecs accept them', () => {
    expectTypeOf<Plain<NonNullable<In<'accounts'>>>>().toEqualTypeOf<
      Accepted<typeof AccountsOptions>
    >()
    expectTypeOf<Options<'balances'>>().toEqualTypeOf<Accepted<typeof AsOfOptions>>()
    expectTypeOf<Options<'history'>>().toEqualTypeOf<Accepted<typeof HistoryOptions>>()
    expectTypeOf<Options<'statement'>>().toEqualTypeOf<Accepted<typeof StatementOptions>>()
  })

  it('answers with the domain view types', () => {
    expectTypeOf<ReturnType<Ledger['pay']>>().toEqualTypeOf<Result<domain.PaymentView>>()
    expectTypeOf<ReturnType<Ledger['requestWithdrawal']>>().toEqualTypeOf<
      Result<domain.WithdrawalView>
    >()
    expectTypeOf<ReturnType<Ledger['openDispute']>>().toEqualTypeOf<Result<domain.DisputeView>>()
    expectTypeOf<ReturnType<Ledger['convert']>>().toEqualTypeOf<Result<domain.ConversionView>>()
  })
})
