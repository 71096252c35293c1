// The model of money arriving (deposit) and of corrections (adjust): one account credited or
// debited against a world account or suspense, deduplicated by idempotency key.
import { fieldsKey, readAmount } from './arithmetic.js'
import {
  accountOf,
  balanceOf,
  credit,
  debit,
  isPlatformId,
  mayGoNegative,
  ok,
  platformAccount,
  rejected,
} from './ledgerModel.js'
import type { LedgerModel, ModelOutcome } from './types.js'

// ---------------------------------------------------------------- types

/** The caller's fields of `deposit`. */
export type ModelDeposit = {
  readonly accountId: string
  readonly asset: string
  readonly amount: string
  readonly source: {
    readonly type: 'bank_transfer' | 'card' | 'crypto'
    readonly reference: string
    readonly network?: string
  }
  readonly idempotencyKey: string
}

/** The caller's fields of `adjust`. */
export type ModelAdjust = {
  readonly accountId: string
  readonly asset: string
  readonly amount: string
  readonly direction: 'credit' | 'debit'
  readonly reason: string
  readonly idempotencyKey: string
}

// ---------------------------------------------------------------- helpers

/** A positive amount of a registered asset, or the code the ledger must answer. */
export const positiveAmount = (
  model: LedgerModel,
  asset: string,
  text: string,
): { readonly minor: bigint; readonly scale: number } | { readonly code: string } => {
  const scale = model.assets.get(asset)
  if (scale === undefined) return { code: 'unknown_asset' }
  const amount = readAmount(text, scale)
  if ('code' in amount) return amount
  if (amount.minor === 0n) return { code: 'amount_not_positive' }
  return { minor: amount.minor, scale }
}

/** The world account money of a deposit comes from. */
const sourceAccountOf = (source: ModelDeposit['source'], asset: string): string => {
  if (source.type === 'bank_transfer') return 'world:bank-inflow'
  if (source.type === 'card') return 'world:card-inflow'
  return `world:crypto:${(source.network ?? asset).toLowerCase()}`
}

// ---------------------------------------------------------------- commands

/**
 * `deposit`: the account credited, its source's world account debited. A frozen account receives;
 * a closed one refuses (nothing written). The same key with the same fields is a retry.
 */
export const modelDeposit = (model: LedgerModel, input: ModelDeposit): ModelOutcome => {
  const amount = positiveAmount(model, input.asset, input.amount)
  if ('code' in amount) return { expected: rejected(amount.code) }
  const account = accountOf(model, input.accountId)
  if (account === undefined || isPlatformId(input.accountId))
    return { expected: rejected('account_not_found') }
  const fingerprint = fieldsKey({ ...input, amount: amount.minor.toString() })
  const recorded = model.deposits.get(input.idempotencyKey)
  if (recorded !== undefined)
    return { expected: recorded === fingerprint ? ok(false) : rejected('idempotency_key_reused') }
  if (account.status === 'closed') return { expected: rejected('account_closed') }
  model.deposits.set(input.idempotencyKey, fingerprint)
  debit(
    platformAccount(model, sourceAccountOf(input.source, input.asset)),
    input.asset,
    amount.minor,
  )
  credit(account, input.asset, amount.minor)
  return { expected: ok() }
}

/**
 * `adjust`: the account credited or debited, suspense the other side. Frozen accounts are
 * adjusted too (a correction is the platform's); closed ones are not; a debit never takes an
 * account with a balance rule below zero.
 */
export const modelAdjust = (model: LedgerModel, input: ModelAdjust): ModelOutcome => {
  const amount = positiveAmount(model, input.asset, input.amount)
  if ('code' in amount) return { expected: rejected(amount.code) }
  const account = accountOf(model, input.accountId)
  if (account === undefined || isPlatformId(input.accountId))
    return { expected: rejected('account_not_found') }
  const fingerprint = fieldsKey({ ...input, amount: amount.minor.toString() })
  const recorded = model.adjustments.get(input.idempotencyKey)
  if (recorded !== undefined)
    return { expected: recorded === fingerprint ? ok(false) : rejected('idempotency_key_reused') }
  if (account.status === 'closed') return { expected: rejected('account_closed') }
  const isDebit = input.direction === 'debit'
  const available = balanceOf(account, input.asset).available
  if (isDebit && !mayGoNegative(account.id) && available < amount.minor)
    return { expected: rejected('insufficient_balance') }
  model.adjustments.set(input.idempotencyKey, fingerprint)
  const suspense = platformAccount(model, 'system:suspense')
  if (isDebit) {
    debit(account, input.asset, amount.minor)
    credit(suspense, input.asset, amount.minor)
  } else {
    credit(account, input.asset, amount.minor)
    debit(suspense, input.asset, amount.minor)
  }
  return { expected: ok() }
}
