// Who may loosen an account's limits: a change that lets a payment through which today's limits
// stop needs the check that payment needs today (issue 7, item 4). Tightening needs none.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { domainError } from '../errors.js'
import type { DomainError } from '../errors.js'
import { requiredCheck } from './authorization.js'
import type { Authorization, LimitFacts, RequiredCheck, SecurityFacts } from './authorization.js'

// ---------------------------------------------------------------- types

/** The limits a change can raise, in LimitFacts' names. */
const LIMIT_NAMES = ['perPaymentMax', 'perDayMax', 'stepUpAbove'] as const

// ---------------------------------------------------------------- operations

/** Whether `next` is higher than `current` for a limit (absent: unbounded). */
const isRaised = (current: bigint | undefined, next: bigint | undefined): boolean =>
  current !== undefined && (next === undefined || next > current)

/** The limits `next` raises or removes compared with `current`; none means a tightening. */
export const loosenedLimits = (
  current: LimitFacts,
  next: LimitFacts,
): readonly (typeof LIMIT_NAMES)[number][] =>
  LIMIT_NAMES.filter((name) => isRaised(current[name], next[name]))

/**
 * The check a limits change needs, or `undefined` when it loosens nothing. A loosening needs what
 * the largest payment it newly allows needs under the current settings: raising or removing the
 * step-up threshold allows payments that need two-factor today, so it needs `two_factor`; raising
 * a maximum to N needs what a payment of N needs now (removing it: a payment above every
 * threshold). Two-factor on, or a payment password set, raise that as for any payment.
 */
export const requiredForLimitChange = (
  security: SecurityFacts,
  current: LimitFacts,
  next: LimitFacts,
): RequiredCheck | undefined => {
  const loosened = loosenedLimits(current, next)
  if (loosened.length === 0) return undefined
  if (loosened.includes('stepUpAbove')) return 'two_factor'
  const checks = loosened.map((name) => {
    const allowed = next[name]
    // An unbounded maximum allows a payment above any threshold set today.
    if (allowed === undefined) {
      return current.stepUpAbove === undefined ? requiredCheck(security, {}, 0n) : 'two_factor'
    }
    return requiredCheck(security, current, allowed)
  })
  return checks.includes('two_factor') ? 'two_factor' : (checks[0] ?? 'none')
}

/**
 * Refuses a loosening without the check it needs (`security_check_failed`, `details.required`
 * and `details.loosened`); a tightening passes whatever authorization comes with it. As for
 * payments, a verified `two_factor` satisfies every check and an unverified one never does.
 */
export const checkLimitChange = (
  security: SecurityFacts,
  current: LimitFacts,
  next: LimitFacts,
  authorization: Authorization | undefined,
): Either<DomainError<'security_check_failed'>, void> => {
  const required = requiredForLimitChange(security, current, next)
  if (required === undefined) return right(undefined)
  const loosened = loosenedLimits(current, next)
  const details = { required, loosened }
  if (authorization !== undefined && !authorization.verified) {
    return left(
      domainError(
        'security_check_failed',
        `the ${authorization.method === 'two_factor' ? 'two-factor' : 'payment password'} check was not passed`,
        details,
      ),
    )
  }
  const method = authorization?.method
  const isSatisfied =
    required === 'none' ||
    method === 'two_factor' ||
    (required === 'payment_password' && method === 'payment_password')
  if (isSatisfied) return right(undefined)
  const needed =
    required === 'two_factor'
      ? 'two-factor verification'
      : 'the payment password or two-factor verification'
  return left(
    domainError(
      'security_check_failed',
      `raising or removing a limit needs ${needed}, as the payments it would allow do`,
      details,
    ),
  )
}
