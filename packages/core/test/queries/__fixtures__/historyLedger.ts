// History test fixtures: a cast (alice funded with 100.00 USD, bob, the merchant 'shop') on a
// ledger whose clock the test moves, alice's payments, her rows, and a mixed history (two assets,
// three channels, a refused and a pending payment) for the filter and paging tests.
import { expect } from 'vitest'
import type { HistoryEntry, Ledger } from '../../../src/ledger/types.js'
import { leftOf, rightOf, workflowLedger } from '../../workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../workflows/__fixtures__/workflowLedger.js'
import { fundedAccount } from '../../workflows/__fixtures__/withdrawalFixtures.js'

export const SECOND_MS = 1000

/** Alice (100.00 USD), bob and the merchant 'shop', opened; the clock one second on. */
export const cast = async (): Promise<WorkflowLedger> => {
  const fixture = await workflowLedger()
  await fundedAccount(fixture, 'alice', '100.00')
  rightOf(await fixture.ledger.openAccount({ accountId: 'bob', kind: 'user' }))
  rightOf(await fixture.ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
  fixture.advance(SECOND_MS)
  return fixture
}

export type PayFields = {
  channel?: 'merchant_qr' | 'online' | 'p2p' | 'bill'
  payee?: string
  asset?: string
  capture?: 'instant' | 'manual'
}

/** Alice pays `amount` (USD to the shop by QR unless told otherwise); returns the answer. */
export const pay = (ledger: Ledger, amount: string, key: string, fields: PayFields = {}) =>
  ledger.pay({
    channel: fields.channel ?? 'merchant_qr',
    payer: 'alice',
    payee: fields.payee ?? 'shop',
    asset: fields.asset ?? 'USD',
    amount,
    ...(fields.capture === undefined ? {} : { capture: fields.capture }),
    idempotencyKey: key,
  })

/** Every row of an account's history, newest first (one page of 500). */
export const rowsOf = async (ledger: Ledger, accountId: string): Promise<HistoryEntry[]> => {
  const page = rightOf(await ledger.history(accountId, { limit: 500 }))
  expect(page.next).toBeUndefined()
  return page.entries
}

export const rowOf = (rows: readonly HistoryEntry[], id: string): HistoryEntry => {
  const row = rows.find((entry) => entry.id === id)
  if (row === undefined) throw new Error(`no row ${id} in ${JSON.stringify(rows)}`)
  return row
}

/** Alice's history: deposits in USD and BTC, payments by QR, p2p and online, one refused. */
export const mixed = async (): Promise<WorkflowLedger> => {
  const fixture = await cast()
  const { ledger } = fixture
  const source = { type: 'crypto', reference: 'tx1', network: 'bitcoin' } as const
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'BTC',
      amount: '0.5',
      source,
      idempotencyKey: 'b',
    }),
  )
  rightOf(await pay(ledger, '1.00', 'p1'))
  rightOf(await pay(ledger, '2.00', 'p2', { channel: 'p2p', payee: 'bob' }))
  rightOf(await pay(ledger, '0.1', 'p3', { channel: 'p2p', payee: 'bob', asset: 'BTC' }))
  leftOf(await pay(ledger, '900.00', 'p4', { channel: 'p2p', payee: 'bob' }))
  rightOf(await pay(ledger, '3.00', 'p5', { channel: 'online', capture: 'manual' }))
  return fixture
}
