// Small named factories for account tests: one per command and one per event, with defaults that
// tests override only where the case is about that field. Amounts are canonical strings.
import type { AccountId, AssetCode, DecimalString, IsoInstant, LocalDate, Percent } from '../../../src/codecs/common.js'
import type { AccountCommand, InitiatedBy } from '../../../src/account/commands.js'
import type { AccountEvent, AccountKind } from '../../../src/account/events.js'

/** The instant every fixture happens at unless a test says otherwise. */
export const AT = '2026-11-26T08:00:00.000Z' as IsoInstant
/** The local date of `AT`. */
export const TODAY = '2026-11-26' as LocalDate
/** The day after. */
export const TOMORROW = '2026-11-27' as LocalDate
/** A user account. */
export const ALICE = 'alice' as AccountId

type Command<Type extends AccountCommand['type']> = Extract<AccountCommand, { type: Type }>
type Event<Type extends AccountEvent['type']> = Extract<AccountEvent, { type: Type }>

/** Where a money step points in the journal, and on which account and asset. */
export type LegOptions = {
  readonly accountId?: string
  readonly asset?: string
  readonly entryId?: string
  readonly leg?: number
}

const legOf = (options: LegOptions) => ({
  accountId: (options.accountId ?? ALICE) as AccountId,
  asset: (options.asset ?? 'USD') as AssetCode,
  entryId: options.entryId ?? 'entry-1',
  leg: options.leg ?? 0,
})

// ---------------------------------------------------------------- commands

/** OpenAccount for a user unless `kind` says otherwise. */
export const openAccount = (
  accountId: string = ALICE,
  kind: AccountKind = 'user',
  extra: Partial<Command<'OpenAccount'>> = {},
): Command<'OpenAccount'> => ({ type: 'OpenAccount', accountId: accountId as AccountId, kind, at: AT, ...extra })

/** A command that needs only the account id. */
export const simpleCommand = <
  Type extends 'CloseAccount' | 'EraseContact' | 'EnableTwoFactor' | 'SetPaymentPassword',
>(
  type: Type,
  accountId: string = ALICE,
) => ({ type, accountId: accountId as AccountId, at: AT })

/** FreezeAccount. */
export const freezeAccount = (reason = 'phone stolen', accountId: string = ALICE): Command<'FreezeAccount'> => ({
  type: 'FreezeAccount',
  accountId: accountId as AccountId,
  reason,
  at: AT,
})

/** UnfreezeAccount. */
export const unfreezeAccount = (verification = 'id card at branch', accountId: string = ALICE): Command<'UnfreezeAccount'> => ({
  type: 'UnfreezeAccount',
  accountId: accountId as AccountId,
  verification,
  at: AT,
})

/** DisableTwoFactor with the given check. */
export const disableTwoFactor = (
  method: 'two_factor' | 'payment_password' = 'two_factor',
  verified = true,
): Command<'DisableTwoFactor'> => ({
  type: 'DisableTwoFactor',
  accountId: ALICE,
  authorization: { method, verified },
  at: AT,
})

/** SetLimits for USD, with the caller's authorization when given. */
export const setLimits = (
  limits: { perPaymentMax?: string; perDayMax?: string; stepUpAbove?: string } = {},
  asset = 'USD',
  authorization?: { method: 'two_factor' | 'payment_password'; verified: boolean },
): Command<'SetLimits'> => ({
  type: 'SetLimits',
  accountId: ALICE,
  asset: asset as AssetCode,
  at: AT,
  ...(limits as { perPaymentMax?: DecimalString; perDayMax?: DecimalString; stepUpAbove?: DecimalString }),
  ...(authorization === undefined ? {} : { authorization }),
})

/** SetMerchantFeeRate. */
export const setMerchantFeeRate = (rate: string, accountId: string = ALICE): Command<'SetMerchantFeeRate'> => ({
  type: 'SetMerchantFeeRate',
  accountId: accountId as AccountId,
  merchantFeeRate: rate as Percent,
  at: AT,
})

/** CreditFunds. */
export const creditFunds = (amount: string, options: LegOptions = {}): Command<'CreditFunds'> => ({
  type: 'CreditFunds',
  ...legOf(options),
  operationId: 'op-credit',
  amount: amount as DecimalString,
  at: AT,
})

/** DebitFunds, owner-initiated unless said otherwise. */
export const debitFunds = (
  amount: string,
  options: LegOptions & { initiatedBy?: InitiatedBy; limitDate?: LocalDate } = {},
): Command<'DebitFunds'> => ({
  type: 'DebitFunds',
  ...legOf(options),
  operationId: 'op-debit',
  amount: amount as DecimalString,
  initiatedBy: options.initiatedBy ?? 'owner',
  at: AT,
  ...(options.limitDate === undefined ? {} : { limitDate: options.limitDate }),
})

