// Promotion arbitraries and fixtures: creation commands (accepted and refused), promotion facts for
// payment decisions, and accepted histories built by running random commands through the decider
// (applications, returns and voids), with payment and refund entries built the way the payment
// aggregate builds them.
import fc from 'fast-check'
import type {
  AccountId,
  ApplyDiscount,
  Asset,
  CallerId,
  CreatePromotion,
  DecimalString,
  IsoInstant,
  JournalEntry,
  PromotionCommand,
  PromotionEvent,
  PromotionFacts,
  PromotionState,
  ReturnDiscount,
  VoidDiscount,
} from '@wallet-ledger/domain'
import {
  buildJournalEntry,
  captureEntry,
  formatMinor,
  moneyFromCanonical,
  promotionBudgetAccount,
  promotionDecider,
  quoteDiscount,
} from '@wallet-ledger/domain'

// ---------------------------------------------------------------- types

/** An accepted history: the events recorded and the state they fold to. */
export type PromotionHistory = {
  readonly events: readonly PromotionEvent[]
  readonly state: PromotionState
}

// ---------------------------------------------------------------- fixtures

/** The promotion id every fixture uses. */
export const PROMOTION_ID = 'spring'
/** When fixtures happen: inside any validity window the arbitraries draw. */
export const PROMOTION_AT = '2026-11-26T08:00:00.000Z' as IsoInstant

const USD: Asset = { code: 'USD', scale: 2 }
const PAYERS = ['alice', 'bob', 'carol'] as const
const PAYMENT_IDS = ['p-1', 'p-2', 'p-3', 'p-4'] as const

/** A `CreatePromotion` of 100.00 USD at 10 % off, with `overrides`. */
export const buildCreatePromotion = (overrides: Partial<CreatePromotion> = {}): CreatePromotion =>
  ({
    type: 'CreatePromotion',
    promotionId: PROMOTION_ID,
    asset: 'USD',
    budget: '100.00',
    discount: { percent: '10' },
    entryId: `${PROMOTION_ID}:funding`,
    at: PROMOTION_AT,
    ...overrides,
  }) as CreatePromotion

/** Facts of a fresh 10 % USD promotion with 100.00 left, with `overrides`. */
export const buildPromotionFacts = (overrides: Partial<PromotionFacts> = {}): PromotionFacts =>
  ({
    promotionId: PROMOTION_ID,
    asset: 'USD',
    discount: { percent: '10' },
    remaining: '100.00',
    usedByAccount: '0.00',
    ...overrides,
  }) as PromotionFacts

/**
 * The entry of an instant payment of `gross` by `payer` to 'shop' with this promotion's discount,
 * as the payment aggregate builds it (no fee). The discount must be positive.
 */
export const discountedPaymentEntry = (
  entryId: string,
  payer: string,
  gross: { readonly asset: string; readonly scale: number; readonly minor: bigint },
  discountMinor: bigint,
  promotionId = PROMOTION_ID,
): JournalEntry =>
  captureEntry(entryId, { payer, payee: 'shop', promotionId }, gross, {
    gross: gross.minor,
    discount: discountMinor,
    fee: 0n,
  })

/** The entry of a refund giving `shareMinor` back to the promotion's budget, from 'shop'. */
export const budgetReturnEntry = (
  entryId: string,
  asset: Asset,
  shareMinor: bigint,
  promotionId = PROMOTION_ID,
): JournalEntry =>
  buildJournalEntry(entryId, [
    {
      account: 'shop',
      amount: { asset: asset.code, scale: asset.scale, minor: shareMinor },
      direction: 'debit',
    },
    {
      account: promotionBudgetAccount(promotionId),
      amount: { asset: asset.code, scale: asset.scale, minor: shareMinor },
      direction: 'credit',
    },
  ])

/** Runs commands through the decider, keeping the accepted ones' events. */
export const runPromotionCommands = (commands: readonly PromotionCommand[]): PromotionHistory => {
  let state = promotionDecider.initialState
  const events: PromotionEvent[] = []
  for (const command of commands) {
    const decision = promotionDecider.decide(command, state)
    if (decision._tag === 'Left') continue
    for (const event of decision.right) {
      state = promotionDecider.evolve(state, event)
      events.push(event)
    }
  }
  return { events, state }
}

