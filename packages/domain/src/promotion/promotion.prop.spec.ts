// Properties of the promotion aggregate over random commands and accepted histories: codecs
// round-trip through JSON, evolve replays any accepted history, the funding entry balances, the
// budget account's balance is always budget - applied + returned + voided within [0, budget], no
// account passes its cap, a void forgets exactly the use it undoes, and a percent discount is the
// exact percentage rounded down.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  PROMOTION_AT,
  arbPromotionCommand,
  arbPromotionHistory,
  buildPromotionFacts,
  exactFraction,
} from '@wallet-ledger/testing'
import type { Percent, PromotionState } from '../index.js'
import { formatMinor, isBalanced, moneyFromCanonical } from '../index.js'
import { PromotionCommand } from './commands.js'
import { promotionDecider } from './decide.js'
import { PromotionEvent } from './events.js'
import { quoteDiscount } from './quote.js'

const RUNS = { numRuns: 200 }
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
const usd = (text: string): bigint => moneyFromCanonical('USD', text).minor
const withoutZeroUses = (state: PromotionState) =>
  state.status === 'active'
    ? {
        ...state,
        usedByAccount: new Map([...state.usedByAccount].filter(([, used]) => used !== 0n)),
      }
    : state

describe('promotion codecs', () => {
  it('round-trip every command through JSON', () =>
    fc.assert(
      fc.property(arbPromotionCommand(), (command) => {
        const decoded = PromotionCommand.decode(viaJson(PromotionCommand.encode(command)))
        expect(decoded).toEqual({ _tag: 'Right', right: command })
      }),
      RUNS,
    ))

  it('round-trip every recorded event through JSON', () =>
    fc.assert(
      fc.property(arbPromotionHistory(), ({ events }) => {
        for (const event of events) {
          expect(PromotionEvent.decode(viaJson(PromotionEvent.encode(event)))).toEqual({
            _tag: 'Right',
            right: event,
          })
        }
      }),
      RUNS,
    ))
})

describe('promotion histories', () => {
  it('replay to the same state, with a balanced funding entry', () =>
    fc.assert(
      fc.property(arbPromotionHistory(), ({ events, state }) => {
        expect(events.reduce(promotionDecider.evolve, promotionDecider.initialState)).toEqual(state)
        for (const event of events) {
          if (event.type === 'PromotionCreated') expect(isBalanced(event.data.entry)).toBe(true)
        }
      }),
      RUNS,
    ))

  it('keep the budget account at budget - applied + returned + voided, never negative, caps kept', () =>
    fc.assert(
      fc.property(arbPromotionHistory(), ({ events, state }) => {
        if (state.status !== 'active') return
        let balance = 0n
        const byAccount = new Map<string, bigint>()
        const accountOf = new Map<string, string>()
        for (const event of events) {
          if (event.type === 'PromotionCreated') {
            balance += usd(event.data.budget)
            continue
          }
          if (event.type === 'DiscountApplied')
            accountOf.set(event.data.paymentId, event.data.accountId)
          // Applying a discount debits the budget account; returning or voiding one credits it.
          const used = (event.type === 'DiscountApplied' ? 1n : -1n) * usd(event.data.amount)
          const accountId = accountOf.get(event.data.paymentId) ?? 'unknown'
          balance -= used
          byAccount.set(accountId, (byAccount.get(accountId) ?? 0n) + used)
          expect(balance).toBeGreaterThanOrEqual(0n)
          expect(balance).toBeLessThanOrEqual(state.budget)
        }
        expect(state.remaining).toBe(balance)
        const cap = state.terms.capPerAccount
        for (const used of byAccount.values())
          if (cap !== undefined) expect(used).toBeLessThanOrEqual(usd(cap))
      }),
      RUNS,
    ))
})

describe('voided discounts', () => {
  it('leave the state as if the voided payments had never used the promotion', () =>
    fc.assert(
      fc.property(
        arbPromotionHistory({ maxLength: 20 }),
        fc.array(fc.boolean(), { maxLength: 4 }),
        ({ events, state }, picks) => {
          if (state.status !== 'active') return
          // Void some of the uses no refund touched (the engine voids only unrecorded payments).
          const uses = [...state.uses].filter(([, use]) => use.returned === 0n)
          const chosen = uses.filter((_, index) => picks[index] === true)
          let after: PromotionState = state
          const voids: PromotionEvent[] = []
          for (const [paymentId, use] of chosen) {
            const command = { type: 'VoidDiscount', paymentId, entryId: use.entryId } as const
            const decided = promotionDecider.decide(
              { ...command, promotionId: state.promotionId, at: PROMOTION_AT } as PromotionCommand,
              after,
            )
            if (decided._tag === 'Left') throw new Error(decided.left.message)
            expect(decided.right).toHaveLength(1)
            for (const event of decided.right) after = promotionDecider.evolve(after, event)
            voids.push(...decided.right)
          }
          // Dropping the voided applications (each payment's last one, its live use) from the
          // history folds to the same state.
          const voidedIds = new Set(chosen.map(([paymentId]) => paymentId))
          const lastApplied = new Map<string, number>()
          events.forEach((event, index) => {
            if (event.type === 'DiscountApplied') lastApplied.set(event.data.paymentId, index)
          })
          const kept = events.filter(
            (event, index) =>
              event.type !== 'DiscountApplied' ||
              !voidedIds.has(event.data.paymentId) ||
              lastApplied.get(event.data.paymentId) !== index,
          )
          const replayed = kept.reduce(promotionDecider.evolve, promotionDecider.initialState)
          expect(withoutZeroUses(after)).toEqual(withoutZeroUses(replayed))
          // Each void round-trips through JSON like every event.
          for (const event of voids) {
            expect(PromotionEvent.decode(viaJson(PromotionEvent.encode(event)))).toEqual({
              _tag: 'Right',
              right: event,
            })
          }
        },
      ),
      RUNS,
    ))
})

describe('quoteDiscount', () => {
  it('gives the exact percentage rounded down, below the amount', () =>
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.constantFrom('10', '12.5', '0.5', '33.333333', '99.999999', '1'),
        (amount, percent) => {
          const facts = buildPromotionFacts({
            discount: { percent: percent as Percent },
            remaining: formatMinor(amount, 2),
          })
          const quote = quoteDiscount(facts, {
            asset: 'USD',
            amount: formatMinor(amount, 2),
            at: '2026-11-26T08:00:00.000Z',
          })
          if (quote._tag === 'Left') throw new Error(quote.left.message)
          const { numerator, denominator } = exactFraction(percent)
          const discount = quote.right.minor
          // discount ≤ amount × percent / 100 < discount + 1
          expect(discount * 100n * denominator).toBeLessThanOrEqual(amount * numerator)
          expect(amount * numerator).toBeLessThan((discount + 1n) * 100n * denominator)
          expect(discount).toBeLessThan(amount)
        },
      ),
      { numRuns: 500 },
    ))
})
