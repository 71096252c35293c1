// The commands of the model-based property, one fast-check command per public ledger command (valid
// and invalid inputs alike), plus a retry of the last keyed command, the clock moving on, and
// inputs the codecs must refuse. Each builds a CheckedCall at run time (ids of earlier workflows
// are known only then) and runs it through runChecked.
import fc from 'fast-check'
import {
  modelAdjust,
  modelCancel,
  modelCapture,
  modelClose,
  modelDeposit,
  modelDisableTwoFactor,
  modelEnableTwoFactor,
  modelFreeze,
  modelPay,
  modelRefund,
  modelRequestWithdrawal,
  modelSetLimits,
  modelSetPaymentPassword,
  modelUnfreeze,
  modelWithdrawalStep,
} from '@wallet-ledger/testing'
import type { LedgerModel, ModelOutcome, ModelWithdrawalStep } from '@wallet-ledger/testing'
import { runChecked } from './modelChecks.js'
import type { CheckedCall, ModelReal } from './modelChecks.js'
import {
  arbAccount,
  arbAmountSpec,
  arbAsset,
  arbAuthorization,
  arbKey,
  arbParty,
  arbPick,
  pickPayment,
  pickWithdrawal,
  renderAmount,
  show,
} from './modelInputs.js'
import { BAD_INPUTS } from './badInputs.js'

// ---------------------------------------------------------------- the command type

type Build = (model: LedgerModel, real: ModelReal) => CheckedCall | undefined

/** A fast-check command that builds its call from the model's state and checks it. */
class LedgerStep implements fc.AsyncCommand<LedgerModel, ModelReal> {
  constructor(
    private readonly label: string,
    private readonly build: Build,
  ) {}
  check = (): boolean => true
  run = async (model: LedgerModel, real: ModelReal): Promise<void> => {
    const call = this.build(model, real)
    if (call !== undefined) await runChecked(model, real, call)
  }
  toString = (): string => this.label
}

const step = <T>(name: string, arbitrary: fc.Arbitrary<T>, build: (input: T) => Build) =>
  arbitrary.map((input) => new LedgerStep(`${name} ${show(input)}`, build(input)))

const scaleOf = (model: LedgerModel, asset: string) => model.assets.get(asset)
const same = (outcome: ModelOutcome) => () => outcome

// ---------------------------------------------------------------- money in

const deposit = step(
  'deposit',
  fc.record({
    accountId: arbAccount,
    asset: arbAsset,
    amount: arbAmountSpec,
    source: fc.constantFrom('bank_transfer' as const, 'card' as const, 'crypto' as const),
    key: arbKey,
  }),
  (g) => (model) => {
    const input = {
      accountId: g.accountId,
      asset: g.asset,
      amount: renderAmount(g.amount, scaleOf(model, g.asset)),
      source: { type: g.source, reference: `ref-${g.key}` },
      idempotencyKey: g.key,
    }
    return {
      label: `deposit ${show(input)}`,
      model: (m) => modelDeposit(m, input),
      call: (ledger) => ledger.deposit(input),
      idempotency: `deposit:${g.key}`,
    }
  },
)

const adjust = step(
  'adjust',
  fc.record({
    accountId: arbAccount,
    asset: arbAsset,
    amount: arbAmountSpec,
    direction: fc.constantFrom('credit' as const, 'debit' as const),
    key: arbKey,
  }),
  (g) => (model) => {
    const input = {
      accountId: g.accountId,
      asset: g.asset,
      amount: renderAmount(g.amount, scaleOf(model, g.asset)),
      direction: g.direction,
      reason: 'correction',
      idempotencyKey: g.key,
    }
    return {
      label: `adjust ${show(input)}`,
      model: (m) => modelAdjust(m, input),
      call: (ledger) => ledger.adjust(input),
      idempotency: `adjust:${g.key}`,
    }
  },
)

// ---------------------------------------------------------------- payments

const pay = step(
  'pay',
  fc.record({
    payer: arbParty,
    payee: arbParty,
    asset: arbAsset,
    amount: arbAmountSpec,
    // Manual capture is for online checkout: mostly generated together, sometimes not (refused).
    shape: fc.constantFrom(
      { channel: 'merchant_qr' as const, isManual: false },
      { channel: 'p2p' as const, isManual: false },
      { channel: 'online' as const, isManual: false },
      { channel: 'online' as const, isManual: true },
      { channel: 'online' as const, isManual: true },
      { channel: 'online' as const, isManual: true },
      { channel: 'bill' as const, isManual: false },
      { channel: 'p2p' as const, isManual: true },
    ),
    authorization: arbAuthorization,
    key: arbKey,
  }),
  (g) => (model) => {
    const input = {
      channel: g.shape.channel,
      payer: g.payer,
      payee: g.payee,
      asset: g.asset,
      amount: renderAmount(g.amount, scaleOf(model, g.asset)),
      ...(g.authorization === undefined ? {} : { authorization: g.authorization }),
      ...(g.shape.isManual ? { capture: 'manual' as const } : {}),
      idempotencyKey: g.key,
    }
    return {
      label: `pay ${show(input)}`,
      model: (m) => modelPay(m, input),
      call: (ledger) => ledger.pay(input),
      idempotency: `pay:${g.key}`,
    }
  },
)