/** HoldFunds, owner-initiated unless said otherwise. */
export const holdFunds = (
  holdId: string,
  amount: string,
  options: { accountId?: string; asset?: string; initiatedBy?: InitiatedBy; limitDate?: LocalDate } = {},
): Command<'HoldFunds'> => ({
  type: 'HoldFunds',
  accountId: (options.accountId ?? ALICE) as AccountId,
  operationId: `op-hold-${holdId}`,
  holdId,
  asset: (options.asset ?? 'USD') as AssetCode,
  amount: amount as DecimalString,
  initiatedBy: options.initiatedBy ?? 'owner',
  at: AT,
  ...(options.limitDate === undefined ? {} : { limitDate: options.limitDate }),
})

/** CaptureHold, platform-initiated unless said otherwise. */
export const captureHold = (
  holdId: string,
  amount: string,
  options: LegOptions & { initiatedBy?: InitiatedBy } = {},
): Command<'CaptureHold'> => {
  const { accountId, entryId, leg } = legOf(options)
  return {
    type: 'CaptureHold',
    accountId,
    operationId: `op-capture-${holdId}`,
    holdId,
    amount: amount as DecimalString,
    entryId,
    leg,
    initiatedBy: options.initiatedBy ?? 'platform',
    at: AT,
  }
}

/** ReleaseHold. */
export const releaseHold = (holdId: string, accountId: string = ALICE): Command<'ReleaseHold'> => ({
  type: 'ReleaseHold',
  accountId: accountId as AccountId,
  operationId: `op-release-${holdId}`,
  holdId,
  at: AT,
})

// ---------------------------------------------------------------- events

/** AccountOpened of a user unless `kind` says otherwise. */
export const accountOpened = (
  accountId: string = ALICE,
  kind: AccountKind = 'user',
  extra: Partial<Event<'AccountOpened'>['data']> = {},
): Event<'AccountOpened'> => ({
  type: 'AccountOpened',
  schemaVersion: 1,
  data: { accountId: accountId as AccountId, kind, at: AT, ...extra },
})

/** AccountFrozen. */
export const accountFrozen = (reason = 'phone stolen', accountId: string = ALICE): Event<'AccountFrozen'> => ({
  type: 'AccountFrozen',
  schemaVersion: 1,
  data: { accountId: accountId as AccountId, reason, at: AT },
})

/** An event whose data is only the account id and the instant. */
export const simpleEvent = <
  Type extends 'AccountClosed' | 'ContactErased' | 'TwoFactorEnabled' | 'TwoFactorDisabled',
>(
  type: Type,
  accountId: string = ALICE,
) => ({ type, schemaVersion: 1 as const, data: { accountId: accountId as AccountId, at: AT } })

/** FundsCredited. */
export const fundsCredited = (amount: string, options: LegOptions = {}): Event<'FundsCredited'> => ({
  type: 'FundsCredited',
  schemaVersion: 1,
  data: { ...legOf(options), amount: amount as DecimalString, at: AT },
})

/** FundsDebited. */
export const fundsDebited = (
  amount: string,
  options: LegOptions & { limitDate?: LocalDate } = {},
): Event<'FundsDebited'> => ({
  type: 'FundsDebited',
  schemaVersion: 1,
  data: {
    ...legOf(options),
    amount: amount as DecimalString,
    at: AT,
    ...(options.limitDate === undefined ? {} : { limitDate: options.limitDate }),
  },
})

/** FundsHeld. */
export const fundsHeld = (
  holdId: string,
  amount: string,
  options: { accountId?: string; asset?: string; limitDate?: LocalDate } = {},
): Event<'FundsHeld'> => ({
  type: 'FundsHeld',
  schemaVersion: 1,
  data: {
    accountId: (options.accountId ?? ALICE) as AccountId,
    holdId,
    asset: (options.asset ?? 'USD') as AssetCode,
    amount: amount as DecimalString,
    at: AT,
    ...(options.limitDate === undefined ? {} : { limitDate: options.limitDate }),
  },
})

/** HoldCaptured. */
export const holdCaptured = (
  holdId: string,
  amount: string,
  released: string,
  options: LegOptions = {},
): Event<'HoldCaptured'> => {
  const { accountId, entryId, leg } = legOf(options)
  return {
    type: 'HoldCaptured',
    schemaVersion: 1,
    data: { accountId, holdId, amount: amount as DecimalString, entryId, leg, released: released as DecimalString, at: AT },
  }
}

/** HoldReleased. */
export const holdReleased = (holdId: string, amount: string, accountId: string = ALICE): Event<'HoldReleased'> => ({
  type: 'HoldReleased',
  schemaVersion: 1,
  data: { accountId: accountId as AccountId, holdId, amount: amount as DecimalString, at: AT },
})
