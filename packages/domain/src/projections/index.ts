// The public names of the projections, listed by name (no `export *`).
export type { LedgerEvent, Projection, ProjectionEvent, ProjectionInput } from './projection.js'
export { foldProjection, isLedgerEventType, ledgerEventOf } from './projection.js'
export type {
  Booking,
  BookingLookup,
  RecordedEntry,
  WorkflowKind,
  WorkflowRef,
} from './bookings.js'
export { bookingsOf, recordedEntryOf, workflowOf } from './bookings.js'
export type {
  AccountBook,
  AssetBalances,
  Balance,
  BalanceCutoff,
  BalancesState,
  HeldAmount,
} from './balances.js'
export {
  applyBalances,
  balanceView,
  balancesAsOf,
  balancesOf,
  balancesProjection,
  initialBalancesState,
  totalsByAsset,
} from './balances.js'
export type {
  AccountHistory,
  Channel,
  EntryStatus,
  HistoryEntry,
  HistoryRow,
  HistoryState,
} from './historyTypes.js'
export { CHANNELS, ENTRY_STATUSES, initialHistoryState } from './historyTypes.js'
export { applyHistory, historyProjection } from './history.js'
export type { HistoryFilters, HistoryPage, HistoryQuery } from './historyPage.js'
export { historyPage, historyPageOf, historyPageStart, matchesFilters } from './historyPage.js'
export type { Statement, StatementQuery } from './statement.js'
export { signedMinorOf, statement } from './statement.js'
export type { SettlementState, SettlementTotals, SettlementView } from './settlement.js'
export {
  applySettlement,
  initialSettlementState,
  merchantSettlement,
  merchantSettlements,
  settlementProjection,
} from './settlement.js'
export type {
  HoldClaim,
  HoldIntent,
  OpenEntry,
  OpenHoldFact,
  OpenWorkflowsState,
} from './openWorkflows.js'
export {
  applyOpenWorkflows,
  holdKey,
  initialOpenWorkflowsState,
  openWorkflowsProjection,
} from './openWorkflows.js'
export type {
  MissingLeg,
  OpenWorkflow,
  OpenWorkflows,
  OrphanHold,
  PendingHold,
  ReserveNaming,
} from './openWorkflowsView.js'
export { openWorkflows } from './openWorkflowsView.js'
export type { DueItem, DueItemsState, DueKind } from './dueItems.js'
export {
  applyDueItems,
  dueAt,
  dueItemsProjection,
  initialDueItemsState,
  waitingItems,
} from './dueItems.js'
export type { OpenDisputeSummary, OpenDisputesState } from './openDisputes.js'
export {
  applyOpenDisputes,
  disputeRefundedOf,
  hasOpenDispute,
  initialOpenDisputesState,
  openDisputeById,
  openDisputesOfPayment,
  openDisputesProjection,
} from './openDisputes.js'
export { LEDGER_PROJECTIONS } from './ledgerProjections.js'
export type { AccountDirectoryState, DirectoryEntry, DirectoryPage } from './accountDirectory.js'
export {
  DIRECTORY_PAGE_ROWS_MAX,
  accountDirectoryProjection,
  applyAccountDirectory,
  directoryPage,
  initialAccountDirectoryState,
} from './accountDirectory.js'
