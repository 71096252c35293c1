// The public contract of DESIGN.md section 6: the names and shapes services code against.
import type { Either } from 'fp-ts/lib/Either.js'
import type {
  ConversionView as ConversionRecordView,
  DisputeView as DisputeRecordView,
  ErrorCode,
  PaymentView as PaymentRecordView,
  RequiredCheck,
  WithdrawalView as WithdrawalRecordView,
} from '@wallet-ledger/domain'
import type { EventStore } from '../ports/eventStore.js'

export type { ErrorCode } from '@wallet-ledger/domain'

// ---------------------------------------------------------------- values

/** A decimal string with at most the asset's scale: '12.30'. */
export type Amount = string
/** An ISO-8601 string or a Date. */
export type Instant = string | Date
/**
 * The details a caller may read, per code: each key is present where the refusal concerns it
 * (every refusal of a recorded payment also carries `paymentId`). Other keys may appear; none of
 * these is promised beyond its type.
 */
export type ErrorDetailsByCode = {
  /** `problems`: each offending field (at most 8), `path` the first of them. */
  invalid_input: { path?: string; problems?: readonly { path: string; message: string }[] }
  unknown_asset: { path?: string }
  amount_precision_exceeded: { path?: string; asset?: string; scale?: number }
  amount_not_positive: { path?: string }
  amount_too_large: { path?: string; integerDigitsMax?: number }
  account_not_found: { accountId?: string }
  account_already_exists: { accountId?: string }
  account_frozen: { accountId?: string; withdrawalId?: string }
  account_not_frozen: { accountId?: string }
  account_closed: { accountId?: string; withdrawalId?: string }
  account_not_empty: { asset?: string; openHolds?: number }
  insufficient_balance: { asset?: string; available?: string }
  security_check_failed: { required?: RequiredCheck; loosened?: string[] }
  limit_exceeded: { limit?: string }
  /**
   * `path` is 'idempotencyKey'; `fields` (where the first request can still be read) names the
   * caller's fields that differ from it.
   */
  idempotency_key_reused: {
    kind?: string
    path?: string
    fields?: string[]
    withdrawalId?: string
    conversionId?: string
    disputeId?: string
  }
  payment_not_found: object
  withdrawal_not_found: { withdrawalId?: string }
  dispute_not_found: { disputeId?: string }
  conversion_not_found: { conversionId?: string }
  promotion_not_found: { promotionId?: string; path?: string }
  promotion_already_exists: { promotionId?: string }
  promotion_exhausted: { promotionId?: string }
  promotion_cap_exceeded: { promotionId?: string }
  refund_exceeds_captured: { refundable?: string }
  dispute_open: object
  dispute_amount_exceeds_payment: { disputable?: string; path?: string }
  invalid_transition: { status?: string; withdrawalId?: string }
  quote_expired: { conversionId?: string }
  deadline_passed: { responseDueAt?: string }
}
/** The details of an error with one of `Code`'s codes (any code: the keys of all of them). */
export type ErrorDetails<Code extends ErrorCode = ErrorCode> = Readonly<
  { paymentId?: string } & (Code extends keyof ErrorDetailsByCode
    ? ErrorDetailsByCode[Code]
    : object) &
    Record<string, unknown>
>
/**
 * An expected failure: a stable `code` from the closed list `ERROR_CODES` (so a misspelt `case`
 * does not compile), a sentence for a person, and details for code. `hasCode` narrows one to a
 * code and its details.
 */
export type LedgerError<Code extends ErrorCode = ErrorCode> = {
  code: Code
  message: string
  details?: ErrorDetails<Code>
}
/** The codes a read by id answers: `invalid_input` (not an id at all) or its `..._not_found`. */
export type LookupCode<NotFound extends ErrorCode> = 'invalid_input' | NotFound
/** Every command and query resolves to an `Either`; only infrastructure failures reject. */
export type Result<T, Code extends ErrorCode = ErrorCode> = Promise<Either<LedgerError<Code>, T>>
/** What the caller's app verified. */
export type Auth = { method: 'payment_password' | 'two_factor'; verified: boolean }
/** Optional fields every command accepts. */
export type CommandContext = {
  metadata?: Record<string, string>
  actor?: string
  correlationId?: string
}

