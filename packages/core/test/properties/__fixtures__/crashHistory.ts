// Histories for the crash property: money-moving commands (deposits, adjustments, payments instant,
// manual and discounted, captures, cancels, refunds, conversions, withdrawals and disputes and
// their steps, freezes, and discounted payments refunded or disputed for the payer at once), each a call on a ledger that remembers the ids it was given, so later
// commands can name earlier workflows. No model here: the crash property checks conservation, the
// audit and recover().
import fc from 'fast-check'
import type { Either } from 'fp-ts/lib/Either.js'
import type { Ledger, LedgerError } from '../../../src/ledger/types.js'
import { arbAmountSpec, arbKey, renderAmount, show } from './modelInputs.js'
import type { AmountSpec } from './modelInputs.js'
import { PROMOTION_ID } from './propertyLedger.js'

// ---------------------------------------------------------------- types

/** Ids of workflows the ledger created, for later commands to name. */
export type KnownIds = {
  readonly payments: string[]
  readonly withdrawals: string[]
  readonly disputes: string[]
}

/** One command of a history: a name for counterexamples and the call. */
export type HistoryCommand = {
  readonly label: string
  readonly run: (ledger: Ledger, known: KnownIds) => Promise<Either<LedgerError, unknown>>
}

// ---------------------------------------------------------------- helpers

const USERS = ['alice', 'bob', 'carol'] as const
const arbUser = fc.constantFrom(...USERS)
const arbPayee = fc.constantFrom('alice', 'bob', 'carol', 'shop', 'cafe')
// Amounts of USD only (scale 2): crashes are about steps, not assets. Mostly valid.
const usd = (spec: AmountSpec) => renderAmount(spec, 2)
const nth = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length]
const MISSING = '00000000-0000-4000-8000-000000000000'

// Remembers the id a successful answer carries.
const remember = (list: string[], field: string) => (result: Either<LedgerError, unknown>) => {
  const id = result._tag === 'Right' ? (result.right as Record<string, unknown>)[field] : undefined
  if (typeof id === 'string' && !list.includes(id)) list.push(id)
  return result
}

const command = <T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  run: (g: T) => HistoryCommand['run'],
) =>
  arbitrary.map((g): HistoryCommand => {
    const label = `${name} ${show(g)}`
    // fast-check prints counterexamples through this method: the label, not the closure.
    return { label, run: run(g), [fc.toStringMethod]: () => label } as HistoryCommand
  })

// ---------------------------------------------------------------- commands

const deposit = command(
  'deposit',
  fc.record({ accountId: arbPayee, amount: arbAmountSpec, key: arbKey }),
  (g) => (ledger) =>
    ledger.deposit({
      accountId: g.accountId,
      asset: 'USD',
      amount: usd(g.amount),
      source: { type: 'card', reference: g.key },
      idempotencyKey: `d-${g.key}`,
    }),
)

const adjust = command(
  'adjust',
  fc.record({
    accountId: arbPayee,
    amount: arbAmountSpec,
    direction: fc.constantFrom('credit' as const, 'debit' as const),
    key: arbKey,
  }),
  (g) => (ledger) =>
    ledger.adjust({
      accountId: g.accountId,
      asset: 'USD',
      amount: usd(g.amount),
      direction: g.direction,
      reason: 'correction',
      idempotencyKey: `a-${g.key}`,
    }),
)

const payOf = (shapes: readonly ('instant' | 'manual' | 'discounted')[]) =>
  command(
    'pay',
    fc.record({
      payer: arbUser,
      payee: arbPayee,
      amount: arbAmountSpec,
      shape: fc.constantFrom(...shapes),
      key: arbKey,
    }),
    (g) => (ledger, known) =>
      ledger
        .pay({
          channel: g.shape === 'manual' ? 'online' : 'merchant_qr',
          payer: g.payer,
          payee: g.payee,
          asset: 'USD',
          amount: usd(g.amount),
          ...(g.shape === 'manual' ? { capture: 'manual' as const } : {}),
          ...(g.shape === 'discounted' ? { promotionId: PROMOTION_ID } : {}),
          idempotencyKey: `p-${g.key}`,
        })
        .then(remember(known.payments, 'paymentId')),
  )

