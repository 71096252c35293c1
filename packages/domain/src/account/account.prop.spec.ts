// Proves the account's properties with fast-check over generated commands and accepted histories:
// every command and event survives its codec; evolve over any accepted history never trips an
// assertion and keeps held equal to the open holds and available >= 0 on 'non_negative' accounts;
// and a debit never takes a user account below zero, while one that fits is always accepted.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { arbAccountCommand, arbAccountHistory, arbAccountId } from '@wallet-ledger/testing'
import type { AccountId, DecimalString } from '../codecs/common.js'
import { formatMinor } from '../money/money.js'
import { AccountEvent } from './codecs.js'
import { AccountCommand } from './commandCodecs.js'
import { accountDecider } from './decide.js'
import type { AccountState } from './state.js'
import {
  accountFrozen,
  accountOpened,
  fundsCredited,
  fundsDebited,
  fundsHeld,
  holdCaptured,
  holdReleased,
  simpleEvent,
} from '../../test/account/__fixtures__/factories.js'

const RUNS = { numRuns: 200 }

const roundTrips = <A, O>(
  codec: { encode: (a: A) => O; decode: (u: unknown) => unknown },
  value: A,
) => {
  // Through JSON too: the store keeps bytes, not objects.
  const decoded = codec.decode(JSON.parse(JSON.stringify(codec.encode(value))))
  expect(decoded).toEqual({ _tag: 'Right', right: value })
}

const checkInvariants = (state: AccountState): void => {
  if (state.status === 'not_opened') return
  for (const [asset, balance] of Object.entries(state.balances)) {
    expect(balance.held).toBeGreaterThanOrEqual(0n)
    if (state.balanceRule === 'non_negative') expect(balance.available).toBeGreaterThanOrEqual(0n)
    const openHolds = [...state.holds.values()].filter((hold) => hold.asset === asset)
    expect(openHolds.reduce((sum, hold) => sum + hold.minor, 0n)).toBe(balance.held)
  }
}

describe('codecs', () => {
  it('every command round-trips through its codec', () =>
    fc.assert(
      fc.property(
        arbAccountId().chain((id) => arbAccountCommand(id)),
        (command) => roundTrips(AccountCommand, command),
      ),
      RUNS,
    ))

  it('every event of an accepted history round-trips through its codec', () =>
    fc.assert(
      fc.property(arbAccountHistory({ maxCommands: 30 }), (history) => {
        for (const event of history.events) roundTrips(AccountEvent, event)
      }),
      RUNS,
    ))

  it('one event of every type round-trips (types rare in generated histories included)', () => {
    const everyType: AccountEvent[] = [
      accountOpened('shop', 'merchant', {
        contact: 'cipher:x',
        merchantFeeRate: '1.5' as never,
        metadata: { a: 'b' },
      }),
      accountFrozen(),
      {
        type: 'AccountUnfrozen',
        schemaVersion: 1,
        data: { ...simpleEvent('AccountClosed').data, verification: 'id' },
      },
      simpleEvent('AccountClosed'),
      simpleEvent('ContactErased'),
      simpleEvent('TwoFactorEnabled'),
      simpleEvent('TwoFactorDisabled'),
      {
        type: 'PaymentPasswordSet',
        schemaVersion: 1,
        data: { ...simpleEvent('AccountClosed').data, version: 3 },
      },
      {
        type: 'LimitsSet',
        schemaVersion: 2,
        data: {
          ...simpleEvent('AccountClosed').data,
          asset: 'USD' as never,
          stepUpAbove: '1.00' as DecimalString,
        },
      },
      {
        type: 'MerchantFeeRateSet',
        schemaVersion: 1,
        data: { ...simpleEvent('AccountClosed').data, merchantFeeRate: '2' as never },
      },
      fundsDebited('1.00', { limitDate: '2026-11-26' as never }),
      fundsCredited('1.00'),
      fundsHeld('h1', '1.00', { limitDate: '2026-11-26' as never }),
      holdCaptured('h1', '0.40', '0.60'),
      holdReleased('h1', '1.00'),
    ]
    expect(new Set(everyType.map((event) => event.type)).size).toBe(AccountEvent.types.length)
    for (const event of everyType) roundTrips(AccountEvent, event)
  })
})

describe('evolve over accepted histories', () => {
  it('never throws and keeps held = open holds, available >= 0 on non_negative accounts', () =>
    fc.assert(
      fc.property(arbAccountHistory({ maxCommands: 60 }), (history) => {
        let state = accountDecider.initialState
        for (const event of history.events) {
          state = accountDecider.evolve(state, event)
          checkInvariants(state)
        }
        expect(state).toEqual(history.state)
      }),
      RUNS,
    ))
})

describe('debits on user accounts', () => {
  it('no sequence of commands takes a user account below zero', () =>
    fc.assert(
      fc.property(arbAccountHistory({ kind: 'user', maxCommands: 80 }), (history) => {
        let state = accountDecider.initialState
        for (const event of history.events) {
          state = accountDecider.evolve(state, event)
          if (state.status === 'not_opened') continue
          for (const balance of Object.values(state.balances))
            expect(balance.available).toBeGreaterThanOrEqual(0n)
        }
      }),
      RUNS,
    ))

  it('a fresh owner debit is accepted exactly when it fits the available balance', () =>
    fc.assert(
      fc.property(
        arbAccountHistory({ kind: 'user', maxCommands: 40 }),
        fc.bigInt({ min: 1n, max: 30_000n }),
        (history, minor) => {
          const { state } = history
          if (state.status !== 'active') return
          // The account knows an asset's scale from its balance or its limits (generated
          // histories may give USD any scale); a debit in another scale is invalid_input.
          const scale = state.balances['USD']?.scale ?? state.limits['USD']?.scale ?? 2
          const balance = state.balances['USD'] ?? { scale, available: 0n, held: 0n }
          const decision = accountDecider.decide(
            {
              type: 'DebitFunds',
              accountId: state.accountId as AccountId,
              operationId: 'fresh',
              asset: 'USD' as never,
              amount: formatMinor(minor, balance.scale),
              entryId: 'fresh-entry',
              leg: 0,
              initiatedBy: 'owner',
              at: '2026-11-26T08:00:00.000Z' as never,
            },
            state,
          )
          if (minor <= balance.available) expect(decision._tag).toBe('Right')
          else
            expect(decision).toMatchObject({ _tag: 'Left', left: { code: 'insufficient_balance' } })
        },
      ),
      RUNS,
    ))
})
