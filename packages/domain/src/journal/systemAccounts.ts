// System and world accounts: ids with a ':' so no caller-chosen id (letters, digits, '-', '_')
// can ever collide with them.
import { assert } from '../assert.js'

/**
 * The platform's own accounts. World accounts stand for money outside the wallet and may go
 * negative; funded system accounts may not; suspense, clearing and receivables are bookkeeping
 * accounts without a balance rule.
 */
export const SYSTEM_ACCOUNTS = {
  /** World: money arriving by bank transfer. */
  bankInflow: 'world:bank-inflow',
  /** World: money leaving to bank accounts. */
  bankOutflow: 'world:bank-outflow',
  /** World: money arriving by card. */
  cardInflow: 'world:card-inflow',
  /** World: the fund promotion budgets are paid from. */
  marketingFund: 'world:marketing-fund',
  /** World: the liquidity provider conversions fill against. */
  market: 'world:market',
  /** Funded: fees the platform earned. */
  fees: 'system:fees',
  /** Funded: the trading desk's rounding spread. */
  deskSpread: 'system:desk-spread',
  /** Funded: what the platform paid payers when a payee was short in a dispute. */
  disputeLosses: 'system:dispute-losses',
  /** No rule: what payees owe the platform after a dispute they could not cover. */
  receivables: 'system:receivables',
  /** No rule: the other side of manual corrections. */
  suspense: 'system:suspense',
  /** No rule: value in flight between the steps of a workflow; nets to zero when all are done. */
  clearing: 'system:clearing',
} as const

/** The prefix of every crypto network's world account. */
export const CRYPTO_NETWORK_ACCOUNT_PREFIX = 'world:crypto:'
/** The prefix of every promotion's budget account. */
export const PROMOTION_BUDGET_ACCOUNT_PREFIX = 'system:promotion:'

/** The world account of a crypto network ("world:crypto:ethereum"). */
export const cryptoNetworkAccount = (network: string): string => {
  assert(/^[a-z0-9-]{1,32}$/.test(network), `bad crypto network name "${network}"`)
  return `${CRYPTO_NETWORK_ACCOUNT_PREFIX}${network}`
}

/** The funded budget account of a promotion ("system:promotion:spring"). */
export const promotionBudgetAccount = (promotionId: string): string =>
  `${PROMOTION_BUDGET_ACCOUNT_PREFIX}${promotionId}`

/** Whether an account may go negative. */
export type BalanceRule = 'non_negative' | 'unrestricted'

const UNRESTRICTED_SYSTEM_ACCOUNTS: ReadonlySet<string> = new Set([
  SYSTEM_ACCOUNTS.receivables,
  SYSTEM_ACCOUNTS.suspense,
  SYSTEM_ACCOUNTS.clearing,
])

/** True for platform accounts (system and world), false for users' and merchants'. */
export const isPlatformAccount = (accountId: string): boolean =>
  accountId.startsWith('world:') || accountId.startsWith('system:')

/** The balance rule of an account, derived from its id alone so replay needs no other state. */
export const balanceRuleOf = (accountId: string): BalanceRule => {
  if (accountId.startsWith('world:')) return 'unrestricted'
  if (UNRESTRICTED_SYSTEM_ACCOUNTS.has(accountId)) return 'unrestricted'
  return 'non_negative'
}
