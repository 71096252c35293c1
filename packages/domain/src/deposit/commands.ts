// Deposit command types, derived from their codecs.
import type * as t from 'io-ts'
import type { RecordDepositCommand } from './codecs.js'

/** Records money that arrived for an account. */
export type RecordDeposit = t.TypeOf<typeof RecordDepositCommand>
/** Any deposit command. */
export type DepositCommand = RecordDeposit