export type Balance = { available: Amount; held: Amount; total: Amount }
export type Channel = 'merchant_qr' | 'online' | 'p2p' | 'bill'
export type EntryStatus = 'pending' | 'completed' | 'failed' | 'cancelled' | 'reversed'
/** An account; `system` accounts are the ledger's own (fees, world, promotion budgets). */
export type AccountView = {
  accountId: string
  kind: 'user' | 'merchant' | 'system'
  status: 'active' | 'frozen' | 'closed'
  twoFactor: boolean
  paymentPasswordSet: boolean
  openedAt: string
}
/** One asset's limits as decimal strings; an absent field means no limit of that kind. */
export type AssetLimitsView = { perPayment?: Amount; perDay?: Amount; stepUpAbove?: Amount }
/**
 * What an account's owner configured. `contact` is masked (`+86******1234`, `a***@example.com`)
 * and absent when none was given or it was erased; `merchantFeeRate` is a merchant's percentage;
 * `frozenReason` and `frozenAt` are present while the account is frozen.
 */
export type Settings = {
  accountId: string
  kind: 'user' | 'merchant' | 'system'
  status: 'active' | 'frozen' | 'closed'
  twoFactor: boolean
  paymentPasswordSet: boolean
  limits: Record<string, AssetLimitsView>
  contact?: { phone?: string; email?: string }
  merchantFeeRate?: string
  frozenReason?: string
  frozenAt?: string
}
/**
 * What a subscriber asks for: where to resume, which event types (names of ledger events; any
 * other name is refused), how often a throwing handler is tried (`attempts` in all, 1 to 10,
 * waiting `backoffMs` doubled after each failure), and where a final failure is reported.
 */
export type SubscriptionOptions = {
  fromPosition?: string
  types?: string[]
  retry?: { attempts: number; backoffMs: number }
  onError?: (error: unknown, notification?: Notification) => void
}
/** A running subscription. */
export type LedgerSubscription = {
  /** Resolves once everything stored when it started was handled; rejects if it ends first. */
  caughtUp: Promise<void>
  /** Resolves when deliveries stop: after close(), or after a final failure was reported. */
  done: Promise<void>
  /** Stops deliveries; resolves once the handler in flight has finished. Idempotent. */
  close(): Promise<void>
}
export type Notification = {
  type: string
  position: string
  at: string
  paymentId?: string
  withdrawalId?: string
  disputeId?: string
  accountIds: string[]
  status?: string
}
/**
 * A payment as the runtime returns it (the domain's view, one type for both): `refunded` counts
 * refunds and what disputes gave back, `disputeRefunded` the disputes' part.
 */
export type PaymentView = PaymentRecordView
/** A withdrawal; `expectedBy` once submitted, `failureReason` when it failed. */
export type WithdrawalView = WithdrawalRecordView
/** A dispute, with what it holds from the payee, what it refunded and the response deadline. */
export type DisputeView = DisputeRecordView
/** A conversion: what moved, what was asked for, and why it was refused. */
export type ConversionView = ConversionRecordView
/**
 * What `reportUnauthorized` did: the disputes covering the named payments the account made, and
 * each named payment it could not dispute with a stable code and a sentence (`not_payer`: the
 * account did not make that payment, so it is not the account's to dispute).
 */
export type UnauthorizedReport = {
  disputeIds: string[]
  refused: { paymentId: string; code: 'not_payer'; message: string }[]
}
export type HistoryEntry = {
  id: string
  journalEntryId?: string
  at: string
  kind: string
  direction: 'in' | 'out'
  asset: string
  amount: Amount
  status: EntryStatus
  counterparty?: string
  channel?: Channel
  paymentId?: string
  withdrawalId?: string
  /** Additions beyond DESIGN's shape, present on the rows they concern. */
  disputeId?: string
  conversionId?: string
  refundId?: string
  promotionId?: string
  /** The refusal code of a failed row ("insufficient_balance", "expired"). */
  failureReason?: string
}
export type AuditViolation = { code: string; stream: string; revision?: string; message: string }
export type AuditReport = {
  ok: boolean
  eventsChecked: number
  streams: number
  head: string
  violations: AuditViolation[]
}

// ---------------------------------------------------------------- options

