// Proves the rest of a withdrawal's life (DESIGN.md section 3) with given/when/then: submission
// with its stored settlement window (Friday morning, after the cut-off, a holiday), the payout
// and return journal entries, failure, cancellation by a freeze (never after submission), and
// that evolve refuses an impossible stream; then the view and the stream name.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import type { DecimalString } from '../codecs/common.js'
import { foldEvents } from '../decider.js'
import { isBalanced } from '../journal/journal.js'
import type { WithdrawalCommand } from './commands.js'
import type { WithdrawalEvent } from './events.js'
import { storedWithdrawalFailure } from './requestWithdrawal.js'
import { withdrawalDecider } from './withdrawalDecider.js'
import { withdrawalStream } from '../streamNames.js'
import { withdrawalView } from './withdrawalView.js'
import {
  cancel,
  complete,
  completed,
  CRYPTO,
  fail,
  ID,
  LATER,
  legs,
  refused,
  requested,
  returnCommand,
  submit,
  submitted,
  verified,
  window,
} from '../../test/withdrawal/__fixtures__/withdrawalFixtures.js'

const spec = deciderSpec(withdrawalDecider)

// ---------------------------------------------------------------- submission

describe('SubmitWithdrawal', () => {
  const submittedWith = (
    expectedBy: ReturnType<typeof window>,
    bankReference?: string,
  ): WithdrawalEvent => ({
    type: 'WithdrawalSubmitted',
    schemaVersion: 1,
    data: {
      withdrawalId: ID,
      expectedBy,
      at: LATER,
      ...(bankReference === undefined ? {} : { bankReference }),
    },
  })

  it('stores the window: a Friday-morning submission settles Monday to Wednesday', () =>
    spec
      .given([requested(), verified])
      .when({ ...submit('2026-11-27', '09:00'), bankReference: 'BR-1' } as WithdrawalCommand)
      .then([submittedWith(window('2026-11-30', '2026-12-02'), 'BR-1')]))

  it('counts a submission after the cut-off from the next business day', () =>
    spec
      .given([requested(), verified])
      .when(submit('2026-11-27', '16:30'))
      .then([submittedWith(window('2026-12-01', '2026-12-03'))]))

  it('skips a holiday (Christmas on a Friday)', () =>
    spec
      .given([requested(), verified])
      .when(submit('2026-12-24', '10:00', ['2026-12-25']))
      .then([submittedWith(window('2026-12-28', '2026-12-30'))]))

  it('rejects a submission before the identity check', () =>
    spec.given([requested()]).when(submit('2026-11-27', '09:00')).thenRejects('invalid_transition'))

  it('rejects a second submission', () =>
    spec
      .given([requested(), verified, submitted])
      .when(submit('2026-11-27', '09:00'))
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- completion and return

describe('CompleteWithdrawal', () => {
  it('records the payout: account debited amount + fee, amount to bank outflow, fee to fees', () => {
    const [event] = spec
      .given([requested(), verified, submitted])
      .when(complete())
      .then([completed])
    expect(event?.type === 'WithdrawalCompleted' && isBalanced(event.data.entry)).toBe(true)
  })

  it('pays a crypto withdrawal out through its network account, with no fee leg when the fee is 0', () =>
    spec
      .given([
        requested({ destination: CRYPTO, fee: '0.00' as DecimalString }),
        verified,
        submitted,
      ])
      .when(complete())
      .then([
        {
          type: 'WithdrawalCompleted',
          schemaVersion: 1,
          data: {
            withdrawalId: ID,
            entry: {
              entryId: 'e-payout',
              legs: legs(
                ['alice', '100.00', 'debit'],
                ['world:crypto:ethereum', '100.00', 'credit'],
              ),
            },
            at: LATER,
          },
        },
      ]))

  it('is a replay when the same completion step runs again', () =>
    spec.given([requested(), verified, submitted, completed]).when(complete()).thenNothing())

  it('rejects completing a withdrawal not submitted', () =>
    spec.given([requested(), verified]).when(complete()).thenRejects('invalid_transition'))

  it('rejects completing again with another entry', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(complete('e-other'))
      .thenRejects('invalid_transition'))
})

describe('ReturnWithdrawal', () => {
  const returned: WithdrawalEvent = {
    type: 'WithdrawalReturned',
    schemaVersion: 1,
    data: {
      withdrawalId: ID,
      reason: 'account closed at the bank',
      entry: {
        entryId: 'e-return',
        legs: legs(['world:bank-outflow', '100.00', 'debit'], ['alice', '100.00', 'credit']),
      },
      at: LATER,
    },
  }

  it('credits the amount back from the bank outflow; the fee is kept', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(returnCommand())
      .then([returned]))

  it('is a replay when the completion step runs again after the return', () =>
    spec
      .given([requested(), verified, submitted, completed, returned])
      .when(complete())
      .thenNothing())

  it('is a replay when the same return step runs again', () =>
    spec
      .given([requested(), verified, submitted, completed, returned])
      .when(returnCommand())
      .thenNothing())

  it('rejects a return before completion', () =>
    spec
      .given([requested(), verified, submitted])
      .when(returnCommand())
      .thenRejects('invalid_transition'))

  it('rejects a second return', () =>
    spec
      .given([requested(), verified, submitted, completed, returned])
      .when(returnCommand('e-2'))
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- failure and cancellation

describe('FailWithdrawal', () => {
  const failed: WithdrawalEvent = {
    type: 'WithdrawalFailed',
    schemaVersion: 1,
    data: { withdrawalId: ID, reason: 'bank refused the transfer', at: LATER },
  }

  it.each([
    ['requested', [requested()]],
    ['verified', [requested(), verified]],
    ['submitted', [requested(), verified, submitted]],
  ])('fails a %s withdrawal (the hold is released)', (_status, given) => {
    spec.given(given).when(fail).then([failed])
  })

  it('is not a refusal the engine returns as an error: the request was accepted back then', () => {
    const given = [requested(), verified, failed]
    const state = foldEvents(withdrawalDecider.evolve, withdrawalDecider.initialState, given)
    expect(state.status).toBe('failed')
    expect(storedWithdrawalFailure(state)).toBeUndefined()
  })

  it('rejects failing a completed withdrawal', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(fail)
      .thenRejects('invalid_transition'))
})

describe('CancelWithdrawal', () => {
  const cancelled: WithdrawalEvent = {
    type: 'WithdrawalCancelled',
    schemaVersion: 1,
    data: { withdrawalId: ID, reason: 'account frozen', at: LATER },
  }

  it.each([
    ['requested', [requested()]],
    ['verified', [requested(), verified]],
  ])('cancels a %s withdrawal on freeze (the hold is released)', (_status, given) => {
    spec.given(given).when(cancel).then([cancelled])
  })

  it('cannot recall a submitted withdrawal', () => {
    const error = spec
      .given([requested(), verified, submitted])
      .when(cancel)
      .thenRejects('invalid_transition')
    expect(error.message).toMatch(/cannot be recalled/)
  })

  it('rejects cancelling a completed withdrawal', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(cancel)
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- evolve, view, stream

describe('evolve, view and stream', () => {
  it('asserts on an event that cannot follow the state', () =>
    expect(() =>
      foldEvents(withdrawalDecider.evolve, withdrawalDecider.initialState, [
        requested(),
        completed,
      ]),
    ).toThrow(/cannot follow/))

  it('shows strings only, with the window once submitted and the reason once failed', () => {
    const view = (events: WithdrawalEvent[]) =>
      withdrawalView(foldEvents(withdrawalDecider.evolve, withdrawalDecider.initialState, events))
    expect(view([])).toBeUndefined()
    expect(view([requested()])).toEqual({
      withdrawalId: ID,
      status: 'requested',
      asset: 'USD',
      amount: '100.00',
      fee: '1.50',
    })
    expect(view([requested(), verified, submitted, completed])).toMatchObject({
      status: 'completed',
      expectedBy: { earliest: '2026-11-30', latest: '2026-12-02' },
    })
    expect(view([refused('insufficient_balance', 'short')])).toMatchObject({
      status: 'failed',
      failureReason: 'short',
    })
  })

  it('names the stream, with an optional namespace', () => {
    expect(withdrawalStream('w1')).toBe('withdrawal-w1')
    expect(withdrawalStream('w1', 'acme')).toBe('acme.withdrawal-w1')
  })
})
