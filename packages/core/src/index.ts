/**
 * `@wallet-ledger/core`: what a service uses (createLedger, the Ledger, its views and the port).
 *
 * @packageDocumentation
 * @module root
 */
// The public names of @wallet-ledger/core for a service, listed by name (no `export *`: the API is
// chosen). Store packages and tools take their building blocks from '@wallet-ledger/core/adapter'.

// ---------------------------------------------------------------- the ledger
export type {
  AccountView,
  Amount,
  AuditReport,
  AuditViolation,
  AssetLimitsView,
  Auth,
  Balance,
  Channel,
  CommandContext,
  CommandInput,
  ConversionView,
  DisputeView,
  EntryStatus,
  ErrorCode,
  ErrorDetails,
  ErrorDetailsByCode,
  HistoryEntry,
  Instant,
  Ledger,
  LedgerError,
  LedgerHooks,
  LedgerOptions,
  LedgerSubscription,
  LookupCode,
  Notification,
  PaymentView,
  Result,
  Settings,
  SubscriptionOptions,
  UnauthorizedReport,
  WithdrawalView,
} from './ledger/types.js'
export { createLedger } from './ledger/createLedger.js'
export type { LedgerRejection } from './ledger/result.js'
export { hasCode, isOk, orThrow } from './ledger/result.js'
export type { RequiredCheck } from '@wallet-ledger/domain'
export {
  ERROR_CODES,
  SYSTEM_ACCOUNTS,
  cryptoNetworkAccount,
  promotionBudgetAccount,
} from '@wallet-ledger/domain'
export type { AuditViolationCode } from './audit/violations.js'
export { AUDIT_VIOLATION_CODES } from './audit/violations.js'
export type { KeyVault } from './privacy/keyVault.js'
export { createMemoryKeyVault } from './privacy/keyVault.js'

// ---------------------------------------------------------------- the EventStore port
export type {
  AppendOptions,
  AppendResult,
  CommitMetadata,
  EventHandler,
  EventStore,
  ExpectedRevision,
  JsonValue,
  NewEvent,
  ReadAllOptions,
  ReadSnapshotsOptions,
  ReadStreamOptions,
  Snapshot,
  SnapshotInput,
  StoreHead,
  StoredEvent,
  StreamWrite,
  SubscribeOptions,
  Subscription,
} from './ports/eventStore.js'
export type { StoreError, StoreErrorCode } from './ports/storeError.js'
export { STORE_ERROR_CODES, isStoreError } from './ports/storeError.js'
export { STORE_SCHEMES } from './ledger/storeUrl.js'

// ---------------------------------------------------------------- the in-memory store
export type { MemoryEventStore, MemoryEventStoreOptions } from './store/memoryEventStore.js'
export { createMemoryEventStore } from './store/memoryEventStore.js'
