// Account commands: opening, security settings, limits, freeze, unfreeze and close. Each is one
// command on one account stream with the account's exact revision.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  AccountId,
  Authorization,
  boundedString,
  CallerId,
  findAsset,
  isPlatformAccount,
  limits,
  MerchantFeeRate,
} from '@wallet-ledger/domain'
import type { AccountCommand } from '@wallet-ledger/domain'
import { sealForOwner } from '../../privacy/ownerKeys.js'
import type { LedgerContext } from '../../ledger/context.js'
import type { Ledger, LedgerError } from '../../ledger/types.js'
import { AmountText, AssetText, decodeCaller, parseCallerAmount } from '../../ledger/input.js'
import { commitMetadataOf, decideWrite, nowOf, withContext } from '../shared/common.js'
import { runPlanned } from '../execution/run.js'
import type { Plan } from '../execution/run.js'
import { accountNotFound } from '../../ledger/notFound.js'

// ---------------------------------------------------------------- input codecs

const Text = (max: number, name: string) => boundedString(max, name)
const Contact = t.partial({ phone: Text(32, 'Phone'), email: Text(254, 'Email') }, 'Contact')
const AccountKindInput = t.keyof({ user: null, merchant: null }, "'user' | 'merchant'")

/** The caller's input to `openAccount` (contract.unit.spec.ts ties it to `Ledger`). */
export const OpenAccountInput = withContext(
  { kind: AccountKindInput },
  { accountId: CallerId, contact: Contact, merchantFeeRate: MerchantFeeRate },
  'OpenAccount',
)
/** The caller's input to `enableTwoFactor` and `setPaymentPassword` and `closeAccount` (contract.unit.spec.ts ties it to `Ledger`). */
export const AccountInput = withContext({ accountId: AccountId }, {}, 'AccountCommand')
/** The caller's input to `disableTwoFactor` (contract.unit.spec.ts ties it to `Ledger`). */
export const DisableTwoFactorInput = withContext(
  { accountId: AccountId, authorization: Authorization },
  {},
  'DisableTwoFactor',
)
/** The caller's input to `setLimits` (contract.unit.spec.ts ties it to `Ledger`). */
export const SetLimitsInput = withContext(
  { accountId: AccountId, asset: AssetText },
  {
    perPayment: AmountText,
    perDay: AmountText,
    stepUpAbove: AmountText,
    authorization: Authorization,
  },
  'SetLimits',
)
/** The caller's input to `freezeAccount` (contract.unit.spec.ts ties it to `Ledger`). */
export const FreezeInput = withContext(
  { accountId: AccountId, reason: Text(limits.REASON_LENGTH_MAX, 'Reason') },
  {},
  'FreezeAccount',
)
/** The caller's input to `unfreezeAccount` (contract.unit.spec.ts ties it to `Ledger`). */
export const UnfreezeInput = withContext(
  { accountId: AccountId, verification: Text(limits.REASON_LENGTH_MAX, 'Verification') },
  {},
  'UnfreezeAccount',
)

// ---------------------------------------------------------------- operations

/** Runs one account command against the account's current state. */
export const runAccountCommand = async (
  context: LedgerContext,
  input: { accountId: string; actor?: string; correlationId?: string },
  build: (at: string) => AccountCommand,
  isOpening = false,
): Promise<Either<LedgerError, void>> =>
  runPlanned(context, commitMetadataOf(input), async () => {
    const definition = context.definitions.account
    const loaded = await context.repository.load(definition, input.accountId)
    // Platform accounts are the ledger's own: no caller freezes, closes or configures them.
    const isForeign = isPlatformAccount(input.accountId) || loaded.state.status === 'not_opened'
    if (!isOpening && isForeign) return left(accountNotFound(input.accountId))
    const write = decideWrite(
      definition,
      definition.stream(input.accountId),
      loaded,
      build(nowOf(context)),
    )
    if (write._tag === 'Left') return write
    return right<LedgerError, Plan<void>>({ writes: [write.right], outcome: right(undefined) })
  })

/** Each limit as the caller names it, and as the SetLimits command does. */
const LIMIT_FIELDS = [
  ['perPayment', 'perPaymentMax'],
  ['perDay', 'perDayMax'],
  ['stepUpAbove', 'stepUpAbove'],
] as const

const limitAmount = (
  context: LedgerContext,
  asset: string,
  text: string | undefined,
  field: string,
  commandField: (typeof LIMIT_FIELDS)[number][1],
): Either<LedgerError, Record<string, string>> => {
  if (text === undefined) return right({})
  const parsed = parseCallerAmount(context.registry, asset, text, field)
  return parsed._tag === 'Left' ? parsed : right({ [commandField]: parsed.right.amount })
}