// ---------------------------------------------------------------- arbitraries

const amountOf = (value: bigint, asset: Asset) => formatMinor(value, asset.scale)

/** A discount rule for a budget: percentages from tiny to nearly all, fixed amounts up to the budget. */
export const arbDiscountRule = (
  asset: Asset,
  budgetMinor: bigint,
): fc.Arbitrary<CreatePromotion['discount']> =>
  fc.oneof(
    fc
      .constantFrom('10', '12.5', '0.5', '33.333333', '99.999999', '1', '50')
      .map((percent) => ({ percent }) as CreatePromotion['discount']),
    fc.bigInt({ min: 1n, max: budgetMinor }).map((fixed) => ({ fixed: amountOf(fixed, asset) })),
  )

/**
 * A `CreatePromotion` in USD: acceptable ones only (positive budget, a percent in (0, 100), a fixed
 * discount within the budget, dates in order), or any (zero amounts, 0 and 100 percent, reversed
 * dates, a fixed discount above the budget).
 */
export const arbCreatePromotion = (
  options: { readonly acceptable?: boolean } = {},
): fc.Arbitrary<CreatePromotion> => {
  const acceptable = options.acceptable ?? false
  const budget = fc.bigInt({ min: acceptable ? 1n : 0n, max: 10n ** 8n })
  return budget.chain((budgetMinor) =>
    fc
      .record({
        discount: acceptable
          ? arbDiscountRule(USD, budgetMinor > 0n ? budgetMinor : 1n)
          : fc.oneof(
              arbDiscountRule(USD, budgetMinor + 2n),
              fc
                .constantFrom('0', '100')
                .map((percent) => ({ percent }) as CreatePromotion['discount']),
            ),
        capPerAccount: fc.option(fc.bigInt({ min: acceptable ? 1n : 0n, max: 10n ** 6n }), {
          nil: undefined,
        }),
        validFrom: fc.option(
          fc.constantFrom('2026-11-01T00:00:00.000Z', '2026-11-26T08:00:00.000Z'),
          { nil: undefined },
        ),
        validUntil: fc.option(
          fc.constantFrom('2026-11-26T08:00:00.000Z', '2026-12-31T00:00:00.000Z'),
          {
            nil: undefined,
          },
        ),
      })
      .filter(
        (r) =>
          !acceptable ||
          r.validFrom === undefined ||
          r.validUntil === undefined ||
          r.validFrom < r.validUntil,
      )
      .map((r) =>
        buildCreatePromotion({
          budget: amountOf(budgetMinor, USD) as DecimalString,
          discount: r.discount,
          ...(r.capPerAccount === undefined
            ? {}
            : { capPerAccount: amountOf(r.capPerAccount, USD) as DecimalString }),
          ...(r.validFrom === undefined ? {} : { validFrom: r.validFrom as IsoInstant }),
          ...(r.validUntil === undefined ? {} : { validUntil: r.validUntil as IsoInstant }),
        }),
      ),
  )
}

/** Instants around the fixture time: before, at and after the usual validity bounds. */
const arbAt = (): fc.Arbitrary<IsoInstant> =>
  fc.constantFrom(
    '2026-10-31T23:59:59.000Z',
    '2026-11-01T00:00:00.000Z',
    PROMOTION_AT,
    '2026-12-31T00:00:00.000Z',
    '2027-01-01T00:00:00.000Z',
  ) as fc.Arbitrary<IsoInstant>

/**
 * An `ApplyDiscount` for a promotion created by `create`, whose entry carries the discount the rule
 * gives (as the payment aggregate would); amounts the rule gives nothing for are skipped.
 */
