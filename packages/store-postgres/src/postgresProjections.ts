// Core's projection tables in the store's schema (version 2): one set per ledger namespace. A
// batch and its checkpoint commit in one transaction holding the checkpoint row (SELECT ... FOR
// UPDATE), and only when the checkpoint is still where the batch started, so two processes folding
// the same events never both write them. Each kind of row travels as arrays (unnest): a handful
// of statements per batch, whatever its size.
import type pg from 'pg'
import { PROJECTION_PAGE_ROWS_MAX, storeError } from '@wallet-ledger/core/adapter'
import type {
  ProjectionBalanceStep,
  ProjectionBatch,
  ProjectionStorage,
  ProjectionTables,
} from '@wallet-ledger/core/adapter'
import { storeFailure } from './postgresFailure.js'
import type { RunQuery } from './postgresKeyVault.js'

// ---------------------------------------------------------------- types

type HistoryRowRecord = {
  readonly account_id: string
  readonly row_id: string
  readonly slot: string
  readonly asset: string
  readonly channel: string
  readonly status: string
  readonly value: string
}

type StepRecord = {
  readonly stream: string
  readonly position: string
  readonly at_ms: string
  readonly is_ordered: boolean
  readonly value: string
}

// ---------------------------------------------------------------- constants

const HISTORY_COLUMNS = 'account_id, row_id, slot, asset, channel, status, value'
const STEP_COLUMNS = 'stream, position, at_ms, is_ordered, value'

// ---------------------------------------------------------------- constructors

/** The projection storage over the store's pool; `query` rejects `store_closed` once closed. */
export const createPostgresProjections = (
  pool: pg.Pool,
  query: RunQuery,
  ensureOpen: () => void,
): ProjectionStorage => ({
  open: (ledger) => tablesOf(ledger, pool, query, ensureOpen),
})

// ---------------------------------------------------------------- helpers

