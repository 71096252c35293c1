// The codec of `SenderFacts` as a command carries it: one shape for payments, withdrawals and
// conversions, amounts in minor units of the command's asset.
import * as t from 'io-ts'
import { AccountId } from '../codecs/common.js'
import { AMOUNT_CHARS_MAX } from '../limits.js'

const MINOR_UNITS = /^(0|[1-9][0-9]*)$/

/** A non-negative count of minor units: a `bigint` inside, a decimal integer string on the wire. */
export const MinorUnits = new t.Type<bigint, string, unknown>(
  'MinorUnits',
  (u): u is bigint => typeof u === 'bigint' && u >= 0n,
  (u, c) => {
    if (typeof u === 'bigint') return u >= 0n ? t.success(u) : t.failure(u, c)
    return typeof u === 'string' && u.length <= AMOUNT_CHARS_MAX && MINOR_UNITS.test(u)
      ? t.success(BigInt(u))
      : t.failure(u, c)
  },
  (minor) => minor.toString(),
)

/**
 * `SenderFacts` (authorization.ts) as a codec: the sender's status, security settings, limits,
 * today's spending and available balance in the command's asset, in minor units.
 */
export const SenderFactsCodec = t.type(
  {
    accountId: AccountId,
    status: t.keyof({ active: null, frozen: null, closed: null }, 'AccountStatus'),
    security: t.type({ hasTwoFactor: t.boolean, hasPaymentPassword: t.boolean }),
    limits: t.partial({
      perPaymentMax: MinorUnits,
      perDayMax: MinorUnits,
      stepUpAbove: MinorUnits,
    }),
    spentToday: MinorUnits,
    available: MinorUnits,
  },
  'SenderFacts',
)
