// The io-ts codecs of the adjustment aggregate: a manual correction against the suspense account.
import * as t from 'io-ts'
import {
  AccountId,
  AssetCode,
  DecimalString,
  EngineId,
  IsoInstant,
  Sha256Hex,
  boundedString,
} from '../codecs/common.js'
import { commandCodec, eventCodec } from '../codecs/event.js'
import { Direction, JournalEntry } from '../journal/journal.js'
import { REASON_LENGTH_MAX } from '../limits.js'

const Reason = boundedString(REASON_LENGTH_MAX, 'Reason')

/**
 * Posts a correction: `credit` raises the account's balance (suspense pays), `debit` lowers it
 * (suspense receives). `available` is the account's available balance in the asset, for the
 * balance rule; the engine passes it from the account's state.
 */
export const PostAdjustmentCommand = commandCodec('PostAdjustment', {
  adjustmentId: EngineId,
  entryId: EngineId,
  accountId: AccountId,
  asset: AssetCode,
  amount: DecimalString,
  direction: Direction,
  reason: Reason,
  fingerprint: Sha256Hex,
  accountStatus: t.keyof({ active: null, frozen: null, closed: null }),
  available: DecimalString,
  at: IsoInstant,
})

/** A correction was posted, with its journal entry against `SYSTEM_ACCOUNTS.suspense`. */
export const AdjustmentPostedV1 = eventCodec(
  'AdjustmentPosted',
  1,
  t.type({
    adjustmentId: EngineId,
    accountId: AccountId,
    asset: AssetCode,
    amount: DecimalString,
    direction: Direction,
    reason: Reason,
    fingerprint: Sha256Hex,
    entry: JournalEntry,
    at: IsoInstant,
  }),
)

/** Every adjustment event. */
export const AdjustmentEvent = AdjustmentPostedV1
export type AdjustmentEvent = t.TypeOf<typeof AdjustmentEvent>
/** Every adjustment command. */
export const AdjustmentCommand = PostAdjustmentCommand
export type AdjustmentCommand = t.TypeOf<typeof AdjustmentCommand>
