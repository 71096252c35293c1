// The account directory: every opened account with its kind, status and security flags, listed
// in id order so `accounts()` pages with a cursor that stays valid while accounts are added.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { domainError } from '../errors.js'
import type { DomainError } from '../errors.js'
import type { Projection, ProjectionInput } from './projection.js'
import { ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- types

/** One account as the directory lists it (DESIGN's AccountView, system accounts included). */
export type DirectoryEntry = {
  readonly accountId: string
  readonly kind: 'user' | 'merchant' | 'system'
  readonly status: 'active' | 'frozen' | 'closed'
  readonly twoFactor: boolean
  readonly paymentPasswordSet: boolean
  readonly openedAt: string
}

/** The state of the directory projection (owned by the runner, see `Projection`). */
export type AccountDirectoryState = { readonly accounts: Map<string, DirectoryEntry> }

/** A page of the directory: accounts after `after` in id order, and the cursor of the next page. */
export type DirectoryPage = { readonly accounts: readonly DirectoryEntry[]; readonly next?: string }

/** Rows of one directory page at most. */
export const DIRECTORY_PAGE_ROWS_MAX = 500

// ---------------------------------------------------------------- the projection

/** A fresh, empty directory. */
export const initialAccountDirectoryState = (): AccountDirectoryState => ({ accounts: new Map() })

const update = (
  state: AccountDirectoryState,
  accountId: string,
  change: Partial<DirectoryEntry>,
): void => {
  const entry = state.accounts.get(accountId)
  if (entry !== undefined) state.accounts.set(accountId, { ...entry, ...change })
}

/** Folds one event into the directory (in place: the runner owns the state). */
export const applyAccountDirectory = (
  state: AccountDirectoryState,
  input: ProjectionInput,
): AccountDirectoryState => {
  const event = ledgerEventOf(input.event)
  if (event === undefined) return state
  switch (event.type) {
    case 'AccountOpened': {
      const { accountId, kind, at } = event.data
      state.accounts.set(accountId, {
        accountId,
        kind,
        status: 'active',
        twoFactor: false,
        paymentPasswordSet: false,
        openedAt: at,
      })
      return state
    }
    case 'AccountFrozen':
      update(state, event.data.accountId, { status: 'frozen' })
      return state
    case 'AccountUnfrozen':
      update(state, event.data.accountId, { status: 'active' })
      return state
    case 'AccountClosed':
      update(state, event.data.accountId, { status: 'closed' })
      return state
    case 'TwoFactorEnabled':
      update(state, event.data.accountId, { twoFactor: true })
      return state
    case 'TwoFactorDisabled':
      update(state, event.data.accountId, { twoFactor: false })
      return state
    case 'PaymentPasswordSet':
      update(state, event.data.accountId, { paymentPasswordSet: true })
      return state
    default:
      return state
  }
}

/** The directory as a projection. */
export const accountDirectoryProjection: Projection<AccountDirectoryState> = {
  name: 'accountDirectory',
  initialState: initialAccountDirectoryState,
  apply: applyAccountDirectory,
}

// ---------------------------------------------------------------- queries

/**
 * One page of accounts in id order, after the account id `after` (exclusive), of one `kind` when
 * given. Without a kind, system accounts are left out: they are the platform's, not customers'.
 * Rejects `invalid_input` for a limit outside 1..`DIRECTORY_PAGE_ROWS_MAX`.
 */
export const directoryPage = (
  state: AccountDirectoryState,
  query: { readonly kind?: string; readonly limit: number; readonly after?: string },
): Either<DomainError<'invalid_input'>, DirectoryPage> => {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > DIRECTORY_PAGE_ROWS_MAX) {
    return left(
      domainError(
        'invalid_input',
        `limit: expected an integer from 1 to ${DIRECTORY_PAGE_ROWS_MAX}`,
        { path: 'limit' },
      ),
    )
  }
  const matching = [...state.accounts.values()]
    .filter((entry) =>
      query.kind === undefined ? entry.kind !== 'system' : entry.kind === query.kind,
    )
    .filter((entry) => query.after === undefined || entry.accountId > query.after)
    .sort((a, b) => (a.accountId < b.accountId ? -1 : 1))
  const accounts = matching.slice(0, query.limit)
  const last = accounts[accounts.length - 1]
  return right(
    matching.length > query.limit && last !== undefined
      ? { accounts, next: last.accountId }
      : { accounts },
  )
}
