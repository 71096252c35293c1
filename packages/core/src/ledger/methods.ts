// The Ledger object: each group of methods lives with its workflow or query module; this file
// only assembles them and wraps them with the user's hooks.
import { left, right } from 'fp-ts/lib/Either.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { CallerId, boundedString, directoryPage } from '@wallet-ledger/domain'
import { auditStore } from '../audit/auditStore.js'
import { createProjectionRunner, projectionTablesOf } from '../projections/runner.js'
import type { ProjectionRunner } from '../projections/runner.js'
import { accountViewOf, loadOpenedAccount } from '../queries/accountQueries.js'
import { ledgerQueries } from '../queries/ledgerQueries.js'
import { persistedDirectoryPage } from '../queries/persistedQueries.js'
import { subscribeLedger } from '../queries/subscribe.js'
import { settingsOf } from '../queries/settingsQuery.js'
import { forgetOwner } from '../privacy/forgetOwner.js'
import { accountCommands } from '../workflows/account/accounts.js'
import { conversionCommands } from '../workflows/conversion/conversions.js'
import { depositCommands } from '../workflows/deposit/deposit.js'
import { paymentViewWithDisputes } from '../workflows/dispute/disputeFacts.js'
import { disputeCommands } from '../workflows/dispute/disputes.js'
import { runDueItems } from '../workflows/due/due.js'
import { paymentCommands } from '../workflows/payment/payments.js'
import { promotionCommands } from '../workflows/promotion/promotions.js'
import { recoverWorkflows } from '../workflows/recovery/recover.js'
import { refundCommands } from '../workflows/refund/refunds.js'
import {
  cancelWithdrawalsOnFreeze,
  withdrawalCommands,
} from '../workflows/withdrawal/withdrawals.js'
import type { LedgerContext } from './context.js'
import { decodeCaller, queryIdOf } from './input.js'
import { InstantInput } from '../workflows/shared/instantInput.js'
import { instrument } from './instrument.js'
import type { AccountView, Ledger, LedgerError } from './types.js'
import * as t from 'io-ts'
import { paymentNotFound } from './notFound.js'

const ACCOUNTS_PAGE_DEFAULT = 50
/** The options of `accounts` (contract.unit.spec.ts ties them to `Ledger`). */
export const AccountsOptions = t.partial({
  kind: t.keyof({ user: null, merchant: null, system: null }),
  limit: t.number,
  after: t.string,
})

/** The options of `runDue` (contract.unit.spec.ts ties them to `Ledger`). */
export const RunDueOptions = t.partial({ now: InstantInput })
/** The options of `audit` (contract.unit.spec.ts ties them to `Ledger`). */
export const AuditOptions = t.partial({ expectedHead: boundedString(128, 'Head') })

/** The options of runDue and audit: absent or null mean none; bad ones answer `invalid_input`. */
const optionsOf = <A>(codec: t.Type<A, unknown, unknown>, raw: unknown): Either<LedgerError, A> =>
  decodeCaller(codec, raw ?? {})

/** `accounts()`: a page of the account directory, from the persisted tables when the store has them. */
const accountsOf =
  (runner: ProjectionRunner): Ledger['accounts'] =>
  async (raw = {}): Promise<Either<LedgerError, { accounts: AccountView[]; next?: string }>> => {
    const options = decodeCaller(AccountsOptions, raw)
    if (options._tag === 'Left') return options
    const query = { ...options.right, limit: options.right.limit ?? ACCOUNTS_PAGE_DEFAULT }
    const tables = await runner.sync()
    const page =
      tables === undefined
        ? directoryPage((await runner.catchUp()).accountDirectory, query)
        : await persistedDirectoryPage(tables, query)
    if (page._tag === 'Left') return page
    const accounts: AccountView[] = page.right.accounts.map((entry) => ({ ...entry }))
    return right(page.right.next === undefined ? { accounts } : { accounts, next: page.right.next })
  }

/** Assembles the ledger's methods over one context. */
export const ledgerMethods = (
  context: LedgerContext,
  frozenHandlers: ((accountId: string) => Promise<void>)[],
): Ledger => {
  frozenHandlers.push(cancelWithdrawalsOnFreeze(context))
  const runner = createProjectionRunner(
    context.store,
    context.definitions,
    projectionTablesOf(context.store, context.definitions),
  )
  const ledger: Ledger = {
    ...accountCommands(context),
    ...depositCommands(context),
    ...paymentCommands(context),
    ...promotionCommands(context),
    ...refundCommands(context),
    ...conversionCommands(context),
    ...withdrawalCommands(context),
    ...disputeCommands(context),
    ...ledgerQueries(context, runner),
    forgetOwner: async (raw) => forgetOwner(context, raw),
    runDue: async (raw) => {
      const options = optionsOf(RunDueOptions, raw)
      if (options._tag === 'Left') return options
      return runDueItems(context, runner, options.right)
    },
    recover: () => recoverWorkflows(context),
    rebuildProjections: async () => {
      await runner.rebuild()
      return {
        persisted: context.store.projections !== undefined,
        position: runner.checkpoint().toString(),
      }
    },
    account: async (accountId) => {
      const state = await loadOpenedAccount(context, accountId)
      return state._tag === 'Left' ? state : right(accountViewOf(state.right))
    },
    accounts: accountsOf(runner),
    payment: async (paymentId) => {
      // No payment has a malformed id, and its stream name would make the store reject the read.
      const id = queryIdOf(paymentId, 'paymentId', CallerId.is, paymentNotFound)
      if (id._tag === 'Left') return id
      const loaded = await context.repository.load(context.definitions.payment, id.right)
      return loaded.state.status === 'not_requested'
        ? left(paymentNotFound(id.right))
        : right(await paymentViewWithDisputes(context, loaded.state))
    },
    settings: (accountId) => settingsOf(context, accountId),
    subscribe: (handler, options) => subscribeLedger(context, handler, options),
    audit: async (raw) => {
      const options = optionsOf(AuditOptions, raw)
      return options._tag === 'Left' ? options : right(await auditStore(context, options.right))
    },
    close: async () => context.store.close(),
  }
  return instrument(ledger, context.hooks)
}
