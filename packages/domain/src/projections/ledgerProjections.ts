// Every projection of the ledger in one record, so core's runner can register them all by name.
import { accountDirectoryProjection } from './accountDirectory.js'
import { balancesProjection } from './balances.js'
import { dueItemsProjection } from './dueItems.js'
import { historyProjection } from './history.js'
import { openDisputesProjection } from './openDisputes.js'
import { openWorkflowsProjection } from './openWorkflows.js'
import { settlementProjection } from './settlement.js'

/**
 * The ledger's projections by name. Each is a `Projection` (projection.ts): the runner keeps one
 * state per entry, starts it with `initialState()`, feeds every event of the global log in position
 * order through `apply`, and answers queries with the functions beside each projection.
 */
export const LEDGER_PROJECTIONS = {
  accountDirectory: accountDirectoryProjection,
  balances: balancesProjection,
  history: historyProjection,
  settlement: settlementProjection,
  openWorkflows: openWorkflowsProjection,
  dueItems: dueItemsProjection,
  openDisputes: openDisputesProjection,
} as const
