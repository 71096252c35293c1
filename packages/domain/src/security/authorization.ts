// Who may move money: the authorization and limit rules shared by payments, withdrawals and
// conversions (DESIGN.md section 3, "Authorization").
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { domainError } from '../errors.js'
import type { DomainError } from '../errors.js'

// ---------------------------------------------------------------- types

/** What the caller's app verified: the method and whether the check passed. */
export const Authorization = t.type(
  { method: t.keyof({ payment_password: null, two_factor: null }), verified: t.boolean },
  'Authorization',
)
export type Authorization = t.TypeOf<typeof Authorization>

/** An account's security settings, as the account aggregate knows them. */
export type SecurityFacts = {
  readonly hasTwoFactor: boolean
  readonly hasPaymentPassword: boolean
}

/** An account's limits for one asset, in that asset's minor units; absent means no limit. */
export type LimitFacts = {
  readonly perPaymentMax?: bigint
  readonly perDayMax?: bigint
  readonly stepUpAbove?: bigint
}

/** Everything a money-sending decision needs to know about the sender, for one asset and day. */
export type SenderFacts = {
  readonly accountId: string
  readonly status: 'active' | 'frozen' | 'closed'
  readonly security: SecurityFacts
  readonly limits: LimitFacts
  /** Captured and held amounts of the command's local day, in minor units (refunds not deducted). */
  readonly spentToday: bigint
  /** Available balance in minor units. */
  readonly available: bigint
}

/** Which check is required for an amount. */
export type RequiredCheck = 'none' | 'payment_password' | 'two_factor'

// ---------------------------------------------------------------- operations

/**
 * The check an amount needs: above the step-up threshold, or with two-factor on, `two_factor`;
 * with only a payment password set, `payment_password` (which `two_factor` also satisfies);
 * otherwise none.
 */
export const requiredCheck = (
  security: SecurityFacts,
  limits: LimitFacts,
  amountMinor: bigint,
): RequiredCheck => {
  if (limits.stepUpAbove !== undefined && amountMinor > limits.stepUpAbove) return 'two_factor'
  if (security.hasTwoFactor) return 'two_factor'
  if (security.hasPaymentPassword) return 'payment_password'
  return 'none'
}

/**
 * Checks the caller's authorization against what the amount requires. A verified `two_factor`
 * satisfies every check; an authorization marked not verified always fails.
 */
export const checkAuthorization = (
  sender: Pick<SenderFacts, 'security' | 'limits'>,
  amountMinor: bigint,
  authorization: Authorization | undefined,
): Either<DomainError<'security_check_failed'>, RequiredCheck> => {
  const required = requiredCheck(sender.security, sender.limits, amountMinor)
  if (authorization !== undefined && !authorization.verified) {
    return left(
      domainError('security_check_failed', `the ${authorization.method} check was not passed`, {
        required,
      }),
    )
  }
  if (required === 'none') return right(required)
  const method = authorization?.method
  const satisfied =
    method === 'two_factor' || (required === 'payment_password' && method === 'payment_password')
  if (satisfied) return right(required)
  const needed =
    required === 'two_factor'
      ? 'two-factor verification'
      : 'the payment password or two-factor verification'
  return left(domainError('security_check_failed', `this payment needs ${needed}`, { required }))
}

/** Checks the inclusive per-payment and per-day maxima. */
export const checkLimits = (
  sender: Pick<SenderFacts, 'limits' | 'spentToday'>,
  amountMinor: bigint,
): Either<DomainError<'limit_exceeded'>, void> => {
  const { perPaymentMax, perDayMax } = sender.limits
  if (perPaymentMax !== undefined && amountMinor > perPaymentMax) {
    return left(
      domainError('limit_exceeded', 'the amount is above the per-payment limit', {
        limit: 'per_payment',
      }),
    )
  }
  if (perDayMax !== undefined && sender.spentToday + amountMinor > perDayMax) {
    return left(
      domainError('limit_exceeded', "the amount would go over today's limit", { limit: 'per_day' }),
    )
  }
  return right(undefined)
}
