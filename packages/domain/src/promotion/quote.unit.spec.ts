// Proves the discount rule (percent rounded down, zero for tiny amounts, fixed below the amount,
// same asset only), evolve refusing a corrupt stream (voids included), and the stream name.
import { describe, expect, it } from 'vitest'
import { AssertionError } from '../index.js'
import {
  AT,
  amount,
  applied,
  create,
  created,
  returned,
  stateOf,
  usd,
  voided,
} from '../../test/promotion/__fixtures__/promotionFixtures.js'
import type { CreatePromotion } from './commands.js'
import { promotionStream } from '../streamNames.js'
import { promotionFactsOf, quoteDiscount } from './quote.js'
import { evolvePromotion, initialPromotionState } from './state.js'

// ---------------------------------------------------------------- quoteDiscount

describe('quoteDiscount', () => {
  const facts = (discount: CreatePromotion['discount'], remaining = '100.00') => ({
    ...promotionFactsOf(stateOf([created(create({ discount }))]), 'alice'),
    remaining: amount(remaining),
  })
  const quote = (discount: CreatePromotion['discount'], gross: string, asset = 'USD') =>
    quoteDiscount(facts(discount), { asset, amount: gross, at: AT })

  it('rounds a percent discount down to the minor unit', () => {
    // 10 % of 0.99 is 0.099: the budget pays 0.09, never more than the advertised percentage.
    expect(quote({ percent: '10' as never }, '0.99')).toEqual({ _tag: 'Right', right: usd('0.09') })
    expect(quote({ percent: '12.5' as never }, '10.00')).toEqual({
      _tag: 'Right',
      right: usd('1.25'),
    })
  })

  it('gives zero (no promotion) when the percentage of a tiny amount rounds to nothing', () =>
    expect(quote({ percent: '10' as never }, '0.09')).toEqual({
      _tag: 'Right',
      right: usd('0.00'),
    }))

  it('refuses a fixed discount not below the amount, rather than making the payment free', () => {
    expect(quote({ fixed: amount('5.00') }, '5.01')).toEqual({ _tag: 'Right', right: usd('5.00') })
    const refused = quote({ fixed: amount('5.00') }, '5.00')
    expect(refused._tag === 'Left' && refused.left.code).toBe('promotion_not_valid')
  })

  it('refuses another asset', () => {
    const refused = quote({ percent: '10' as never }, '5.00', 'CNY')
    expect(refused._tag === 'Left' && refused.left.code).toBe('promotion_not_valid')
  })
})

// ---------------------------------------------------------------- evolve and stream

describe('evolve and stream', () => {
  it('asserts on a discount before the promotion exists (corrupt stream)', () =>
    expect(() => evolvePromotion(initialPromotionState, applied('p1', '2.00'))).toThrow(
      AssertionError,
    ))

  it('asserts on a discount applied twice to one payment', () =>
    expect(() => stateOf([created(), applied('p1', '2.00'), applied('p1', '2.00')])).toThrow(
      AssertionError,
    ))

  it('asserts on a return larger than the discount', () =>
    expect(() => stateOf([created(), applied('p1', '2.00'), returned('p1', 'r1', '2.01')])).toThrow(
      AssertionError,
    ))

  it('asserts on a void of a discount never applied, or of another amount', () => {
    expect(() => stateOf([created(), voided('p1', '2.00')])).toThrow(AssertionError)
    expect(() => stateOf([created(), applied('p1', '2.00'), voided('p1', '1.00')])).toThrow(
      AssertionError,
    )
  })

  it('asserts on a void of a discount that a refund gave part of back', () =>
    expect(() =>
      stateOf([
        created(),
        applied('p1', '2.00'),
        returned('p1', 'r1', '0.50'),
        voided('p1', '2.00'),
      ]),
    ).toThrow(AssertionError))

  it('names the stream, with an optional namespace', () => {
    expect(promotionStream('spring')).toBe('promotion-spring')
    expect(promotionStream('spring', 'acme')).toBe('acme.promotion-spring')
  })
})
