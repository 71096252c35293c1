// Proves, through both deciders over generated payments (fast-check, pinned runs), that a payment
// with a discount and a merchant fee, given back in any mix of refunds and disputes accepted by
// the payee, returns exactly what was charged: the payer's credits sum to what they paid, the
// budget's to the discount, the fees' debits to the fee, the payee's debits to what it got; and
// every entry balances. Each dispute is opened with the payment's money and everything refunded
// before it, as the engine does, and each refund is told what the disputes refunded.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildPaymentPayee,
  buildPromotionFacts,
  buildRefundPayment,
  buildRequestPayment,
  runPaymentCommands,
} from '@wallet-ledger/testing'
import type { DecimalString, JournalEntry, Percent } from '../index.js'
import { isBalanced, legsOf } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, promotionBudgetAccount } from '../journal/systemAccounts.js'
import { formatMinor, moneyFromCanonical } from '../money/money.js'
import { paymentDecider } from '../payment/decide.js'
import type { CapturedPayment } from '../payment/state.js'
import { paymentView } from '../payment/view.js'
import { DisputeCommand } from './commands.js'
import { disputeDecider } from './disputeDecider.js'
import type { DisputeState } from './state.js'

const RUNS = { numRuns: 200 }
const SCALE = 2
const usd = (minor: bigint) => formatMinor(minor, SCALE) as DecimalString

const legSum = (
  entries: readonly JournalEntry[],
  account: string,
  direction: 'debit' | 'credit',
): bigint =>
  entries
    .flatMap((entry) => legsOf(entry, account))
    .filter(({ leg }) => leg.direction === direction)
    .reduce((sum, { leg }) => sum + moneyFromCanonical(leg.asset, leg.amount).minor, 0n)

/** Cut points splitting `total` into 1..8 positive parts, each given back by a refund or a dispute. */
const arbParts = (total: bigint) =>
  fc
    .uniqueArray(fc.bigInt({ min: 1n, max: total }), { maxLength: 7 })
    .map((cuts) => {
      const points = [...cuts.filter((cut) => cut < total).sort((a, b) => (a < b ? -1 : 1)), total]
      return points.map((point, index) => point - (index === 0 ? 0n : (points[index - 1] ?? 0n)))
    })
    .chain((parts) =>
      fc.tuple(
        fc.constant(parts),
        fc.array(fc.boolean(), { minLength: parts.length, maxLength: parts.length }),
      ),
    )

/** Decides a dispute command, failing the property on a refusal: the new state and the events. */
const disputeStep = (raw: Record<string, unknown>, state: DisputeState) => {
  const command = DisputeCommand.decode(raw)
  if (command._tag === 'Left') throw new Error(`bad dispute command ${JSON.stringify(raw)}`)
  const decided = disputeDecider.decide(command.right, state)
  if (decided._tag === 'Left') throw new Error(`dispute refused: ${decided.left.code}`)
  return { state: decided.right.reduce(disputeDecider.evolve, state), events: decided.right }
}

/** Opens a dispute of `part` after `refundedBefore`, the payee accepts: the refund's entry. */
const disputedEntry = (
  payment: CapturedPayment,
  index: number,
  part: bigint,
  refundedBefore: bigint,
): JournalEntry => {
  const { request } = payment
  const disputeId = `d-${index}`
  const opened = disputeStep(
    {
      type: 'OpenDispute',
      disputeId,
      paymentId: payment.paymentId,
      openedBy: request.payer,
      reason: 'wrong_amount',
      at: '2026-11-27T08:00:00.000Z',
      responseDueAt: '2026-12-04T08:00:00.000Z',
      holdId: `${disputeId}:hold`,
      payment: {
        payer: request.payer,
        payee: request.payee,
        asset: request.asset,
        captured: usd(payment.captured),
        discount: usd(payment.discount),
        fee: usd(payment.fee),
        refunded: usd(refundedBefore),
        status: paymentView(payment).status,
        ...(request.promotionId === undefined ? {} : { promotionId: request.promotionId }),
      },
      payeeAvailable: usd(payment.captured),
      fingerprint: 'f'.repeat(64),
      amount: usd(part),
    },
    disputeDecider.initialState,
  )
  const accepted = disputeStep(
    {
      type: 'RespondToDispute',
      disputeId,
      response: 'accept',
      entryId: `${disputeId}:refund`,
      at: '2026-11-28T08:00:00.000Z',
    },
    opened.state,
  )
  const [resolved] = accepted.events
  if (resolved?.type !== 'DisputeResolved' || resolved.data.entry === undefined)
    throw new Error('the dispute refunded nothing')
  return resolved.data.entry
}

describe('refunds and disputes together', () => {
  it('return exactly what was charged, discount and fee included, in any mix', () =>
    fc.assert(
      fc.property(
        fc
          .record({
            gross: fc.bigInt({ min: 20n, max: 10n ** 9n }),
            percent: fc.constantFrom('10', '12.5', '33.333333', '0.5', '99'),
            fee: fc.constantFrom('0', '1', '2.5', '0.6', '33.3'),
          })
          .chain((r) => fc.tuple(fc.constant(r), arbParts(r.gross))),
        ([r, [parts, isDispute]]) => {
          const request = buildRequestPayment({
            amount: usd(r.gross),
            payer: { ...buildRequestPayment().payer, available: r.gross },
            payee: buildPaymentPayee({ merchantFeeRate: r.fee as Percent }),
            promotion: buildPromotionFacts({
              discount: { percent: r.percent as Percent },
              remaining: usd(r.gross),
            }),
          })
          const paid = runPaymentCommands([request])
          const capture = paid.events.flatMap((event) =>
            event.type === 'PaymentCaptured' ? [event.data.entry] : [],
          )
          let state = paid.state
          let disputed = 0n
          const givenBack: JournalEntry[] = []
          parts.forEach((part, index) => {
            if (state.status !== 'completed' && state.status !== 'partially_refunded')
              throw new Error(`payment ${state.status} before part ${index}`)
            if (isDispute[index] === true) {
              givenBack.push(disputedEntry(state, index, part, state.refunded + disputed))
              disputed += part
              return
            }
            const refund = buildRefundPayment({
              refundId: `r-${index}`,
              amount: usd(part),
              disputeRefunded: usd(disputed),
            })
            const decided = paymentDecider.decide(refund, state)
            if (decided._tag === 'Left') throw new Error(`refund refused: ${decided.left.code}`)
            for (const event of decided.right) {
              if (event.type === 'PaymentRefunded') givenBack.push(event.data.entry)
              state = paymentDecider.evolve(state, event)
            }
          })
          for (const entry of [...capture, ...givenBack]) expect(isBalanced(entry)).toBe(true)
          const { payer, payee } = request
          const budget = promotionBudgetAccount('spring')
          const pairs = [
            [payer.accountId, 'credit', 'debit'],
            [budget, 'credit', 'debit'],
            [SYSTEM_ACCOUNTS.fees, 'debit', 'credit'],
            [payee.accountId, 'debit', 'credit'],
          ] as const
          for (const [account, back, forth] of pairs) {
            expect(legSum(givenBack, account, back)).toBe(legSum(capture, account, forth))
          }
        },
      ),
      RUNS,
    ))
})
