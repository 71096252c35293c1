// Properties of the payment aggregate over random commands and accepted histories: codecs round-trip
// through JSON, evolve replays any accepted history, every entry balances, an instant payment is
// one event, refunds split exactly (any partition of the captured amount gives the payer exactly
// what they were charged and the budget exactly the discount) and never exceed what was captured.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  arbPaymentCommand,
  arbPaymentHistory,
  arbRequestPayment,
  buildPaymentPayee,
  buildPromotionFacts,
  buildRefundPayment,
  buildRequestPayment,
  runPaymentCommands,
} from '@wallet-ledger/testing'
import type { DecimalString, JournalEntry, Percent } from '../index.js'
import {
  formatMinor,
  isBalanced,
  legsOf,
  moneyFromCanonical,
  promotionBudgetAccount,
} from '../index.js'
import { PaymentCommand } from './commands.js'
import { paymentDecider } from './decide.js'
import { PaymentEvent } from './events.js'
import { refundShares } from './postings.js'
import type { PaymentState } from './state.js'

const RUNS = { numRuns: 200 }
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
const entriesOf = (events: readonly PaymentEvent[]): JournalEntry[] =>
  events.flatMap((event) => ('entry' in event.data ? [event.data.entry] : []))
const legSum = (
  entries: readonly JournalEntry[],
  account: string,
  direction: 'debit' | 'credit',
): bigint =>
  entries
    .flatMap((entry) => legsOf(entry, account))
    .filter(({ leg }) => leg.direction === direction)
    .reduce((sum, { leg }) => sum + moneyFromCanonical(leg.asset, leg.amount).minor, 0n)

/** Cut points splitting `total` into 1..8 positive parts. */
const arbPartition = (total: bigint): fc.Arbitrary<bigint[]> =>
  fc.uniqueArray(fc.bigInt({ min: 1n, max: total }), { maxLength: 7 }).map((cuts) => {
    const points = [...cuts.filter((cut) => cut < total).sort((a, b) => (a < b ? -1 : 1)), total]
    return points.map((point, index) => point - (index === 0 ? 0n : (points[index - 1] ?? 0n)))
  })

describe('payment codecs', () => {
  it('round-trips every command through JSON', () =>
    fc.assert(
      fc.property(arbPaymentCommand(), (command) => {
        const decoded = PaymentCommand.decode(viaJson(PaymentCommand.encode(command)))
        expect(decoded).toEqual({ _tag: 'Right', right: command })
      }),
      RUNS,
    ))

  it('round-trips every recorded event through JSON', () =>
    fc.assert(
      fc.property(arbPaymentHistory(), ({ events }) => {
        for (const event of events) {
          expect(PaymentEvent.decode(viaJson(PaymentEvent.encode(event)))).toEqual({
            _tag: 'Right',
            right: event,
          })
        }
      }),
      RUNS,
    ))
})

describe('payment histories', () => {
  it('replay to the same state, and every entry balances', () =>
    fc.assert(
      fc.property(arbPaymentHistory(), ({ events, state }) => {
        expect(events.reduce(paymentDecider.evolve, paymentDecider.initialState)).toEqual(state)
        for (const entry of entriesOf(events)) expect(isBalanced(entry)).toBe(true)
      }),
      RUNS,
    ))

  it('record an accepted request as exactly one event', () =>
    fc.assert(
      fc.property(arbRequestPayment(), (command) => {
        const decision = paymentDecider.decide(command, paymentDecider.initialState)
        if (decision._tag === 'Right') expect(decision.right).toHaveLength(1)
      }),
      RUNS,
    ))

  it('never refund more than was captured, dispute refunds included', () =>
    fc.assert(
      fc.property(arbPaymentHistory(), ({ commands }) => {
        let state: PaymentState = paymentDecider.initialState
        for (const command of commands) {
          const decision = paymentDecider.decide(command, state)
          if (decision._tag === 'Left') continue
          state = decision.right.reduce(paymentDecider.evolve, state)
          if (command.type === 'RefundPayment' && decision.right.length > 0 && 'refunds' in state) {
            const disputeRefunded = moneyFromCanonical(state.request.asset, command.disputeRefunded)
            expect(state.refunded + disputeRefunded.minor).toBeLessThanOrEqual(state.captured)
          }
        }
      }),
      RUNS,
    ))
})

describe('pro-rata refunds', () => {
  const arbCapture = fc.bigInt({ min: 1n, max: 10n ** 15n }).chain((gross) =>
    fc.record({
      gross: fc.constant(gross),
      discount: fc.bigInt({ min: 0n, max: gross - 1n }),
      fee: fc.bigInt({ min: 0n, max: gross }),
    }),
  )

  it('add up exactly over any partition: the charge to the payer, the discount, the fee', () =>
    fc.assert(
      fc.property(
        arbCapture.chain((captured) =>
          fc.tuple(fc.constant(captured), arbPartition(captured.gross)),
        ),
        ([captured, parts]) => {
          let refunded = 0n
          const total = { payer: 0n, budget: 0n, fee: 0n, payee: 0n }
          for (const part of parts) {
            const shares = refundShares(captured, refunded, part)
            expect(shares.payer + shares.budget).toBe(part)
            expect(shares.payee + shares.fee).toBe(part)
            for (const key of ['payer', 'budget', 'fee', 'payee'] as const)
              total[key] += shares[key]
            refunded += part
          }
          expect(total).toEqual({
            payer: captured.gross - captured.discount,
            budget: captured.discount,
            fee: captured.fee,
            payee: captured.gross - captured.fee,
          })
        },
      ),
      { numRuns: 500 },
    ))

  it('through the decider: a discounted payment refunded in parts returns exactly what was charged', () =>
    fc.assert(
      fc.property(
        fc
          .record({
            gross: fc.bigInt({ min: 20n, max: 10n ** 9n }),
            percent: fc.constantFrom('10', '12.5', '33.333333', '0.5', '99'),
            fee: fc.constantFrom('0', '2.5', '0.6'),
          })
          .chain((r) => fc.tuple(fc.constant(r), arbPartition(r.gross))),
        ([r, parts]) => {
          const request = buildRequestPayment({
            amount: formatMinor(r.gross, 2) as DecimalString,
            payer: { ...buildRequestPayment().payer, available: r.gross },
            payee: buildPaymentPayee({ merchantFeeRate: r.fee as Percent }),
            promotion: buildPromotionFacts({
              discount: { percent: r.percent as Percent },
              remaining: formatMinor(r.gross, 2) as DecimalString,
            }),
          })
          const refunds = parts.map((part, index) =>
            buildRefundPayment({
              refundId: `r-${index}`,
              amount: formatMinor(part, 2) as DecimalString,
            }),
          )
          const { events, state } = runPaymentCommands([request, ...refunds])
          expect(state.status).toBe('refunded')
          const [capture, ...rest] = entriesOf(events)
          const budget = promotionBudgetAccount('spring')
          expect(legSum(rest, 'alice', 'credit')).toBe(
            legSum(capture ? [capture] : [], 'alice', 'debit'),
          )
          expect(legSum(rest, budget, 'credit')).toBe(
            legSum(capture ? [capture] : [], budget, 'debit'),
          )
          expect(legSum(rest, 'system:fees', 'debit')).toBe(
            legSum(capture ? [capture] : [], 'system:fees', 'credit'),
          )
        },
      ),
      RUNS,
    ))
})
