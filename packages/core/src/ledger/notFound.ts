// The engine's "no such entity" answers, one per entity a caller names by id, all built by the
// domain's `notFound` so every one has the same code, sentence and details.
import { notFound } from '@wallet-ledger/domain'
import type { LedgerError } from './types.js'

/** `account_not_found` for `accountId`. */
export const accountNotFound = (accountId: string): LedgerError<'account_not_found'> =>
  notFound('account', accountId)

/** `payment_not_found` for `paymentId`. */
export const paymentNotFound = (paymentId: string): LedgerError<'payment_not_found'> =>
  notFound('payment', paymentId)

/** `withdrawal_not_found` for `withdrawalId`. */
export const withdrawalNotFound = (withdrawalId: string): LedgerError<'withdrawal_not_found'> =>
  notFound('withdrawal', withdrawalId)

/** `dispute_not_found` for `disputeId`. */
export const disputeNotFound = (disputeId: string): LedgerError<'dispute_not_found'> =>
  notFound('dispute', disputeId)

/** `conversion_not_found` for `conversionId`. */
export const conversionNotFound = (conversionId: string): LedgerError<'conversion_not_found'> =>
  notFound('conversion', conversionId)

/** `promotion_not_found` for `promotionId`, `details` (such as the input's path) beside the id. */
export const promotionNotFound = (
  promotionId: string,
  details?: Readonly<Record<string, unknown>>,
): LedgerError<'promotion_not_found'> => notFound('promotion', promotionId, details)
