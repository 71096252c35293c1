// Proves the account's money rules one given/when/then at a time: debits, credits, holds, captures
// and releases; the balance rules ('non_negative' never below zero, 'unrestricted' may be); replayed
// steps as no-ops; the daily spending; and that evolve asserts on events that cannot follow.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { AssertionError } from '../assert.js'
import { foldEvents } from '../decider.js'
import { HOLDS_OPEN_PER_ACCOUNT_MAX } from '../limits.js'
import { accountDecider } from './decide.js'
import { senderFactsOf } from './senderFacts.js'
import type { AccountEvent } from './events.js'
import type { AccountState } from './state.js'
import {
  ALICE,
  TODAY,
  TOMORROW,
  accountFrozen,
  accountOpened,
  captureHold,
  creditFunds,
  debitFunds,
  fundsCredited,
  fundsDebited,
  fundsHeld,
  holdCaptured,
  holdFunds,
  holdReleased,
  releaseHold,
} from '../../test/account/__fixtures__/factories.js'

const spec = deciderSpec(accountDecider)
const opened = accountOpened()
const funded = [opened, fundsCredited('10.00', { entryId: 'deposit' })]
const stateOf = (events: readonly AccountEvent[]): AccountState =>
  foldEvents(accountDecider.evolve, accountDecider.initialState, events)
const spentToday = (events: readonly AccountEvent[], date = TODAY): bigint => {
  const state = stateOf(events)
  if (state.status === 'not_opened') throw new Error('not opened')
  return senderFactsOf(state, 'USD', date).spentToday
}

describe('credits', () => {
  it('credits available, citing the journal leg', () =>
    spec
      .given([opened])
      .when(creditFunds('2.50', { entryId: 'e9', leg: 1 }))
      .then([fundsCredited('2.50', { entryId: 'e9', leg: 1 })]))

  it('a replayed credit (same entry and leg) records nothing', () =>
    spec
      .given([opened, fundsCredited('2.50')])
      .when(creditFunds('2.50'))
      .thenNothing())

  it('refuses a zero amount', () =>
    spec.given([opened]).when(creditFunds('0.00')).thenRejects('amount_not_positive'))

  it('refuses an amount whose scale differs from the one the account uses for the asset', () =>
    spec
      .given(funded)
      .when(creditFunds('1.000', { entryId: 'e2' }))
      .thenRejects('invalid_input'))
})

describe('debits', () => {
  it('debits available, carrying the limit date when the amount counts toward the daily limit', () =>
    spec
      .given(funded)
      .when(debitFunds('10.00', { limitDate: TODAY }))
      .then([fundsDebited('10.00', { limitDate: TODAY })]))

  it('refuses to take a user account below zero', () => {
    const error = spec.given(funded).when(debitFunds('10.01')).thenRejects('insufficient_balance')
    expect(error.details).toMatchObject({ asset: 'USD', available: '10.00' })
  })

  it('counts only available, not held', () =>
    spec
      .given([...funded, fundsHeld('h1', '4.00')])
      .when(debitFunds('6.01'))
      .thenRejects('insufficient_balance'))

  it('refuses to take a funded system account below zero', () =>
    spec
      .given([accountOpened('system:fees', 'system')])
      .when(debitFunds('0.01', { accountId: 'system:fees', initiatedBy: 'platform' }))
      .thenRejects('insufficient_balance'))

  it('lets an unrestricted (world) account go below zero', () =>
    spec
      .given([accountOpened('world:bank-inflow', 'system')])
      .when(debitFunds('100.00', { accountId: 'world:bank-inflow', initiatedBy: 'platform' }))
      .then([fundsDebited('100.00', { accountId: 'world:bank-inflow' })]))

  it('a replayed debit records nothing, even when the account was frozen since', () =>
    spec
      .given([...funded, fundsDebited('1.00'), accountFrozen()])
      .when(debitFunds('1.00'))
      .thenNothing())

  it('refuses an owner debit on a frozen account', () =>
    spec
      .given([...funded, accountFrozen()])
      .when(debitFunds('1.00'))
      .thenRejects('account_frozen'))

  it('runs a platform debit on a frozen account', () =>
    spec
      .given([...funded, accountFrozen()])
      .when(debitFunds('1.00', { initiatedBy: 'platform' }))
      .then([fundsDebited('1.00')]))
})

describe('holds', () => {
  it('holds available funds under a hold id', () =>
    spec
      .given(funded)
      .when(holdFunds('h1', '4.00', { limitDate: TODAY }))
      .then([fundsHeld('h1', '4.00', { limitDate: TODAY })]))

  it('refuses a hold larger than the available balance', () =>
    spec.given(funded).when(holdFunds('h1', '10.01')).thenRejects('insufficient_balance'))

  it('a replayed hold (same hold id, open or closed since) records nothing', () => {
    spec
      .given([...funded, fundsHeld('h1', '4.00')])
      .when(holdFunds('h1', '4.00'))
      .thenNothing()
    spec
      .given([...funded, fundsHeld('h1', '4.00'), holdReleased('h1', '4.00')])
      .when(holdFunds('h1', '4.00'))
      .thenNothing()
  })

  it(`refuses more than ${HOLDS_OPEN_PER_ACCOUNT_MAX} open holds`, () => {
    const holds = Array.from({ length: HOLDS_OPEN_PER_ACCOUNT_MAX }, (_, index) =>
      fundsHeld(`h${index}`, '0.01'),
    )
    spec
      .given([...funded, ...holds])
      .when(holdFunds('one-more', '0.01'))
      .thenRejects('too_many_holds')
  })

  it('refuses an owner hold on a frozen account', () =>
    spec
      .given([...funded, accountFrozen()])
      .when(holdFunds('h1', '1.00'))
      .thenRejects('account_frozen'))
})

