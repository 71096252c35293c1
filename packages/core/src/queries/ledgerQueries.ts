// Queries answered from projections (history, statements, the account list) or from an account's
// own stream (balances as of an instant or a position). Every answer is JSON-safe.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  PaymentChannel,
  CallerId,
  PROMOTION_BUDGET_ACCOUNT_PREFIX,
  balancesAsOf,
  balancesOf as projectedBalancesOf,
  findAsset,
  historyPage,
  statement,
} from '@wallet-ledger/domain'
import type { ProjectionInput } from '@wallet-ledger/domain'
import type { LedgerContext } from '../ledger/context.js'
import { AssetText, decodeCaller, instantOf } from '../ledger/input.js'
import { InstantInput } from '../workflows/shared/instantInput.js'
import type { Balance, HistoryEntry, Ledger, LedgerError } from '../ledger/types.js'
import type { ProjectionRunner } from '../projections/runner.js'
import { projectionInputOf } from '../projections/runner.js'
import { iterateStream } from '../store/paging.js'
import { balancesOf, loadOpenedAccount } from './accountQueries.js'
import { accountNotFound } from '../ledger/notFound.js'
import {
  persistedBalances,
  persistedBalancesAsOf,
  persistedHistoryPage,
  persistedStatement,
} from './persistedQueries.js'

const HISTORY_PAGE_DEFAULT = 50
const POSITION = /^(0|[1-9][0-9]*)$/

/** The options of `history` (contract.unit.spec.ts ties them to `Ledger`). */
export const HistoryOptions = t.partial({
  asset: AssetText,
  channel: PaymentChannel,
  status: t.keyof(
    { pending: null, completed: null, failed: null, cancelled: null, reversed: null },
    'EntryStatus',
  ),
  limit: t.number,
  after: t.string,
})
/** The options of `statement` (contract.unit.spec.ts ties them to `Ledger`). */
export const StatementOptions = t.type({ asset: AssetText, from: InstantInput, to: InstantInput })
/** The options of `balances` (contract.unit.spec.ts ties them to `Ledger`). */
export const AsOfOptions = t.partial({
  asOf: t.union([InstantInput, t.type({ position: t.string })]),
})

type AsOf = t.TypeOf<typeof AsOfOptions>['asOf']

const cutoffOf = (
  asOf: NonNullable<AsOf>,
): Either<LedgerError, { at: string } | { position: bigint }> => {
  if (typeof asOf === 'object' && !(asOf instanceof Date)) {
    return POSITION.test(asOf.position)
      ? right({ position: BigInt(asOf.position) })
      : left({
          code: 'invalid_input',
          message: 'asOf.position: expected a position such as "42"',
          details: { path: 'asOf.position' },
        })
  }
  const at = instantOf(asOf, 'asOf')
  return at._tag === 'Left' ? at : right({ at: at.right })
}

// A promotion's budget account has no account stream: the promotion's stream books it.
const isBudgetAccount = (accountId: string): boolean =>
  typeof accountId === 'string' && accountId.startsWith(PROMOTION_BUDGET_ACCOUNT_PREFIX)

/** The stream that books an account: its own, or its promotion's for a budget account. */
const bookOf = (context: LedgerContext, accountId: string): string =>
  isBudgetAccount(accountId)
    ? context.definitions.promotion.stream(accountId.slice(PROMOTION_BUDGET_ACCOUNT_PREFIX.length))
    : context.definitions.account.stream(accountId)

/** `account_not_found` unless the account (or the promotion behind a budget account) exists. */
const checkExists = async (
  context: LedgerContext,
  accountId: string,
): Promise<Either<LedgerError, void>> => {
  if (!isBudgetAccount(accountId)) {
    const account = await loadOpenedAccount(context, accountId)
    return account._tag === 'Left' ? account : right(undefined)
  }
  const promotionId = accountId.slice(PROMOTION_BUDGET_ACCOUNT_PREFIX.length)
  // No promotion has a malformed id, and its stream name would make the store reject the read.
  const promotion = CallerId.is(promotionId)
    ? await context.repository.load(context.definitions.promotion, promotionId)
    : undefined
  return promotion === undefined || promotion.state.status === 'not_created'
    ? left(accountNotFound(accountId))
    : right(undefined)
}

