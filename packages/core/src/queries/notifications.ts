// subscribe(): typed notifications from the store's catch-up subscription, at least once, in
// global order, resumable from a position, for the ledger's own streams only (a store shared by
// several namespaces notifies each ledger of its own). A notification carries ids and a status,
// never event data such as sealed contacts or destinations.
import type { StoredEvent, Subscription } from '../ports/eventStore.js'
import { decodeStoredEvent } from '../engine/repository.js'
import type { LedgerContext } from '../ledger/context.js'
import type { Notification } from '../ledger/types.js'
import { ownDefinitionOf } from '../engine/definitions.js'
import { safeHook } from '../workflows/run.js'

// ---------------------------------------------------------------- types

/** What a subscriber gives: where to resume from and which event types it wants. */
export type SubscribeOptions = { fromPosition?: string; types?: string[] }

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

// subscribe returns a function, not an Either: bad options throw, with the field's path.
const invalidInput = (path: string, message: string): Error =>
  Object.assign(new Error(`${path}: ${message}`), { code: 'invalid_input', details: { path } })

const idField = (
  data: Record<string, unknown>,
  field: 'paymentId' | 'withdrawalId' | 'disputeId',
) => (typeof data[field] === 'string' ? { [field]: data[field] as string } : {})

/**
 * Subscribes a handler to notifications from `fromPosition` (inclusive; default the start).
 * Delivery is at least once: a subscriber that resumes from the position after the last one it
 * handled sees nothing twice. Returns the function that stops it. Throws an `Error` with code
 * `invalid_input` and `details.path` for a `fromPosition` that is not a decimal string or `types`
 * that is not an array of strings.
 */
export const subscribeNotifications = (
  context: LedgerContext,
  handler: (notification: Notification) => void | Promise<void>,
  options: SubscribeOptions = {},
): (() => void) => {
  if (
    options.fromPosition !== undefined &&
    (typeof options.fromPosition !== 'string' || !/^(0|[1-9][0-9]*)$/.test(options.fromPosition))
  ) {
    throw invalidInput(
      'fromPosition',
      `expected a position such as "42", got "${String(options.fromPosition).slice(0, 40)}"`,
    )
  }
  // A string would make a Set of its letters and silently filter everything out.
  if (
    options.types !== undefined &&
    !(Array.isArray(options.types) && options.types.every((type) => typeof type === 'string'))
  ) {
    throw invalidInput('types', 'expected an array of event type names')
  }
  const types = options.types === undefined ? undefined : new Set(options.types)
  const fromPosition = options.fromPosition === undefined ? 0n : BigInt(options.fromPosition)
  const subscription: Subscription = context.store.subscribeToAll(
    { fromPosition },
    async (stored) => {
      if (types !== undefined && !types.has(stored.type)) return
      const notification = notificationOf(context, stored)
      if (notification !== undefined) await handler(notification)
    },
  )
  // A failing handler stops its subscription; report it through the onError hook rather than
  // leave an unhandled rejection in the caller's process (nor one from an onError that throws).
  subscription.done.catch((error: unknown) =>
    safeHook(() => context.hooks.onError?.({ command: 'subscribe', error })),
  )
  subscription.caughtUp.catch(() => undefined)
  return () => void subscription.close()
}
