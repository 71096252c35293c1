// Proves the account's settings rules one given/when/then at a time: two-factor on and off (off
// needs a passed two-factor check), payment password versions, limits per asset (replaced whole,
// scale checked), the merchant fee rate, and the sender facts other deciders are given.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { foldEvents } from '../decider.js'
import { accountDecider } from './decide.js'
import { senderFactsOf } from './senderFacts.js'
import type { AccountEvent } from './events.js'
import {
  ALICE,
  AT,
  TODAY,
  accountFrozen,
  accountOpened,
  disableTwoFactor,
  fundsCredited,
  fundsDebited,
  setLimits,
  setMerchantFeeRate,
  simpleCommand,
  simpleEvent,
} from '../../test/account/__fixtures__/factories.js'

const spec = deciderSpec(accountDecider)
const opened = accountOpened()
const stateOf = (events: readonly AccountEvent[]) =>
  foldEvents(accountDecider.evolve, accountDecider.initialState, events)

describe('security settings', () => {
  const twoFactorOn = simpleEvent('TwoFactorEnabled')

  it('turns two-factor on, once', () => {
    spec.given([opened]).when(simpleCommand('EnableTwoFactor')).then([twoFactorOn])
    spec.given([opened, twoFactorOn]).when(simpleCommand('EnableTwoFactor')).thenNothing()
  })

  it('turns two-factor off with a passed two-factor check', () =>
    spec
      .given([opened, twoFactorOn])
      .when(disableTwoFactor())
      .then([simpleEvent('TwoFactorDisabled')]))

  it('refuses to turn two-factor off with only the payment password', () =>
    spec
      .given([opened, twoFactorOn])
      .when(disableTwoFactor('payment_password'))
      .thenRejects('security_check_failed'))

  it('refuses to turn two-factor off with a failed two-factor check', () =>
    spec
      .given([opened, twoFactorOn])
      .when(disableTwoFactor('two_factor', false))
      .thenRejects('security_check_failed'))

  it('records nothing when two-factor is already off', () =>
    spec.given([opened]).when(disableTwoFactor()).thenNothing())

  it('records a new payment password version each time, never a secret', () => {
    const first = {
      type: 'PaymentPasswordSet' as const,
      schemaVersion: 1 as const,
      data: { accountId: ALICE, version: 1, at: AT },
    }
    spec.given([opened]).when(simpleCommand('SetPaymentPassword')).then([first])
    spec
      .given([opened, first])
      .when(simpleCommand('SetPaymentPassword'))
      .then([{ ...first, data: { ...first.data, version: 2 } }])
  })

  it('lets a frozen owner change settings (a new password before unfreezing)', () =>
    spec
      .given([opened, accountFrozen()])
      .when(simpleCommand('EnableTwoFactor'))
      .then([twoFactorOn]))
})

describe('limits and fee rate', () => {
  it('records the limits of one asset as given', () =>
    spec
      .given([opened])
      .when(setLimits({ perPaymentMax: '50.00', perDayMax: '200.00', stepUpAbove: '20.00' }))
      .then([
        {
          type: 'LimitsSet',
          schemaVersion: 2,
          data: {
            accountId: ALICE,
            asset: 'USD',
            at: AT,
            perPaymentMax: '50.00',
            perDayMax: '200.00',
            stepUpAbove: '20.00',
          },
        } as AccountEvent,
      ]))

  it('replaces the previous limits: an absent amount means no limit', () => {
    const state = stateOf([
      opened,
      ...spec
        .given([opened])
        .when(setLimits({ perPaymentMax: '50.00', perDayMax: '200.00' }))
        .then([
          {
            type: 'LimitsSet',
            schemaVersion: 2,
            data: {
              accountId: ALICE,
              asset: 'USD',
              at: AT,
              perPaymentMax: '50.00',
              perDayMax: '200.00',
            },
          } as AccountEvent,
        ]),
      {
        type: 'LimitsSet',
        schemaVersion: 2,
        data: { accountId: ALICE, asset: 'USD', at: AT, perDayMax: '100.00' },
      } as AccountEvent,
    ])
    expect(state.status === 'active' && senderFactsOf(state, 'USD', TODAY).limits).toEqual({
      perDayMax: 10000n,
    })
  })

  it('refuses a limit whose scale differs from the one the account uses for the asset', () => {
    const error = spec
      .given([opened, fundsCredited('1.00')])
      .when(setLimits({ perDayMax: '100.000' }))
      .thenRejects('invalid_input')
    expect(error.details).toMatchObject({ path: 'perDayMax' })
  })

  it('refuses limits of one asset written with two scales', () => {
    const error = spec
      .given([opened])
      .when(setLimits({ perPaymentMax: '1.00', stepUpAbove: '1.0' }))
      .thenRejects('invalid_input')
    expect(error.details).toMatchObject({ path: 'stepUpAbove' })
  })

  it("sets a merchant's fee rate, and setting the same rate again records nothing", () => {
    const shop = accountOpened('shop', 'merchant')
    const rateSet = {
      type: 'MerchantFeeRateSet' as const,
      schemaVersion: 1 as const,
      data: { accountId: 'shop', merchantFeeRate: '2.5', at: AT },
    }
    spec
      .given([shop])
      .when(setMerchantFeeRate('2.5', 'shop'))
      .then([rateSet as AccountEvent])
    spec
      .given([shop, rateSet as AccountEvent])
      .when(setMerchantFeeRate('2.5', 'shop'))
      .thenNothing()
  })

  it('refuses a fee rate for an account that is not a merchant', () =>
    spec.given([opened]).when(setMerchantFeeRate('2.5')).thenRejects('invalid_input'))
})

describe('sender facts', () => {
  it('reports status, security, limits, what was spent today and the available balance', () => {
    const state = stateOf([
      opened,
      simpleEvent('TwoFactorEnabled'),
      {
        type: 'PaymentPasswordSet',
        schemaVersion: 1,
        data: { accountId: ALICE, version: 1, at: AT },
      } as AccountEvent,
      {
        type: 'LimitsSet',
        schemaVersion: 2,
        data: { accountId: ALICE, asset: 'USD', at: AT, stepUpAbove: '20.00' },
      } as AccountEvent,
      fundsCredited('100.00'),
      fundsDebited('30.00', { entryId: 'e2', limitDate: TODAY }),
      accountFrozen(),
    ])
    expect(state.status).toBe('frozen')
    if (state.status === 'not_opened') return
    expect(senderFactsOf(state, 'USD', TODAY)).toEqual({
      accountId: ALICE,
      status: 'frozen',
      security: { hasTwoFactor: true, hasPaymentPassword: true },
      limits: { stepUpAbove: 2000n },
      spentToday: 3000n,
      available: 7000n,
    })
    expect(senderFactsOf(state, 'USD', '2026-11-27' as never).spentToday).toBe(0n)
    expect(senderFactsOf(state, 'BTC', TODAY)).toMatchObject({
      available: 0n,
      limits: {},
      spentToday: 0n,
    })
  })
})
