// Proves every promotion decision and error code with given/when/then: creation and its funding
// entry, recording a discount (budget, cap, dates), returning it, voiding one whose payment never
// recorded its entry, and idempotent replays.
// The quote's rounding and evolve's assertions are in quote.unit.spec.ts.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import type { IsoInstant } from '../index.js'
import { AssertionError } from '../index.js'
import {
  AT,
  BUDGET,
  amount,
  applied,
  apply,
  create,
  created,
  giveBack,
  returned,
  stateOf,
  voidIt,
  voided,
} from '../../test/promotion/__fixtures__/promotionFixtures.js'
import type { CreatePromotion } from './commands.js'
import { promotionDecider } from './decide.js'
import type { PromotionCreated } from './events.js'
import { promotionFactsOf } from './quote.js'

const spec = deciderSpec(promotionDecider)

// ---------------------------------------------------------------- CreatePromotion

describe('CreatePromotion', () => {
  it('funds the budget account from the marketing fund in one entry', () => {
    const [event] = spec.given([]).when(create()).then([created()]) as PromotionCreated[]
    expect(event?.data.entry.legs).toEqual([
      { account: 'world:marketing-fund', asset: 'USD', amount: '100.00', direction: 'debit' },
      { account: BUDGET, asset: 'USD', amount: '100.00', direction: 'credit' },
    ])
  })

  it('records the optional cap and dates', () => {
    const command = create({
      discount: { fixed: amount('5.00') },
      capPerAccount: amount('10.00'),
      validFrom: '2026-11-01T00:00:00.000Z' as IsoInstant,
      validUntil: '2026-12-01T00:00:00.000Z' as IsoInstant,
    })
    spec
      .given([])
      .when(command)
      .then([created(command)])
  })

  it('records nothing when created again with the same terms', () =>
    spec.given([created()]).when(create()).thenNothing())

  it('refuses the same id with other terms', () =>
    spec
      .given([created()])
      .when(create({ budget: amount('200.00') }))
      .thenRejects('promotion_already_exists'))

  it('refuses a zero budget', () => {
    const error = spec
      .given([])
      .when(create({ budget: amount('0.00') }))
      .thenRejects('amount_not_positive')
    expect(error.details).toEqual({ path: 'budget' })
  })

  it.each(['0', '0.0', '100', '100.00'])('refuses a %s percent discount', (percent) => {
    const command = create({ discount: { percent } as CreatePromotion['discount'] })
    expect(spec.given([]).when(command).thenRejects('invalid_input').details).toEqual({
      path: 'discount.percent',
    })
  })

  it('refuses a zero fixed discount', () =>
    spec
      .given([])
      .when(create({ discount: { fixed: amount('0.00') } }))
      .thenRejects('amount_not_positive'))

  it('refuses a fixed discount larger than the budget', () =>
    spec
      .given([])
      .when(create({ discount: { fixed: amount('100.01') } }))
      .thenRejects('invalid_input'))

  it('refuses a zero cap per account', () =>
    spec
      .given([])
      .when(create({ capPerAccount: amount('0.00') }))
      .thenRejects('amount_not_positive'))

  it('refuses dates that end before they start', () => {
    const command = create({
      validFrom: '2026-12-01T00:00:00.000Z' as IsoInstant,
      validUntil: '2026-12-01T00:00:00.000Z' as IsoInstant,
    })
    expect(spec.given([]).when(command).thenRejects('invalid_input').details).toEqual({
      path: 'validUntil',
    })
  })
})

// ---------------------------------------------------------------- ApplyDiscount

describe('ApplyDiscount', () => {
  it('records the discount, citing the budget leg of the payment entry', () =>
    spec
      .given([created()])
      .when(apply('p1', '20.00', '2.00'))
      .then([applied('p1', '2.00')]))

  it('records nothing when the same payment is applied again (replayed step)', () =>
    spec
      .given([created(), applied('p1', '2.00')])
      .when(apply('p1', '20.00', '2.00'))
      .thenNothing())

  it('refuses an unknown promotion', () =>
    spec
      .given([])
      .when(apply('p1', '20.00', '2.00'))
      .thenRejects('promotion_not_found'))

  it('refuses when the remaining budget cannot cover the full discount', () => {
    const small = create({ budget: amount('1.50') })
    spec
      .given([created(small)])
      .when(apply('p1', '20.00', '2.00'))
      .thenRejects('promotion_exhausted')
  })

  it('takes exactly the remaining budget', () => {
    const small = create({ budget: amount('2.00') })
    spec
      .given([created(small)])
      .when(apply('p1', '20.00', '2.00'))
      .then([applied('p1', '2.00')])
  })

  it('refuses a discount past the cap per account, but not for another account', () => {
    const capped = create({ capPerAccount: amount('3.00') })
    const history = [created(capped), applied('p1', '2.00')]
    spec
      .given(history)
      .when(apply('p2', '20.00', '2.00'))
      .thenRejects('promotion_cap_exceeded')
    spec
      .given(history)
      .when(apply('p2', '20.00', '2.00', AT, 'bob'))
      .then([applied('p2', '2.00', 'bob')])
  })

  it('gives the cap back when a refund returns the discount', () => {
    const capped = create({ capPerAccount: amount('3.00') })
    const history = [created(capped), applied('p1', '2.00'), returned('p1', 'r1', '2.00')]
    spec
      .given(history)
      .when(apply('p2', '20.00', '2.00'))
      .then([applied('p2', '2.00')])
  })

  it('refuses outside the validity dates, both ends inclusive', () => {
    const from = '2026-11-26T08:00:00.000Z' as IsoInstant
    const until = '2026-11-27T08:00:00.000Z' as IsoInstant
    const dated = [created(create({ validFrom: from, validUntil: until }))]
    spec
      .given(dated)
      .when(apply('p1', '20.00', '2.00', '2026-11-26T07:59:59.999Z' as IsoInstant))
      .thenRejects('promotion_not_valid')
    spec
      .given(dated)
      .when(apply('p1', '20.00', '2.00', '2026-11-27T08:00:00.001Z' as IsoInstant))
      .thenRejects('promotion_not_valid')
    spec
      .given(dated)
      .when(apply('p1', '20.00', '2.00', from))
      .then([{ ...applied('p1', '2.00'), data: { ...applied('p1', '2.00').data, at: from } }])
    spec
      .given(dated)
      .when(apply('p1', '20.00', '2.00', until))
      .then([{ ...applied('p1', '2.00'), data: { ...applied('p1', '2.00').data, at: until } }])
  })

  it('asserts when the entry carries a discount the rule does not give (engine bug)', () => {
    expect(() =>
      promotionDecider.decide(apply('p1', '20.00', '3.00'), stateOf([created()])),
    ).toThrow(AssertionError)
  })
})

