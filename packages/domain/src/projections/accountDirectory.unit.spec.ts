// Proves the account directory: opened accounts are listed in id order with their status and
// security flags as events change them, system accounts only when asked for, and pages chain
// through the cursor without skipping or repeating an account.
import { describe, expect, it } from 'vitest'
import type { ProjectionInput } from './projection.js'
import { accountDirectoryProjection, directoryPage } from './accountDirectory.js'

const AT = '2026-11-26T08:00:00.000Z'
let position = 0n
const input = (type: string, data: Record<string, unknown>): ProjectionInput => ({
  position: position++,
  stream: `account-${String(data['accountId'])}`,
  recordedAt: AT,
  event: { type, schemaVersion: 1, data: { at: AT, ...data } },
})

const fold = (inputs: ProjectionInput[]) =>
  inputs.reduce(accountDirectoryProjection.apply, accountDirectoryProjection.initialState())

describe('account directory', () => {
  const state = fold([
    input('AccountOpened', { accountId: 'carol', kind: 'user' }),
    input('AccountOpened', { accountId: 'alice', kind: 'user' }),
    input('AccountOpened', { accountId: 'shop', kind: 'merchant' }),
    input('AccountOpened', { accountId: 'system:fees', kind: 'system' }),
    input('TwoFactorEnabled', { accountId: 'alice' }),
    input('PaymentPasswordSet', { accountId: 'alice', version: 1 }),
    input('AccountFrozen', { accountId: 'carol', reason: 'stolen phone' }),
  ])

  it('lists customers in id order with their flags, leaving system accounts out', () => {
    const page = directoryPage(state, { limit: 10 })
    expect(page).toEqual({
      _tag: 'Right',
      right: {
        accounts: [
          {
            accountId: 'alice',
            kind: 'user',
            status: 'active',
            twoFactor: true,
            paymentPasswordSet: true,
            openedAt: AT,
          },
          {
            accountId: 'carol',
            kind: 'user',
            status: 'frozen',
            twoFactor: false,
            paymentPasswordSet: false,
            openedAt: AT,
          },
          {
            accountId: 'shop',
            kind: 'merchant',
            status: 'active',
            twoFactor: false,
            paymentPasswordSet: false,
            openedAt: AT,
          },
        ],
      },
    })
  })

  it('filters by kind, system accounts included when asked for', () => {
    const merchants = directoryPage(state, { kind: 'merchant', limit: 10 })
    const system = directoryPage(state, { kind: 'system', limit: 10 })
    expect(merchants._tag === 'Right' && merchants.right.accounts.map((a) => a.accountId)).toEqual([
      'shop',
    ])
    expect(system._tag === 'Right' && system.right.accounts.map((a) => a.accountId)).toEqual([
      'system:fees',
    ])
  })

  it('pages through the cursor without skipping or repeating', () => {
    const first = directoryPage(state, { limit: 2 })
    if (first._tag === 'Left' || first.right.next === undefined)
      throw new Error('expected a next page')
    const second = directoryPage(state, { limit: 2, after: first.right.next })
    expect(first.right.accounts.map((a) => a.accountId)).toEqual(['alice', 'carol'])
    expect(second._tag === 'Right' && second.right).toEqual({
      accounts: [expect.objectContaining({ accountId: 'shop' })],
    })
  })

  it('refuses a limit out of range', () => {
    expect(directoryPage(state, { limit: 0 })).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path: 'limit' } },
    })
  })
})
