// The io-ts codecs of the deposit aggregate: money arriving from outside the wallet.
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
import { JournalEntry } from '../journal/journal.js'
import { REFERENCE_LENGTH_MAX } from '../limits.js'

/** Where the money came from: a bank transfer, a card, or a crypto network. */
export const DepositSourceType = t.keyof(
  { bank_transfer: null, card: null, crypto: null },
  'DepositSourceType',
)
export type DepositSourceType = t.TypeOf<typeof DepositSourceType>

/** The source of a deposit: its type, the outside reference, and for crypto the network. */
export const DepositSource = t.intersection(
  [
    t.type({
      type: DepositSourceType,
      reference: boundedString(REFERENCE_LENGTH_MAX, 'Reference'),
    }),
    t.partial({ network: t.string }),
  ],
  'DepositSource',
)
export type DepositSource = t.TypeOf<typeof DepositSource>

/** Records money that arrived for an account; the engine canonicalizes `amount` first. */
export const RecordDepositCommand = commandCodec('RecordDeposit', {
  depositId: EngineId,
  entryId: EngineId,
  accountId: AccountId,
  asset: AssetCode,
  amount: DecimalString,
  source: DepositSource,
  fingerprint: Sha256Hex,
  accountStatus: t.keyof({ active: null, frozen: null, closed: null }),
  at: IsoInstant,
})

/** Money arrived: the journal entry debits the world account of the source, credits the account. */
export const FundsDepositedV1 = eventCodec(
  'FundsDeposited',
  1,
  t.type({
    depositId: EngineId,
    accountId: AccountId,
    asset: AssetCode,
    amount: DecimalString,
    source: DepositSource,
    fingerprint: Sha256Hex,
    entry: JournalEntry,
    at: IsoInstant,
  }),
)

/** Every deposit event. */
export const DepositEvent = FundsDepositedV1
export type DepositEvent = t.TypeOf<typeof DepositEvent>
/** Every deposit command. */
export const DepositCommand = RecordDepositCommand
export type DepositCommand = t.TypeOf<typeof DepositCommand>
