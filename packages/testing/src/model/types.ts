// The reference model's types: plain maps of what a ledger should hold after a sequence of public
// commands, in bigint minor units, and what each command should answer. Nothing here is computed by
// the engine or the domain: the model is a second, independent reading of DESIGN.md.

// ---------------------------------------------------------------- accounts and balances

/** One asset's balance parts, in minor units; world accounts may go negative. */
export type ModelBalance = { available: bigint; held: bigint }

/** A hold the model knows about: what it holds and the local date it counted toward. */
export type ModelHold = { readonly asset: string; readonly minor: bigint; readonly date?: string }

/** An account's limits for one asset, in minor units; absent means no limit. */
export type ModelLimits = {
  readonly perPayment?: bigint
  readonly perDay?: bigint
  readonly stepUpAbove?: bigint
}

/** What the model knows of an account (users, merchants, and platform accounts once touched). */
export type ModelAccount = {
  readonly id: string
  readonly kind: 'user' | 'merchant' | 'system'
  status: 'active' | 'frozen' | 'closed'
  hasTwoFactor: boolean
  hasPaymentPassword: boolean
  /** Percent, merchants only ("2.5"). */
  readonly feeRate?: string
  readonly limits: Map<string, ModelLimits>
  /** Per asset: the latest local date with owner spending and what was spent on it. */
  readonly spent: Map<string, { date: string; minor: bigint }>
  readonly balances: Map<string, ModelBalance>
  /** Open holds by the model's own name (the workflow's idempotency key). */
  readonly holds: Map<string, ModelHold>
}

// ---------------------------------------------------------------- workflows

/** The statuses a payment shows (DESIGN.md section 6, PaymentView). */
export type ModelPaymentStatus =
  'authorized' | 'completed' | 'failed' | 'cancelled' | 'refunded' | 'partially_refunded'

/** A payment as the model tracks it, found by its idempotency key. */
export type ModelPayment = {
  readonly key: string
  readonly fingerprint: string
  /** The id the ledger gave it, learned from the first answer. */
  paymentId?: string
  status: ModelPaymentStatus
  failure?: string
  readonly payer: string
  readonly payee: string
  readonly asset: string
  /** The requested gross amount. */
  readonly amount: bigint
  readonly feeRate?: string
  readonly expiresAtMs?: number
  /** The promotion that paid part of it (only when it gave a discount). */
  readonly promotionId?: string
  captured: bigint
  /** What the promotion paid, part of `captured`; the payer was charged the rest. */
  discount: bigint
  fee: bigint
  refunded: bigint
}

/** The statuses a withdrawal shows (WithdrawalView). */
export type ModelWithdrawalStatus =
  | 'requested'
  | 'verified'
  | 'submitted'
  | 'completed'
  | 'failed'
  | 'rejected'
  | 'cancelled'
  | 'returned'

/** A withdrawal as the model tracks it, found by its idempotency key. */
export type ModelWithdrawal = {
  readonly key: string
  readonly fingerprint: string
  withdrawalId?: string
  status: ModelWithdrawalStatus
  failure?: string
  readonly accountId: string
  readonly asset: string
  readonly amount: bigint
  readonly fee: bigint
  /** The world account the payout is credited to. */
  readonly outflow: string
}

/** A promotion as the model tracks it: its terms and what is left of its budget. */
export type ModelPromotion = {
  readonly promotionId: string
  readonly asset: string
  /** A percent ("10") rounded down, or a fixed amount in minor units. */
  readonly discount: { readonly percent: string } | { readonly fixed: bigint }
  readonly capPerAccount?: bigint
  readonly validFromMs?: number
  readonly validUntilMs?: number
  remaining: bigint
  /** Discounts each account received, net of what refunds gave back. */
  readonly usedBy: Map<string, bigint>
}

/** A conversion as the model tracks it, found by its idempotency key. */
export type ModelConversion = {
  readonly key: string
  readonly fingerprint: string
  conversionId?: string
  readonly status: 'executed' | 'expired' | 'failed'
  readonly failure?: string
  readonly from: { readonly asset: string; readonly minor: bigint }
  /** What the account received (zero unless executed). */
  readonly credited: { readonly asset: string; readonly minor: bigint }
}

// ---------------------------------------------------------------- the model

/** The whole model: assets, accounts, workflows by idempotency key, and the clock. */
export type LedgerModel = {
  /** Asset code -> scale. */
  readonly assets: ReadonlyMap<string, number>
  readonly accounts: Map<string, ModelAccount>
  readonly payments: Map<string, ModelPayment>
  readonly withdrawals: Map<string, ModelWithdrawal>
  readonly conversions: Map<string, ModelConversion>
  readonly promotions: Map<string, ModelPromotion>
  /** Deposit and adjustment keys -> fingerprint. */
  readonly deposits: Map<string, string>
  readonly adjustments: Map<string, string>
  /** Refund key -> the payment it refunded and its fingerprint. */
  readonly refunds: Map<string, { readonly paymentKey: string; readonly fingerprint: string }>
  /** The ledger's clock, in epoch milliseconds (UTC is the ledger's time zone). */
  nowMs: number
  /** How long a manual authorization holds funds. */
  readonly authorizationTtlMs: number
}

// ---------------------------------------------------------------- expectations

/** The workflows whose refusals are recorded as their stream's only event. */
export type ModelWorkflow = 'payment' | 'withdrawal' | 'conversion'

/**
 * What a command must answer and write:
 * - `ok`: a right; `writes` says whether events must be appended (false: a retry or a no-op);
 * - `rejected`: a left with `code`, nothing written (bad input, or a refusal before a workflow
 *   exists, or the retry of a recorded refusal);
 * - `recorded`: a left with `code` and `details.<workflow>Id`, exactly one event written, on that
 *   workflow's stream (a business refusal recorded as the failure).
 */
export type Expected =
  | { readonly kind: 'ok'; readonly writes: boolean }
  | { readonly kind: 'rejected'; readonly code: string }
  | { readonly kind: 'recorded'; readonly code: string; readonly workflow: ModelWorkflow }

/** A command's expectation, with the workflow it concerns (to compare views and learn ids). */
export type ModelOutcome = {
  readonly expected: Expected
  readonly payment?: ModelPayment
  readonly withdrawal?: ModelWithdrawal
  readonly conversion?: ModelConversion
}