/**
 * Timings and outcomes for a user's metrics and tracing. A hook that throws is ignored: it never
 * turns a committed command into a failure the caller would retry.
 */
export type LedgerHooks = {
  onCommand?: (info: {
    command: string
    durationMs: number
    outcome: 'ok' | 'rejected'
    code?: string
  }) => void
  onAppend?: (info: { streams: string[]; events: number; durationMs: number }) => void
  onError?: (info: { command: string; error: unknown }) => void
}

export type LedgerOptions = {
  store?: EventStore | string
  assets?: { code: string; scale: number }[]
  clock?: () => Date
  timeZone?: string
  holidays?: string[]
  /** Daily cut-off for withdrawal submissions, 'HH:MM' local (default '16:00'). */
  cutoff?: string
  namespace?: string
  hooks?: LedgerHooks
  /** How long a manual-capture authorization holds funds (default 7 days). */
  authorizationTtlMs?: number
  /** How long a payee has to respond to a dispute (default 7 days). */
  disputeResponseMs?: number
  /** Forces the step-by-step executor even on a store with appendMany (for tests). */
  executor?: 'atomic' | 'stepwise'
}

// ---------------------------------------------------------------- the ledger

type Destination =
  | { type: 'bank_account'; bank: string; accountNumber: string }
  | { type: 'crypto_address'; network: string; address: string }

/** The ledger: commands resolve to `Either`; queries are JSON-safe (no bigint). */
export interface Ledger {
  openAccount(
    c: CommandContext & {
      accountId?: string
      kind: 'user' | 'merchant'
      contact?: { phone?: string; email?: string }
      merchantFeeRate?: string
    },
  ): Result<{ accountId: string }>
  enableTwoFactor(c: CommandContext & { accountId: string }): Result<void>
  disableTwoFactor(c: CommandContext & { accountId: string; authorization: Auth }): Result<void>
  setPaymentPassword(c: CommandContext & { accountId: string }): Result<void>
  setLimits(
    c: CommandContext & {
      accountId: string
      asset: string
      perPayment?: Amount
      perDay?: Amount
      stepUpAbove?: Amount
      /** Needed to raise or remove a limit: what the payments it would allow need today. */
      authorization?: Auth
    },
  ): Result<void>
  freezeAccount(c: CommandContext & { accountId: string; reason: string }): Result<void>
  unfreezeAccount(c: CommandContext & { accountId: string; verification: string }): Result<void>
  closeAccount(c: CommandContext & { accountId: string }): Result<void>
  deposit(
    c: CommandContext & {
      accountId: string
      asset: string
      amount: Amount
      source: { type: 'bank_transfer' | 'card' | 'crypto'; reference: string; network?: string }
      idempotencyKey: string
    },
  ): Result<{ depositId: string }>
  adjust(
    c: CommandContext & {
      accountId: string
      asset: string
      amount: Amount
      direction: 'credit' | 'debit'
      reason: string
      idempotencyKey: string
    },
  ): Result<{ entryId: string }>
  createPromotion(
    c: CommandContext & {
      promotionId: string
      asset: string
      budget: Amount
      discount: { percent: string } | { fixed: Amount }
      capPerAccount?: Amount
      validFrom?: Instant
      validUntil?: Instant
    },
  ): Result<void>
  pay(
    c: CommandContext & {
      channel: Channel
      payer: string
      payee: string
      asset: string
      amount: Amount
      authorization?: Auth
      promotionId?: string
      memo?: string
      capture?: 'instant' | 'manual'
      idempotencyKey: string
    },
  ): Result<PaymentView>
  capturePayment(c: CommandContext & { paymentId: string; amount?: Amount }): Result<PaymentView>
  cancelPayment(c: CommandContext & { paymentId: string }): Result<PaymentView>
  refund(
    c: CommandContext & { paymentId: string; amount?: Amount; idempotencyKey: string },
  ): Result<PaymentView>
  convert(
    c: CommandContext & {
      accountId: string
      from: { asset: string; amount: Amount }
      to: { asset: string }
      rate: string
      quoteExpiresAt?: Instant
      minReceived?: Amount
      authorization?: Auth
      idempotencyKey: string
    },
  ): Result<ConversionView>
  requestWithdrawal(
    c: CommandContext & {
      accountId: string
      asset: string
      amount: Amount
      fee?: Amount
      destination: Destination
      authorization?: Auth
      idempotencyKey: string
    },
  ): Result<WithdrawalView>
  verifyWithdrawalIdentity(
    c: CommandContext & { withdrawalId: string; passed: boolean },
  ): Result<WithdrawalView>
  submitWithdrawal(
    c: CommandContext & { withdrawalId: string; bankReference?: string },
  ): Result<WithdrawalView>
  completeWithdrawal(c: CommandContext & { withdrawalId: string }): Result<WithdrawalView>
  failWithdrawal(
    c: CommandContext & { withdrawalId: string; reason: string },
  ): Result<WithdrawalView>
  returnWithdrawal(
    c: CommandContext & { withdrawalId: string; reason: string },
  ): Result<WithdrawalView>
  openDispute(
    c: CommandContext & {
      paymentId: string
      reason: 'unauthorized' | 'not_received' | 'wrong_amount' | 'duplicate'
      amount?: Amount
      idempotencyKey: string
    },
  ): Result<DisputeView>
  submitEvidence(
    c: CommandContext & {
      disputeId: string
      by: 'payer' | 'payee'
      reference: string
      sha256: string
    },
  ): Result<DisputeView>
  respondToDispute(
    c: CommandContext & { disputeId: string; response: 'accept' | 'contest' },
  ): Result<DisputeView>
  escalateDispute(c: CommandContext & { disputeId: string }): Result<DisputeView>
  resolveDispute(
    c: CommandContext & {
      disputeId: string
      outcome: 'payer' | 'payee' | 'legal'
      amount?: Amount
    },
  ): Result<DisputeView>
  /** `refused`: each named payment no dispute was opened on, and why (see `UnauthorizedReport`). */
  reportUnauthorized(
    c: CommandContext & { accountId: string; paymentIds: string[] },
  ): Result<UnauthorizedReport>
  /** `invalid_input` (path `now`) for an instant that does not parse or is later than the clock. */
  runDue(c?: { now?: Instant }): Result<{ expired: number }>
  recover(): Promise<{ finished: number; reversed: number }>
  /**
   * Empties the projections and folds the whole log into them again from position 0. With a store
   * that persists them (`persisted: true`) the tables are rewritten; otherwise the in-memory states
   * are. `position` is the checkpoint reached (the number of events folded, as a decimal string).
   */
  rebuildProjections(): Promise<{ persisted: boolean; position: string }>

