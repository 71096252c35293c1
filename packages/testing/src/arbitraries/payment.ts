// Payment arbitraries and fixtures: named builders for every payment command, requests that pass
// or fail every check, follow-up commands (capture, cancel, expire, refund) and accepted histories
// built by running random commands through the decider.
import fc from 'fast-check'
import type {
  AccountId,
  Asset,
  AssetCode,
  CallerId,
  CancelPayment,
  CapturePayment,
  DecimalString,
  ExpirePayment,
  IsoInstant,
  LocalDate,
  PayeeFacts,
  Percent,
  PaymentCommand,
  PaymentEvent,
  PaymentState,
  PromotionFacts,
  RefundPayment,
  RequestPayment,
  Sha256Hex,
} from '@wallet-ledger/domain'
import { formatMinor, moneyFromCanonical, paymentDecider } from '@wallet-ledger/domain'
import { buildPromotionFacts } from './promotion.js'

// ---------------------------------------------------------------- types

/** The payer's facts as a `RequestPayment` carries them. */
export type PaymentSender = RequestPayment['payer']

/** An accepted history: the events recorded and the state they fold to. */
export type PaymentHistory = {
  readonly events: readonly PaymentEvent[]
  readonly state: PaymentState
}

/** Options of `arbRequestPayment`. */
export type PaymentRequestOptions = {
  /** Only requests that are captured or authorized (no refusal, no input error). */
  readonly acceptable?: boolean
}

// ---------------------------------------------------------------- fixtures

/** The payment id every fixture uses. */
export const PAYMENT_ID = 'p-1'
/** When fixture payments are requested. */
export const PAYMENT_AT = '2026-11-26T08:00:00.000Z' as IsoInstant
/** When fixture authorizations expire. */
export const PAYMENT_EXPIRES_AT = '2026-11-27T08:00:00.000Z' as IsoInstant
/** The fingerprint fixture requests carry. */
export const PAYMENT_FINGERPRINT = 'a'.repeat(64) as Sha256Hex

/** An active payer without security settings or limits, 1 000.00 available. */
export const buildPaymentSender = (overrides: Partial<PaymentSender> = {}): PaymentSender => ({
  accountId: 'alice' as AccountId,
  status: 'active',
  security: { hasTwoFactor: false, hasPaymentPassword: false },
  limits: {},
  spentToday: 0n,
  available: 100_000n,
  ...overrides,
})

/** An active merchant 'shop' without a fee rate. */
export const buildPaymentPayee = (overrides: Partial<PayeeFacts> = {}): PayeeFacts => ({
  accountId: 'shop' as AccountId,
  kind: 'merchant',
  status: 'active',
  ...overrides,
})

/** An instant merchant-QR payment of 20.00 USD from 'alice' to 'shop', with `overrides`. */
export const buildRequestPayment = (overrides: Partial<RequestPayment> = {}): RequestPayment => ({
  type: 'RequestPayment',
  paymentId: PAYMENT_ID as CallerId,
  entryId: `${PAYMENT_ID}:capture`,
  fingerprint: PAYMENT_FINGERPRINT,
  channel: 'merchant_qr',
  payer: buildPaymentSender(),
  payee: buildPaymentPayee(),
  asset: 'USD' as AssetCode,
  amount: '20.00' as DecimalString,
  capture: 'instant',
  at: PAYMENT_AT,
  localDate: '2026-11-26' as LocalDate,
  ...overrides,
})

/** A manual online payment held under 'h-1' until `PAYMENT_EXPIRES_AT`, with `overrides`. */
export const buildManualRequestPayment = (
  overrides: Partial<RequestPayment> = {},
): RequestPayment =>
  buildRequestPayment({
    channel: 'online',
    capture: 'manual',
    hold: { holdId: 'h-1', expiresAt: PAYMENT_EXPIRES_AT },
    ...overrides,
  })

/** Captures the fixture payment (all of it unless `amount` is given). */
export const buildCapturePayment = (overrides: Partial<CapturePayment> = {}): CapturePayment => ({
  type: 'CapturePayment',
  paymentId: PAYMENT_ID as CallerId,
  entryId: `${PAYMENT_ID}:capture`,
  at: PAYMENT_AT,
  ...overrides,
})