const MISSING_ID = '00000000-0000-4000-8000-000000000000'

const capture = step(
  'capturePayment',
  fc.record({ pick: arbPick, amount: fc.option(arbAmountSpec, { nil: undefined }) }),
  (g) => (model) => {
    const payment = pickPayment(model, g.pick, ['authorized'])
    const paymentId = payment?.paymentId ?? MISSING_ID
    const scale = payment === undefined ? 2 : scaleOf(model, payment.asset)
    const amount = g.amount === undefined ? undefined : renderAmount(g.amount, scale)
    const input = { paymentId, ...(amount === undefined ? {} : { amount }) }
    return {
      label: `capturePayment ${show(input)}`,
      model: (m) => modelCapture(m, paymentId, amount),
      call: (ledger) => ledger.capturePayment(input),
    }
  },
)

const cancel = step('cancelPayment', arbPick, (pick) => (model) => {
  const paymentId = pickPayment(model, pick, ['authorized'])?.paymentId ?? MISSING_ID
  return {
    label: `cancelPayment ${paymentId}`,
    model: (m) => modelCancel(m, paymentId),
    call: (ledger) => ledger.cancelPayment({ paymentId }),
  }
})

const refund = step(
  'refund',
  fc.record({
    pick: arbPick,
    amount: fc.option(arbAmountSpec, { nil: undefined }),
    key: arbKey,
  }),
  (g) => (model) => {
    const payment = pickPayment(model, g.pick, ['completed', 'partially_refunded'])
    const paymentId = payment?.paymentId ?? MISSING_ID
    const scale = payment === undefined ? 2 : scaleOf(model, payment.asset)
    // Refund amounts are a tenth of payment-sized amounts, so partial refunds happen.
    const spec = g.amount?.kind === 'valid' ? { ...g.amount, permille: 1 + (g.amount.permille % 100) } : g.amount
    const amount = spec === undefined ? undefined : renderAmount(spec, scale)
    // Refund keys are drawn for the whole ledger, so a key is sometimes reused for a refund of
    // another payment (idempotency_key_reused: the engine claims refund keys ledger-wide).
    const idempotencyKey = `refund-${g.key}`
    const input = { paymentId, idempotencyKey, ...(amount === undefined ? {} : { amount }) }
    return {
      label: `refund ${show(input)}`,
      model: (m) => modelRefund(m, input),
      call: (ledger) => ledger.refund(input),
      idempotency: `refund:${idempotencyKey}`,
    }
  },
)

// ---------------------------------------------------------------- accounts

const accountCommand = step(
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

const setLimits = step(
  'setLimits',
  fc.record({
    accountId: arbAccount,
    asset: arbAsset,
    perPayment: fc.option(arbAmountSpec, { nil: undefined, freq: 2 }),
    perDay: fc.option(arbAmountSpec, { nil: undefined, freq: 2 }),
    stepUpAbove: fc.option(arbAmountSpec, { nil: undefined, freq: 2 }),
  }),
  (g) => (model) => {
    const scale = scaleOf(model, g.asset)
    const amounts: Record<string, string> = {}
    for (const field of ['perPayment', 'perDay', 'stepUpAbove'] as const) {
      const spec = g[field]
      if (spec !== undefined) amounts[field] = renderAmount(spec, scale)
    }
    const input = { accountId: g.accountId, asset: g.asset, ...amounts }
    return {
      label: `setLimits ${show(input)}`,
      model: (m) => modelSetLimits(m, input),
      call: (ledger) => ledger.setLimits(input),
    }
  },
)

// ---------------------------------------------------------------- withdrawals

const requestWithdrawal = step(
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

const withdrawalStep = step(
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

// ---------------------------------------------------------------- retries, time, bad input

const retry = step('retry the last keyed command', fc.constant(null), () => (_model, real) =>
  real.lastKeyed === undefined ? undefined : { ...real.lastKeyed, label: `retry ${real.lastKeyed.label}` },
)

const advanceClock = step(
  'advance the clock by',
  fc.constantFrom(60_000, 3_600_000, 86_400_000, 8 * 86_400_000),
  (ms) => (model, real) => {
    model.nowMs += ms
    real.clock.nowMs += ms
    return undefined
  },
)

const badInput = step('bad input', fc.nat({ max: BAD_INPUTS.length - 1 }), (index) => () => {
  const bad = BAD_INPUTS[index]
  if (bad === undefined) return undefined
  return {
    label: `bad input: ${bad.label}`,
    model: same({ expected: { kind: 'rejected', code: 'invalid_input' } }),
    call: bad.call,
  }
})

/** Every command of the model-based property, weighted toward the ones that move money. */
export const arbModelCommands = (maxCommands: number) =>
  fc.commands(
    [
      deposit,
      adjust,
      pay,
      pay,
      pay,
      pay,
      capture,
      capture,
      capture,
      cancel,
      cancel,
      refund,
      refund,
      refund,
      accountCommand,
      setLimits,
      requestWithdrawal,
      requestWithdrawal,
      withdrawalStep,
      withdrawalStep,
      withdrawalStep,
      retry,
      advanceClock,
      badInput,
    ],
    { maxCommands, size: 'max' },
  )