  account(accountId: string): Result<AccountView, LookupCode<'account_not_found'>>
  /** The account's settings read back: limits per asset, security, masked contact, fee rate. */
  settings(accountId: string): Result<Settings, LookupCode<'account_not_found'>>
  accounts(o?: {
    kind?: 'user' | 'merchant' | 'system'
    limit?: number
    after?: string
  }): Result<{ accounts: AccountView[]; next?: string }>
  balances(
    accountId: string,
    o?: { asOf?: Instant | { position: string } },
  ): Result<Record<string, Balance>>
  history(
    accountId: string,
    o?: { asset?: string; channel?: Channel; status?: EntryStatus; limit?: number; after?: string },
  ): Result<{ entries: HistoryEntry[]; next?: string }>
  statement(
    accountId: string,
    o: { asset: string; from: Instant; to: Instant },
  ): Result<{ opening: Amount; closing: Amount; entries: HistoryEntry[] }>
  payment(id: string): Result<PaymentView, LookupCode<'payment_not_found'>>
  withdrawal(id: string): Result<WithdrawalView, LookupCode<'withdrawal_not_found'>>
  dispute(id: string): Result<DisputeView, LookupCode<'dispute_not_found'>>
  conversion(id: string): Result<ConversionView, LookupCode<'conversion_not_found'>>
  /**
   * Notifications from `fromPosition` (inclusive), at least once, in global order: catch-up, then
   * live. `invalid_input` for a bad position, an unknown event type or a bad retry policy.
   */
  subscribe(
    handler: (n: Notification) => void | Promise<void>,
    o?: SubscriptionOptions,
  ): Result<LedgerSubscription>
  /** `invalid_input` with the path for bad options; a corrupt store is a report, never a Left. */
  audit(o?: { expectedHead?: string }): Result<AuditReport>
  close(): Promise<void>
}
