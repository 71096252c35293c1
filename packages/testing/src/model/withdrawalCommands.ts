// The model of withdrawals: the request holds amount + fee; the identity check, the submission,
// the payout (amount to the outflow world account, fee to the platform), a failure or a
// rejection (hold released), the bank's return (amount credited back, fee kept), and the freeze
// rule that cancels every withdrawal not yet submitted.
import { fieldsKey, readAmount } from './arithmetic.js'
import {
  accountOf,
  balanceOf,
  credit,
  debit,
  hold,
  ok,
  platformAccount,
  rejected,
  senderRefusal,
  settleHold,
  todayOf,
} from './ledgerModel.js'
import { positiveAmount } from './moneyCommands.js'
import type { LedgerModel, ModelOutcome, ModelWithdrawal } from './types.js'

// ---------------------------------------------------------------- types

/** The caller's fields of `requestWithdrawal` the model generates. */
export type ModelRequestWithdrawal = {
  readonly accountId: string
  readonly asset: string
  readonly amount: string
  readonly fee?: string
  readonly destination:
    | { readonly type: 'bank_account'; readonly bank: string; readonly accountNumber: string }
    | { readonly type: 'crypto_address'; readonly network: string; readonly address: string }
  readonly authorization?: { readonly method: string; readonly verified: boolean }
  readonly idempotencyKey: string
}

const FEES = 'system:fees'

// ---------------------------------------------------------------- request

/**
 * `requestWithdrawal`: amount and fee read first, then the account, then the key (the
 * authorization is not part of what identifies a request), then a closed account (rejected) and
 * the recorded refusals on `amount + fee`: frozen, security, limits, balance.
 */
export const modelRequestWithdrawal = (
  model: LedgerModel,
  input: ModelRequestWithdrawal,
): ModelOutcome => {
  const amount = positiveAmount(model, input.asset, input.amount)
  if ('code' in amount) return { expected: rejected(amount.code) }
  const fee = readAmount(input.fee ?? '0', amount.scale)
  if ('code' in fee) return { expected: rejected(fee.code) }
  const account = accountOf(model, input.accountId)
  if (account === undefined || account.kind === 'system')
    return { expected: rejected('account_not_found') }
  const { authorization: _authorization, idempotencyKey, ...fields } = input
  const fingerprint = fieldsKey({
    ...fields,
    amount: amount.minor.toString(),
    fee: fee.minor.toString(),
  })
  const existing = model.withdrawals.get(idempotencyKey)
  if (existing !== undefined) {
    const expected =
      existing.fingerprint !== fingerprint
        ? rejected('idempotency_key_reused')
        : existing.failure === undefined
          ? ok(false)
          : rejected(existing.failure)
    return { expected, withdrawal: existing }
  }
  if (account.status === 'closed') return { expected: rejected('account_closed') }
  const total = amount.minor + fee.minor
  const withdrawal: ModelWithdrawal = {
    key: idempotencyKey,
    fingerprint,
    status: 'requested',
    accountId: account.id,
    asset: input.asset,
    amount: amount.minor,
    fee: fee.minor,
    outflow:
      input.destination.type === 'bank_account'
        ? 'world:bank-outflow'
        : `world:crypto:${input.destination.network}`,
  }
  model.withdrawals.set(idempotencyKey, withdrawal)
  const refusal =
    account.status === 'frozen'
      ? 'account_frozen'
      : (senderRefusal(model, account, input.asset, total, input.authorization) ??
        (balanceOf(account, input.asset).available < total ? 'insufficient_balance' : undefined))
  if (refusal !== undefined) {
    withdrawal.status = 'failed'
    withdrawal.failure = refusal
    return { expected: { kind: 'recorded', code: refusal, workflow: 'withdrawal' }, withdrawal }
  }
  hold(account, holdNameOf(withdrawal), input.asset, total, todayOf(model))
  return { expected: ok(), withdrawal }
}

