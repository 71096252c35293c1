/**
 * `@wallet-ledger/core/adapter`: the port types and building blocks a store package (or a tool
 * over a store) needs.
 *
 * @packageDocumentation
 * @module adapter
 */
// @wallet-ledger/core/adapter: what a store package (or a tool working on a store, such as the
// cli's audit) needs beside the port. Services never import this: their names are on the package
// root. Nothing test-only is exported here or there.

// ---------------------------------------------------------------- the port
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
export type { StoreAdapterModule, StoreOpenOptions } from './ports/storeAdapter.js'
export { STORE_SCHEMES, configurationError } from './ledger/storeUrl.js'
export type { KeyVault } from './privacy/keyVault.js'
export { OWNER_ID_LENGTH_MAX, checkOwnerId, checkedKeyVault } from './privacy/keyVault.js'
export type {
  ProjectionBalanceStep,
  ProjectionBatch,
  ProjectionCheckpoint,
  ProjectionDirectoryRow,
  ProjectionHistoryRow,
  ProjectionPageOptions,
  ProjectionStateRow,
  ProjectionStorage,
  ProjectionTables,
} from './ports/projectionStorage.js'
export { PROJECTION_PAGE_ROWS_MAX } from './ports/projectionStorage.js'

// ---------------------------------------------------------------- store building blocks
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
export type { Migration } from './store/migrations.js'
export { latestSchemaVersion, pendingMigrations } from './store/migrations.js'
export type { EventIdSource } from './store/eventId.js'
export { createEventIdSource } from './store/eventId.js'
export { iterateAll, iterateStream } from './store/paging.js'
export type { CatchUpSource } from './store/catchUpSubscription.js'
export { startCatchUpSubscription } from './store/catchUpSubscription.js'
export type { Signal } from './store/memoryLog.js'
export { createSignal } from './store/memoryLog.js'
export type { CommitPlan, PlannedWrite, SealedCommit, SealedEvent } from './store/sealCommit.js'
export { recordedInstant, sealCommit, storedEventOf } from './store/sealCommit.js'
export type { ImportedEvent } from './store/importCommit.js'
export { checkImportedCommit } from './store/importCommit.js'
export type { CheckedEvent, CheckedSnapshot, CheckedWrite } from './store/validate.js'
export {
  checkExpectedRevision,
  checkMaxCount,
  checkMetadata,
  checkOffset,
  checkRevisionHolds,
  checkSnapshot,
  checkSnapshotEvent,
  checkSnapshotsPage,
  checkStreamName,
  checkWrites,
} from './store/validate.js'

// ---------------------------------------------------------------- tools over a store (the cli)
export type { AuditDeps, AuditOptions, AuditProgress } from './audit/auditStore.js'
export { auditStore } from './audit/auditStore.js'
export type { Definitions } from './engine/definitions.js'
export { createDefinitions } from './engine/definitions.js'