/** Cancels the fixture payment. */
export const buildCancelPayment = (overrides: Partial<CancelPayment> = {}): CancelPayment => ({
  type: 'CancelPayment',
  paymentId: PAYMENT_ID as CallerId,
  at: PAYMENT_AT,
  ...overrides,
})

/** Expires the fixture payment at `PAYMENT_EXPIRES_AT`. */
export const buildExpirePayment = (overrides: Partial<ExpirePayment> = {}): ExpirePayment => ({
  type: 'ExpirePayment',
  paymentId: PAYMENT_ID as CallerId,
  at: PAYMENT_EXPIRES_AT,
  ...overrides,
})

/** Refunds everything refundable of the fixture payment as refund 'r-1', no dispute. */
export const buildRefundPayment = (overrides: Partial<RefundPayment> = {}): RefundPayment => {
  const refundId = overrides.refundId ?? 'r-1'
  return {
    type: 'RefundPayment',
    paymentId: PAYMENT_ID as CallerId,
    refundId,
    entryId: `${PAYMENT_ID}:${refundId}`,
    fingerprint: PAYMENT_FINGERPRINT,
    hasOpenDispute: false,
    disputeRefunded: '0.00' as DecimalString,
    at: PAYMENT_AT,
    ...overrides,
  }
}

/** Runs commands through the decider, keeping the accepted ones' events. */
export const runPaymentCommands = (commands: readonly PaymentCommand[]): PaymentHistory => {
  let state = paymentDecider.initialState
  const events: PaymentEvent[] = []
  for (const command of commands) {
    const decision = paymentDecider.decide(command, state)
    if (decision._tag === 'Left') continue
    for (const event of decision.right) {
      state = paymentDecider.evolve(state, event)
      events.push(event)
    }
  }
  return { events, state }
}

// ---------------------------------------------------------------- arbitraries

const ASSETS: readonly Asset[] = [
  { code: 'USD', scale: 2 },
  { code: 'BTC', scale: 8 },
  { code: 'JPY', scale: 0 },
]
const CHANNELS = ['merchant_qr', 'online', 'p2p', 'bill'] as const
const GROSS_MAX = 10n ** 9n

const amountOf = (minor: bigint, asset: Asset) => formatMinor(minor, asset.scale)

/** A fingerprint from a small set, so reused keys with other fields come up. */
const arbFingerprint = (): fc.Arbitrary<Sha256Hex> =>
  fc.constantFrom('a', 'b').map((digit) => digit.repeat(64) as Sha256Hex)

/**
 * Payer facts for `chargedMinor`. Acceptable facts: active, no limits, enough available, any
 * security (the request then carries a verified two-factor). Others range over frozen and closed
 * accounts, limits and balances around the amount.
 */
export const arbPaymentSender = (
  chargedMinor: bigint,
  acceptable: boolean,
): fc.Arbitrary<PaymentSender> => {
  const around = fc.bigInt({ min: 0n, max: chargedMinor * 2n + 1n })
  return fc.record({
    accountId: fc.constant('alice' as AccountId),
    status: acceptable
      ? fc.constant('active' as const)
      : fc.constantFrom('active', 'active', 'active', 'frozen', 'closed'),
    security: fc.record({ hasTwoFactor: fc.boolean(), hasPaymentPassword: fc.boolean() }),
    limits: acceptable
      ? fc.constant({})
      : fc.oneof(
          fc.constant({}),
          fc.record(
            { perPaymentMax: around, perDayMax: around, stepUpAbove: around },
            { requiredKeys: [] },
          ),
        ),
    spentToday: acceptable ? fc.constant(0n) : around,
    available: acceptable ? fc.bigInt({ min: chargedMinor, max: chargedMinor * 3n + 1n }) : around,
  })
}

