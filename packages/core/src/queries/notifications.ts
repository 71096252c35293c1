// The notifications subscribe() delivers (queries/subscribe.ts), for the ledger's own streams only
// (a store shared by several namespaces notifies each ledger of its own). A notification carries
// ids and a status, never event data such as sealed contacts or destinations.
import type { StoredEvent } from '../ports/eventStore.js'
import { decodeStoredEvent } from '../engine/repository.js'
import type { LedgerContext } from '../ledger/context.js'
import type { Notification } from '../ledger/types.js'
import { ownDefinitionOf } from '../engine/definitions.js'

// The status a workflow's event moves it to, when the type says it plainly: the status its view
// (payment(), withdrawal(), dispute()) shows next, so a subscriber can keep its copy up to date.
// An expired authorization shows as `failed` (reason 'expired') in PaymentView, which has no
// `expired`. A refund's status (refunded or partially) depends on earlier refunds: none is given.
const STATUS_BY_TYPE: Readonly<Record<string, string>> = {
  PaymentCaptured: 'completed',
  PaymentAuthorized: 'authorized',
  PaymentFailed: 'failed',
  PaymentCancelled: 'cancelled',
  PaymentExpired: 'failed',
  WithdrawalRequested: 'requested',
  WithdrawalRequestFailed: 'failed',
  WithdrawalVerified: 'verified',
  WithdrawalRejected: 'rejected',
  WithdrawalSubmitted: 'submitted',
  WithdrawalCompleted: 'completed',
  WithdrawalFailed: 'failed',
  WithdrawalCancelled: 'cancelled',
  WithdrawalReturned: 'returned',
  DisputeOpened: 'open',
  DisputeContested: 'responded',
  DisputeEscalated: 'escalated',
  DisputeReferredToLegal: 'referred_legal',
  ConversionExecuted: 'executed',
  ConversionExpired: 'expired',
  ConversionFailed: 'failed',
  AccountFrozen: 'frozen',
  AccountUnfrozen: 'active',
  AccountClosed: 'closed',
}

const ACCOUNT_FIELDS = ['accountId', 'payer', 'payee'] as const

// ---------------------------------------------------------------- operations

/**
 * The notification of one stored event of the ledger's own streams (ids, accounts and status
 * only); undefined for another namespace's stream or one of no aggregate sharing the store.
 */
export const notificationOf = (
  context: LedgerContext,
  stored: StoredEvent,
): Notification | undefined => {
  const definition = ownDefinitionOf(context.definitions, stored.stream)
  if (definition === undefined) return undefined
  const data = decodeStoredEvent(definition, stored).data as Record<string, unknown>
  const request = (data['request'] ?? {}) as Record<string, unknown>
  const accountIds = new Set<string>()
  for (const source of [data, request]) {
    for (const field of ACCOUNT_FIELDS)
      if (typeof source[field] === 'string') accountIds.add(source[field] as string)
  }
  const entry = data['entry'] as { legs?: { account: string }[] } | undefined
  for (const leg of entry?.legs ?? []) accountIds.add(leg.account)
  const status =
    stored.type === 'DisputeResolved'
      ? `resolved_${String(data['outcome'])}`
      : STATUS_BY_TYPE[stored.type]
  return {
    type: stored.type,
    position: stored.position.toString(),
    at: typeof data['at'] === 'string' ? data['at'] : stored.recordedAt,
    ...idField(data, 'paymentId'),
    ...idField(data, 'withdrawalId'),
    ...idField(data, 'disputeId'),
    accountIds: [...accountIds],
    ...(status === undefined ? {} : { status }),
  }
}

const idField = (
  data: Record<string, unknown>,
  field: 'paymentId' | 'withdrawalId' | 'disputeId',
) => (typeof data[field] === 'string' ? { [field]: data[field] as string } : {})
