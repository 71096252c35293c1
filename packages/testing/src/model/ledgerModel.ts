// The reference model's state and its primitive moves: open accounts, credit, debit, hold, capture
// and release, each on plain maps of bigint minor units, plus the authorization and limit rules of
// DESIGN.md section 3 as the model reads them. Commands (in the other files) compose these.
import type {
  Expected,
  LedgerModel,
  ModelAccount,
  ModelBalance,
  ModelHold,
  ModelLimits,
} from './types.js'
import { utcDateOf } from './arithmetic.js'

// ---------------------------------------------------------------- constructors

/** What a model starts from: the assets (code -> scale), the clock and the authorization TTL. */
export type LedgerModelOptions = {
  readonly assets: ReadonlyMap<string, number>
  readonly nowMs: number
  readonly authorizationTtlMs: number
}

/** An empty model. */
export const createLedgerModel = (options: LedgerModelOptions): LedgerModel => ({
  assets: options.assets,
  accounts: new Map(),
  payments: new Map(),
  withdrawals: new Map(),
  conversions: new Map(),
  promotions: new Map(),
  deposits: new Map(),
  adjustments: new Map(),
  refunds: new Map(),
  nowMs: options.nowMs,
  authorizationTtlMs: options.authorizationTtlMs,
})

/** Records an opened user or merchant account (the model's view of `openAccount`). */
export const openModelAccount = (
  model: LedgerModel,
  id: string,
  kind: 'user' | 'merchant',
  feeRate?: string,
): ModelAccount => {
  const account: ModelAccount = {
    ...blankAccount(id, kind),
    ...(feeRate === undefined ? {} : { feeRate }),
  }
  model.accounts.set(id, account)
  return account
}

const blankAccount = (id: string, kind: ModelAccount['kind']): ModelAccount => ({
  id,
  kind,
  status: 'active',
  hasTwoFactor: false,
  hasPaymentPassword: false,
  limits: new Map(),
  spent: new Map(),
  balances: new Map(),
  holds: new Map(),
})

// ---------------------------------------------------------------- expectations

/** A right; `writes` false for a retry or a no-op. */
export const ok = (writes = true): Expected => ({ kind: 'ok', writes })
/** A left that writes nothing. */
export const rejected = (code: string): Expected => ({ kind: 'rejected', code })

// ---------------------------------------------------------------- reading

/** True for platform ids ("system:…", "world:…"), which callers may not use as their accounts. */
export const isPlatformId = (id: string): boolean =>
  id.startsWith('system:') || id.startsWith('world:')

/** World accounts and suspense may go negative; every other account may not. */
export const mayGoNegative = (id: string): boolean =>
  id.startsWith('world:') || id === 'system:suspense' || id === 'system:receivables'

/** The account, if opened (platform accounts count once money touched them). */
export const accountOf = (model: LedgerModel, id: string): ModelAccount | undefined =>
  model.accounts.get(id)

/** An account's balance of an asset (zero when never touched). */
export const balanceOf = (account: ModelAccount, asset: string): ModelBalance =>
  account.balances.get(asset) ?? { available: 0n, held: 0n }

/** The local date of the model's clock. */
export const todayOf = (model: LedgerModel): string => utcDateOf(model.nowMs)

/** What the owner spent today in an asset (captured and held amounts of today's date). */
export const spentTodayOf = (model: LedgerModel, account: ModelAccount, asset: string): bigint => {
  const spent = account.spent.get(asset)
  return spent?.date === todayOf(model) ? spent.minor : 0n
}

// ---------------------------------------------------------------- rules

/**
 * The first security or limit refusal for an owner sending `minor` of `asset`, if any: a verified
 * two-factor satisfies every check, a payment password only where no two-factor is needed; an
 * unverified check always fails; above the step-up threshold two-factor is needed; limits are
 * inclusive maxima, the daily one counting what was captured and held today.
 */
export const senderRefusal = (
  model: LedgerModel,
  account: ModelAccount,
  asset: string,
  minor: bigint,
  authorization: { method: string; verified: boolean } | undefined,
): string | undefined => {
  const limits: ModelLimits = account.limits.get(asset) ?? {}
  const needsTwoFactor =
    (limits.stepUpAbove !== undefined && minor > limits.stepUpAbove) || account.hasTwoFactor
  const needsPassword = !needsTwoFactor && account.hasPaymentPassword
  if (authorization !== undefined && !authorization.verified) return 'security_check_failed'
  const method = authorization?.method
  if (needsTwoFactor && method !== 'two_factor') return 'security_check_failed'
  if (needsPassword && method === undefined) return 'security_check_failed'
  if (limits.perPayment !== undefined && minor > limits.perPayment) return 'limit_exceeded'
  const spent = spentTodayOf(model, account, asset)
  if (limits.perDay !== undefined && spent + minor > limits.perDay) return 'limit_exceeded'
  return undefined
}

// ---------------------------------------------------------------- moves

/** The account of a platform id, opened on first use like the engine opens it. */
export const platformAccount = (model: LedgerModel, id: string): ModelAccount => {
  const found = model.accounts.get(id)
  if (found !== undefined) return found
  const account = blankAccount(id, 'system')
  model.accounts.set(id, account)
  return account
}

const change = (account: ModelAccount, asset: string, available: bigint, held = 0n): void => {
  const balance = balanceOf(account, asset)
  account.balances.set(asset, {
    available: balance.available + available,
    held: balance.held + held,
  })
}

/** Credits available. */
export const credit = (account: ModelAccount, asset: string, minor: bigint): void =>
  change(account, asset, minor)

/** Debits available; `spentDate` counts it toward that day's limit. */
export const debit = (
  account: ModelAccount,
  asset: string,
  minor: bigint,
  spentDate?: string,
): void => {
  change(account, asset, -minor)
  if (spentDate !== undefined) addSpent(account, asset, spentDate, minor)
}

/** Moves available to held under `name`; `spentDate` counts it toward that day's limit. */
export const hold = (
  account: ModelAccount,
  name: string,
  asset: string,
  minor: bigint,
  spentDate?: string,
): void => {
  change(account, asset, -minor, minor)
  account.holds.set(name, { asset, minor, ...(spentDate === undefined ? {} : { date: spentDate }) })
  if (spentDate !== undefined) addSpent(account, asset, spentDate, minor)
}

/**
 * Closes hold `name`: `captured` leaves the account, the rest returns to available and stops
 * counting toward its day's limit (it was neither spent nor is it held any more).
 */
export const settleHold = (account: ModelAccount, name: string, captured: bigint): ModelHold => {
  const open = account.holds.get(name)
  if (open === undefined) throw new Error(`model: no open hold ${name} on ${account.id}`)
  account.holds.delete(name)
  const released = open.minor - captured
  change(account, open.asset, released, -open.minor)
  const spent = account.spent.get(open.asset)
  if (released > 0n && spent !== undefined && spent.date === open.date)
    account.spent.set(open.asset, { date: spent.date, minor: spent.minor - released })
  return open
}

// Only the latest date is kept: spending of an older day no longer matters.
const addSpent = (account: ModelAccount, asset: string, date: string, minor: bigint): void => {
  const spent = account.spent.get(asset)
  if (spent !== undefined && spent.date > date) return
  const base = spent?.date === date ? spent.minor : 0n
  account.spent.set(asset, { date, minor: base + minor })
}