/** Promotion facts for a payment of `grossMinor`: acceptable ones give a discount, others may refuse. */
const arbPromotionFacts = (
  asset: Asset,
  grossMinor: bigint,
  acceptable: boolean,
): fc.Arbitrary<PromotionFacts> => {
  const fixedMax = acceptable ? (grossMinor > 1n ? grossMinor - 1n : 1n) : grossMinor + 1n
  const discount = fc.oneof(
    fc
      .constantFrom('10', '12.5', '33.333333', '0.5')
      .map((percent) => ({ percent }) as PromotionFacts['discount']),
    fc.bigInt({ min: 1n, max: fixedMax }).map((fixed) => ({ fixed: amountOf(fixed, asset) })),
  )
  const budget = fc.bigInt({ min: 0n, max: grossMinor + 1n }).map((minor) => amountOf(minor, asset))
  return fc
    .record({
      discount,
      remaining: acceptable ? fc.constant(amountOf(GROSS_MAX * 10n, asset)) : budget,
      capPerAccount: acceptable ? fc.constant(undefined) : fc.option(budget, { nil: undefined }),
      validUntil: acceptable
        ? fc.constant(undefined)
        : fc.option(fc.constantFrom('2026-11-25T00:00:00.000Z'), { nil: undefined }),
    })
    .map((r) =>
      buildPromotionFacts({
        asset: asset.code as AssetCode,
        discount: r.discount,
        remaining: r.remaining,
        usedByAccount: amountOf(0n, asset),
        ...(r.capPerAccount === undefined ? {} : { capPerAccount: r.capPerAccount }),
        ...(r.validUntil === undefined ? {} : { validUntil: r.validUntil as IsoInstant }),
      }),
    )
}

/** The input errors `arbRequestPayment` injects into one request in three. */
type InputFlaw =
  | 'same_account'
  | 'zero_amount'
  | 'manual_off_online'
  | 'missing_hold'
  | 'stray_hold'
  | 'hold_expired'
  | 'manual_promotion'

const INPUT_FLAWS: readonly InputFlaw[] = [
  'same_account',
  'zero_amount',
  'manual_off_online',
  'missing_hold',
  'stray_hold',
  'hold_expired',
  'manual_promotion',
]

/** `command` with one input error (which the decider must reject, recording nothing). */
const withInputFlaw = (
  command: RequestPayment,
  flaw: InputFlaw,
  promotion: PromotionFacts,
): RequestPayment => {
  const hold = { holdId: 'h-1', expiresAt: PAYMENT_EXPIRES_AT }
  const manual = { ...command, channel: 'online' as const, capture: 'manual' as const, hold }
  switch (flaw) {
    case 'same_account':
      return { ...command, payee: { ...command.payee, accountId: command.payer.accountId } }
    case 'zero_amount':
      return {
        ...command,
        amount: formatMinor(0n, moneyFromCanonical(command.asset, command.amount).scale),
      }
    case 'manual_off_online':
      return { ...manual, channel: 'bill' }
    case 'missing_hold': {
      const { hold: _hold, ...rest } = manual
      return rest
    }
    case 'stray_hold':
      return { ...command, capture: 'instant', hold }
    case 'hold_expired':
      return { ...manual, hold: { ...hold, expiresAt: command.at } }
    case 'manual_promotion':
      return { ...manual, promotion }
  }
}

/**
 * A payment request: acceptable ones only (captured at once or authorized), or any: random facts
 * that refuse it for a business reason (frozen, closed, security, limits, promotion, balance), and
 * in one request in three an input error (same account, zero, manual capture off the online
 * channel, missing or stray hold, a hold already expired, a promotion on a manual payment).
 */
