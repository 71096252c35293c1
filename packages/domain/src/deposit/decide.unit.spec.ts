// Proves the deposit rules through given/when/then: the journal entry debits the source's world
// account and credits the account, a frozen account still receives, a closed one does not, and a
// retry is told from a reused idempotency key by the fingerprint.
import { describe, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { SYSTEM_ACCOUNTS } from '../journal/systemAccounts.js'
import type { RecordDeposit } from './commands.js'
import { depositDecider } from './decide.js'
import type { FundsDeposited } from './events.js'

const spec = deciderSpec(depositDecider)
const AT = '2026-11-26T08:00:00.000Z'
const FINGERPRINT = 'a'.repeat(64)

const recordDeposit = (overrides: Readonly<Record<string, unknown>> = {}): RecordDeposit =>
  ({
    type: 'RecordDeposit',
    depositId: 'd1',
    entryId: 'd1:entry',
    accountId: 'alice',
    asset: 'USD',
    amount: '25.00',
    source: { type: 'bank_transfer', reference: 'wire-1' },
    fingerprint: FINGERPRINT,
    accountStatus: 'active',
    at: AT,
    ...overrides,
  }) as RecordDeposit

const deposited = (command: RecordDeposit, world: string): FundsDeposited => ({
  type: 'FundsDeposited',
  schemaVersion: 1,
  data: {
    depositId: command.depositId,
    accountId: command.accountId,
    asset: command.asset,
    amount: command.amount,
    source: command.source,
    fingerprint: command.fingerprint,
    entry: {
      entryId: command.entryId,
      legs: [
        { account: world, asset: command.asset, amount: command.amount, direction: 'debit' },
        {
          account: command.accountId,
          asset: command.asset,
          amount: command.amount,
          direction: 'credit',
        },
      ],
    },
    at: command.at,
  } as FundsDeposited['data'],
})

describe('deposit', () => {
  it('credits the account from the bank inflow', () => {
    const command = recordDeposit()
    spec
      .given([])
      .when(command)
      .then([deposited(command, SYSTEM_ACCOUNTS.bankInflow)])
  })

  it('credits a card deposit from the card inflow', () => {
    const command = recordDeposit({ source: { type: 'card', reference: 'card-1' } })
    spec
      .given([])
      .when(command)
      .then([deposited(command, SYSTEM_ACCOUNTS.cardInflow)])
  })

  it("credits a crypto deposit from its network's world account", () => {
    const command = recordDeposit({
      asset: 'USDT',
      amount: '10.000000',
      source: { type: 'crypto', reference: '0xabc', network: 'Tron' },
    })
    spec
      .given([])
      .when(command)
      .then([deposited(command, 'world:crypto:tron')])
  })

  it('lets a frozen account receive', () => {
    const command = recordDeposit({ accountStatus: 'frozen' })
    spec
      .given([])
      .when(command)
      .then([deposited(command, SYSTEM_ACCOUNTS.bankInflow)])
  })

  it('refuses a closed account', () => {
    spec
      .given([])
      .when(recordDeposit({ accountStatus: 'closed' }))
      .thenRejects('account_closed')
  })

  it('records nothing for a retry with the same fields', () => {
    const command = recordDeposit()
    spec
      .given([deposited(command, SYSTEM_ACCOUNTS.bankInflow)])
      .when(command)
      .thenNothing()
  })

  it('refuses the same key with other fields', () => {
    const command = recordDeposit()
    spec
      .given([deposited(command, SYSTEM_ACCOUNTS.bankInflow)])
      .when(recordDeposit({ amount: '26.00', fingerprint: 'b'.repeat(64) }))
      .thenRejects('idempotency_key_reused')
  })
})