/** Balances folded from the stream that books the account up to the cutoff, inclusive. */
const balancesAt = async (
  context: LedgerContext,
  runner: ProjectionRunner,
  accountId: string,
  asOf: NonNullable<AsOf>,
): Promise<Either<LedgerError, Record<string, Balance>>> => {
  const cutoff = cutoffOf(asOf)
  if (cutoff._tag === 'Left') return cutoff
  const tables = await runner.sync()
  if (tables !== undefined) {
    const stepped = await persistedBalancesAsOf(
      tables,
      bookOf(context, accountId),
      accountId,
      cutoff.right,
    )
    if (stepped !== undefined) return right(stepped)
  }
  const inputs: ProjectionInput[] = []
  for await (const stored of iterateStream(context.store, bookOf(context, accountId))) {
    const input = projectionInputOf(context.definitions, stored)
    if (input !== undefined) inputs.push(input)
  }
  return right(balancesAsOf(inputs, accountId, cutoff.right) as Record<string, Balance>)
}

/** The read methods that need projections or the account's stream. */
export const ledgerQueries = (
  context: LedgerContext,
  runner: ProjectionRunner,
): Pick<Ledger, 'balances' | 'history' | 'statement'> => ({
  balances: async (accountId, raw = {}) => {
    const options = decodeCaller(AsOfOptions, raw)
    if (options._tag === 'Left') return options
    const exists = await checkExists(context, accountId)
    if (exists._tag === 'Left') return exists
    if (options.right.asOf !== undefined)
      return balancesAt(context, runner, accountId, options.right.asOf)
    if (isBudgetAccount(accountId)) {
      const tables = await runner.sync()
      if (tables !== undefined) return right(await persistedBalances(tables, accountId))
      const states = await runner.catchUp()
      return right(projectedBalancesOf(states.balances, accountId) as Record<string, Balance>)
    }
    // Now: the account's own state, exact and cached; as of a cutoff: its stream folded up to it.
    const account = await loadOpenedAccount(context, accountId)
    return account._tag === 'Left' ? account : right(balancesOf(account.right))
  },
  history: async (accountId, raw = {}) => {
    const options = decodeCaller(HistoryOptions, raw)
    if (options._tag === 'Left') return options
    const exists = await checkExists(context, accountId)
    if (exists._tag === 'Left') return exists
    const query = {
      ...options.right,
      limit: options.right.limit ?? HISTORY_PAGE_DEFAULT,
    } as Parameters<typeof historyPage>[2]
    const tables = await runner.sync()
    const page =
      tables === undefined
        ? historyPage((await runner.catchUp()).history, accountId, query)
        : await persistedHistoryPage(tables, accountId, query)
    if (page._tag === 'Left') return page
    return right({
      entries: page.right.entries as HistoryEntry[],
      ...(page.right.next === undefined ? {} : { next: page.right.next }),
    })
  },
  statement: async (accountId, raw) => {
    const options = decodeCaller(StatementOptions, raw)
    if (options._tag === 'Left') return options
    const asset = findAsset(context.registry, options.right.asset)
    if (asset._tag === 'Left') return asset
    const from = instantOf(options.right.from, 'from')
    if (from._tag === 'Left') return from
    const to = instantOf(options.right.to, 'to')
    if (to._tag === 'Left') return to
    const exists = await checkExists(context, accountId)
    if (exists._tag === 'Left') return exists
    const query = {
      asset: asset.right.code,
      from: from.right,
      to: to.right,
      scale: asset.right.scale,
    }
    const tables = await runner.sync()
    const found =
      tables === undefined
        ? statement((await runner.catchUp()).history, accountId, query)
        : await persistedStatement(tables, accountId, query)
    if (found._tag === 'Left') return found
    return right({
      opening: found.right.opening,
      closing: found.right.closing,
      entries: found.right.entries as HistoryEntry[],
    })
  },
})
