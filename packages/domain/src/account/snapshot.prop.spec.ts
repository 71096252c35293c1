// Proves account snapshots: for the state after every event of generated histories, the snapshot
// goes through JSON and its codec and comes back as the same state, which decides every command
// exactly as the original; a snapshot of the fullest account (every hold open, the replay window
// full) fits the store's snapshot limit; and a snapshot that breaks an invariant is refused.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { arbAccountCommand, arbAccountHistory } from '@wallet-ledger/testing'
import { AssertionError } from '../assert.js'
import { foldEvents } from '../decider.js'
import {
  APPLIED_OPERATIONS_REMEMBERED_MAX,
  HOLDS_OPEN_PER_ACCOUNT_MAX,
  SNAPSHOT_BYTES_MAX,
} from '../limits.js'
import { accountDecider } from './decide.js'
import { AccountSnapshot, accountSnapshot, accountStateFromSnapshot } from './snapshot.js'
import type { AccountState } from './state.js'
import {
  accountOpened,
  fundsCredited,
  fundsHeld,
} from '../../test/account/__fixtures__/factories.js'

const throughStorage = (state: AccountState): AccountState => {
  const decoded = AccountSnapshot.decode(JSON.parse(JSON.stringify(accountSnapshot(state))))
  if (decoded._tag === 'Left') throw new Error('a snapshot does not decode')
  return accountStateFromSnapshot(decoded.right)
}

describe('account snapshots', () => {
  it('round-trip through JSON and the codec for the state after every event', () =>
    fc.assert(
      fc.property(arbAccountHistory({ maxCommands: 40 }), (history) => {
        let state = accountDecider.initialState
        expect(throughStorage(state)).toEqual(state)
        for (const event of history.events) {
          state = accountDecider.evolve(state, event)
          expect(throughStorage(state)).toEqual(state)
        }
      }),
      { numRuns: 150 },
    ))

  it('a restored state decides every command as the original does', () =>
    fc.assert(
      fc.property(
        arbAccountHistory({ maxCommands: 40 }).chain((history) =>
          fc.tuple(
            fc.constant(history),
            fc.array(arbAccountCommand(history.accountId), { maxLength: 10 }),
          ),
        ),
        ([history, commands]) => {
          let original = history.state
          let restored = throughStorage(history.state)
          for (const command of commands) {
            const decision = accountDecider.decide(command, original)
            expect(accountDecider.decide(command, restored)).toEqual(decision)
            if (decision._tag === 'Left') continue
            original = decision.right.reduce(accountDecider.evolve, original)
            restored = throughStorage(decision.right.reduce(accountDecider.evolve, restored))
          }
        },
      ),
      { numRuns: 150 },
    ))

  it('the fullest account fits the snapshot limit', () => {
    const longId = 'x'.repeat(100)
    const events = [
      accountOpened(),
      ...Array.from({ length: APPLIED_OPERATIONS_REMEMBERED_MAX }, (_, index) =>
        fundsCredited('1000.00', { entryId: `${longId}-${index}`, leg: 15 }),
      ),
      ...Array.from({ length: HOLDS_OPEN_PER_ACCOUNT_MAX }, (_, index) =>
        fundsHeld(`${longId}-${index}`, '1.00'),
      ),
    ]
    const state = foldEvents(accountDecider.evolve, accountDecider.initialState, events)
    const bytes = new TextEncoder().encode(JSON.stringify(accountSnapshot(state))).length
    expect(bytes).toBeLessThan(SNAPSHOT_BYTES_MAX)
    expect(throughStorage(state)).toEqual(state)
  })

  it('refuses a snapshot whose held balance differs from its holds', () => {
    const state = foldEvents(accountDecider.evolve, accountDecider.initialState, [
      accountOpened(),
      fundsCredited('5.00'),
      fundsHeld('h1', '2.00'),
    ])
    const snapshot = accountSnapshot(state)
    if (snapshot.status !== 'active') throw new Error('expected an active account')
    const corrupt = { ...snapshot, balances: snapshot.balances.map((b) => ({ ...b, held: '100' })) }
    expect(() => accountStateFromSnapshot(corrupt)).toThrow(AssertionError)
  })
})
