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
import type { KeyVault } from '../privacy/keyVault.js'

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
/** What a command of the ledger takes: `CommandInput<'pay'>` is the input of `pay()`. */
export type CommandInput<M extends keyof Ledger> = Ledger[M] extends (input: infer I) => unknown
  ? I
  : never
/** What the caller's app verified. */
export type Auth = { method: 'payment_password' | 'two_factor'; verified: boolean }
/** Optional fields every command accepts. */
export type CommandContext = {
  metadata?: Record<string, string>
  actor?: string
  correlationId?: string
}

/** An asset's balance: `available` to spend, `held` by pending operations, and their sum. */
export type Balance = { available: Amount; held: Amount; total: Amount }
/** How a payment was made: a shop's QR code, online checkout, person to person, or a bill. */
export type Channel = 'merchant_qr' | 'online' | 'p2p' | 'bill'
/** Where a history row stands; a `reversed` row was undone by recovery or a return. */
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
  /** Told of a handler's final failure (after its retries); the subscription then stops. */
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
/** What a subscriber is told of one ledger event: its type, position, time and the ids it concerns. */
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
/**
 * A withdrawal's destination as `withdrawal(id, { reveal: true })` shows it to a payout service:
 * in clear, or `erased` (the owner was forgotten) or `unreadable` (the stored bytes were edited).
 */
export type RevealedDestination =
  | { type: 'bank_account'; state: 'clear'; bank: string; accountNumber: string }
  | { type: 'crypto_address'; network: string; state: 'clear'; address: string }
  | { type: 'bank_account' | 'crypto_address'; network?: string; state: 'erased' | 'unreadable' }
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
/** One row of an account's history: a movement of one asset in or out, with what caused it. */
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
/** One thing the audit found wrong: a stable code, the stream and revision, and a sentence. */
export type AuditViolation = { code: string; stream: string; revision?: string; message: string }
/** The audit's verdict: `ok` when no violation was found, with the counts and the head hash to keep. */
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
  /** After each command, with how long it took and whether it was refused. */
  onCommand?: (info: {
    command: string
    durationMs: number
    outcome: 'ok' | 'rejected'
    code?: string
  }) => void
  /** After each append to the store. */
  onAppend?: (info: { streams: string[]; events: number; durationMs: number }) => void
  /** When a command failed on the infrastructure (a rejection, not a Left). */
  onError?: (info: { command: string; error: unknown }) => void
}