const holdNameOf = (withdrawal: ModelWithdrawal): string => `withdrawal:${withdrawal.key}`

// ---------------------------------------------------------------- the steps after

/** A withdrawal by the id the ledger gave it. */
export const withdrawalById = (
  model: LedgerModel,
  withdrawalId: string,
): ModelWithdrawal | undefined =>
  [...model.withdrawals.values()].find((withdrawal) => withdrawal.withdrawalId === withdrawalId)

/** The steps after a request the model drives. */
export type ModelWithdrawalStep = 'verify' | 'reject' | 'submit' | 'complete' | 'fail' | 'return'

// Which status each step needs, and which it leads to.
const STEPS: Record<
  ModelWithdrawalStep,
  { from: readonly string[]; to: ModelWithdrawal['status'] }
> = {
  verify: { from: ['requested'], to: 'verified' },
  reject: { from: ['requested'], to: 'rejected' },
  submit: { from: ['verified'], to: 'submitted' },
  complete: { from: ['submitted'], to: 'completed' },
  fail: { from: ['requested', 'verified', 'submitted'], to: 'failed' },
  return: { from: ['completed'], to: 'returned' },
}

/**
 * One step on an existing withdrawal. A completion, return or identity answer already made is a
 * retry; any other step from the wrong status is `invalid_transition`; a return to a closed
 * account is refused.
 */
export const modelWithdrawalStep = (
  model: LedgerModel,
  withdrawalId: string,
  step: ModelWithdrawalStep,
): ModelOutcome => {
  const withdrawal = withdrawalById(model, withdrawalId)
  if (withdrawal === undefined) return { expected: rejected('withdrawal_not_found') }
  const account = accountOf(model, withdrawal.accountId)
  if (account === undefined) throw new Error('model: withdrawal account vanished')
  const replayed =
    (step === 'complete' && ['completed', 'returned'].includes(withdrawal.status)) ||
    (step === 'return' && withdrawal.status === 'returned') ||
    (step === 'verify' && withdrawal.status === 'verified') ||
    (step === 'reject' && withdrawal.status === 'rejected')
  if (replayed) return { expected: ok(false), withdrawal }
  if (step === 'return' && withdrawal.status === 'completed' && account.status === 'closed')
    return { expected: rejected('account_closed'), withdrawal }
  if (!STEPS[step].from.includes(withdrawal.status))
    return { expected: rejected('invalid_transition'), withdrawal }
  applyStep(model, withdrawal, step)
  return { expected: ok(), withdrawal }
}

const applyStep = (model: LedgerModel, withdrawal: ModelWithdrawal, step: ModelWithdrawalStep) => {
  const account = accountOf(model, withdrawal.accountId)
  if (account === undefined) throw new Error('model: withdrawal account vanished')
  const { asset, amount, fee } = withdrawal
  if (step === 'reject' || step === 'fail') settleHold(account, holdNameOf(withdrawal), 0n)
  if (step === 'complete') {
    settleHold(account, holdNameOf(withdrawal), amount + fee)
    credit(platformAccount(model, withdrawal.outflow), asset, amount)
    if (fee > 0n) credit(platformAccount(model, FEES), asset, fee)
  }
  if (step === 'return') {
    debit(platformAccount(model, withdrawal.outflow), asset, amount)
    credit(account, asset, amount)
  }
  withdrawal.status = STEPS[step].to
}

/** The freeze rule: every requested or verified withdrawal of the account is cancelled. */
export const cancelWithdrawalsOf = (model: LedgerModel, accountId: string): void => {
  const account = accountOf(model, accountId)
  if (account === undefined) return
  for (const withdrawal of model.withdrawals.values()) {
    if (withdrawal.accountId !== accountId) continue
    if (withdrawal.status !== 'requested' && withdrawal.status !== 'verified') continue
    settleHold(account, holdNameOf(withdrawal), 0n)
    withdrawal.status = 'cancelled'
  }
}
