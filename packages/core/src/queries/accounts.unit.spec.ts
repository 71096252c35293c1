// Proves `ledger.accounts()` through createLedger (memory store, a clock moved by hand): users and
// merchants in id order without the platform's accounts, which only `kind: 'system'` lists; pages
// chained by `next` with nothing repeated or skipped; the kind filter; each listed view equal to
// `ledger.account(id)` after security, freeze and close changes; `invalid_input` for a bad limit
// or kind; and reads by a malformed id that answer not found rather than reject.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import type { Either } from 'fp-ts/lib/Either.js'
import type { AccountView, Ledger, LedgerError } from '../ledger/types.js'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../test/workflows/__fixtures__/workflowLedger.js'
import { fundedAccount } from '../../test/workflows/__fixtures__/withdrawalFixtures.js'

const USERS = ['dave', 'alice', 'carol', 'bob'] as const
const MERCHANTS = ['shop', 'cafe'] as const

/** Four users and two merchants opened out of id order; alice funded (so platform accounts exist). */
const directory = async (): Promise<WorkflowLedger> => {
  const fixture = await workflowLedger()
  for (const accountId of USERS) {
    if (accountId === 'alice') await fundedAccount(fixture, accountId, '50.00')
    else rightOf(await fixture.ledger.openAccount({ accountId, kind: 'user' }))
  }
  for (const accountId of MERCHANTS) {
    rightOf(await fixture.ledger.openAccount({ accountId, kind: 'merchant' }))
  }
  rightOf(
    await fixture.ledger.pay({
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '1.00',
      idempotencyKey: 'p1',
    }),
  )
  return fixture
}

const idsOf = (accounts: readonly AccountView[]): string[] => accounts.map((a) => a.accountId)

/** Every page of a listing, following `next`. */
const allPages = async (
  ledger: Ledger,
  options: { kind?: AccountView['kind']; limit: number },
): Promise<AccountView[][]> => {
  const pages: AccountView[][] = []
  let after: string | undefined
  do {
    const page = rightOf(
      await ledger.accounts({ ...options, ...(after === undefined ? {} : { after }) }),
    )
    pages.push(page.accounts)
    after = page.next
  } while (after !== undefined)
  return pages
}

describe('accounts()', () => {
  it("lists users and merchants in id order, without the platform's accounts", async () => {
    const { ledger } = await directory()
    const { accounts, next } = rightOf(await ledger.accounts())
    expect(idsOf(accounts)).toEqual(['alice', 'bob', 'cafe', 'carol', 'dave', 'shop'])
    expect(next).toBeUndefined()
    expect(accounts[0]).toEqual({
      accountId: 'alice',
      kind: 'user',
      status: 'active',
      twoFactor: false,
      paymentPasswordSet: false,
      openedAt: '2025-03-03T09:00:00.000Z',
    })
  })

  it("lists the platform's accounts only for kind 'system'", async () => {
    const { ledger } = await directory()
    const { accounts } = rightOf(await ledger.accounts({ kind: 'system' }))
    expect(idsOf(accounts)).toContain(SYSTEM_ACCOUNTS.bankInflow)
    expect(accounts.every((account) => (account.kind as string) === 'system')).toBe(true)
    expect(idsOf(accounts)).not.toContain('alice')
  })

  it('filters by kind', async () => {
    const { ledger } = await directory()
    expect(idsOf(rightOf(await ledger.accounts({ kind: 'merchant' })).accounts)).toEqual([
      'cafe',
      'shop',
    ])
    expect(idsOf(rightOf(await ledger.accounts({ kind: 'user' })).accounts)).toEqual([
      'alice',
      'bob',
      'carol',
      'dave',
    ])
  })

  it.each([1, 2, 4, 5, 6])(
    'pages of %i chain through `next` with nothing repeated or skipped',
    async (limit) => {
      const { ledger } = await directory()
      const pages = await allPages(ledger, { limit })
      expect(pages.every((page) => page.length <= limit)).toBe(true)
      expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true)
      expect(idsOf(pages.flat())).toEqual(['alice', 'bob', 'cafe', 'carol', 'dave', 'shop'])
    },
  )

  it('pages within a kind when the caller repeats it', async () => {
    const { ledger } = await directory()
    const pages = await allPages(ledger, { kind: 'user', limit: 3 })
    expect(pages.map(idsOf)).toEqual([['alice', 'bob', 'carol'], ['dave']])
  })

  it('shows each account as `account(id)` does, after security, freeze and close changes', async () => {
    const { ledger } = await directory()
    rightOf(await ledger.enableTwoFactor({ accountId: 'bob' }))
    rightOf(await ledger.setPaymentPassword({ accountId: 'carol' }))
    rightOf(await ledger.enableTwoFactor({ accountId: 'carol' }))
    rightOf(
      await ledger.disableTwoFactor({
        accountId: 'carol',
        authorization: { method: 'two_factor', verified: true },
      }),
    )
    rightOf(await ledger.freezeAccount({ accountId: 'dave', reason: 'phone stolen' }))
    rightOf(await ledger.freezeAccount({ accountId: 'cafe', reason: 'review' }))
    rightOf(await ledger.unfreezeAccount({ accountId: 'cafe', verification: 'id card' }))
    rightOf(await ledger.closeAccount({ accountId: 'bob' }))
    const { accounts } = rightOf(await ledger.accounts())
    for (const listed of accounts) {
      expect(listed, listed.accountId).toEqual(rightOf(await ledger.account(listed.accountId)))
    }
    const byId = new Map(accounts.map((account) => [account.accountId, account]))
    expect(byId.get('bob')).toMatchObject({ status: 'closed', twoFactor: true })
    expect(byId.get('carol')).toMatchObject({ twoFactor: false, paymentPasswordSet: true })
    expect(byId.get('dave')?.status).toBe('frozen')
    expect(byId.get('cafe')?.status).toBe('active')
  })

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ limit: '5' }, 'limit'],
    [{ kind: 'bank' }, 'kind'],
    [{ after: 3 }, 'after'],
  ])('refuses %j with invalid_input at %s', async (options, path) => {
    const { ledger } = await directory()
    const error = leftOf(await ledger.accounts(options as never))
    expect(error).toMatchObject({ code: 'invalid_input', details: { path } })
  })
})

describe('reads by an id no account or payment can have', () => {
  it.each(['a b', 'x'.repeat(300), 'é', 'a/b'])(
    'answers %j with not found instead of rejecting',
    async (id) => {
      const { ledger } = await directory()
      const range = { asset: 'USD', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }
      const reads: (() => Promise<Either<LedgerError, unknown>>)[] = [
        () => ledger.account(id),
        () => ledger.balances(id),
        () => ledger.balances(id, { asOf: '2025-06-01T00:00:00Z' }),
        () => ledger.history(id),
        () => ledger.statement(id, range),
      ]
      for (const read of reads) {
        expect(leftOf(await read()).code).toBe('account_not_found')
      }
      expect(leftOf(await ledger.payment(id)).code).toBe('payment_not_found')
    },
  )
})
