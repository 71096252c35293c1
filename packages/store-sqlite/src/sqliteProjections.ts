// Core's projection tables in the store's own file (schema version 2): one set per ledger
// namespace. A batch and its checkpoint commit in one IMMEDIATE transaction, and only when the
// checkpoint is still where the batch started, so two processes folding the same events never
// both write them. Reads are single indexed statements on the store's connection.
import type Database from 'better-sqlite3'
import { PROJECTION_PAGE_ROWS_MAX, storeError } from '@wallet-ledger/core/adapter'
import type {
  ProjectionBalanceStep,
  ProjectionBatch,
  ProjectionStorage,
  ProjectionTables,
} from '@wallet-ledger/core/adapter'
import { guarded } from './sqliteFailure.js'

// ---------------------------------------------------------------- types

type Write = <Value>(doing: string, operation: () => Value) => Promise<Value>

type StepRow = {
  readonly stream: string
  readonly position: bigint
  readonly at_ms: bigint
  readonly is_ordered: bigint
  readonly value: string
}

// ---------------------------------------------------------------- constructors

/**
 * The projection storage over an open, migrated connection. `write` runs a synchronous function
 * in one write transaction (retrying a busy file); `ensureOpen` throws `store_closed`.
 */
export const createSqliteProjections = (
  db: Database.Database,
  write: Write,
  ensureOpen: () => void,
): ProjectionStorage => {
  const statements = prepare(db)
  return { open: (ledger) => tablesOf(ledger, statements, write, ensureOpen) }
}

// ---------------------------------------------------------------- helpers

const prepare = (db: Database.Database) => {
  const reading = (sql: string) => db.prepare(sql).safeIntegers(true)
  return {
    checkpoint: reading('SELECT position, version FROM projection_checkpoints WHERE ledger = ?'),
    setCheckpoint: db.prepare(
      'INSERT INTO projection_checkpoints (ledger, position, version) VALUES (?, ?, ?) ' +
        'ON CONFLICT (ledger) DO UPDATE SET position = excluded.position, version = excluded.version',
    ),
    putState: db.prepare(
      'INSERT INTO projection_states (ledger, scope, key, value) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (ledger, scope, key) DO UPDATE SET value = excluded.value',
    ),
    deleteState: db.prepare(
      'DELETE FROM projection_states WHERE ledger = ? AND scope = ? AND key = ?',
    ),
    putHistory: db.prepare(
      'INSERT INTO projection_history (ledger, account_id, row_id, slot, asset, channel, status, value) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ledger, account_id, row_id) DO UPDATE SET ' +
        'slot = excluded.slot, asset = excluded.asset, channel = excluded.channel, ' +
        'status = excluded.status, value = excluded.value',
    ),
    deleteHistory: db.prepare(
      'DELETE FROM projection_history WHERE ledger = ? AND account_id = ? AND row_id = ?',
    ),
    putDirectory: db.prepare(
      'INSERT INTO projection_directory (ledger, account_id, kind, value) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (ledger, account_id) DO UPDATE SET kind = excluded.kind, value = excluded.value',
    ),
    putStep: db.prepare(
      'INSERT INTO projection_balance_steps (ledger, stream, position, at_ms, is_ordered, value) ' +
        'VALUES (?, ?, ?, ?, ?, ?)',
    ),
    resets: [
      'projection_states',
      'projection_history',
      'projection_directory',
      'projection_balance_steps',
    ].map((table) => db.prepare(`DELETE FROM ${table} WHERE ledger = ?`)),
    readStates: reading(
      'SELECT scope, key, value FROM projection_states WHERE ledger = ? AND (scope, key) > (?, ?) ' +
        'ORDER BY scope, key LIMIT ?',
    ),
    readState: db
      .prepare('SELECT value FROM projection_states WHERE ledger = ? AND scope = ? AND key = ?')
      .pluck(),
    readHistory: reading(
      'SELECT account_id, row_id, slot, asset, channel, status, value FROM projection_history ' +
        'WHERE ledger = ? AND (account_id, slot) > (?, ?) ORDER BY account_id, slot LIMIT ?',
    ),
    readAccountHistory: reading(
      'SELECT account_id, row_id, slot, asset, channel, status, value FROM projection_history ' +
        'WHERE ledger = @ledger AND account_id = @accountId AND slot < @below ' +
        'AND (@asset IS NULL OR asset = @asset) AND (@channel IS NULL OR channel = @channel) ' +
        'AND (@status IS NULL OR status = @status) ORDER BY slot DESC LIMIT @maxCount',
    ),
    readDirectory: db.prepare(
      'SELECT account_id AS accountId, kind, value FROM projection_directory ' +
        'WHERE ledger = @ledger AND account_id > @after AND (@kind IS NULL OR kind = @kind) ' +
        'AND (@notKind IS NULL OR kind <> @notKind) ORDER BY account_id LIMIT @maxCount',
    ),
    readSteps: reading(
      'SELECT stream, position, at_ms, is_ordered, value FROM projection_balance_steps ' +
        'WHERE ledger = ? AND (stream, position) > (?, ?) ORDER BY stream, position LIMIT ?',
    ),
    stepAtPosition: reading(
      'SELECT stream, position, at_ms, is_ordered, value FROM projection_balance_steps ' +
        'WHERE ledger = ? AND stream = ? AND position <= ? ORDER BY position DESC LIMIT 1',
    ),
    stepAtInstant: reading(
      'SELECT stream, position, at_ms, is_ordered, value FROM projection_balance_steps ' +
        'WHERE ledger = ? AND stream = ? AND at_ms <= ? ORDER BY at_ms DESC, position DESC LIMIT 1',
    ),
    lastStep: reading(
      'SELECT stream, position, at_ms, is_ordered, value FROM projection_balance_steps ' +
        'WHERE ledger = ? AND stream = ? ORDER BY position DESC LIMIT 1',
    ),
  }
}

