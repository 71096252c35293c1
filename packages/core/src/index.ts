/**
 * `@wallet-ledger/core`: what a service uses (createLedger, the Ledger, its views and the port).
 *
 * @packageDocumentation
 * @module root
 */
// The public names of @wallet-ledger/core, listed by name (no `export *`: the API is chosen).

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
export { STORE_ERROR_CODES, isStoreError, storeError } from './ports/storeError.js'

// ---------------------------------------------------------------- store building blocks (adapters)
export type { CanonicalResult } from './store/canonicalJson.js'
export { canonicalJson, toCanonicalJson } from './store/canonicalJson.js'
export type { ChainProblem, ChainVerifier, StoredEventFields } from './store/chain.js'
export {
  GENESIS_COMMIT_HASH,
  commitHash,
  createChainVerifier,
  eventHash,
  sha256Hex,
  storedBytes,
  storedJson,
  storedJsonAround,
} from './store/chain.js'
export type { EventIdSource } from './store/eventId.js'
export { createEventIdSource } from './store/eventId.js'
export { iterateAll, iterateStream } from './store/paging.js'
export type { CommitPlan, PlannedWrite, SealedCommit, SealedEvent } from './store/sealCommit.js'
export { recordedInstant, sealCommit, storedEventOf } from './store/sealCommit.js'
export type { CheckedEvent, CheckedSnapshot, CheckedWrite } from './store/validate.js'
export {
  checkExpectedRevision,
  checkMaxCount,
  checkMetadata,
  checkOffset,
  checkSnapshot,
  checkSnapshotEvent,
  checkSnapshotsPage,
  checkStreamName,
  checkWrites,
} from './store/validate.js'

// ---------------------------------------------------------------- the in-memory store
export type { MemoryEventStore, MemoryEventStoreOptions } from './store/memoryEventStore.js'
export { createMemoryEventStore } from './store/memoryEventStore.js'
export type { MemoryTamper } from './store/memoryTamper.js'

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
export {
  ERROR_CODES,
  SYSTEM_ACCOUNTS,
  cryptoNetworkAccount,
  promotionBudgetAccount,
} from '@wallet-ledger/domain'
export type { KeyVault } from './privacy/keyVault.js'
export { createMemoryKeyVault } from './privacy/keyVault.js'

// ---------------------------------------------------------------- audit (ledger.audit() and the CLI)
export type { AuditDeps, AuditOptions, AuditProgress } from './audit/auditStore.js'
export { auditStore } from './audit/auditStore.js'
export type { AuditViolationCode } from './audit/violations.js'
export { AUDIT_VIOLATION_CODES } from './audit/violations.js'
export type { Definitions } from './engine/definitions.js'
export { createDefinitions } from './engine/definitions.js'