const capture = command(
  'capturePayment',
  fc.record({ index: fc.nat(), isPartial: fc.boolean() }),
  (g) => (ledger, known) =>
    ledger.capturePayment({
      paymentId: nth(known.payments, g.index) ?? MISSING,
      ...(g.isPartial ? { amount: '0.01' } : {}),
    }),
)

const cancel = command(
  'cancelPayment',
  fc.nat(),
  (index) => (ledger, known) =>
    ledger.cancelPayment({ paymentId: nth(known.payments, index) ?? MISSING }),
)

const refund = command(
  'refund',
  fc.record({ index: fc.nat(), isPartial: fc.boolean(), key: arbKey }),
  (g) => (ledger, known) => {
    const paymentId = nth(known.payments, g.index) ?? MISSING
    return ledger.refund({
      paymentId,
      ...(g.isPartial ? { amount: '0.03' } : {}),
      idempotencyKey: `r-${paymentId}-${g.key}`,
    })
  },
)

const requestWithdrawal = command(
  'requestWithdrawal',
  fc.record({ accountId: arbPayee, amount: arbAmountSpec, key: arbKey }),
  (g) => (ledger, known) =>
    ledger
      .requestWithdrawal({
        accountId: g.accountId,
        asset: 'USD',
        amount: usd(g.amount),
        fee: '0.50',
        destination: { type: 'bank_account', bank: 'ACME', accountNumber: '12345678' },
        idempotencyKey: `w-${g.key}`,
      })
      .then(remember(known.withdrawals, 'withdrawalId')),
)

const withdrawalStep = command(
  'withdrawalStep',
  fc.record({
    index: fc.nat(),
    step: fc.constantFrom('verify', 'reject', 'submit', 'complete', 'fail', 'return'),
  }),
  (g) => (ledger, known) => {
    const withdrawalId = nth(known.withdrawals, g.index) ?? MISSING
    if (g.step === 'verify' || g.step === 'reject')
      return ledger.verifyWithdrawalIdentity({ withdrawalId, passed: g.step === 'verify' })
    if (g.step === 'submit') return ledger.submitWithdrawal({ withdrawalId })
    if (g.step === 'complete') return ledger.completeWithdrawal({ withdrawalId })
    if (g.step === 'fail') return ledger.failWithdrawal({ withdrawalId, reason: 'refused' })
    return ledger.returnWithdrawal({ withdrawalId, reason: 'returned' })
  },
)

const convert = command(
  'convert',
  fc.record({ accountId: arbPayee, amount: arbAmountSpec, isToBitcoin: fc.boolean(), key: arbKey }),
  (g) => (ledger) =>
    ledger.convert({
      accountId: g.accountId,
      from: g.isToBitcoin
        ? { asset: 'USD', amount: usd(g.amount) }
        : { asset: 'BTC', amount: renderAmount(g.amount, 8) },
      to: { asset: g.isToBitcoin ? 'BTC' : 'USD' },
      rate: g.isToBitcoin ? '0.0000213' : '46950.5',
      idempotencyKey: `c-${g.key}`,
    }),
)

const openDispute = command(
  'openDispute',
  fc.record({ index: fc.nat(), isPartial: fc.boolean(), key: arbKey }),
  (g) => (ledger, known) => {
    const paymentId = nth(known.payments, g.index) ?? MISSING
    return ledger
      .openDispute({
        paymentId,
        reason: 'not_received',
        ...(g.isPartial ? { amount: '0.05' } : {}),
        idempotencyKey: `o-${paymentId}-${g.key}`,
      })
      .then(remember(known.disputes, 'disputeId'))
  },
)

const disputeStep = command(
  'disputeStep',
  fc.record({
    index: fc.nat(),
    step: fc.constantFrom('accept', 'contest', 'escalate', 'payer', 'payee', 'legal'),
  }),
  (g) => (ledger, known) => {
    const disputeId = nth(known.disputes, g.index) ?? MISSING
    if (g.step === 'accept' || g.step === 'contest')
      return ledger.respondToDispute({ disputeId, response: g.step })
    if (g.step === 'escalate') return ledger.escalateDispute({ disputeId })
    return ledger.resolveDispute({ disputeId, outcome: g.step })
  },
)

