// Every id a workflow derives, named here: entity ids from idempotency keys, dispute ids, journal
// entry ids and hold ids. Workflows take ids from this module only; the engine's ids.ts and
// workflowRefs.ts hold the primitives (uuid v5/v7, the hold and entry id shapes).
import { assert, limits } from '@wallet-ledger/domain'
import type { AccountState } from '@wallet-ledger/domain'
import { idFromIdempotencyKey } from '../../engine/ids.js'
import {
  entryIdOf as entryIdText,
  holdOwnerOf,
  reserveHoldId,
  reserveOf,
  workflowHoldIdOn,
} from '../../engine/workflowRefs.js'
import type { HoldingWorkflow } from '../../engine/workflowRefs.js'
import type { LedgerContext } from '../../ledger/context.js'

export { holdOwnerOf, reserveHoldId, reserveOf, workflowHoldIdOn }
export type { HoldingWorkflow }

// ---------------------------------------------------------------- types

/**
 * The kinds of thing an idempotency key names (keys are scoped per kind): entities, a dispute
 * opening's claimed key, and the key reportUnauthorized opens a payment's dispute under.
 */
export type KeyedKind =
  | 'payment'
  | 'refund'
  | 'conversion'
  | 'withdrawal'
  | 'deposit'
  | 'adjustment'
  | 'dispute'
  | 'unauthorized-report'

/** What each workflow's journal entries do: the last part of `<kind>:<id>:<purpose>`. */
export type EntryPurposes = {
  payment: 'capture' | `refund-${string}`
  conversion: 'execute'
  dispute: 'refund'
  withdrawal: 'payout' | 'return'
  deposit: 'credit'
  adjustment: 'post'
  promotion: 'funding'
}

// ---------------------------------------------------------------- entity ids

/**
 * The id of the `kind` entity an idempotency key names in this ledger: uuid v5 of `<kind>:<key>`
 * in the ledger's id namespace, so a retry finds the same stream and the store's `no_stream`
 * check deduplicates it.
 */
export const keyedIdOf = (context: LedgerContext, kind: KeyedKind, key: string): string =>
  idFromIdempotencyKey(context.idNamespace, kind, key)

/**
 * The id of the `ordinal`-th dispute (from 0) of a payment: uuid v5 of `${paymentId}:${ordinal}`
 * in the ledger's namespace. Deterministic, so a retried opening finds the same stream and the
 * store's `no_stream` check refuses a second one.
 */
export const disputeIdOf = (context: LedgerContext, paymentId: string, ordinal: number): string => {
  assert(Number.isInteger(ordinal) && ordinal >= 0, `dispute ordinal ${ordinal} is not an index`)
  assert(ordinal < limits.DISPUTES_PER_PAYMENT_MAX, `dispute ordinal ${ordinal} over the limit`)
  return idFromIdempotencyKey(context.idNamespace, 'dispute', `${paymentId}:${ordinal}`)
}

// ---------------------------------------------------------------- journal entry ids

/** A journal entry id: `<kind>:<id>:<purpose>` ("payment:<id>:capture"), purposes per workflow. */
export const entryIdOf = <Kind extends keyof EntryPurposes>(
  kind: Kind,
  id: string,
  purpose: EntryPurposes[Kind],
): string => entryIdText(kind, id, purpose)

// ---------------------------------------------------------------- hold ids

/**
 * The hold of a withdrawal, `withdrawal:<id>:hold[.<n>]` (`workflowHoldIdOn`): the name tells a
 * withdrawal's hold from a payment's or a dispute's among an account's open holds, so a freeze
 * finds the account's withdrawals from the account state alone (which survives restarts), and
 * recover() knows whose hold it is.
 */
export const withdrawalHoldIdOn = (
  withdrawalId: string,
  account: AccountState,
): string | undefined => workflowHoldIdOn('withdrawal', withdrawalId, account)

/** The withdrawal id a hold id names, or undefined for holds of other workflows. */
export const withdrawalIdOfHold = (holdId: string): string | undefined => {
  const owner = holdOwnerOf(holdId)
  return owner?.kind === 'withdrawal' ? owner.id : undefined
}