type Statements = ReturnType<typeof prepare>

const tablesOf = (
  ledger: string,
  statements: Statements,
  write: Write,
  ensureOpen: () => void,
): ProjectionTables => {
  const reading = <Value>(doing: string, operation: () => Value): Value => {
    ensureOpen()
    return guarded(doing, operation)
  }
  const checkpointOf = () => {
    const row = statements.checkpoint.get(ledger) as
      { readonly position: bigint; readonly version: string } | undefined
    return row ?? { position: 0n, version: '' }
  }
  return {
    readCheckpoint: async () => reading('reading the projections checkpoint', checkpointOf),
    commit: async (batch, version) => {
      ensureOpen()
      return write('writing projections', () => {
        if (checkpointOf().position !== batch.from) return false
        writeBatch(ledger, statements, batch)
        statements.setCheckpoint.run(ledger, batch.to, version)
        return true
      })
    },
    reset: async () => {
      ensureOpen()
      await write('resetting projections', () => {
        for (const statement of statements.resets) statement.run(ledger)
        statements.setCheckpoint.run(ledger, 0n, '')
      })
    },
    readStates: async ({ after, maxCount }) =>
      reading('reading projection states', () =>
        statements.readStates.all(ledger, after?.scope ?? '', after?.key ?? '', pageOf(maxCount)),
      ) as { scope: string; key: string; value: string }[],
    readState: async (scope, key) =>
      reading('reading a projection state', () => {
        const value = statements.readState.get(ledger, scope, key)
        return typeof value === 'string' ? value : undefined
      }),
    readHistory: async ({ after, maxCount }) =>
      reading('reading history rows', () =>
        statements.readHistory
          .all(ledger, after?.accountId ?? '', after?.slot ?? -1, pageOf(maxCount))
          .map(historyRowOf),
      ),
    readAccountHistory: async (accountId, query) =>
      reading('reading an account history', () =>
        statements.readAccountHistory
          .all({
            ledger,
            accountId,
            below: query.belowSlot,
            asset: query.asset ?? null,
            channel: query.channel ?? null,
            status: query.status ?? null,
            maxCount: pageOf(query.maxCount),
          })
          .map(historyRowOf),
      ),
    readDirectory: async (query) =>
      reading('reading the directory', () =>
        statements.readDirectory.all({
          ledger,
          after: query.after ?? '',
          kind: query.kind ?? null,
          notKind: query.notKind ?? null,
          maxCount: pageOf(query.maxCount),
        }),
      ) as { accountId: string; kind: string; value: string }[],
    readBalanceSteps: async ({ after, maxCount }) =>
      reading('reading balance steps', () =>
        (
          statements.readSteps.all(
            ledger,
            after?.stream ?? '',
            after?.position ?? -1n,
            pageOf(maxCount),
          ) as StepRow[]
        ).map(stepOf),
      ),
    readBalanceStep: async (stream, cutoff) =>
      reading('reading a balance step', () => {
        const found =
          'position' in cutoff
            ? statements.stepAtPosition.get(ledger, stream, cutoff.position)
            : statements.stepAtInstant.get(ledger, stream, cutoff.atMs)
        const last = statements.lastStep.get(ledger, stream)
        return {
          ...(found === undefined ? {} : { found: stepOf(found as StepRow) }),
          ...(last === undefined ? {} : { last: stepOf(last as StepRow) }),
        }
      }),
  }
}

const writeBatch = (ledger: string, statements: Statements, batch: ProjectionBatch): void => {
  for (const row of batch.states) {
    if (row.value === undefined) statements.deleteState.run(ledger, row.scope, row.key)
    else statements.putState.run(ledger, row.scope, row.key, row.value)
  }
  // Deletions first: a row's slot is taken by no other live row, but a deleted one may linger.
  for (const row of batch.history) {
    if (row.value === undefined) statements.deleteHistory.run(ledger, row.accountId, row.rowId)
  }
  for (const row of batch.history) {
    if (row.value === undefined) continue
    statements.putHistory.run(
      ledger,
      row.accountId,
      row.rowId,
      row.slot,
      row.asset,
      row.channel,
      row.status,
      row.value,
    )
  }
  for (const row of batch.directory)
    statements.putDirectory.run(ledger, row.accountId, row.kind, row.value)
  for (const step of batch.balanceSteps) {
    statements.putStep.run(
      ledger,
      step.stream,
      step.position,
      step.atMs,
      step.isOrdered ? 1 : 0,
      step.value,
    )
  }
}

const pageOf = (maxCount: number): number => {
  if (!Number.isSafeInteger(maxCount) || maxCount < 1 || maxCount > PROJECTION_PAGE_ROWS_MAX + 1) {
    throw storeError('invalid_argument', `maxCount must be 1..${PROJECTION_PAGE_ROWS_MAX + 1}`)
  }
  return maxCount
}

const historyRowOf = (row: unknown) => {
  const found = row as {
    account_id: string
    row_id: string
    slot: bigint
    asset: string
    channel: string
    status: string
    value: string
  }
  return {
    accountId: found.account_id,
    rowId: found.row_id,
    slot: Number(found.slot),
    asset: found.asset,
    channel: found.channel,
    status: found.status,
    value: found.value,
  }
}

const stepOf = (row: StepRow): ProjectionBalanceStep => ({
  stream: row.stream,
  position: row.position,
  atMs: Number(row.at_ms),
  isOrdered: row.is_ordered === 1n,
  value: row.value,
})
