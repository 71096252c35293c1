// Reads answered from an account's own stream (cached state): the account view and balances now.
import { left, right } from 'fp-ts/lib/Either.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { AccountId, formatMinor } from '@wallet-ledger/domain'
import type { AccountState } from '@wallet-ledger/domain'
import type { LedgerContext } from '../ledger/context.js'
import type { AccountView, Balance, LedgerError, LookupCode } from '../ledger/types.js'
import { queryIdOf } from '../ledger/input.js'
import { accountNotFound } from '../ledger/notFound.js'

type OpenedState = Exclude<AccountState, { status: 'not_opened' }>

/** The account view of DESIGN.md section 6 (system accounts show as their own kind). */
export const accountViewOf = (state: OpenedState): AccountView => ({
  accountId: state.accountId,
  kind: state.kind,
  status: state.status,
  twoFactor: state.security.hasTwoFactor,
  paymentPasswordSet: state.security.paymentPasswordVersion > 0,
  openedAt: state.openedAt,
})

/** Balances per asset as decimal strings; world accounts may show a '-' sign. */
export const balancesOf = (state: OpenedState): Record<string, Balance> => {
  const balances: Record<string, Balance> = {}
  for (const [asset, balance] of Object.entries(state.balances)) {
    const signed = (minor: bigint): string =>
      minor < 0n ? `-${formatMinor(-minor, balance.scale)}` : formatMinor(minor, balance.scale)
    balances[asset] = {
      available: signed(balance.available),
      held: signed(balance.held),
      total: signed(balance.available + balance.held),
    }
  }
  return balances
}

/**
 * Loads an opened account or answers `account_not_found`, also for a string no account id can
 * be (its stream name would be refused by the store, and a query resolves, never rejects, for
 * bad input). A missing or empty id is `invalid_input`.
 */
export const loadOpenedAccount = async (
  context: LedgerContext,
  accountId: string,
): Promise<Either<LedgerError<LookupCode<'account_not_found'>>, OpenedState>> => {
  const id = queryIdOf(accountId, 'accountId', AccountId.is, accountNotFound)
  if (id._tag === 'Left') return id
  const loaded = await context.repository.load(context.definitions.account, id.right)
  return loaded.state.status === 'not_opened'
    ? left(accountNotFound(id.right))
    : right(loaded.state)
}
