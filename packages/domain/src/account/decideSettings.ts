// Decisions about an account's settings: two-factor, payment password, limits, merchant fee rate.
// Settings change on active and frozen accounts alike (a frozen owner may need a new password
// before unfreezing); closed accounts refuse them. A setting already in place is a no-op.
import { left, right } from 'fp-ts/lib/Either.js'
import type { DecimalString } from '../codecs/common.js'
import type {
  DisableTwoFactor,
  EnableTwoFactor,
  SetLimits,
  SetMerchantFeeRate,
  SetPaymentPassword,
} from './commands.js'
import { checkLimitChange } from '../security/limitChange.js'
import { accountError } from './errors.js'
import { closed, commandAmount, knownScaleOf, notFound } from './guards.js'
import type { Decision } from './guards.js'
import type { AccountState } from './state.js'

// ---------------------------------------------------------------- operations

/** Turns two-factor on. */
export const enableTwoFactor = (command: EnableTwoFactor, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  if (state.security.hasTwoFactor) return right([])
  const { accountId, at } = command
  return right([{ type: 'TwoFactorEnabled', schemaVersion: 1, data: { accountId, at } }])
}

/** Turns two-factor off; only a verified `two_factor` check may (else `security_check_failed`). */
export const disableTwoFactor = (command: DisableTwoFactor, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  if (!state.security.hasTwoFactor) return right([])
  const { method, verified } = command.authorization
  if (method !== 'two_factor' || !verified) {
    return left(
      accountError(
        'security_check_failed',
        'turning two-factor off needs a passed two-factor check',
        {
          required: 'two_factor',
        },
      ),
    )
  }
  const { accountId, at } = command
  return right([{ type: 'TwoFactorDisabled', schemaVersion: 1, data: { accountId, at } }])
}

/** Records that a payment password is set: the next version, never the secret. */
export const setPaymentPassword = (command: SetPaymentPassword, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  const { accountId, at } = command
  const version = state.security.paymentPasswordVersion + 1
  return right([{ type: 'PaymentPasswordSet', schemaVersion: 1, data: { accountId, version, at } }])
}

/**
 * Replaces one asset's limits with exactly the amounts given (absent: no limit of that kind). The
 * amounts must share the scale the account uses for the asset (`invalid_input` naming the field).
 * Raising or removing a limit needs the check the payments it allows need today
 * (`security_check_failed`); lowering or adding one needs none.
 */
export const setLimits = (command: SetLimits, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  const { accountId, asset, at, perPaymentMax, perDayMax, stepUpAbove } = command
  const given = { perPaymentMax, perDayMax, stepUpAbove }
  let scale = knownScaleOf(state, asset)
  const amounts: Partial<Record<keyof typeof given, DecimalString>> = {}
  const next: Partial<Record<keyof typeof given, bigint>> = {}
  for (const field of ['perPaymentMax', 'perDayMax', 'stepUpAbove'] as const) {
    const amount = given[field]
    if (amount === undefined) continue
    const parsed = commandAmount(asset, amount, scale, field)
    if (parsed._tag === 'Left') return parsed
    scale = parsed.right.scale
    amounts[field] = amount
    next[field] = parsed.right.minor
  }
  const security = {
    hasTwoFactor: state.security.hasTwoFactor,
    hasPaymentPassword: state.security.paymentPasswordVersion > 0,
  }
  const current = state.limits[asset] ?? {}
  const allowed = checkLimitChange(security, current, next, command.authorization)
  if (allowed._tag === 'Left') return allowed
  return right([
    { type: 'LimitsSet', schemaVersion: 2, data: { accountId, asset, at, ...amounts } },
  ])
}

/** Sets a merchant's fee rate; other kinds have none (`invalid_input` on `merchantFeeRate`). */
export const setMerchantFeeRate = (command: SetMerchantFeeRate, state: AccountState): Decision => {
  if (state.status === 'not_opened') return notFound(command.accountId)
  if (state.status === 'closed') return closed(state)
  if (state.kind !== 'merchant') {
    return left(
      accountError(
        'invalid_input',
        `merchantFeeRate: account ${state.accountId} is not a merchant`,
        {
          path: 'merchantFeeRate',
        },
      ),
    )
  }
  if (state.merchantFeeRate === command.merchantFeeRate) return right([])
  const { accountId, merchantFeeRate, at } = command
  return right([
    { type: 'MerchantFeeRateSet', schemaVersion: 1, data: { accountId, merchantFeeRate, at } },
  ])
}
