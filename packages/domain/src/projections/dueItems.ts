// The due-items projection: what `runDue({ now })` must act on once its time has come. Authorized
// payments expire at their hold's `expiresAt` (command `ExpirePayment`); open disputes whose payee
// has not responded are escalated at `responseDueAt` (command `ExpireDisputeResponse`). Conversions
// need nothing here: a quote is checked when the conversion is asked for and an expired one is
// recorded at once (`ConversionExpired`), so no conversion ever waits.
import { assert } from '../assert.js'
import type { Projection, ProjectionInput } from './projection.js'
import { instantMs, ledgerEventOf } from './projection.js'

// ---------------------------------------------------------------- types

/** What falls due: a payment authorization's expiry or a dispute's response deadline. */
export type DueKind = 'payment_expiry' | 'dispute_response'

/**
 * One due item: `id` is the payment id (`payment_expiry`, send `ExpirePayment`) or the dispute id
 * (`dispute_response`, send `ExpireDisputeResponse`), `stream` its stream, `dueAt` an ISO instant.
 * Both commands record nothing when the item is no longer due, so acting on a lagging projection
 * is harmless.
 */
export type DueItem = {
  readonly kind: DueKind
  readonly id: string
  readonly stream: string
  readonly dueAt: string
}

/** The state of the due-items projection (owned by the runner, see `Projection`). */
export type DueItemsState = {
  /** Items waiting, by `<kind>:<id>`. */
  readonly items: Map<string, DueItem & { readonly dueMs: number }>
}

// ---------------------------------------------------------------- the projection

/** A fresh, empty due-items state. */
export const initialDueItemsState = (): DueItemsState => ({ items: new Map() })

/**
 * Applies one event: an authorization or an opened dispute adds an item; a capture, cancellation
 * or expiry of the payment, and the payee's response, an escalation or a resolution of the dispute
 * remove it. Updates `state` in place (the runner owns it) and returns it.
 */
export const applyDueItems = (state: DueItemsState, input: ProjectionInput): DueItemsState => {
  const event = ledgerEventOf(input.event)
  if (event === undefined) return state
  switch (event.type) {
    case 'PaymentAuthorized':
      add(state, 'payment_expiry', event.data.paymentId, input.stream, event.data.expiresAt)
      return state
    case 'PaymentCaptured':
    case 'PaymentCancelled':
    case 'PaymentExpired':
      state.items.delete(keyOf('payment_expiry', event.data.paymentId))
      return state
    case 'DisputeOpened':
      add(state, 'dispute_response', event.data.disputeId, input.stream, event.data.responseDueAt)
      return state
    case 'DisputeContested':
    case 'DisputeEscalated':
    case 'DisputeReferredToLegal':
    case 'DisputeResolved':
      state.items.delete(keyOf('dispute_response', event.data.disputeId))
      return state
    default:
      return state
  }
}

/** The due-items projection, for core's runner. */
export const dueItemsProjection: Projection<DueItemsState> = {
  name: 'dueItems',
  initialState: initialDueItemsState,
  apply: applyDueItems,
}

// ---------------------------------------------------------------- queries

/** The items due at or before `now` (an ISO instant, inclusive), earliest first (then by kind and id). */
export const dueAt = (state: DueItemsState, now: string): readonly DueItem[] => {
  const nowMs = instantMs(now)
  return [...state.items.values()]
    .filter((item) => item.dueMs <= nowMs)
    .sort((a, b) => a.dueMs - b.dueMs || compareText(a.kind, b.kind) || compareText(a.id, b.id))
    .map(({ dueMs: _dueMs, ...item }) => item)
}

/** Every waiting item, earliest first: what will fall due, for monitoring. */
export const waitingItems = (state: DueItemsState): readonly DueItem[] =>
  dueAt(state, '9999-12-31T23:59:59.999Z')

// ---------------------------------------------------------------- helpers

const keyOf = (kind: DueKind, id: string): string => `${kind}:${id}`

const add = (
  state: DueItemsState,
  kind: DueKind,
  id: string,
  stream: string,
  dueAt: string,
): void => {
  const key = keyOf(kind, id)
  assert(!state.items.has(key), `due items: ${key} added twice`)
  state.items.set(key, { kind, id, stream, dueAt, dueMs: instantMs(dueAt) })
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
