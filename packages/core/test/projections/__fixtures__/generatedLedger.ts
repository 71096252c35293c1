// Generated activity for the read-side properties: a small cast (three users, two merchants, a
// promotion), and the steps of generatedSteps.ts run through the public ledger: deposits,
// adjustments, instant and manual payments with captures, cancels and refunds, conversions,
// withdrawals and their steps, disputes and their steps, freezes, the clock moving on, and runDue.
// Refusals are part of the activity, not failures.
import type { Ledger } from '../../../src/ledger/types.js'
import { rightOf } from '../../workflows/__fixtures__/workflowLedger.js'
import { CAST } from './generatedSteps.js'
import type {
  Asset,
  DisputeAction,
  PaymentAction,
  Step,
  WithdrawalAction,
} from './generatedSteps.js'
import { orThrow } from '../../../src/ledger/result.js'

/** The ids of the workflows a run has started, for later steps to pick from. */
export type Started = { payments: string[]; withdrawals: string[]; disputes: string[] }

export { CAST, arbStep } from './generatedSteps.js'

// ---------------------------------------------------------------- the cast

const MERCHANTS: ReadonlySet<string> = new Set(['shop', 'cafe'])
const PROMOTION_ID = 'spring'
const SCALE: Readonly<Record<Asset, number>> = { USD: 2, BTC: 8 }

/** Opens the cast, funds every account with USD 200.00 and BTC 0.01, creates the promotion. */
export const openCast = async (ledger: Ledger): Promise<Started> => {
  for (const accountId of CAST) {
    const kind = MERCHANTS.has(accountId) ? 'merchant' : 'user'
    const fee = accountId === 'shop' ? { merchantFeeRate: '2.5' } : {}
    rightOf(await ledger.openAccount({ accountId, kind, ...fee }))
    for (const [asset, amount] of [['USD', '200.00'], ['BTC', '0.01']] as const) {
      const source = { type: 'bank_transfer' as const, reference: 'seed' }
      const idempotencyKey = `seed-${accountId}-${asset}`
      rightOf(await ledger.deposit({ accountId, asset, amount, source, idempotencyKey }))
    }
  }
  rightOf(
    await ledger.createPromotion({
      promotionId: PROMOTION_ID,
      asset: 'USD',
      budget: '20.00',
      discount: { percent: '10' },
    }),
  )
  return { payments: [], withdrawals: [], disputes: [] }
}

// ---------------------------------------------------------------- running a step

