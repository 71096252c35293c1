// Proves the freeze table (freezeRules.ts) row by row: one test per row, each driving the account
// decider on a frozen account with the movement the row is made of, and checking the row agrees
// with what the decider did. Rows the engine enforces (a withdrawal's fate on freeze) also check
// the table entry the engine consults. `rowTests` is keyed by FreezeAction, so a row added
// without a test fails the type check.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { FREEZE_RULES, freezeRuleFor, frozenAccountAllows } from './freezeRules.js'
import type { FreezeAction } from './freezeRules.js'
import { accountDecider } from './account/decide.js'
import {
  ALICE,
  AT,
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
  unfreezeAccount,
} from '../test/account/__fixtures__/factories.js'

const spec = deciderSpec(accountDecider)
const funded = [accountOpened(), fundsCredited('10.00', { entryId: 'deposit' })]
const frozen = [...funded, accountFrozen()]
// A hold authorized before the freeze (a manual-capture payment, or a withdrawal's amount + fee).
const heldThenFrozen = [...funded, fundsHeld('h1', '4.00'), accountFrozen()]

const expectRow = (action: FreezeAction, allowed: boolean, enforcedBy: 'account' | 'engine') => {
  const rule = freezeRuleFor(action)
  expect(rule.allowedWhenFrozen).toBe(allowed)
  expect(rule.enforcedBy).toBe(enforcedBy)
}

const rowTests: Record<FreezeAction, () => void> = {
  receive: () => {
    expectRow('receive', true, 'account')
    spec
      .given(frozen)
      .when(creditFunds('1.00', { entryId: 'p2p' }))
      .then([fundsCredited('1.00', { entryId: 'p2p' })])
  },
  pay: () => {
    // An instant payment debits the payer; a manual-capture payment holds: both owner-initiated.
    expectRow('pay', false, 'account')
    spec
      .given(frozen)
      .when(debitFunds('1.00', { entryId: 'pay' }))
      .thenRejects('account_frozen')
    spec.given(frozen).when(holdFunds('pay-hold', '1.00')).thenRejects('account_frozen')
  },
  refund: () => {
    // The engine builds a merchant refund's debit with initiatedBy 'owner' (the merchant sends).
    expectRow('refund', false, 'account')
    spec
      .given(frozen)
      .when(debitFunds('1.00', { entryId: 'refund' }))
      .thenRejects('account_frozen')
  },
  convert: () => {
    expectRow('convert', false, 'account')
    spec
      .given(frozen)
      .when(debitFunds('1.00', { entryId: 'trade' }))
      .thenRejects('account_frozen')
  },
  withdraw_unsubmitted: () => {
    // A new withdrawal's first step holds amount + fee, initiated by the owner.
    expectRow('withdraw_unsubmitted', false, 'account')
    spec.given(frozen).when(holdFunds('withdrawal-1', '5.00')).thenRejects('account_frozen')
  },
  withdraw_cancel_on_freeze: () => {
    // The engine consults this row on FreezeAccount: it cancels each unsubmitted withdrawal and
    // releases its hold, which the frozen account must accept.
    expectRow('withdraw_cancel_on_freeze', true, 'engine')
    spec
      .given(heldThenFrozen)
      .when(releaseHold('h1'))
      .then([holdReleased('h1', '4.00')])
  },
  withdraw_submitted: () => {
    // The engine consults this row on FreezeAccount: a submitted withdrawal is left alone, and its
    // completion captures the hold (platform-initiated) on the frozen account.
    expectRow('withdraw_submitted', true, 'engine')
    spec
      .given(heldThenFrozen)
      .when(captureHold('h1', '4.00', { entryId: 'withdrawal-done', initiatedBy: 'platform' }))
      .then([holdCaptured('h1', '4.00', '0.00', { entryId: 'withdrawal-done' })])
  },
  capture_prior_hold: () => {
    // Even an owner-initiated capture runs: every hold on a frozen account predates the freeze
    // or is the platform's own.
    expectRow('capture_prior_hold', true, 'account')
    spec
      .given(heldThenFrozen)
      .when(captureHold('h1', '3.00', { entryId: 'merchant-capture', initiatedBy: 'owner' }))
      .then([holdCaptured('h1', '3.00', '1.00', { entryId: 'merchant-capture' })])
  },
  dispute_hold: () => {
    expectRow('dispute_hold', true, 'account')
    spec
      .given(frozen)
      .when(holdFunds('dispute-1', '2.00', { initiatedBy: 'platform' }))
      .then([fundsHeld('dispute-1', '2.00')])
  },
  dispute_refund: () => {
    // Resolved for the payer: the dispute hold is captured from the frozen payee.
    expectRow('dispute_refund', true, 'account')
    spec
      .given([...frozen, fundsHeld('dispute-1', '2.00')])
      .when(captureHold('dispute-1', '2.00', { entryId: 'dispute-refund' }))
      .then([holdCaptured('dispute-1', '2.00', '0.00', { entryId: 'dispute-refund' })])
  },
  fee: () => {
    expectRow('fee', true, 'account')
    spec
      .given(frozen)
      .when(debitFunds('0.50', { entryId: 'fee', initiatedBy: 'platform' }))
      .then([fundsDebited('0.50', { entryId: 'fee' })])
  },
  adjustment: () => {
    expectRow('adjustment', true, 'account')
    spec
      .given(frozen)
      .when(debitFunds('0.10', { entryId: 'correction', initiatedBy: 'platform' }))
      .then([fundsDebited('0.10', { entryId: 'correction' })])
  },
  release_hold: () => {
    // An expired or cancelled payment's hold goes back to available on a frozen account.
    expectRow('release_hold', true, 'account')
    spec
      .given(heldThenFrozen)
      .when(releaseHold('h1'))
      .then([holdReleased('h1', '4.00')])
  },
  unfreeze: () => {
    expectRow('unfreeze', true, 'account')
    spec
      .given(frozen)
      .when(unfreezeAccount('selfie and id check'))
      .then([
        {
          type: 'AccountUnfrozen',
          schemaVersion: 1,
          data: { accountId: ALICE, verification: 'selfie and id check', at: AT },
        },
      ])
  },
}

describe('freeze rules, one test per row', () => {
  it.each(FREEZE_RULES.map((rule) => [rule.action, rule] as const))('%s', (action) => {
    rowTests[action]()
  })

  it('the lookup by initiator and movement agrees with the rows', () => {
    expect(frozenAccountAllows('owner', 'debit')).toBe(false)
    expect(frozenAccountAllows('owner', 'hold')).toBe(false)
    expect(frozenAccountAllows('platform', 'debit')).toBe(true)
    expect(frozenAccountAllows('owner', 'capture')).toBe(true)
  })
})