export const arbRequestPayment = (
  options: PaymentRequestOptions = {},
): fc.Arbitrary<RequestPayment> => {
  const acceptable = options.acceptable ?? false
  return fc
    .record({
      asset: fc.constantFrom(...ASSETS),
      gross: fc.bigInt({ min: 1n, max: GROSS_MAX }),
      manual: fc.boolean(),
      channel: fc.constantFrom(...CHANNELS),
      withPromotion: fc.boolean(),
      feeRate: fc.option(fc.constantFrom('0', '2.5', '0.6', '100', '33.333333'), {
        nil: undefined,
      }),
      memo: fc.option(fc.constantFrom('lunch', 'rent'), { nil: undefined }),
      fingerprint: arbFingerprint(),
      payeeStatus: fc.constantFrom(
        ...(acceptable ? ['active', 'frozen'] : ['active', 'active', 'frozen', 'closed']),
      ),
      verified: fc.boolean(),
      flaw: acceptable
        ? fc.constant(undefined)
        : fc.option(fc.constantFrom(...INPUT_FLAWS), { freq: 2, nil: undefined }),
    })
    .chain((r) =>
      fc
        .tuple(
          arbPaymentSender(r.gross, acceptable),
          arbPromotionFacts(r.asset, r.gross, acceptable),
        )
        .map(([payer, promotion]): RequestPayment => {
          const command = buildRequestPayment({
            fingerprint: r.fingerprint,
            channel: r.manual ? 'online' : r.channel,
            capture: r.manual ? 'manual' : 'instant',
            payer,
            payee: buildPaymentPayee({
              status: r.payeeStatus as PayeeFacts['status'],
              ...(r.feeRate === undefined ? {} : { merchantFeeRate: r.feeRate as Percent }),
            }),
            asset: r.asset.code as AssetCode,
            amount: amountOf(r.gross, r.asset) as DecimalString,
            authorization: { method: 'two_factor', verified: acceptable || r.verified },
            ...(r.memo === undefined ? {} : { memo: r.memo }),
            ...(r.manual ? { hold: { holdId: 'h-1', expiresAt: PAYMENT_EXPIRES_AT } } : {}),
            ...(!r.manual && r.withPromotion ? { promotion } : {}),
          })
          return r.flaw === undefined ? command : withInputFlaw(command, r.flaw, promotion)
        }),
    )
}

/** Instants around the fixture authorization: at the request, at expiry, after it. */
const arbAt = (): fc.Arbitrary<IsoInstant> =>
  fc.constantFrom(PAYMENT_AT, PAYMENT_EXPIRES_AT, '2026-11-27T08:00:00.001Z' as IsoInstant)

/** A command following `request`: captures, cancellations, expiries and refunds of any amount. */
export const arbPaymentFollowUp = (request: RequestPayment): fc.Arbitrary<PaymentCommand> => {
  const { scale, minor: gross } = moneyFromCanonical(request.asset, request.amount)
  const asset: Asset = { code: request.asset, scale }
  const someAmount = fc.option(
    fc.bigInt({ min: 0n, max: gross + 1n }).map((minor) => amountOf(minor, asset) as DecimalString),
    { nil: undefined },
  )
  return fc.oneof(
    fc
      .record({ amount: someAmount, at: arbAt() })
      .map(({ amount, at }) =>
        buildCapturePayment({ at, ...(amount === undefined ? {} : { amount }) }),
      ),
    arbAt().map((at) => buildCancelPayment({ at })),
    fc.constantFrom(PAYMENT_AT, PAYMENT_EXPIRES_AT).map((at) => buildExpirePayment({ at })),
    fc
      .record({
        refundId: fc.constantFrom('r-1', 'r-2', 'r-3', 'r-4'),
        fingerprint: arbFingerprint(),
        amount: someAmount,
        hasOpenDispute: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, fc.constant(true)),
        disputeRefunded: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: gross })),
      })
      .map((r) =>
        buildRefundPayment({
          refundId: r.refundId,
          fingerprint: r.fingerprint,
          hasOpenDispute: r.hasOpenDispute,
          disputeRefunded: amountOf(r.disputeRefunded, asset) as DecimalString,
          ...(r.amount === undefined ? {} : { amount: r.amount }),
        }),
      ),
  )
}

/** Any payment command: a request (acceptable or not) or a follow-up of an acceptable one. */
export const arbPaymentCommand = (): fc.Arbitrary<PaymentCommand> =>
  fc.oneof(
    arbRequestPayment(),
    arbRequestPayment({ acceptable: true }).chain((request) => arbPaymentFollowUp(request)),
  )

/**
 * An accepted history: a request (acceptable ones weighted up), then up to `maxLength` follow-ups,
 * refused ones dropped. The commands are returned too, for properties about what was asked.
 */
export const arbPaymentHistory = (
  options: { readonly maxLength?: number } = {},
): fc.Arbitrary<PaymentHistory & { readonly commands: readonly PaymentCommand[] }> =>
  fc
    .oneof(
      { arbitrary: arbRequestPayment({ acceptable: true }), weight: 4 },
      { arbitrary: arbRequestPayment(), weight: 1 },
    )
    .chain((request) =>
      fc
        .array(arbPaymentFollowUp(request), { maxLength: options.maxLength ?? 10 })
        .map((followUps) => {
          const commands = [request, ...followUps]
          return { ...runPaymentCommands(commands), commands }
        }),
    )
