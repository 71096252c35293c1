// The facts other deciders need about a sender, read from the account's state by the engine and
// passed in their commands as plain data (a decider decides for its own aggregate only).
import type { LocalDate } from '../codecs/common.js'
import type { LimitFacts, SenderFacts } from '../security/authorization.js'
import type { OpenedAccountState } from './state.js'

/**
 * What a payment, withdrawal or conversion decision needs about its sender, for one asset and the
 * command's local date. `spentToday` is the captured and held amounts of that date (0 when the
 * account's latest tracked date is another one); `available` is in minor units. The engine
 * narrows the state first: a missing account is `account_not_found` before any of this.
 */
export const senderFactsOf = (
  state: OpenedAccountState,
  asset: string,
  localDate: LocalDate,
): SenderFacts => {
  const spent = state.spentToday[asset]
  return {
    accountId: state.accountId,
    status: state.status,
    security: {
      hasTwoFactor: state.security.hasTwoFactor,
      hasPaymentPassword: state.security.paymentPasswordVersion > 0,
    },
    limits: limitFactsOf(state, asset),
    spentToday: spent?.localDate === localDate ? spent.minor : 0n,
    available: state.balances[asset]?.available ?? 0n,
  }
}

const limitFactsOf = (state: OpenedAccountState, asset: string): LimitFacts => {
  const limits = state.limits[asset]
  if (limits === undefined) return {}
  const { perPaymentMax, perDayMax, stepUpAbove } = limits
  return {
    ...(perPaymentMax === undefined ? {} : { perPaymentMax }),
    ...(perDayMax === undefined ? {} : { perDayMax }),
    ...(stepUpAbove === undefined ? {} : { stepUpAbove }),
  }
}