describe('captures', () => {
  const withHold = [...funded, fundsHeld('h1', '4.00')]

  it('captures a whole hold, releasing nothing', () =>
    spec
      .given(withHold)
      .when(captureHold('h1', '4.00', { entryId: 'pay-1' }))
      .then([holdCaptured('h1', '4.00', '0.00', { entryId: 'pay-1' })]))

  it('captures part of a hold and releases the rest in the same event', () => {
    const [event] = spec
      .given(withHold)
      .when(captureHold('h1', '2.75'))
      .then([holdCaptured('h1', '2.75', '1.25')])
    const state = stateOf([...withHold, event as AccountEvent])
    expect(state.status === 'active' && state.balances['USD']).toEqual({
      scale: 2,
      available: 725n,
      held: 0n,
    })
  })

  it('refuses to capture more than the hold', () => {
    const error = spec
      .given(withHold)
      .when(captureHold('h1', '4.01'))
      .thenRejects('capture_exceeds_authorized')
    expect(error.details).toMatchObject({ holdId: 'h1', held: '4.00' })
  })

  it('refuses to capture a hold that does not exist', () =>
    spec.given(funded).when(captureHold('nope', '1.00')).thenRejects('hold_not_found'))

  it('refuses to capture a hold that was released', () => {
    const error = spec
      .given([...withHold, holdReleased('h1', '4.00')])
      .when(captureHold('h1', '4.00'))
      .thenRejects('hold_not_found')
    expect(error.details).toMatchObject({ closedAs: 'released' })
  })

  it('a replayed capture (same hold, entry and leg) records nothing', () =>
    spec
      .given([...withHold, holdCaptured('h1', '4.00', '0.00')])
      .when(captureHold('h1', '4.00'))
      .thenNothing())

  it('refuses a zero capture', () =>
    spec.given(withHold).when(captureHold('h1', '0.00')).thenRejects('amount_not_positive'))
})

describe('releases', () => {
  const withHold = [...funded, fundsHeld('h1', '4.00')]

  it('releases the whole hold back to available', () =>
    spec
      .given(withHold)
      .when(releaseHold('h1'))
      .then([holdReleased('h1', '4.00')]))

  it('a replayed release records nothing', () =>
    spec
      .given([...withHold, holdReleased('h1', '4.00')])
      .when(releaseHold('h1'))
      .thenNothing())

  it('refuses to release a hold that was captured', () =>
    spec
      .given([...withHold, holdCaptured('h1', '4.00', '0.00')])
      .when(releaseHold('h1'))
      .thenRejects('hold_not_found'))
})

describe('daily spending', () => {
  it('counts debits and holds of the local day', () =>
    expect(
      spentToday([
        ...funded,
        fundsDebited('1.00', { entryId: 'p1', limitDate: TODAY }),
        fundsHeld('h1', '2.00', { limitDate: TODAY }),
      ]),
    ).toBe(300n))

  it('ignores movements that do not count (no limit date)', () =>
    expect(spentToday([...funded, fundsDebited('1.00', { entryId: 'fee' })])).toBe(0n))

  it('starts again on a new local date', () => {
    const events = [
      ...funded,
      fundsDebited('1.00', { entryId: 'p1', limitDate: TODAY }),
      fundsDebited('2.00', { entryId: 'p2', limitDate: TOMORROW }),
    ]
    expect(spentToday(events, TOMORROW)).toBe(200n)
    expect(spentToday(events, TODAY)).toBe(0n)
  })

  it('a refund does not give the limit back', () =>
    expect(
      spentToday([
        ...funded,
        fundsDebited('3.00', { entryId: 'p1', limitDate: TODAY }),
        fundsCredited('3.00', { entryId: 'refund' }),
      ]),
    ).toBe(300n))

  it('a released hold, or the released rest of a capture, is no longer counted', () => {
    const held = [...funded, fundsHeld('h1', '4.00', { limitDate: TODAY })]
    expect(spentToday([...held, holdReleased('h1', '4.00')])).toBe(0n)
    expect(spentToday([...held, holdCaptured('h1', '2.75', '1.25')])).toBe(275n)
  })
})

describe('evolve refuses events that cannot follow', () => {
  const throws = (events: readonly AccountEvent[]) =>
    expect(() => stateOf(events)).toThrow(AssertionError)

  it('a debit that takes a user account below zero', () =>
    throws([...funded, fundsDebited('10.01', { entryId: 'e2' })]))
  it('the same debit leg twice', () =>
    throws([...funded, fundsDebited('1.00'), fundsDebited('1.00')]))
  it('a hold larger than available', () => throws([...funded, fundsHeld('h1', '10.01')]))
  it('a capture of a hold that is not open', () =>
    throws([...funded, holdCaptured('h1', '1.00', '0.00')]))
  it('a capture whose parts do not add up to the hold', () =>
    throws([...funded, fundsHeld('h1', '4.00'), holdCaptured('h1', '3.00', '0.50')]))
  it('a money event before the account is opened', () => throws([fundsCredited('1.00')]))
  it('an event of another account', () =>
    throws([opened, fundsCredited('1.00', { accountId: 'bob' })]))
  it('a freeze of a frozen account', () => throws([opened, accountFrozen(), accountFrozen()]))
  it('a credit to a closed account', () =>
    throws([
      opened,
      {
        type: 'AccountClosed',
        schemaVersion: 1,
        data: { accountId: ALICE, at: funded[1]!.data.at },
      },
      fundsCredited('1.00'),
    ]))
})
