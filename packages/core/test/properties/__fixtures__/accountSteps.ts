// Steps of the model-based property about accounts and withdrawals: security settings, freeze,
// unfreeze, close, limits, withdrawal requests and every step after them.
import fc from 'fast-check'
import {
  modelClose,
  modelDisableTwoFactor,
  modelEnableTwoFactor,
  modelFreeze,
  modelRequestWithdrawal,
  modelSetLimits,
  modelSetPaymentPassword,
  modelUnfreeze,
  modelWithdrawalStep,
} from '@wallet-ledger/testing'
import type { ModelWithdrawalStep } from '@wallet-ledger/testing'
import type { CheckedCall } from './modelChecks.js'
import {
  arbAccount,
  arbAmountSpec,
  arbAsset,
  arbAuthorization,
  arbKey,
  arbPick,
  pickWithdrawal,
  renderAmount,
  show,
} from './modelInputs.js'
import { MISSING_ID, scaleOf, step } from './modelStep.js'

// ---------------------------------------------------------------- accounts

export const accountCommand = step(
  'account',
  fc.record({
    accountId: arbAccount,
    action: fc.constantFrom(
      'freeze' as const,
      'unfreeze' as const,
      'close' as const,
      'enableTwoFactor' as const,
      'disableTwoFactor' as const,
      'setPaymentPassword' as const,
    ),
    authorization: arbAuthorization,
  }),
  (g) => () => {
    const { accountId } = g
    const auth = g.authorization ?? { method: 'payment_password' as const, verified: true }
    const calls: Record<typeof g.action, Omit<CheckedCall, 'label'>> = {
      freeze: {
        model: (m) => modelFreeze(m, accountId),
        call: (ledger) => ledger.freezeAccount({ accountId, reason: 'phone stolen' }),
      },
      unfreeze: {
        model: (m) => modelUnfreeze(m, accountId),
        call: (ledger) => ledger.unfreezeAccount({ accountId, verification: 'id checked' }),
      },
      close: {
        model: (m) => modelClose(m, accountId),
        call: (ledger) => ledger.closeAccount({ accountId }),
      },
      enableTwoFactor: {
        model: (m) => modelEnableTwoFactor(m, accountId),
        call: (ledger) => ledger.enableTwoFactor({ accountId }),
      },
      disableTwoFactor: {
        model: (m) => modelDisableTwoFactor(m, accountId, auth),
        call: (ledger) => ledger.disableTwoFactor({ accountId, authorization: auth }),
      },
      setPaymentPassword: {
        model: (m) => modelSetPaymentPassword(m, accountId),
        call: (ledger) => ledger.setPaymentPassword({ accountId }),
      },
    }
    return { label: `${g.action} ${accountId}`, ...calls[g.action] }
  },
)

export const setLimits = step(
  'setLimits',
  fc.record({
    accountId: arbAccount,
    asset: arbAsset,
    perPayment: fc.option(arbAmountSpec, { nil: undefined, freq: 2 }),
    perDay: fc.option(arbAmountSpec, { nil: undefined, freq: 2 }),
    stepUpAbove: fc.option(arbAmountSpec, { nil: undefined, freq: 2 }),
    authorization: arbAuthorization,
  }),
  (g) => (model) => {
    const scale = scaleOf(model, g.asset)
    const amounts: Record<string, string> = {}
    for (const field of ['perPayment', 'perDay', 'stepUpAbove'] as const) {
      const spec = g[field]
      if (spec !== undefined) amounts[field] = renderAmount(spec, scale)
    }
    const authorization = g.authorization === undefined ? {} : { authorization: g.authorization }
    const input = { accountId: g.accountId, asset: g.asset, ...amounts, ...authorization }
    return {
      label: `setLimits ${show(input)}`,
      model: (m) => modelSetLimits(m, input),
      call: (ledger) => ledger.setLimits(input),
    }
  },
)

// ---------------------------------------------------------------- withdrawals

export const requestWithdrawal = step(
  'requestWithdrawal',
  fc.record({
    accountId: arbAccount,
    asset: arbAsset,
    amount: arbAmountSpec,
    fee: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    isCrypto: fc.boolean(),
    authorization: arbAuthorization,
    key: arbKey,
  }),
  (g) => (model) => {
    const scale = scaleOf(model, g.asset)
    const fee = g.fee === undefined ? undefined : renderAmount({ kind: 'valid', permille: g.fee, trim: false }, scale)
    const input = {
      accountId: g.accountId,
      asset: g.asset,
      amount: renderAmount(g.amount, scale),
      ...(fee === undefined ? {} : { fee }),
      destination: g.isCrypto
        ? { type: 'crypto_address' as const, network: 'ethereum', address: '0xabc' }
        : { type: 'bank_account' as const, bank: 'ACME', accountNumber: '12345678' },
      ...(g.authorization === undefined ? {} : { authorization: g.authorization }),
      idempotencyKey: g.key,
    }
    return {
      label: `requestWithdrawal ${show(input)}`,
      model: (m) => modelRequestWithdrawal(m, input),
      call: (ledger) => ledger.requestWithdrawal(input),
      idempotency: `withdrawal:${g.key}`,
    }
  },
)

const WITHDRAWAL_STEPS: Record<ModelWithdrawalStep, readonly string[]> = {
  verify: ['requested'],
  reject: ['requested'],
  submit: ['verified'],
  complete: ['submitted'],
  fail: ['requested', 'verified', 'submitted'],
  return: ['completed'],
}

// The step that moves a withdrawal on, by its status: how a real one goes from request to payout.
const NEXT_STEP: Partial<Record<string, ModelWithdrawalStep>> = {
  requested: 'verify',
  verified: 'submit',
  submitted: 'complete',
  completed: 'return',
}

export const withdrawalStep = step(
  'withdrawalStep',
  fc.record({
    pick: arbPick,
    step: fc.constantFrom(...(Object.keys(WITHDRAWAL_STEPS) as ModelWithdrawalStep[])),
    isNatural: fc.boolean(),
  }),
  (g) => (model) => {
    const open = g.isNatural ? Object.keys(NEXT_STEP) : WITHDRAWAL_STEPS[g.step]
    const withdrawal = pickWithdrawal(model, g.pick, open)
    const next = g.isNatural && withdrawal !== undefined ? NEXT_STEP[withdrawal.status] : undefined
    const chosen = next ?? g.step
    const withdrawalId = withdrawal?.withdrawalId ?? MISSING_ID
    const calls: Record<ModelWithdrawalStep, CheckedCall['call']> = {
      verify: (l) => l.verifyWithdrawalIdentity({ withdrawalId, passed: true }),
      reject: (l) => l.verifyWithdrawalIdentity({ withdrawalId, passed: false }),
      submit: (l) => l.submitWithdrawal({ withdrawalId }),
      complete: (l) => l.completeWithdrawal({ withdrawalId }),
      fail: (l) => l.failWithdrawal({ withdrawalId, reason: 'bank refused' }),
      return: (l) => l.returnWithdrawal({ withdrawalId, reason: 'account closed at bank' }),
    }
    return {
      label: `${chosen}Withdrawal ${withdrawalId}`,
      model: (m) => modelWithdrawalStep(m, withdrawalId, chosen),
      call: calls[chosen],
    }
  },
)
