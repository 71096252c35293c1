// Every stream name of the ledger, made here and nowhere else (STYLE.md section 4): one rule for
// the namespace, one for ids, one shape `[<namespace>.]<aggregate>-<id>` for every aggregate.
import { assert } from './assert.js'

// ---------------------------------------------------------------- types

/** The aggregates that own streams: the part of a stream name before its first '-'. */
export type StreamCategory =
  | 'account'
  | 'payment'
  | 'promotion'
  | 'withdrawal'
  | 'dispute'
  | 'conversion'
  | 'deposit'
  | 'adjustment'
  | 'claim'

// ---------------------------------------------------------------- the namespace

/**
 * A ledger namespace (multi-tenant use): letters, digits, '-' and '_', at most 64. It has no '.',
 * so the first '.' of a stream name ends it unambiguously.
 */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** True when `namespace` may prefix stream names (see `NAMESPACE_PATTERN`). */
export const isNamespace = (namespace: string): boolean => NAMESPACE_PATTERN.test(namespace)

// ---------------------------------------------------------------- constructors

/**
 * The stream of entity `id` of aggregate `category`: `<category>-<id>`, or
 * `<namespace>.<category>-<id>` for a ledger with a namespace, so two tenants' streams never share
 * a name. An empty id or a malformed namespace is our bug (callers validate input first): assert.
 *
 * @example streamName('account', 'alice') // 'account-alice'
 * @example streamName('account', 'alice', 'acme') // 'acme.account-alice'
 */
export const streamName = (category: StreamCategory, id: string, namespace?: string): string => {
  assert(id.length > 0, `${category} stream: empty id`)
  if (namespace === undefined) return `${category}-${id}`
  assert(isNamespace(namespace), `${category} stream: bad namespace "${namespace}"`)
  return `${namespace}.${category}-${id}`
}

/** The stream of an account (see `streamName`). */
export const accountStream = (accountId: string, namespace?: string): string =>
  streamName('account', accountId, namespace)

/** The stream of a payment and its refunds (see `streamName`). */
export const paymentStream = (paymentId: string, namespace?: string): string =>
  streamName('payment', paymentId, namespace)

/** The stream of a promotion: its budget and the discounts it gave (see `streamName`). */
export const promotionStream = (promotionId: string, namespace?: string): string =>
  streamName('promotion', promotionId, namespace)

/** The stream of a withdrawal (see `streamName`). */
export const withdrawalStream = (withdrawalId: string, namespace?: string): string =>
  streamName('withdrawal', withdrawalId, namespace)

/** The stream of a dispute (see `streamName`). */
export const disputeStream = (disputeId: string, namespace?: string): string =>
  streamName('dispute', disputeId, namespace)

/** The stream of a conversion (see `streamName`). */
export const conversionStream = (conversionId: string, namespace?: string): string =>
  streamName('conversion', conversionId, namespace)

/** The stream of a deposit (see `streamName`). */
export const depositStream = (depositId: string, namespace?: string): string =>
  streamName('deposit', depositId, namespace)

/** The stream of an adjustment (see `streamName`). */
export const adjustmentStream = (adjustmentId: string, namespace?: string): string =>
  streamName('adjustment', adjustmentId, namespace)

/** The stream of an idempotency key claimed ledger-wide (see `streamName`). */
export const claimStream = (claimId: string, namespace?: string): string =>
  streamName('claim', claimId, namespace)