/** A canonical amount of `minor` units of an asset ('12.34', '0.00001234'). */
export const amountOf = (value: number, assetCode: Asset): string => {
  const scale = SCALE[assetCode]
  const digits = String(value).padStart(scale + 1, '0')
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

const pick = (ids: readonly string[], index: number): string | undefined =>
  ids.length === 0 ? undefined : ids[index % ids.length]

/** Runs one step on `ledger`; refusals are expected and ignored. `n` makes idempotency keys. */
export const runStep = async (
  ledger: Ledger,
  step: Step,
  started: Started,
  n: number,
  advance: (ms: number) => void,
): Promise<void> => {
  const key = `step-${n}`
  switch (step.kind) {
    case 'deposit': {
      const source = { type: 'card' as const, reference: key }
      const amount = amountOf(step.minor, step.asset)
      const accountId = CAST[step.account] ?? 'alice'
      await ledger.deposit({ accountId, asset: step.asset, amount, source, idempotencyKey: key })
      return
    }
    case 'adjust':
      await ledger.adjust({
        accountId: CAST[step.account] ?? 'alice',
        asset: 'USD',
        amount: amountOf(step.minor, 'USD'),
        direction: step.isCredit ? 'credit' : 'debit',
        reason: 'correction',
        idempotencyKey: key,
      })
      return
    case 'pay':
      return pay(ledger, step, started, key)
    case 'payment':
      return paymentStep(ledger, step.action, pick(started.payments, step.pick), key)
    case 'convert':
      await ledger.convert({
        accountId: CAST[step.account] ?? 'alice',
        from: { asset: 'USD', amount: amountOf(step.minor, 'USD') },
        to: { asset: 'BTC' },
        rate: '0.0000123',
        idempotencyKey: key,
      })
      return
    case 'withdraw':
      return withdraw(ledger, step, started, key)
    case 'withdrawal':
      return withdrawalStep(ledger, step.action, pick(started.withdrawals, step.pick))
    case 'dispute':
      return disputeStep(ledger, step.action, step.pick, started)
    case 'freeze': {
      const accountId = CAST[step.account] ?? 'alice'
      if (step.isFrozen) await ledger.freezeAccount({ accountId, reason: 'generated' })
      else await ledger.unfreezeAccount({ accountId, verification: 'generated' })
      return
    }
    case 'advance':
      return advance(step.ms)
    case 'runDue':
      orThrow(await ledger.runDue())
      return
  }
}

const pay = async (
  ledger: Ledger,
  step: Extract<Step, { kind: 'pay' }>,
  started: Started,
  key: string,
): Promise<void> => {
  const result = await ledger.pay({
    channel: step.isManual ? 'online' : step.channel,
    payer: CAST[step.payer] ?? 'alice',
    // Anyone but the payer (paying oneself is refused before anything is written).
    payee: CAST[(step.payer + 1 + (step.payee % (CAST.length - 1))) % CAST.length] ?? 'shop',
    asset: step.asset,
    amount: amountOf(step.minor, step.asset),
    ...(step.isManual ? { capture: 'manual' as const } : {}),
    // The promotion is in USD and only for instant payments.
    ...(step.hasPromotion && !step.isManual && step.asset === 'USD'
      ? { promotionId: PROMOTION_ID }
      : {}),
    idempotencyKey: key,
  })
  const paymentId =
    result._tag === 'Right' ? result.right.paymentId : result.left.details?.['paymentId']
  if (typeof paymentId === 'string') started.payments.push(paymentId)
}

const paymentStep = async (
  ledger: Ledger,
  action: PaymentAction,
  paymentId: string | undefined,
  key: string,
): Promise<void> => {
  if (paymentId === undefined) return
  const view = await ledger.payment(paymentId)
  const part = view._tag === 'Right' ? halfOf(view.right.amount) : undefined
  const amount = part === undefined ? {} : { amount: part }
  if (action === 'capture') await ledger.capturePayment({ paymentId })
  if (action === 'capturePart') await ledger.capturePayment({ paymentId, ...amount })
  if (action === 'cancel') await ledger.cancelPayment({ paymentId })
  if (action === 'refund') await ledger.refund({ paymentId, idempotencyKey: key })
  if (action === 'refundPart') await ledger.refund({ paymentId, ...amount, idempotencyKey: key })
}

// Half of a canonical amount, rounded down, at the same scale; undefined when that is zero.
const halfOf = (amount: string): string | undefined => {
  const scale = amount.length - amount.indexOf('.') - 1
  const half = BigInt(amount.replace('.', '')) / 2n
  if (half === 0n) return undefined
  const digits = half.toString().padStart(scale + 1, '0')
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

const withdraw = async (
  ledger: Ledger,
  step: Extract<Step, { kind: 'withdraw' }>,
  started: Started,
  key: string,
): Promise<void> => {
  const result = await ledger.requestWithdrawal({
    accountId: CAST[step.account] ?? 'alice',
    asset: 'USD',
    amount: amountOf(step.minor, 'USD'),
    ...(step.feeMinor === 0 ? {} : { fee: amountOf(step.feeMinor, 'USD') }),
    destination: { type: 'bank_account', bank: 'ACME', accountNumber: 'DE44500105175407324931' },
    idempotencyKey: key,
  })
  if (result._tag === 'Right') started.withdrawals.push(result.right.withdrawalId)
}

const withdrawalStep = async (
  ledger: Ledger,
  action: WithdrawalAction,
  withdrawalId: string | undefined,
): Promise<void> => {
  if (withdrawalId === undefined) return
  if (action === 'reject') await ledger.verifyWithdrawalIdentity({ withdrawalId, passed: false })
  if (action === 'fail') await ledger.failWithdrawal({ withdrawalId, reason: 'bank said no' })
  if (action === 'return') await ledger.returnWithdrawal({ withdrawalId, reason: 'closed' })
  if (action !== 'forward') return
  const view = await ledger.withdrawal(withdrawalId)
  const status = view._tag === 'Right' ? view.right.status : undefined
  if (status === 'requested') await ledger.verifyWithdrawalIdentity({ withdrawalId, passed: true })
  if (status === 'verified') await ledger.submitWithdrawal({ withdrawalId })
  if (status === 'submitted') await ledger.completeWithdrawal({ withdrawalId })
  if (status === 'completed') await ledger.returnWithdrawal({ withdrawalId, reason: 'closed' })
}

const disputeStep = async (
  ledger: Ledger,
  action: DisputeAction,
  index: number,
  started: Started,
): Promise<void> => {
  if (action === 'open') {
    const paymentId = pick(started.payments, index)
    if (paymentId === undefined) return
    const idempotencyKey = `dispute-${started.disputes.length}-${paymentId}`
    const opened = await ledger.openDispute({ paymentId, reason: 'not_received', idempotencyKey })
    if (opened._tag === 'Right') started.disputes.push(opened.right.disputeId)
    return
  }
  const disputeId = pick(started.disputes, index)
  if (disputeId === undefined) return
  if (action === 'accept') await ledger.respondToDispute({ disputeId, response: 'accept' })
  if (action === 'payer' || action === 'payee' || action === 'legal')
    await ledger.resolveDispute({ disputeId, outcome: action })
  if (action !== 'forward') return
  const view = await ledger.dispute(disputeId)
  const status = view._tag === 'Right' ? view.right.status : undefined
  if (status === 'open') await ledger.respondToDispute({ disputeId, response: 'contest' })
  if (status === 'responded') await ledger.escalateDispute({ disputeId })
  const outcome = index % 3 === 0 ? 'payee' : 'payer'
  if (status === 'escalated' || status === 'referred_legal')
    await ledger.resolveDispute({ disputeId, outcome })
}
