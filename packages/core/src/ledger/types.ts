// The public contract of DESIGN.md section 6: the names and shapes services code against.
import type { Either } from 'fp-ts/lib/Either.js'
import type { EventStore } from '../ports/eventStore.js'

// ---------------------------------------------------------------- values

/** A decimal string with at most the asset's scale: '12.30'. */
export type Amount = string
/** An ISO-8601 string or a Date. */
export type Instant = string | Date
/** An expected failure: a stable `code`, a sentence for a person, and details for code. */
export type LedgerError = { code: string; message: string; details?: Record<string, unknown> }
/** Every command and query resolves to an `Either`; only infrastructure failures reject. */
export type Result<T> = Promise<Either<LedgerError, T>>
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
export type AccountView = {
  accountId: string
  kind: 'user' | 'merchant'
  status: 'active' | 'frozen' | 'closed'
  twoFactor: boolean
  paymentPasswordSet: boolean
  openedAt: string
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
export type PaymentView = {
  paymentId: string
  status: 'authorized' | 'completed' | 'failed' | 'cancelled' | 'refunded' | 'partially_refunded'
  channel: string
  payer: string
  payee: string
  asset: string
  amount: Amount
  charged: Amount
  refunded: Amount
  failureReason?: string
}
export type WithdrawalView = {
  withdrawalId: string
  status:
    | 'requested'
    | 'verified'
    | 'submitted'
    | 'completed'
    | 'failed'
    | 'rejected'
    | 'cancelled'
    | 'returned'
  asset: string
  amount: Amount
  fee: Amount
  expectedBy?: { earliest: string; latest: string }
}
export type DisputeView = {
  disputeId: string
  paymentId: string
  status:
    'open' | 'responded' | 'escalated' | 'resolved_payer' | 'resolved_payee' | 'referred_legal'
  evidence: { by: string; reference: string; sha256: string }[]
}
export type ConversionView = {
  conversionId: string
  status: 'executed' | 'expired' | 'failed'
  debited: { asset: string; amount: Amount }
  credited: { asset: string; amount: Amount }
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
  reportUnauthorized(
    c: CommandContext & { accountId: string; paymentIds: string[] },
  ): Result<{ disputeIds: string[] }>
  runDue(c?: { now?: Instant }): Promise<{ expired: number }>
  recover(): Promise<{ finished: number; reversed: number }>

  account(accountId: string): Result<AccountView>
  accounts(o?: {
    kind?: string
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
  payment(id: string): Result<PaymentView>
  withdrawal(id: string): Result<WithdrawalView>
  dispute(id: string): Result<DisputeView>
  conversion(id: string): Result<ConversionView>
  subscribe(
    handler: (n: Notification) => void | Promise<void>,
    o?: { fromPosition?: string; types?: string[] },
  ): () => void
  audit(o?: { expectedHead?: string }): Promise<AuditReport>
  close(): Promise<void>
}