/** How to build a ledger: its store (an `EventStore` or a URL), assets, clock, zone, holidays and hooks. */
export type LedgerOptions = {
  store?: EventStore | string
  /**
   * Where the per-owner keys sealing personal data live (docs/privacy.md). Default: the store's
   * own vault (a table of its database), else one in memory. To use a KMS, pass a vault whose
   * `keyFor` returns a 32-byte data key created atomically on first use (e.g. a KMS-wrapped key
   * stored under that name), `findKey` returns it or undefined, and `erase` destroys it for good.
   */
  keyVault?: KeyVault
  assets?: { code: string; scale: number }[]
  /** The clock stamping commands (default the system clock); tests pass a fixed one. */
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
  /** Opens a user or merchant account (the id is generated unless given). */
  openAccount(
    c: CommandContext & {
      accountId?: string
      kind: 'user' | 'merchant'
      contact?: { phone?: string; email?: string }
      merchantFeeRate?: string
    },
  ): Result<{ accountId: string }>
  /** Turns on two-factor verification, which step-up payments and raised limits then need. */
  enableTwoFactor(c: CommandContext & { accountId: string }): Result<void>
  /** Turns two-factor off; needs a verified authorization so a thief cannot. */
  disableTwoFactor(c: CommandContext & { accountId: string; authorization: Auth }): Result<void>
  /** Records that the account has a payment password (the ledger never sees it). */
  setPaymentPassword(c: CommandContext & { accountId: string }): Result<void>
  /** Sets per-payment, per-day and step-up limits of one asset; loosening needs authorization. */
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
  /** Freezes an account (e.g. reported stolen): it can neither pay nor withdraw until unfrozen. */
  freezeAccount(c: CommandContext & { accountId: string; reason: string }): Result<void>
  /**
   * Forgets the account's owner (right to erasure): records ContactErased and shreds every key
   * sealing their personal data, which then reads as erased; balances and audit are unchanged.
   * Needs a verified `authorization` (else `security_check_failed`). See docs/privacy.md.
   */
  forgetOwner(c: CommandContext & { accountId: string; authorization: Auth }): Result<void>
  /** Unfreezes a frozen account once the owner was verified again. */
  unfreezeAccount(c: CommandContext & { accountId: string; verification: string }): Result<void>
  /** Closes an account; only with zero balances and nothing held. */
  closeAccount(c: CommandContext & { accountId: string }): Result<void>
  /** Credits money arriving from a bank, a card or a crypto network; idempotent by key. */
  deposit(
    c: CommandContext & {
      accountId: string
      asset: string
      amount: Amount
      source: { type: 'bank_transfer' | 'card' | 'crypto'; reference: string; network?: string }
      idempotencyKey: string
    },
  ): Result<{ depositId: string }>
  /** An operator's correction (credit or debit) with a reason; idempotent by key. */
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
  /** Creates a promotion whose budget pays discounts on payments that name it. */
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
  /** A payment (QR, online, P2P or bill) from payer to payee, with fee and promotion; instant or held for capture. */
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
  /** Captures a manual-capture payment, all or part of what it holds. */
  capturePayment(c: CommandContext & { paymentId: string; amount?: Amount }): Result<PaymentView>
  /** Cancels a held (uncaptured) payment and releases what it holds. */
  cancelPayment(c: CommandContext & { paymentId: string }): Result<PaymentView>
  /** Refunds a captured payment, all of what is left or part of it; idempotent by key. */
  refund(
    c: CommandContext & { paymentId: string; amount?: Amount; idempotencyKey: string },
  ): Result<PaymentView>
  /** Trades one asset for another at a quoted rate, with an expiry and a slippage floor. */
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
  /** Asks to withdraw to a bank account or crypto address; holds the amount and its fee. */
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
  /** Records the identity check's result; a failed check rejects the withdrawal and releases its hold. */
  verifyWithdrawalIdentity(
    c: CommandContext & { withdrawalId: string; passed: boolean },
  ): Result<WithdrawalView>
  /** Submits a verified withdrawal; it is then expected within 1 to 3 business days. */
  submitWithdrawal(
    c: CommandContext & { withdrawalId: string; bankReference?: string },
  ): Result<WithdrawalView>
  /** Settles a submitted withdrawal: the held money leaves the ledger. */
  completeWithdrawal(c: CommandContext & { withdrawalId: string }): Result<WithdrawalView>
  /** Fails a withdrawal before settlement and gives the held money back. */
  failWithdrawal(
    c: CommandContext & { withdrawalId: string; reason: string },
  ): Result<WithdrawalView>
  /** Books a completed withdrawal the bank sent back, crediting the account again. */
  returnWithdrawal(
    c: CommandContext & { withdrawalId: string; reason: string },
  ): Result<WithdrawalView>
  /** Opens a dispute on a payment, holding the disputed amount from the payee; idempotent by key. */
  openDispute(
    c: CommandContext & {
      paymentId: string
      reason: 'unauthorized' | 'not_received' | 'wrong_amount' | 'duplicate'
      amount?: Amount
      idempotencyKey: string
    },
  ): Result<DisputeView>
  /** Adds evidence (a reference, never the document) to an open dispute. */
  submitEvidence(
    c: CommandContext & {
      disputeId: string
      by: 'payer' | 'payee'
      reference: string
      sha256: string
    },
  ): Result<DisputeView>
  /** The payee accepts or contests a dispute, before its response deadline. */
  respondToDispute(
    c: CommandContext & { disputeId: string; response: 'accept' | 'contest' },
  ): Result<DisputeView>
  /** Escalates a dispute to support, who will resolve it. */
  escalateDispute(c: CommandContext & { disputeId: string }): Result<DisputeView>
  /** Decides a dispute: for the payer (a refund, all or part), for the payee (the hold released), or legal. */
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
  /** Finishes or reverses what a crash left half-done; says how many of each. */
  recover(): Promise<{ finished: number; reversed: number }>
  /**
   * Empties the projections and folds the whole log into them again from position 0. With a store
   * that persists them (`persisted: true`) the tables are rewritten; otherwise the in-memory states
   * are. `position` is the checkpoint reached (the number of events folded, as a decimal string).
   */
  rebuildProjections(): Promise<{ persisted: boolean; position: string }>

  /** One account as it stands now. */
  account(accountId: string): Result<AccountView, LookupCode<'account_not_found'>>
  /** The account's settings read back: limits per asset, security, masked contact, fee rate. */
  settings(accountId: string): Result<Settings, LookupCode<'account_not_found'>>
  /** The accounts directory, paged. */
  accounts(o?: {
    kind?: 'user' | 'merchant' | 'system'
    limit?: number
    after?: string
  }): Result<{ accounts: AccountView[]; next?: string }>
  /** Available, held and total balance of every asset of an account. */
  balances(
    accountId: string,
    o?: { asOf?: Instant | { position: string } },
  ): Result<Record<string, Balance>>
  /** An account's history rows, newest first, paged. */
  history(
    accountId: string,
    o?: { asset?: string; channel?: Channel; status?: EntryStatus; limit?: number; after?: string },
  ): Result<{ entries: HistoryEntry[]; next?: string }>
  /** An account's statement for a period: opening and closing balances with the rows between. */
  statement(
    accountId: string,
    o: { asset: string; from: Instant; to: Instant },
  ): Result<{ opening: Amount; closing: Amount; entries: HistoryEntry[] }>
  /** A payment by id. */
  payment(id: string): Result<PaymentView, LookupCode<'payment_not_found'>>
  /** A withdrawal by id. */
  /**
   * A withdrawal. With `reveal: true`, while it is in flight (requested, verified, submitted), also
   * its `destination` opened with the owner's key (for the payout service; see docs/privacy.md).
   */
  withdrawal(
    id: string,
    o?: { reveal?: boolean },
  ): Result<
    WithdrawalView & { destination?: RevealedDestination },
    LookupCode<'withdrawal_not_found'>
  >
  /** A dispute by id. */
  dispute(id: string): Result<DisputeView, LookupCode<'dispute_not_found'>>
  /** A conversion by id. */
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
  /** Closes the ledger and its store; pending commands finish first. */
  close(): Promise<void>
}
