// Deposit event types, derived from their codecs.
import type * as t from 'io-ts'
import type { FundsDepositedV1 } from './codecs.js'

/** Money arrived for an account. */
export type FundsDeposited = t.TypeOf<typeof FundsDepositedV1>
/** Any deposit event. */
export type DepositEvent = FundsDeposited