// The decider names the limits a change loosens by the command's fields; the caller sent its own.
const inCallerNames = (refused: Either<LedgerError, void>): Either<LedgerError, void> => {
  const loosened = refused._tag === 'Left' ? refused.left.details?.['loosened'] : undefined
  if (refused._tag === 'Right' || !Array.isArray(loosened)) return refused
  const callerName = (name: unknown) =>
    LIMIT_FIELDS.find(([, commandField]) => commandField === name)?.[0] ?? name
  const details = { ...refused.left.details, loosened: loosened.map(callerName) }
  return left({ ...refused.left, details } as LedgerError)
}

/** The account methods of the ledger. */
export const accountCommands = (
  context: LedgerContext,
): Pick<
  Ledger,
  | 'openAccount'
  | 'enableTwoFactor'
  | 'disableTwoFactor'
  | 'setPaymentPassword'
  | 'setLimits'
  | 'freezeAccount'
  | 'unfreezeAccount'
  | 'closeAccount'
> => ({
  openAccount: async (raw) => {
    const input = decodeCaller(OpenAccountInput, raw)
    if (input._tag === 'Left') return input
    const { kind, contact, merchantFeeRate } = input.right
    if (merchantFeeRate !== undefined && kind !== 'merchant') {
      return left({
        code: 'invalid_input',
        message: 'merchantFeeRate: only a merchant account has a fee rate',
        details: { path: 'merchantFeeRate' },
      })
    }
    const accountId = input.right.accountId ?? context.nextId()
    const sealed =
      contact === undefined
        ? undefined
        : await sealForOwner(context.keyVault, accountId, JSON.stringify(contact))
    const opened = await runAccountCommand(
      context,
      { ...input.right, accountId },
      (at) =>
        ({
          type: 'OpenAccount',
          accountId,
          kind,
          at,
          ...(sealed === undefined ? {} : { contact: sealed }),
          ...(merchantFeeRate === undefined ? {} : { merchantFeeRate }),
          ...(input.right.metadata === undefined ? {} : { metadata: input.right.metadata }),
        }) as AccountCommand,
      true,
    )
    return opened._tag === 'Left' ? opened : right({ accountId })
  },
  enableTwoFactor: async (raw) => simple(context, raw, 'EnableTwoFactor'),
  setPaymentPassword: async (raw) => simple(context, raw, 'SetPaymentPassword'),
  closeAccount: async (raw) => simple(context, raw, 'CloseAccount'),
  disableTwoFactor: async (raw) => {
    const input = decodeCaller(DisableTwoFactorInput, raw)
    if (input._tag === 'Left') return input
    const { accountId, authorization } = input.right
    return runAccountCommand(
      context,
      input.right,
      (at) => ({ type: 'DisableTwoFactor', accountId, authorization, at }) as AccountCommand,
    )
  },
  setLimits: async (raw) => {
    const input = decodeCaller(SetLimitsInput, raw)
    if (input._tag === 'Left') return input
    const { accountId, asset, perPayment, perDay, stepUpAbove, authorization } = input.right
    // The asset is checked even when no amount is given: limits of an unknown asset are bad input.
    const known = findAsset(context.registry, asset)
    if (known._tag === 'Left') return known
    const given = { perPayment, perDay, stepUpAbove }
    const amounts = LIMIT_FIELDS.map(([field, commandField]) =>
      limitAmount(context, asset, given[field], field, commandField),
    )
    const fields: Record<string, string> = {}
    for (const amount of amounts) {
      if (amount._tag === 'Left') return amount
      Object.assign(fields, amount.right)
    }
    const set = await runAccountCommand(
      context,
      input.right,
      (at) =>
        ({
          type: 'SetLimits',
          accountId,
          asset,
          at,
          ...fields,
          ...(authorization === undefined ? {} : { authorization }),
        }) as AccountCommand,
    )
    return inCallerNames(set)
  },
  freezeAccount: async (raw) => {
    const input = decodeCaller(FreezeInput, raw)
    if (input._tag === 'Left') return input
    const { accountId, reason } = input.right
    const frozen = await runAccountCommand(
      context,
      input.right,
      (at) => ({ type: 'FreezeAccount', accountId, reason, at }) as AccountCommand,
    )
    if (frozen._tag === 'Left') return frozen
    await context.onFrozen(accountId)
    return frozen
  },
  unfreezeAccount: async (raw) => {
    const input = decodeCaller(UnfreezeInput, raw)
    if (input._tag === 'Left') return input
    const { accountId, verification } = input.right
    return runAccountCommand(
      context,
      input.right,
      (at) => ({ type: 'UnfreezeAccount', accountId, verification, at }) as AccountCommand,
    )
  },
})

const simple = async (
  context: LedgerContext,
  raw: unknown,
  type: 'EnableTwoFactor' | 'SetPaymentPassword' | 'CloseAccount',
): Promise<Either<LedgerError, void>> => {
  const input = decodeCaller(AccountInput, raw)
  if (input._tag === 'Left') return input
  const { accountId } = input.right
  return runAccountCommand(
    context,
    input.right,
    (at) => ({ type, accountId, at }) as AccountCommand,
  )
}
