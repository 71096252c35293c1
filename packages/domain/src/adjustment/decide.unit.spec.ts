// Proves the adjustment rules: a correction moves money against suspense in either direction, a
// debit never takes a user below zero, a closed account is refused, a frozen one is adjusted, and
// a retry records nothing while a reused key is refused.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { SYSTEM_ACCOUNTS } from '../journal/systemAccounts.js'
import type { AdjustmentCommand, AdjustmentEvent } from './codecs.js'
import { adjustmentDecider } from './decide.js'

const spec = deciderSpec(adjustmentDecider)

const postAdjustment = (overrides: Readonly<Record<string, unknown>> = {}): AdjustmentCommand =>
  ({
    type: 'PostAdjustment',
    adjustmentId: 'adj1',
    entryId: 'adj1:entry',
    accountId: 'alice',
    asset: 'CNY',
    amount: '3.00',
    direction: 'credit',
    reason: 'duplicate fee refunded by support',
    fingerprint: 'c'.repeat(64),
    accountStatus: 'active',
    available: '1.00',
    at: '2026-11-26T08:00:00.000Z',
    ...overrides,
  }) as AdjustmentCommand

const posted = (command: AdjustmentCommand): AdjustmentEvent =>
  ({
    type: 'AdjustmentPosted',
    schemaVersion: 1,
    data: {
      adjustmentId: command.adjustmentId,
      accountId: command.accountId,
      asset: command.asset,
      amount: command.amount,
      direction: command.direction,
      reason: command.reason,
      fingerprint: command.fingerprint,
      entry: {
        entryId: command.entryId,
        legs: [
          {
            account: command.accountId,
            asset: command.asset,
            amount: command.amount,
            direction: command.direction,
          },
          {
            account: SYSTEM_ACCOUNTS.suspense,
            asset: command.asset,
            amount: command.amount,
            direction: command.direction === 'debit' ? 'credit' : 'debit',
          },
        ],
      },
      at: command.at,
    },
  }) as AdjustmentEvent

describe('adjustment', () => {
  it('credits the account from suspense', () => {
    const command = postAdjustment()
    spec
      .given([])
      .when(command)
      .then([posted(command)])
  })

  it('debits the account into suspense when it has the funds', () => {
    const command = postAdjustment({ direction: 'debit', amount: '1.00' })
    spec
      .given([])
      .when(command)
      .then([posted(command)])
  })

  it('never takes a user account below zero', () => {
    const error = spec
      .given([])
      .when(postAdjustment({ direction: 'debit', amount: '1.01' }))
      .thenRejects('insufficient_balance')
    expect(error.message).toContain('alice')
  })

  it('adjusts a frozen account (a correction is the platform’s)', () => {
    const command = postAdjustment({ accountStatus: 'frozen' })
    spec
      .given([])
      .when(command)
      .then([posted(command)])
  })

  it('refuses a closed account', () => {
    spec
      .given([])
      .when(postAdjustment({ accountStatus: 'closed' }))
      .thenRejects('account_closed')
  })

  it('records nothing for a retry and refuses a reused key', () => {
    const command = postAdjustment()
    spec
      .given([posted(command)])
      .when(command)
      .thenNothing()
    spec
      .given([posted(command)])
      .when(postAdjustment({ amount: '4.00', fingerprint: 'd'.repeat(64) }))
      .thenRejects('idempotency_key_reused')
  })
})