const arbApplyDiscount = (create: CreatePromotion): fc.Arbitrary<ApplyDiscount> => {
  const facts = buildPromotionFacts({
    discount: create.discount,
    remaining: '999999999999.00' as DecimalString,
  })
  // A fixed discount needs a larger payment; a percentage needs one large enough to give a unit.
  const fixedMinor =
    'fixed' in create.discount ? moneyFromCanonical('USD', create.discount.fixed).minor : 0n
  return fc
    .record({
      gross: fc.bigInt({ min: fixedMinor + 1n, max: fixedMinor + 10n ** 7n }),
      paymentId: fc.constantFrom(...PAYMENT_IDS),
      accountId: fc.constantFrom(...PAYERS),
      at: arbAt(),
    })
    .map((r) => {
      const quote = quoteDiscount(facts, {
        asset: 'USD',
        amount: amountOf(r.gross, USD),
        at: PROMOTION_AT,
      })
      return { ...r, discount: quote._tag === 'Right' ? quote.right.minor : 0n }
    })
    .filter((r) => r.discount > 0n)
    .map((r): ApplyDiscount => ({
      type: 'ApplyDiscount',
      promotionId: PROMOTION_ID as CallerId,
      paymentId: r.paymentId as CallerId,
      accountId: r.accountId as AccountId,
      amount: amountOf(r.gross, USD) as DecimalString,
      entry: discountedPaymentEntry(
        `entry-${r.paymentId}`,
        r.accountId,
        { asset: 'USD', scale: 2, minor: r.gross },
        r.discount,
      ),
      at: r.at,
    }))
}

/** A `ReturnDiscount` of any share (too large ones are refused) for any payment id. */
const arbReturnDiscount = (): fc.Arbitrary<ReturnDiscount> =>
  fc
    .record({
      paymentId: fc.constantFrom('p-1', 'p-1', 'p-2', 'p-9'),
      refund: fc.constantFrom('r-1', 'r-2', 'r-3'),
      share: fc.oneof(fc.bigInt({ min: 1n, max: 1_000n }), fc.bigInt({ min: 1n, max: 10n ** 6n })),
    })
    .map((r): ReturnDiscount => ({
      type: 'ReturnDiscount',
      promotionId: PROMOTION_ID as CallerId,
      paymentId: r.paymentId as CallerId,
      entry: budgetReturnEntry(`${r.paymentId}:${r.refund}`, USD, r.share),
      at: PROMOTION_AT,
    }))

/**
 * A `VoidDiscount` of any payment id, mostly citing the entry `arbApplyDiscount` builds for it (an
 * unknown payment, a voided one or another entry records nothing; a refunded one is refused).
 */
const arbVoidDiscount = (): fc.Arbitrary<VoidDiscount> =>
  fc
    .record({
      paymentId: fc.constantFrom(...PAYMENT_IDS, 'p-9'),
      entry: fc.constantFrom('own', 'own', 'own', 'own', 'other'),
    })
    .map(
      (r): VoidDiscount =>
        ({
          type: 'VoidDiscount',
          promotionId: PROMOTION_ID as CallerId,
          paymentId: r.paymentId as CallerId,
          entryId: r.entry === 'own' ? `entry-${r.paymentId}` : 'entry-other',
          at: PROMOTION_AT,
        }) as VoidDiscount,
    )

/** Any promotion command for the promotion `create` makes (or any creation). */
export const arbPromotionCommand = (
  create: CreatePromotion = buildCreatePromotion(),
): fc.Arbitrary<PromotionCommand> =>
  fc.oneof(
    { arbitrary: arbApplyDiscount(create), weight: 4 },
    { arbitrary: arbReturnDiscount(), weight: 3 },
    { arbitrary: arbVoidDiscount(), weight: 3 },
    { arbitrary: arbCreatePromotion(), weight: 1 },
  )

/** An accepted history: an acceptable creation, then up to `maxLength` commands, refused ones dropped. */
export const arbPromotionHistory = (
  options: { readonly maxLength?: number } = {},
): fc.Arbitrary<PromotionHistory> =>
  arbCreatePromotion({ acceptable: true }).chain((create) =>
    fc
      .array(arbPromotionCommand(create), { maxLength: options.maxLength ?? 12 })
      .map((commands) => runPromotionCommands([create, ...commands])),
  )
