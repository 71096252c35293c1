// The types of the history projection: DESIGN's HistoryEntry rows per account, and what the fold
// keeps to build them (the context of journal entries whose legs are still being booked, and the
// few facts of payments, withdrawals and disputes that later events do not repeat).

// ---------------------------------------------------------------- the public row

/** How a payment was made (DESIGN's Channel). */
export type Channel = 'merchant_qr' | 'online' | 'p2p' | 'bill'

/** A history row's status (DESIGN's EntryStatus). */
export type EntryStatus = 'pending' | 'completed' | 'failed' | 'cancelled' | 'reversed'

/** Every channel, for input checks. */
export const CHANNELS: readonly Channel[] = ['merchant_qr', 'online', 'p2p', 'bill']

/** Every entry status, for input checks. */
export const ENTRY_STATUSES: readonly EntryStatus[] = [
  'pending',
  'completed',
  'failed',
  'cancelled',
  'reversed',
]

/**
 * DESIGN's HistoryEntry, JSON-safe. `id` is unique across the ledger. `kind` is the workflow:
 * `deposit`, `adjustment`, `payment`, `refund`, `withdrawal`, `withdrawal_return`, `dispute`,
 * `conversion`, `promotion_funding`; `transfer` for a leg booked before its entry was recorded
 * (enriched when it is); on a budget account, `discount` (reversed) and `discount_void` for a
 * discount whose payment never recorded its entry and the credit that undid it; for an entry
 * recorded by an event the projections do not know, the first word of that event's type in lower
 * case. Optional extras beyond DESIGN: `failureReason` (a failed or cancelled row's code or reason), `disputeId`,
 * `conversionId`, `refundId`, `promotionId`.
 */
export type HistoryEntry = {
  readonly id: string
  readonly journalEntryId?: string
  readonly at: string
  readonly kind: string
  readonly direction: 'in' | 'out'
  readonly asset: string
  readonly amount: string
  readonly status: EntryStatus
  readonly counterparty?: string
  readonly channel?: Channel
  readonly paymentId?: string
  readonly withdrawalId?: string
  readonly disputeId?: string
  readonly conversionId?: string
  readonly refundId?: string
  readonly promotionId?: string
  readonly failureReason?: string
}

// ---------------------------------------------------------------- the state

/**
 * A row and what the fold needs to keep it right. `signedMinor` is the row's effect on the
 * account's total (available + held) in `asset`: non-zero exactly when money moved for this row
 * (`settled`). A row's `at` and place are fixed once settled; before that, each change moves it
 * to the top (its `slot` in the account's order).
 */
export type HistoryRow = {
  readonly entry: HistoryEntry
  readonly signedMinor: bigint
  readonly scale: number
  readonly settled: boolean
  readonly slot: number
}

/**
 * One account's rows: by id, and in the order they last changed. `order` only grows; a slot is
 * live when its row's `slot` still points at it (a moved or removed row leaves a dead slot), so a
 * cursor (a slot number) stays valid for ever.
 */
export type AccountHistory = {
  readonly rows: Map<string, HistoryRow>
  readonly order: string[]
}

/** The workflow facts a row takes from the entry it books. */
export type RowContext = {
  readonly kind: string
  readonly channel?: Channel
  readonly paymentId?: string
  readonly withdrawalId?: string
  readonly disputeId?: string
  readonly conversionId?: string
  readonly refundId?: string
  readonly promotionId?: string
  /** Each party's counterparty (payer and payee see each other). */
  readonly counterparties: ReadonlyMap<string, string>
}

/** A recorded entry whose legs are not all booked yet. */
export type EntryContext = {
  readonly context: RowContext
  /** The row fields of `context` without undefined ones, made once for every leg's row. */
  readonly fields: Omit<Partial<HistoryEntry>, 'kind'> & { readonly kind: string }
  /** The other accounts of an entry with exactly two: a counterparty for every leg. */
  readonly accounts: readonly string[]
  /**
   * The row id a leg on each account becomes (a workflow's row: `payment:<id>:payer`, …): it takes
   * over that row when it exists (pending), else it is created with that id. Used once per account.
   */
  readonly rowIds: Map<string, string>
  legsLeft: number
}

/** What later events of a payment do not repeat. */
export type PaymentFacts = {
  readonly channel: Channel
  readonly payer: string
  readonly payee: string
}

/** A withdrawal's account and the row that shows it (pending, then the booked one). */
export type WithdrawalFacts = { readonly accountId: string; rowId: string }

/** An undecided dispute's parties and rows. */
export type DisputeFacts = {
  readonly paymentId: string
  readonly payer: string
  readonly payee: string
  readonly payerRowId: string
  readonly payeeRowId?: string
}

/** The state of the history projection (owned by the runner, see `Projection`). */
export type HistoryState = {
  readonly accounts: Map<string, AccountHistory>
  /** Recorded entries with legs still to book, by entry id. */
  readonly entries: Map<string, EntryContext>
  /** Rows booked before their entry was recorded, by entry id: enriched when it is. */
  readonly unmatched: Map<string, { readonly accountId: string; readonly rowId: string }[]>
  readonly payments: Map<string, PaymentFacts>
  readonly withdrawals: Map<string, WithdrawalFacts>
  readonly disputes: Map<string, DisputeFacts>
  /** Open holds' assets, by `accountId` then hold id (a capture does not repeat its asset). */
  readonly holdAssets: Map<string, Map<string, string>>
  readonly promotionAssets: Map<string, string>
  /**
   * Makes a new account's row map; absent, a plain Map. A runner that persists rows passes one
   * that notes which rows changed (rows are only ever changed through that map's set and delete).
   */
  readonly createRows?: (accountId: string) => Map<string, HistoryRow>
}

/** A fresh, empty history state. */
export const initialHistoryState = (): HistoryState => ({
  accounts: new Map(),
  entries: new Map(),
  unmatched: new Map(),
  payments: new Map(),
  withdrawals: new Map(),
  disputes: new Map(),
  holdAssets: new Map(),
  promotionAssets: new Map(),
})
