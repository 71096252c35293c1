// The Ledger object: each group of methods lives with its workflow; this file only assembles them.
import { left, right } from 'fp-ts/lib/Either.js'
import { domainError, paymentView } from '@wallet-ledger/domain'
import { auditStore } from '../audit/auditStore.js'
import { accountViewOf, balancesOf, loadOpenedAccount } from '../queries/accountQueries.js'
import { accountCommands } from '../workflows/accounts.js'
import { conversionCommands } from '../workflows/conversions.js'
import { depositCommands } from '../workflows/deposit.js'
import { disputeCommands } from '../workflows/disputes.js'
import { paymentCommands } from '../workflows/payments.js'
import { promotionCommands } from '../workflows/promotions.js'
import { recoverWorkflows } from '../workflows/recover.js'
import { refundCommands } from '../workflows/refunds.js'
import { cancelWithdrawalsOnFreeze, withdrawalCommands } from '../workflows/withdrawals.js'
import type { LedgerContext } from './context.js'
import type { Ledger, PaymentView } from './types.js'

const notYet = (name: string) => async () =>
  left(domainError('invalid_transition', `${name} is being built`))

/** Assembles the ledger's methods over one context. */
export const ledgerMethods = (
  context: LedgerContext,
  frozenHandlers: ((accountId: string) => Promise<void>)[],
): Ledger => {
  frozenHandlers.push(cancelWithdrawalsOnFreeze(context))
  const ledger = {
    ...accountCommands(context),
    ...depositCommands(context),
    ...paymentCommands(context),
    ...promotionCommands(context),
    ...refundCommands(context),
    ...conversionCommands(context),
    ...withdrawalCommands(context),
    ...disputeCommands(context),
    recover: () => recoverWorkflows(context),
    account: async (accountId: string) => {
      const state = await loadOpenedAccount(context, accountId)
      return state._tag === 'Left' ? state : right(accountViewOf(state.right))
    },
    balances: async (accountId: string) => {
      const state = await loadOpenedAccount(context, accountId)
      return state._tag === 'Left' ? state : right(balancesOf(state.right))
    },
    payment: async (paymentId: string) => {
      const loaded = await context.repository.load(context.definitions.payment, paymentId)
      return loaded.state.status === 'not_requested'
        ? left(
            domainError('payment_not_found', `payment ${paymentId} does not exist`, { paymentId }),
          )
        : right(paymentView(loaded.state) as PaymentView)
    },
    audit: (o?: { expectedHead?: string }) => auditStore(context, o),
    close: async () => context.store.close(),
  }
  const rest = new Proxy(
    {},
    { get: (_target, name) => (name === 'then' ? undefined : notYet(String(name))) },
  )
  return Object.assign(Object.create(rest) as Ledger, ledger)
}
