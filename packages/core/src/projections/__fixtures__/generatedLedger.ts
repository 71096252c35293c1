// Generated activity for the read-side properties: a small cast (three users, two merchants, a
// promotion), and fast-check steps that drive every workflow through the public ledger: deposits,
// adjustments, instant and manual payments with captures, cancels and refunds, conversions,
// withdrawals and their steps, disputes and their steps, freezes, the clock moving on, and runDue.
// Steps name earlier workflows by a pick (an index taken modulo what exists when the step runs), so
// any sequence is valid input; refusals are part of the activity, not failures.
import fc from 'fast-check'
import type { Ledger } from '../../ledger/types.js'
import { rightOf } from '../../workflows/__fixtures__/workflowLedger.js'

// ---------------------------------------------------------------- types

/** One generated step, as data (shown by fast-check when a property fails). */
export type Step =
  | { readonly kind: 'deposit'; readonly account: number; readonly asset: Asset; readonly minor: number }
  | { readonly kind: 'adjust'; readonly account: number; readonly minor: number; readonly isCredit: boolean }
  | {
      readonly kind: 'pay'
      readonly payer: number
      readonly payee: number
      readonly asset: Asset
      readonly minor: number
      readonly channel: Channel
      readonly isManual: boolean
      readonly hasPromotion: boolean
    }
  | { readonly kind: 'payment'; readonly pick: number; readonly action: PaymentAction }
  | { readonly kind: 'convert'; readonly account: number; readonly minor: number }
  | { readonly kind: 'withdraw'; readonly account: number; readonly minor: number; readonly feeMinor: number }
  | { readonly kind: 'withdrawal'; readonly pick: number; readonly action: WithdrawalAction }
  | { readonly kind: 'dispute'; readonly pick: number; readonly action: DisputeAction }
  | { readonly kind: 'freeze'; readonly account: number; readonly isFrozen: boolean }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'runDue' }

type Asset = 'USD' | 'BTC'
type Channel = 'merchant_qr' | 'online' | 'p2p' | 'bill'
type PaymentAction = 'capture' | 'capturePart' | 'cancel' | 'refund' | 'refundPart'
// `forward` takes the next step of the happy path for the status the workflow is in.
type WithdrawalAction = 'forward' | 'reject' | 'fail' | 'return'
type DisputeAction = 'open' | 'forward' | 'accept' | 'payer' | 'payee' | 'legal'

/** The ids of the workflows a run has started, for later steps to pick from. */
export type Started = { payments: string[]; withdrawals: string[]; disputes: string[] }

// ---------------------------------------------------------------- the cast

/** Users, then merchants (`shop` charges a 2.5 % fee). */
export const CAST = ['alice', 'bob', 'carol', 'shop', 'cafe'] as const
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

// ---------------------------------------------------------------- arbitraries

const account = fc.nat({ max: CAST.length - 1 })
const minor = fc.integer({ min: 1, max: 9_000 })
const asset = fc.constantFrom<Asset>('USD', 'BTC')

/** Any step, the common ones more often. */
export const arbStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deposit' as const), account, asset, minor }) },
  fc.record({ kind: fc.constant('adjust' as const), account, minor, isCredit: fc.boolean() }),
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      payer: account,
      payee: account,
      asset,
      minor,
      channel: fc.constantFrom<Channel>('merchant_qr', 'online', 'p2p', 'bill'),
      isManual: fc.boolean(),
      hasPromotion: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('payment' as const),
      pick: fc.nat(),
      action: fc.constantFrom<PaymentAction>('capture', 'capturePart', 'cancel', 'refund', 'refundPart'),
    }),
  },
  fc.record({ kind: fc.constant('convert' as const), account, minor }),
  fc.record({ kind: fc.constant('withdraw' as const), account, minor, feeMinor: fc.nat({ max: 300 }) }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('withdrawal' as const),
      pick: fc.nat(),
      action: fc.oneof(
        { weight: 6, arbitrary: fc.constant<WithdrawalAction>('forward') },
        fc.constantFrom<WithdrawalAction>('reject', 'fail', 'return'),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('dispute' as const),
      pick: fc.nat(),
      action: fc.oneof(
        { weight: 3, arbitrary: fc.constant<DisputeAction>('open') },
        { weight: 4, arbitrary: fc.constant<DisputeAction>('forward') },
        fc.constantFrom<DisputeAction>('accept', 'payer', 'payee', 'legal'),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('freeze' as const), account, isFrozen: fc.boolean() }),
  },
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 3 * 24 * 3_600_000 }) }),
  fc.constant({ kind: 'runDue' as const }),
)

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
      await ledger.runDue()
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
    const opened = await ledger.openDispute({ paymentId, reason: 'not_received' })
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
