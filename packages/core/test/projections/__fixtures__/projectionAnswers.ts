// What every query function of the projections answers over a set of fold states, as one JSON
// text: two sets of states that answer alike are the same read model. Shared by the rebuild and the
// persisted-projections properties.
import {
  balancesOf,
  directoryPage,
  disputeRefundedOf,
  historyPage,
  merchantSettlements,
  openDisputesOfPayment,
  openWorkflows,
  statement,
  waitingItems,
} from '@wallet-ledger/domain'
import type { ProjectionStates } from '../../../src/projections/runner.js'

const PAGE_ROWS = 3
const EPOCH = '1970-01-01T00:00:00.000Z'
const FAR = '9999-12-31T23:59:59.999Z'

/** The value of a Right; throws with the message of a Left. */
export const rightValue = <T>(
  result: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: T },
): T => {
  if (result._tag === 'Left') throw new Error(result.left.message)
  return result.right
}

/** Every account the directory knows, of every kind, in id order. */
export const accountIdsOf = (states: ProjectionStates): string[] =>
  (['user', 'merchant', 'system'] as const).flatMap((kind) =>
    rightValue(directoryPage(states.accountDirectory, { kind, limit: 500 })).accounts.map(
      (entry) => entry.accountId,
    ),
  )

/** An account's history in pages of PAGE_ROWS, with their cursors. */
const pagesOf = (states: ProjectionStates, accountId: string) => {
  const pages: unknown[] = []
  let after: string | undefined
  do {
    const page = rightValue(
      historyPage(states.history, accountId, {
        limit: PAGE_ROWS,
        ...(after === undefined ? {} : { after }),
      }),
    )
    pages.push(page)
    after = page.next
  } while (after !== undefined)
  return pages
}

/** What every query function answers over `states`, as one JSON text. */
export const answersOf = (states: ProjectionStates): string => {
  const accounts = accountIdsOf(states)
  const paymentIds = new Set<string>()
  const perAccount = accounts.map((accountId) => {
    const rows = rightValue(historyPage(states.history, accountId, { limit: 500 })).entries
    for (const row of rows) if (row.paymentId !== undefined) paymentIds.add(row.paymentId)
    const statements = ['USD', 'BTC'].map((asset) =>
      rightValue(statement(states.history, accountId, { asset, from: EPOCH, to: FAR })),
    )
    const balances = balancesOf(states.balances, accountId)
    return { accountId, rows, pages: pagesOf(states, accountId), statements, balances }
  })
  const disputes = [...paymentIds].sort().map((paymentId) => ({
    paymentId,
    open: openDisputesOfPayment(states.openDisputes, paymentId),
    refunded: disputeRefundedOf(states.openDisputes, paymentId),
  }))
  return JSON.stringify({
    perAccount,
    due: waitingItems(states.dueItems),
    settlements: merchantSettlements(states.settlement),
    open: openWorkflows(states.openWorkflows),
    disputes,
  })
}

