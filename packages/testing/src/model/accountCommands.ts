// The model of the account commands: security settings, limits, freeze, unfreeze and close. Each
// returns what the ledger must answer and changes the model only when the ledger must change.
import { readAmount } from './arithmetic.js'
import { accountOf, isPlatformId, ok, rejected } from './ledgerModel.js'
import { cancelWithdrawalsOf } from './withdrawalCommands.js'
import type { LedgerModel, ModelAccount, ModelLimits, ModelOutcome } from './types.js'

// ---------------------------------------------------------------- helpers

type Found = { readonly account: ModelAccount } | { readonly outcome: ModelOutcome }

// A caller's account: not found (platform ids included: they are not callers' accounts), closed
// (when `isClosedRefused`), or the account.
const callerAccount = (model: LedgerModel, id: string, isClosedRefused = true): Found => {
  const account = accountOf(model, id)
  if (account === undefined || isPlatformId(id))
    return { outcome: { expected: rejected('account_not_found') } }
  if (isClosedRefused && account.status === 'closed')
    return { outcome: { expected: rejected('account_closed') } }
  return { account }
}

const done = (writes = true): ModelOutcome => ({ expected: ok(writes) })

// ---------------------------------------------------------------- security

/** `enableTwoFactor`: a no-op when already on. */
export const modelEnableTwoFactor = (model: LedgerModel, accountId: string): ModelOutcome => {
  const found = callerAccount(model, accountId)
  if ('outcome' in found) return found.outcome
  if (found.account.hasTwoFactor) return done(false)
  found.account.hasTwoFactor = true
  return done()
}

/** `disableTwoFactor`: needs a verified two-factor check; a no-op when already off. */
export const modelDisableTwoFactor = (
  model: LedgerModel,
  accountId: string,
  authorization: { method: string; verified: boolean },
): ModelOutcome => {
  const found = callerAccount(model, accountId)
  if ('outcome' in found) return found.outcome
  if (!found.account.hasTwoFactor) return done(false)
  if (authorization.method !== 'two_factor' || !authorization.verified)
    return { expected: rejected('security_check_failed') }
  found.account.hasTwoFactor = false
  return done()
}

/** `setPaymentPassword`: always records a new version. */
export const modelSetPaymentPassword = (model: LedgerModel, accountId: string): ModelOutcome => {
  const found = callerAccount(model, accountId)
  if ('outcome' in found) return found.outcome
  found.account.hasPaymentPassword = true
  return done()
}

/** The caller's fields of `setLimits`. */
export type ModelSetLimits = {
  readonly accountId: string
  readonly asset: string
  readonly perPayment?: string
  readonly perDay?: string
  readonly stepUpAbove?: string
  readonly authorization?: { readonly method: string; readonly verified: boolean }
}

/**
 * `setLimits`: the asset must be known and every amount positive at its scale (checked before the
 * account); the limits given replace the asset's limits entirely; a raise needs authorization.
 */
export const modelSetLimits = (model: LedgerModel, input: ModelSetLimits): ModelOutcome => {
  const scale = model.assets.get(input.asset)
  if (scale === undefined) return { expected: rejected('unknown_asset') }
  const limits: Record<string, bigint> = {}
  for (const field of ['perPayment', 'perDay', 'stepUpAbove'] as const) {
    const text = input[field]
    if (text === undefined) continue
    const amount = readAmount(text, scale)
    if ('code' in amount) return { expected: rejected(amount.code) }
    if (amount.minor === 0n) return { expected: rejected('amount_not_positive') }
    limits[field] = amount.minor
  }
  const found = callerAccount(model, input.accountId)
  if ('outcome' in found) return found.outcome
  const refusal = limitChangeRefusal(found.account, input.asset, limits, input.authorization)
  if (refusal !== undefined) return { expected: rejected(refusal) }
  found.account.limits.set(input.asset, limits as ModelLimits)
  return done()
}

// Raising or removing a limit needs the check the largest payment it newly allows needs today
// (issue 7, item 4); lowering or adding one needs none.
const limitChangeRefusal = (
  account: ModelAccount,
  asset: string,
  next: ModelLimits,
  authorization: ModelSetLimits['authorization'],
): string | undefined => {
  const current: ModelLimits = account.limits.get(asset) ?? {}
  const raised = (['perPayment', 'perDay', 'stepUpAbove'] as const).filter((field) => {
    const now = current[field]
    const after = next[field]
    return now !== undefined && (after === undefined || after > now)
  })
  if (raised.length === 0) return undefined
  const stepUp = current.stepUpAbove
  const isAboveStepUp = raised.some((field) => {
    const after = next[field]
    return (
      stepUp !== undefined && (field === 'stepUpAbove' || after === undefined || after > stepUp)
    )
  })
  const needsTwoFactor = isAboveStepUp || account.hasTwoFactor
  const needsPassword = !needsTwoFactor && account.hasPaymentPassword
  if (authorization !== undefined && !authorization.verified) return 'security_check_failed'
  const method = authorization?.method
  if (needsTwoFactor && method !== 'two_factor') return 'security_check_failed'
  if (needsPassword && method === undefined) return 'security_check_failed'
  return undefined
}

// ---------------------------------------------------------------- lifecycle

/**
 * `freezeAccount`: a no-op when frozen already; freezing cancels every withdrawal of the account
 * not yet submitted and releases its hold (DESIGN.md freeze rules).
 */
export const modelFreeze = (model: LedgerModel, accountId: string): ModelOutcome => {
  const found = callerAccount(model, accountId)
  if ('outcome' in found) return found.outcome
  const wasActive = found.account.status === 'active'
  found.account.status = 'frozen'
  cancelWithdrawalsOf(model, accountId)
  return done(wasActive)
}

/** `unfreezeAccount`: only a frozen account (`account_not_frozen`). */
export const modelUnfreeze = (model: LedgerModel, accountId: string): ModelOutcome => {
  const found = callerAccount(model, accountId)
  if ('outcome' in found) return found.outcome
  if (found.account.status !== 'frozen') return { expected: rejected('account_not_frozen') }
  found.account.status = 'active'
  return done()
}

/** `closeAccount`: only with every balance zero and no open hold (`account_not_empty`). */
export const modelClose = (model: LedgerModel, accountId: string): ModelOutcome => {
  const found = callerAccount(model, accountId)
  if ('outcome' in found) return found.outcome
  const { account } = found
  const isEmpty = [...account.balances.values()].every(
    (balance) => balance.available === 0n && balance.held === 0n,
  )
  if (!isEmpty || account.holds.size > 0) return { expected: rejected('account_not_empty') }
  account.status = 'closed'
  return done()
}
