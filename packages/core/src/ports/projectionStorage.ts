// The projection-storage port: where a durable store keeps the ledger's projections (query tables
// and the fold's working state) beside the events, with the checkpoint they were folded to. Core's
// checkpointed runner writes it (one transaction per batch of events, the checkpoint with it); the
// queries read it, so a restart answers from the tables instead of folding the log again.

// ---------------------------------------------------------------- types

/**
 * One row of a projection's working state: `scope` names the projection and its field
 * (`history.payments`), `key` the entry (JSON of the map key, `''` for a whole field), `value` its
 * JSON (core's own encoding); `value` absent deletes the row.
 */
export type ProjectionStateRow = {
  readonly scope: string
  readonly key: string
  readonly value?: string
}

/**
 * One row of an account's history, as the history query pages it: newest first by `slot` (unique
 * per account), filtered on `asset`, `channel` and `status` (`''` when the row has no channel).
 * `value` is core's JSON of the whole row; absent deletes the row.
 */
export type ProjectionHistoryRow = {
  readonly accountId: string
  readonly rowId: string
  readonly slot: number
  readonly asset: string
  readonly channel: string
  readonly status: string
  readonly value?: string
}

/** One account of the directory, listed by `accountId` (code-unit order), filtered on `kind`. */
export type ProjectionDirectoryRow = {
  readonly accountId: string
  readonly kind: string
  readonly value: string
}

/**
 * An account book's balances after one event of its stream that changed them: `position` of the
 * event, `atMs` its instant (ms since the epoch), `isOrdered` true while every step of the stream
 * so far has come at or after the one before (so the steps up to an instant are a prefix).
 */
export type ProjectionBalanceStep = {
  readonly stream: string
  readonly position: bigint
  readonly atMs: number
  readonly isOrdered: boolean
  readonly value: string
}

/**
 * What one batch of events changed, and the checkpoint it moves: from `from` (the position the
 * batch started at) to `to` (the position after its last event).
 */
export type ProjectionBatch = {
  readonly from: bigint
  readonly to: bigint
  readonly states: readonly ProjectionStateRow[]
  readonly history: readonly ProjectionHistoryRow[]
  readonly directory: readonly ProjectionDirectoryRow[]
  readonly balanceSteps: readonly ProjectionBalanceStep[]
}

/** Where the persisted projections stand: the next position to fold and the code's version. */
export type ProjectionCheckpoint = { readonly position: bigint; readonly version: string }

/** A page of rows after a cursor; `maxCount` is at most `PROJECTION_PAGE_ROWS_MAX`. */
export type ProjectionPageOptions<Cursor> = { readonly after?: Cursor; readonly maxCount: number }

/**
 * One ledger's persisted projections (a namespace's own set). Every method rejects with a
 * `StoreError` (`store_closed`, `store_unavailable`) on an infrastructure failure.
 */
export type ProjectionTables = {
  /** The checkpoint; `{ position: 0n, version: '' }` when nothing was ever folded. */
  readonly readCheckpoint: () => Promise<ProjectionCheckpoint>
  /**
   * Writes the batch's rows and moves the checkpoint from `batch.from` to `batch.to` with
   * `version`, in one transaction. Resolves `false` and writes nothing when the checkpoint is not
   * at `batch.from` (another process folded those events first).
   */
  readonly commit: (batch: ProjectionBatch, version: string) => Promise<boolean>
  /** Deletes every row and sets the checkpoint to 0 (a rebuild starts from position 0). */
  readonly reset: () => Promise<void>
  /** Working-state rows in (scope, key) order, after the cursor. */
  readonly readStates: (
    options: ProjectionPageOptions<{ readonly scope: string; readonly key: string }>,
  ) => Promise<readonly Required<ProjectionStateRow>[]>
  /** One working-state row's value. */
  readonly readState: (scope: string, key: string) => Promise<string | undefined>
  /** History rows in (account, slot) order after the cursor: every row, for a restore. */
  readonly readHistory: (
    options: ProjectionPageOptions<{ readonly accountId: string; readonly slot: number }>,
  ) => Promise<readonly Required<ProjectionHistoryRow>[]>
  /**
   * An account's rows with a slot below `belowSlot`, newest first, matching the filters given,
   * at most `maxCount`.
   */
  readonly readAccountHistory: (
    accountId: string,
    query: {
      readonly belowSlot: number
      readonly asset?: string
      readonly channel?: string
      readonly status?: string
      readonly maxCount: number
    },
  ) => Promise<readonly Required<ProjectionHistoryRow>[]>
  /** Directory rows after `after` in account id order, of `kind`, or of any kind but `notKind`. */
  readonly readDirectory: (query: {
    readonly after?: string
    readonly kind?: string
    readonly notKind?: string
    readonly maxCount: number
  }) => Promise<readonly ProjectionDirectoryRow[]>
  /** Balance steps in (stream, position) order after the cursor: every step, for an audit. */
  readonly readBalanceSteps: (
    options: ProjectionPageOptions<{ readonly stream: string; readonly position: bigint }>,
  ) => Promise<readonly ProjectionBalanceStep[]>
  /**
   * The last balance step of `stream` at or before the cutoff: by position, or by instant (the
   * latest `atMs` at or before it, the later position on a tie). `last` is the stream's latest step
   * whatever the cutoff (its `isOrdered` says whether an instant cutoff gives a prefix).
   */
  readonly readBalanceStep: (
    stream: string,
    cutoff: { readonly position: bigint } | { readonly atMs: number },
  ) => Promise<{
    readonly found?: ProjectionBalanceStep
    readonly last?: ProjectionBalanceStep
  }>
}

/**
 * A store's projection storage: one set of tables per ledger namespace (`''` for none), in the
 * store's own database. Optional on the `EventStore` port; without it the ledger folds the log
 * in memory at start (see docs/architecture.md).
 */
export type ProjectionStorage = {
  /** The tables of one ledger namespace (`''` for none). */
  readonly open: (ledger: string) => ProjectionTables
}

// ---------------------------------------------------------------- constants

/** Rows one page of a projection read holds at most. */
export const PROJECTION_PAGE_ROWS_MAX = 1_000
