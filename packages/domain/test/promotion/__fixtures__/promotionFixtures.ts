// Promotion commands and events for given/when/then tests, built by small named factories.
import type { DecimalString, IsoInstant, JournalEntry } from '../../../src/index.js'
import { buildJournalEntry, moneyFromCanonical, promotionBudgetAccount } from '../../../src/index.js'
import type { ApplyDiscount, CreatePromotion, ReturnDiscount, VoidDiscount } from '../../../src/promotion/commands.js'
import type {
  DiscountApplied,
  DiscountReturned,
  DiscountVoided,
  PromotionCreated,
  PromotionEvent,
} from '../../../src/promotion/events.js'
import type { ActivePromotion } from '../../../src/promotion/state.js'
import { evolvePromotion, initialPromotionState } from '../../../src/promotion/state.js'

/** The fixture promotion's id. */
export const PROMO = 'spring'
/** Its budget account. */
export const BUDGET = promotionBudgetAccount(PROMO)
/** When fixture commands happen. */
export const AT = '2026-11-26T08:00:00.000Z' as IsoInstant
/** A canonical amount string. */
export const amount = (text: string) => text as DecimalString
/** USD money from a canonical string. */
export const usd = (text: string) => moneyFromCanonical('USD', text)

/** Creates the fixture promotion: 100.00 USD at 10 % off, with `overrides`. */
export const create = (overrides: Partial<CreatePromotion> = {}): CreatePromotion =>
  ({
    type: 'CreatePromotion',
    promotionId: PROMO,
    asset: 'USD',
    budget: amount('100.00'),
    discount: { percent: '10' },
    entryId: 'promo-entry',
    at: AT,
    ...overrides,
  }) as CreatePromotion

/** The event `create` records. */
export const created = (command: CreatePromotion = create()): PromotionCreated => {
  const { type: _type, entryId, ...rest } = command
  const entry = buildJournalEntry(entryId, [
    { account: 'world:marketing-fund', amount: usd(command.budget), direction: 'debit' },
    { account: BUDGET, amount: usd(command.budget), direction: 'credit' },
  ])
  return {
    type: 'PromotionCreated',
    schemaVersion: 1,
    data: { ...rest, entry },
  } as PromotionCreated
}

/** A payment's entry: payer pays `amount - discount`, the budget the discount, the payee all. */
export const paymentEntry = (entryId: string, gross: string, discount: string): JournalEntry =>
  buildJournalEntry(entryId, [
    {
      account: 'alice',
      amount: { ...usd(gross), minor: usd(gross).minor - usd(discount).minor },
      direction: 'debit',
    },
    { account: BUDGET, amount: usd(discount), direction: 'debit' },
    { account: 'shop', amount: usd(gross), direction: 'credit' },
  ])

/** A refund's entry giving `share` back to the budget. */
export const refundEntry = (entryId: string, share: string): JournalEntry =>
  buildJournalEntry(entryId, [
    { account: 'shop', amount: usd(share), direction: 'debit' },
    { account: BUDGET, amount: usd(share), direction: 'credit' },
  ])

/** Applies a payment's discount (its entry built like the payment aggregate's). */
export const apply = (
  paymentId: string,
  gross: string,
  discount: string,
  at = AT,
  accountId = 'alice',
): ApplyDiscount =>
  ({
    type: 'ApplyDiscount',
    promotionId: PROMO,
    paymentId,
    accountId,
    amount: amount(gross),
    entry: paymentEntry(`entry-${paymentId}`, gross, discount),
    at,
  }) as ApplyDiscount

/** The event `apply` records. */
export const applied = (
  paymentId: string,
  discount: string,
  accountId = 'alice',
): DiscountApplied =>
  ({
    type: 'DiscountApplied',
    schemaVersion: 1,
    data: {
      promotionId: PROMO,
      paymentId,
      accountId,
      amount: discount,
      entryId: `entry-${paymentId}`,
      leg: 1,
      at: AT,
    },
  }) as DiscountApplied

/** Returns `share` of a payment's discount with refund entry `entryId`. */
export const giveBack = (paymentId: string, entryId: string, share: string): ReturnDiscount =>
  ({
    type: 'ReturnDiscount',
    promotionId: PROMO,
    paymentId,
    entry: refundEntry(entryId, share),
    at: AT,
  }) as ReturnDiscount

/** The event `giveBack` records. */
export const returned = (paymentId: string, entryId: string, share: string): DiscountReturned =>
  ({
    type: 'DiscountReturned',
    schemaVersion: 1,
    data: { promotionId: PROMO, paymentId, amount: share, entryId, leg: 1, at: AT },
  }) as DiscountReturned

/** Voids payment `paymentId`'s discount, citing `entryId` (by default the entry `apply` builds). */
export const voidIt = (paymentId: string, entryId = `entry-${paymentId}`): VoidDiscount =>
  ({ type: 'VoidDiscount', promotionId: PROMO, paymentId, entryId, at: AT }) as VoidDiscount

/** The event `voidIt` records for a discount `applied` recorded. */
export const voided = (paymentId: string, discount: string, accountId = 'alice'): DiscountVoided =>
  ({
    type: 'DiscountVoided',
    schemaVersion: 1,
    data: {
      promotionId: PROMO,
      paymentId,
      accountId,
      amount: discount,
      entryId: `entry-${paymentId}`,
      leg: 1,
      at: AT,
    },
  }) as DiscountVoided

/** The state after `events`. */
export const stateOf = (events: readonly PromotionEvent[]) =>
  events.reduce(evolvePromotion, initialPromotionState) as ActivePromotion
