// Proves the account's lifecycle rules (DESIGN.md section 3, "Account") one given/when/then at a
// time: opening, freezing, unfreezing, closing, erasing the contact, stream names, and every error
// code those commands can return (account_not_found and account_closed for every command).
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { AssertionError } from '../assert.js'
import { foldEvents } from '../decider.js'
import { accountDecider } from './decide.js'
import { accountStream } from '../streamNames.js'
import type { AccountCommand } from './commands.js'
import type { AccountEvent } from './events.js'
import {
  ALICE,
  AT,
  accountFrozen,
  accountOpened,
  captureHold,
  creditFunds,
  debitFunds,
  disableTwoFactor,
  freezeAccount,
  fundsCredited,
  fundsDebited,
  fundsHeld,
  holdFunds,
  openAccount,
  releaseHold,
  setLimits,
  setMerchantFeeRate,
  simpleCommand,
  simpleEvent,
  unfreezeAccount,
} from '../../test/account/__fixtures__/factories.js'

const spec = deciderSpec(accountDecider)
const opened = accountOpened()
const stateOf = (events: readonly AccountEvent[]) =>
  foldEvents(accountDecider.evolve, accountDecider.initialState, events)

// Every command but OpenAccount, for the rules that hold for all of them.
const everyOtherCommand: readonly AccountCommand[] = [
  freezeAccount(),
  unfreezeAccount(),
  simpleCommand('CloseAccount'),
  simpleCommand('EraseContact'),
  simpleCommand('EnableTwoFactor'),
  disableTwoFactor(),
  simpleCommand('SetPaymentPassword'),
  setLimits({ perDayMax: '100.00' }),
  setMerchantFeeRate('1.5'),
  creditFunds('1.00'),
  debitFunds('1.00'),
  holdFunds('h1', '1.00'),
  captureHold('h1', '1.00'),
  releaseHold('h1'),
]

describe('opening', () => {
  it('opens a user account', () => spec.given([]).when(openAccount()).then([accountOpened()]))

  it('opens a merchant with its fee rate, and a merchant without one pays none', () => {
    spec
      .given([])
      .when(openAccount('shop', 'merchant', { merchantFeeRate: '0.6' as never }))
      .then([accountOpened('shop', 'merchant', { merchantFeeRate: '0.6' as never })])
    const state = stateOf([accountOpened('shop', 'merchant')])
    expect(state.status === 'active' && state.merchantFeeRate).toBe('0')
  })

  it('opens a system account under a platform id', () =>
    spec
      .given([])
      .when(openAccount('system:fees', 'system'))
      .then([accountOpened('system:fees', 'system')]))

  it('keeps the contact reference and metadata it is given', () =>
    spec
      .given([])
      .when(openAccount(ALICE, 'user', { contact: 'cipher:abc', metadata: { tier: 'gold' } }))
      .then([accountOpened(ALICE, 'user', { contact: 'cipher:abc', metadata: { tier: 'gold' } })]))

  it('refuses to open an account twice', () =>
    spec.given([opened]).when(openAccount()).thenRejects('account_already_exists'))

  it('refuses a system account without a platform id', () => {
    const error = spec.given([]).when(openAccount(ALICE, 'system')).thenRejects('invalid_input')
    expect(error.details).toMatchObject({ path: 'kind' })
  })

  it('refuses a user account with a platform id', () =>
    spec.given([]).when(openAccount('world:bank-inflow', 'user')).thenRejects('invalid_input'))

  it('refuses a fee rate on a user account', () => {
    const command = openAccount(ALICE, 'user', { merchantFeeRate: '1' as never })
    const error = spec.given([]).when(command).thenRejects('invalid_input')
    expect(error.details).toMatchObject({ path: 'merchantFeeRate' })
  })

  it.each(everyOtherCommand.map((command) => [command.type, command] as const))(
    'answers account_not_found to %s before the account is opened',
    (_type, command) => {
      spec.given([]).when(command).thenRejects('account_not_found')
    },
  )
})