// ---------------------------------------------------------------- ReturnDiscount

describe('ReturnDiscount', () => {
  const history = [created(), applied('p1', '2.00')]

  it('gives a refund share back to the budget, citing its leg', () =>
    spec
      .given(history)
      .when(giveBack('p1', 'r1', '0.50'))
      .then([returned('p1', 'r1', '0.50')]))

  it('records nothing when the same refund entry is returned again', () =>
    spec
      .given([...history, returned('p1', 'r1', '0.50')])
      .when(giveBack('p1', 'r1', '0.50'))
      .thenNothing())

  it('refuses to return more than the payment received', () =>
    spec
      .given([...history, returned('p1', 'r1', '1.50')])
      .when(giveBack('p1', 'r2', '0.51'))
      .thenRejects('refund_exceeds_captured'))

  it('refuses a payment that got no discount', () =>
    spec
      .given(history)
      .when(giveBack('p9', 'r1', '0.50'))
      .thenRejects('invalid_transition'))

  it('refuses an unknown promotion', () =>
    spec
      .given([])
      .when(giveBack('p1', 'r1', '0.50'))
      .thenRejects('promotion_not_found'))

  it('restores the remaining budget', () => {
    const state = stateOf([...history, returned('p1', 'r1', '0.50')])
    expect(state.remaining).toBe(9850n)
    expect(promotionFactsOf(state, 'alice').usedByAccount).toBe('1.50')
  })
})

// ---------------------------------------------------------------- VoidDiscount

describe('VoidDiscount', () => {
  const capped = create({ capPerAccount: amount('2.00') })
  const history = [created(capped), applied('p1', '2.00')]

  it('gives the budget and the cap back for a payment that never recorded its entry', () => {
    spec
      .given(history)
      .when(voidIt('p1'))
      .then([voided('p1', '2.00')])
    const state = stateOf([...history, voided('p1', '2.00')])
    expect(state.remaining).toBe(10000n)
    expect(promotionFactsOf(state, 'alice').usedByAccount).toBe('0.00')
    expect(state.uses.has('p1')).toBe(false)
  })

  it('lets the payment apply the promotion again (a retry after recover)', () =>
    spec
      .given([...history, voided('p1', '2.00')])
      .when(apply('p1', '20.00', '2.00'))
      .then([applied('p1', '2.00')]))

  it('lets another payment of the same account use the cap it gave back', () =>
    spec
      .given([...history, voided('p1', '2.00')])
      .when(apply('p2', '20.00', '2.00'))
      .then([applied('p2', '2.00')]))

  it('records nothing when voided again (replayed step)', () =>
    spec
      .given([...history, voided('p1', '2.00')])
      .when(voidIt('p1'))
      .thenNothing())

  it('records nothing for a payment that got no discount', () =>
    spec.given(history).when(voidIt('p9')).thenNothing())

  it('records nothing when the use cites another entry', () =>
    spec.given(history).when(voidIt('p1', 'entry-other')).thenNothing())

  it('refuses a use that a refund already gave part of back', () => {
    const error = spec
      .given([...history, returned('p1', 'r1', '0.50')])
      .when(voidIt('p1'))
      .thenRejects('invalid_transition')
    expect(error.details).toEqual({ paymentId: 'p1' })
  })

  it('refuses an unknown promotion', () =>
    spec.given([]).when(voidIt('p1')).thenRejects('promotion_not_found'))

  it('refuses to return a share of a voided discount', () =>
    spec
      .given([...history, voided('p1', '2.00')])
      .when(giveBack('p1', 'r1', '0.50'))
      .thenRejects('invalid_transition'))
})