const tablesOf = (
  ledger: string,
  pool: pg.Pool,
  query: RunQuery,
  ensureOpen: () => void,
): ProjectionTables => ({
  readCheckpoint: async () => {
    const rows = await query<{ position: string; version: string }>(
      'reading the projections checkpoint',
      'SELECT position, version FROM projection_checkpoints WHERE ledger = $1',
      [ledger],
    )
    const row = rows[0]
    return row === undefined
      ? { position: 0n, version: '' }
      : { position: BigInt(row.position), version: row.version }
  },
  commit: async (batch, version) => {
    ensureOpen()
    return inTransaction(pool, 'writing projections', async (client) => {
      await client.query(
        "INSERT INTO projection_checkpoints (ledger, position, version) VALUES ($1, 0, '') " +
          'ON CONFLICT (ledger) DO NOTHING',
        [ledger],
      )
      const found = await client.query<{ position: string }>(
        'SELECT position FROM projection_checkpoints WHERE ledger = $1 FOR UPDATE',
        [ledger],
      )
      if (BigInt(found.rows[0]?.position ?? '-1') !== batch.from) return false
      await writeBatch(client, ledger, batch)
      await client.query(
        'UPDATE projection_checkpoints SET position = $2, version = $3 WHERE ledger = $1',
        [ledger, batch.to.toString(), version],
      )
      return true
    })
  },
  reset: async () => {
    ensureOpen()
    await inTransaction(pool, 'resetting projections', async (client) => {
      for (const table of ['states', 'history', 'directory', 'balance_steps'])
        await client.query(`DELETE FROM projection_${table} WHERE ledger = $1`, [ledger])
      await client.query(
        "INSERT INTO projection_checkpoints (ledger, position, version) VALUES ($1, 0, '') " +
          "ON CONFLICT (ledger) DO UPDATE SET position = 0, version = ''",
        [ledger],
      )
    })
  },
  readStates: async ({ after, maxCount }) =>
    query<{ scope: string; key: string; value: string }>(
      'reading projection states',
      'SELECT scope, key, value FROM projection_states WHERE ledger = $1 AND (scope, key) > ($2, $3) ' +
        'ORDER BY scope, key LIMIT $4',
      [ledger, after?.scope ?? '', after?.key ?? '', pageOf(maxCount)],
    ),
  readState: async (scope, key) => {
    const rows = await query<{ value: string }>(
      'reading a projection state',
      'SELECT value FROM projection_states WHERE ledger = $1 AND scope = $2 AND key = $3',
      [ledger, scope, key],
    )
    return rows[0]?.value
  },
  readHistory: async ({ after, maxCount }) =>
    (
      await query<HistoryRowRecord>(
        'reading history rows',
        `SELECT ${HISTORY_COLUMNS} FROM projection_history ` +
          'WHERE ledger = $1 AND (account_id, slot) > ($2, $3) ORDER BY account_id, slot LIMIT $4',
        [ledger, after?.accountId ?? '', after?.slot ?? -1, pageOf(maxCount)],
      )
    ).map(historyRowOf),
  readAccountHistory: async (accountId, options) =>
    (
      await query<HistoryRowRecord>(
        'reading an account history',
        `SELECT ${HISTORY_COLUMNS} FROM projection_history ` +
          'WHERE ledger = $1 AND account_id = $2 AND slot < $3 ' +
          'AND ($4::text IS NULL OR asset = $4) AND ($5::text IS NULL OR channel = $5) ' +
          'AND ($6::text IS NULL OR status = $6) ORDER BY slot DESC LIMIT $7',
        [
          ledger,
          accountId,
          options.belowSlot,
          options.asset ?? null,
          options.channel ?? null,
          options.status ?? null,
          pageOf(options.maxCount),
        ],
      )
    ).map(historyRowOf),
  readDirectory: async (options) =>
    query<{ accountId: string; kind: string; value: string }>(
      'reading the directory',
      'SELECT account_id AS "accountId", kind, value FROM projection_directory ' +
        'WHERE ledger = $1 AND account_id > $2 AND ($3::text IS NULL OR kind = $3) ' +
        'AND ($4::text IS NULL OR kind <> $4) ORDER BY account_id LIMIT $5',
      [
        ledger,
        options.after ?? '',
        options.kind ?? null,
        options.notKind ?? null,
        pageOf(options.maxCount),
      ],
    ),
  readBalanceSteps: async ({ after, maxCount }) =>
    (
      await query<StepRecord>(
        'reading balance steps',
        `SELECT ${STEP_COLUMNS} FROM projection_balance_steps ` +
          'WHERE ledger = $1 AND (stream, position) > ($2, $3) ORDER BY stream, position LIMIT $4',
        [ledger, after?.stream ?? '', (after?.position ?? -1n).toString(), pageOf(maxCount)],
      )
    ).map(stepOf),
  readBalanceStep: async (stream, cutoff) => {
    const select = `SELECT ${STEP_COLUMNS} FROM projection_balance_steps WHERE ledger = $1 AND stream = $2`
    const found = await query<StepRecord>(
      'reading a balance step',
      'position' in cutoff
        ? `${select} AND position <= $3 ORDER BY position DESC LIMIT 1`
        : `${select} AND at_ms <= $3 ORDER BY at_ms DESC, position DESC LIMIT 1`,
      [ledger, stream, 'position' in cutoff ? cutoff.position.toString() : String(cutoff.atMs)],
    )
    const last = await query<StepRecord>(
      'reading a balance step',
      `${select} ORDER BY position DESC LIMIT 1`,
      [ledger, stream],
    )
    return {
      ...(found[0] === undefined ? {} : { found: stepOf(found[0]) }),
      ...(last[0] === undefined ? {} : { last: stepOf(last[0]) }),
    }
  },
})

