// Proves setLimits asks for the authorization the payments a loosening allows would need (issue 7,
// item 4) and none for a tightening, one given/when/then at a time.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { accountDecider } from './decide.js'
import type { AccountEvent } from './events.js'
import {
  ALICE,
  AT,
  accountOpened,
  setLimits,
  simpleEvent,
} from '../../test/account/__fixtures__/factories.js'

const spec = deciderSpec(accountDecider)
const opened = accountOpened()
const twoFactorOn = simpleEvent('TwoFactorEnabled')
const passwordSet = {
  type: 'PaymentPasswordSet',
  schemaVersion: 1,
  data: { accountId: ALICE, version: 1, at: AT },
} as AccountEvent
const limitsSet = (limits: Record<string, string>): AccountEvent =>
  ({
    type: 'LimitsSet',
    schemaVersion: 2,
    data: { accountId: ALICE, asset: 'USD', at: AT, ...limits },
  }) as AccountEvent
const stepUp = limitsSet({ stepUpAbove: '100.00' })
const twoFactor = { method: 'two_factor', verified: true } as const
const password = { method: 'payment_password', verified: true } as const

describe('loosening limits needs authorization', () => {
  it('refuses raising the step-up threshold without a second factor (the reported attack)', () => {
    const error = spec
      .given([opened, stepUp])
      .when(setLimits({ stepUpAbove: '99999999.00' }))
      .thenRejects('security_check_failed')
    expect(error.details).toEqual({ required: 'two_factor', loosened: ['stepUpAbove'] })
  })

  it('raises the step-up threshold with a passed two-factor check', () =>
    spec
      .given([opened, stepUp])
      .when(setLimits({ stepUpAbove: '99999999.00' }, 'USD', twoFactor))
      .then([limitsSet({ stepUpAbove: '99999999.00' })]))

  it('refuses removing a limit (an absent amount) without authorization', () => {
    const error = spec
      .given([opened, passwordSet, limitsSet({ perPaymentMax: '50.00', perDayMax: '200.00' })])
      .when(setLimits({ perPaymentMax: '50.00' }))
      .thenRejects('security_check_failed')
    expect(error.details).toMatchObject({ loosened: ['perDayMax'] })
  })

  it('with two-factor on, refuses a raise with only the payment password', () =>
    spec
      .given([opened, twoFactorOn, limitsSet({ perPaymentMax: '50.00' })])
      .when(setLimits({ perPaymentMax: '60.00' }, 'USD', password))
      .thenRejects('security_check_failed'))

  it('with a payment password set, raises a maximum with the password', () =>
    spec
      .given([opened, passwordSet, limitsSet({ perPaymentMax: '50.00' })])
      .when(setLimits({ perPaymentMax: '60.00' }, 'USD', password))
      .then([limitsSet({ perPaymentMax: '60.00' })]))

  it('with a payment password set, refuses a raise with no authorization', () =>
    spec
      .given([opened, passwordSet, limitsSet({ perPaymentMax: '50.00' })])
      .when(setLimits({ perPaymentMax: '60.00' }))
      .thenRejects('security_check_failed'))

  it('needs two-factor to raise a maximum above the step-up threshold, not below it', () => {
    const given = [opened, limitsSet({ perPaymentMax: '50.00', stepUpAbove: '100.00' })]
    spec
      .given(given)
      .when(setLimits({ perPaymentMax: '80.00', stepUpAbove: '100.00' }))
      .then([limitsSet({ perPaymentMax: '80.00', stepUpAbove: '100.00' })])
    spec
      .given(given)
      .when(setLimits({ perPaymentMax: '150.00', stepUpAbove: '100.00' }, 'USD', password))
      .thenRejects('security_check_failed')
  })

  it('refuses a loosening whose check was not passed, even two-factor', () =>
    spec
      .given([opened, stepUp])
      .when(setLimits({}, 'USD', { method: 'two_factor', verified: false }))
      .thenRejects('security_check_failed'))

  it('with no security and no step-up set, loosens with none, as its payments need none', () =>
    spec
      .given([opened, limitsSet({ perPaymentMax: '50.00' })])
      .when(setLimits({}))
      .then([limitsSet({})]))

  it('with no security set and no limit yet, records limits with no authorization', () =>
    spec
      .given([opened])
      .when(setLimits({ perPaymentMax: '50.00', stepUpAbove: '10.00' }))
      .then([limitsSet({ perPaymentMax: '50.00', stepUpAbove: '10.00' })]))
})

describe('tightening limits needs none', () => {
  it('lowers every limit with two-factor on and no authorization', () =>
    spec
      .given([opened, twoFactorOn, limitsSet({ perPaymentMax: '50.00', stepUpAbove: '100.00' })])
      .when(setLimits({ perPaymentMax: '40.00', perDayMax: '90.00', stepUpAbove: '20.00' }))
      .then([limitsSet({ perPaymentMax: '40.00', perDayMax: '90.00', stepUpAbove: '20.00' })]))

  it('sets the same limits again with no authorization (nothing loosened)', () =>
    spec
      .given([opened, twoFactorOn, stepUp])
      .when(setLimits({ stepUpAbove: '100.00' }))
      .then([stepUp]))
})