// A discounted payment small enough for the budget, then a refund of it (in part or in full): the
// budget's share comes back as DiscountReturned, which the step-by-step executor posts after the
// refund's decision. One command, so a crash can fall between any two of its commits.
const arbDiscounted = fc.record({
  payer: arbUser,
  payee: fc.constantFrom('shop', 'cafe', 'carol'),
  amount: fc.constantFrom('0.50', '1.00', '3.37', '9.99'),
  isPartial: fc.boolean(),
  key: arbKey,
})

const payDiscounted = async (
  ledger: Ledger,
  known: KnownIds,
  g: { payer: string; payee: string; amount: string; key: string },
) =>
  ledger
    .pay({
      channel: 'merchant_qr',
      payer: g.payer,
      payee: g.payee,
      asset: 'USD',
      amount: g.amount,
      promotionId: PROMOTION_ID,
      idempotencyKey: `pd-${g.key}`,
    })
    .then(remember(known.payments, 'paymentId'))

const refundDiscounted = command(
  'refundDiscounted',
  arbDiscounted,
  (g) => async (ledger, known) => {
    const paid = await payDiscounted(ledger, known, g)
    if (paid._tag === 'Left') return paid
    const { paymentId } = paid.right as { paymentId: string }
    return ledger.refund({
      paymentId,
      ...(g.isPartial ? { amount: '0.13' } : {}),
      idempotencyKey: `rd-${g.key}`,
    })
  },
)

// A discounted payment disputed and decided for the payer (the payee accepts, or support decides
// after an escalation): the dispute's refund gives the budget its share back.
const disputeDiscounted = command(
  'disputeDiscounted',
  fc.record({ payment: arbDiscounted, isAccepted: fc.boolean() }),
  (g) => async (ledger, known) => {
    const paid = await payDiscounted(ledger, known, g.payment)
    if (paid._tag === 'Left') return paid
    const { paymentId } = paid.right as { paymentId: string }
    const opened = await ledger
      .openDispute({
        paymentId,
        reason: 'not_received',
        ...(g.payment.isPartial ? { amount: '0.37' } : {}),
        idempotencyKey: `od-${g.payment.key}`,
      })
      .then(remember(known.disputes, 'disputeId'))
    if (opened._tag === 'Left') return opened
    const { disputeId } = opened.right as { disputeId: string }
    if (g.isAccepted) return ledger.respondToDispute({ disputeId, response: 'accept' })
    const escalated = await ledger.escalateDispute({ disputeId })
    if (escalated._tag === 'Left') return escalated
    return ledger.resolveDispute({ disputeId, outcome: 'payer' })
  },
)

const freeze = command(
  'freeze',
  fc.record({ accountId: arbPayee, isFreeze: fc.boolean() }),
  (g) => (ledger) =>
    g.isFreeze
      ? ledger.freezeAccount({ accountId: g.accountId, reason: 'stolen' })
      : ledger.unfreezeAccount({ accountId: g.accountId, verification: 'checked' }),
)

/** A history of up to `maxLength` money-moving commands. */
export const arbHistory = (maxLength: number): fc.Arbitrary<HistoryCommand[]> => {
  const pay = payOf(['instant', 'manual', 'discounted'])
  return fc.array(
    fc.oneof(
      { weight: 1, arbitrary: deposit },
      { weight: 1, arbitrary: adjust },
      { weight: 4, arbitrary: pay },
      { weight: 2, arbitrary: capture },
      { weight: 1, arbitrary: cancel },
      { weight: 2, arbitrary: refund },
      { weight: 2, arbitrary: requestWithdrawal },
      { weight: 3, arbitrary: withdrawalStep },
      { weight: 2, arbitrary: convert },
      { weight: 2, arbitrary: openDispute },
      { weight: 2, arbitrary: disputeStep },
      { weight: 1, arbitrary: freeze },
      { weight: 2, arbitrary: refundDiscounted },
      { weight: 2, arbitrary: disputeDiscounted },
    ),
    { minLength: 1, maxLength },
  )
}