describe('freezing and unfreezing', () => {
  it('freezes an active account with a reason', () =>
    spec
      .given([opened])
      .when(freezeAccount('phone stolen'))
      .then([accountFrozen('phone stolen')]))

  it('freezing a frozen account again records nothing', () =>
    spec.given([opened, accountFrozen()]).when(freezeAccount('again')).thenNothing())

  it('unfreezes a frozen account, recording how the owner was verified', () =>
    spec
      .given([opened, accountFrozen()])
      .when(unfreezeAccount('video call with support'))
      .then([
        {
          type: 'AccountUnfrozen',
          schemaVersion: 1,
          data: { accountId: ALICE, verification: 'video call with support', at: AT },
        },
      ]))

  it('refuses to unfreeze an account that is not frozen', () =>
    spec.given([opened]).when(unfreezeAccount()).thenRejects('account_not_frozen'))
})

describe('closing', () => {
  const closedEvent = simpleEvent('AccountClosed')

  it('closes an account with zero balances and no holds', () =>
    spec
      .given([opened, fundsCredited('5.00'), fundsDebited('5.00', { entryId: 'entry-2' })])
      .when(simpleCommand('CloseAccount'))
      .then([closedEvent]))

  it('closes a frozen account that is empty', () =>
    spec.given([opened, accountFrozen()]).when(simpleCommand('CloseAccount')).then([closedEvent]))

  it('refuses to close an account with a balance', () => {
    const error = spec
      .given([opened, fundsCredited('0.01')])
      .when(simpleCommand('CloseAccount'))
      .thenRejects('account_not_empty')
    expect(error.details).toMatchObject({ asset: 'USD' })
  })

  it('refuses to close an account with an open hold', () =>
    spec
      .given([opened, fundsCredited('5.00'), fundsHeld('h1', '5.00')])
      .when(simpleCommand('CloseAccount'))
      .thenRejects('account_not_empty'))

  it('refuses to close an unrestricted account that is below zero', () =>
    spec
      .given([
        accountOpened('system:suspense', 'system'),
        fundsDebited('1.00', { accountId: 'system:suspense' }),
      ])
      .when(simpleCommand('CloseAccount', 'system:suspense'))
      .thenRejects('account_not_empty'))

  it.each(
    everyOtherCommand
      .filter((command) => command.type !== 'EraseContact')
      .map((command) => [command.type, command] as const),
  )('a closed account refuses %s with account_closed', (_type, command) => {
    spec.given([opened, closedEvent]).when(command).thenRejects('account_closed')
  })
})

describe('erasing the contact', () => {
  const withContact = accountOpened(ALICE, 'user', { contact: 'cipher:abc' })

  it('records the erasure, and the state forgets the reference', () => {
    spec
      .given([withContact])
      .when(simpleCommand('EraseContact'))
      .then([simpleEvent('ContactErased')])
    const state = stateOf([withContact, simpleEvent('ContactErased')])
    expect(state.status === 'active' && 'contact' in state).toBe(false)
  })

  it('erases the contact of a closed account too', () =>
    spec
      .given([withContact, simpleEvent('AccountClosed')])
      .when(simpleCommand('EraseContact'))
      .then([simpleEvent('ContactErased')]))

  it('records every forgetting, with or without a contact (each ends a key generation)', () => {
    spec
      .given([opened])
      .when(simpleCommand('EraseContact'))
      .then([simpleEvent('ContactErased')])
    spec
      .given([withContact, simpleEvent('ContactErased')])
      .when(simpleCommand('EraseContact'))
      .then([simpleEvent('ContactErased')])
  })
})

describe('streams and routing', () => {
  it('names the stream after the account, with an optional namespace', () => {
    expect(accountStream('alice')).toBe('account-alice')
    expect(accountStream('world:bank-inflow')).toBe('account-world:bank-inflow')
    expect(accountStream('alice', 'acme')).toBe('acme.account-alice')
    expect(() => accountStream('alice', 'a.b')).toThrow(AssertionError)
  })

  it('asserts when a command reaches the stream of another account', () =>
    expect(() => accountDecider.decide(freezeAccount('x', 'bob'), stateOf([opened]))).toThrow(
      AssertionError,
    ))
})