const writeBatch = async (client: pg.PoolClient, ledger: string, batch: ProjectionBatch) => {
  const removed = batch.states.filter((row) => row.value === undefined)
  const kept = batch.states.filter((row) => row.value !== undefined)
  await client.query(
    'DELETE FROM projection_states WHERE ledger = $1 AND (scope, key) IN ' +
      '(SELECT * FROM unnest($2::text[], $3::text[]))',
    [ledger, removed.map((row) => row.scope), removed.map((row) => row.key)],
  )
  await client.query(
    'INSERT INTO projection_states (ledger, scope, key, value) ' +
      'SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[]) ' +
      'ON CONFLICT (ledger, scope, key) DO UPDATE SET value = excluded.value',
    [ledger, ...columns(kept, ['scope', 'key', 'value'])],
  )
  const gone = batch.history.filter((row) => row.value === undefined)
  const rows = batch.history.filter((row) => row.value !== undefined)
  await client.query(
    'DELETE FROM projection_history WHERE ledger = $1 AND (account_id, row_id) IN ' +
      '(SELECT * FROM unnest($2::text[], $3::text[]))',
    [ledger, gone.map((row) => row.accountId), gone.map((row) => row.rowId)],
  )
  await client.query(
    `INSERT INTO projection_history (ledger, ${HISTORY_COLUMNS}) ` +
      'SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], ' +
      '$7::text[], $8::text[]) ON CONFLICT (ledger, account_id, row_id) DO UPDATE SET ' +
      'slot = excluded.slot, asset = excluded.asset, channel = excluded.channel, ' +
      'status = excluded.status, value = excluded.value',
    [
      ledger,
      ...columns(rows, ['accountId', 'rowId', 'slot', 'asset', 'channel', 'status', 'value']),
    ],
  )
  await client.query(
    'INSERT INTO projection_directory (ledger, account_id, kind, value) ' +
      'SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[]) ' +
      'ON CONFLICT (ledger, account_id) DO UPDATE SET kind = excluded.kind, value = excluded.value',
    [ledger, ...columns(batch.directory, ['accountId', 'kind', 'value'])],
  )
  await client.query(
    `INSERT INTO projection_balance_steps (ledger, ${STEP_COLUMNS}) ` +
      'SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::boolean[], $6::text[])',
    [
      ledger,
      batch.balanceSteps.map((step) => step.stream),
      batch.balanceSteps.map((step) => step.position.toString()),
      batch.balanceSteps.map((step) => String(step.atMs)),
      batch.balanceSteps.map((step) => step.isOrdered),
      batch.balanceSteps.map((step) => step.value),
    ],
  )
}

// One array per column, in the order named.
const columns = <Row>(rows: readonly Row[], names: readonly (keyof Row)[]): unknown[][] =>
  names.map((name) => rows.map((row) => row[name]))

const inTransaction = async <Value>(
  pool: pg.Pool,
  doing: string,
  work: (client: pg.PoolClient) => Promise<Value>,
): Promise<Value> => {
  const client = await pool.connect().catch((error: unknown) => {
    throw storeFailure(error, 'connecting')
  })
  let isBroken = false
  try {
    await client.query('BEGIN')
    const value = await work(client)
    await client.query('COMMIT')
    return value
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      isBroken = true
    })
    throw storeFailure(error, doing)
  } finally {
    client.release(isBroken)
  }
}

const pageOf = (maxCount: number): number => {
  if (!Number.isSafeInteger(maxCount) || maxCount < 1 || maxCount > PROJECTION_PAGE_ROWS_MAX + 1) {
    throw storeError('invalid_argument', `maxCount must be 1..${PROJECTION_PAGE_ROWS_MAX + 1}`)
  }
  return maxCount
}

const historyRowOf = (row: HistoryRowRecord) => ({
  accountId: row.account_id,
  rowId: row.row_id,
  slot: Number(row.slot),
  asset: row.asset,
  channel: row.channel,
  status: row.status,
  value: row.value,
})

const stepOf = (row: StepRecord): ProjectionBalanceStep => ({
  stream: row.stream,
  position: BigInt(row.position),
  atMs: Number(row.at_ms),
  isOrdered: row.is_ordered,
  value: row.value,
})
