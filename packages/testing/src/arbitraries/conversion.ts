// Conversion arbitraries: ConvertFunds commands that reach every outcome (executed, expired, each
// refusal, each rejection), commands sure to execute, inputs the codec must refuse, and accepted
// histories built by running commands through decide and evolve. Every command is decoded
// through its codec, so a generator bug fails loudly instead of testing nothing.
import fc from 'fast-check'
import {
  ConversionCommand,
  conversionDecider,
  formatMinor,
  limits,
  priceConversion,
} from '@wallet-ledger/domain'
import type { Asset, ConversionEvent, ConvertFunds } from '@wallet-ledger/domain'
import { arbAssetPair, arbRate, exactFraction, maxMinorOf } from './money.js'

// ---------------------------------------------------------------- types

/** A raw input the ConvertFunds codec must refuse, and the path it must name. */
export type InvalidConversionInput = {
  readonly input: Record<string, unknown>
  readonly path: string
}

/** What a conversion scenario is built from, before the command is assembled. */
type Trade = {
  readonly source: Asset
  readonly target: Asset
  readonly rate: string
  readonly amountMinor: bigint
}

// ---------------------------------------------------------------- helpers

const ACCOUNT_ID = 'alice'
const EPOCH_MS = Date.UTC(2026, 10, 26, 7, 30)
const tenTo = (exponent: number): bigint => 10n ** BigInt(exponent)
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b

const decodeCommand = (raw: Record<string, unknown>): ConvertFunds => {
  const decoded = ConversionCommand.decode(raw)
  if (decoded._tag === 'Left') {
    throw new Error(
      `arbitrary built an undecodable ConvertFunds: ${JSON.stringify(raw, bigintAsText)}`,
    )
  }
  return decoded.right
}
const bigintAsText = (_key: string, value: unknown) =>
  typeof value === 'bigint' ? `${value}n` : value

/**
 * The source amounts (minor units) whose credit is at least one target minor unit and at most the
 * largest target amount, or `undefined` when no source amount within the limits does that.
 */
const executableRange = (
  source: Asset,
  target: Asset,
  rate: string,
): { min: bigint; max: bigint } | undefined => {
  const r = exactFraction(rate)
  // credited = floor(amount × rNum × 10^ts / (10^ss × rDen)); solve 1 <= credited <= targetMax.
  const per = r.numerator * tenTo(target.scale)
  const unit = tenTo(source.scale) * r.denominator
  const min = ceilDiv(unit, per)
  const max = ((maxMinorOf(target) + 1n) * unit - 1n) / per
  const cappedMax = max < maxMinorOf(source) ? max : maxMinorOf(source)
  return min <= cappedMax ? { min, max: cappedMax } : undefined
}

/** A source amount in `range`, biased toward both ends and toward small trades. */
const arbAmountIn = (range: { min: bigint; max: bigint }): fc.Arbitrary<bigint> => {
  const small = range.min * 1000n < range.max ? range.min * 1000n : range.max
  return fc.oneof(
    { arbitrary: fc.bigInt({ min: range.min, max: small }), weight: 4 },
    { arbitrary: fc.bigInt({ min: range.min, max: range.max }), weight: 2 },
    { arbitrary: fc.constantFrom(range.min, range.max), weight: 1 },
  )
}

/** A trade whose credit is positive and within the limits. */
const arbExecutableTrade = (): fc.Arbitrary<Trade> =>
  fc
    .tuple(arbAssetPair(), arbRate())
    .map(([[source, target], rate]) => ({
      source,
      target,
      rate,
      range: executableRange(source, target, rate),
    }))
    .filter((candidate) => candidate.range !== undefined)
    .chain(({ source, target, rate, range }) =>
      arbAmountIn(range ?? { min: 1n, max: 1n }).map((amountMinor) => ({
        source,
        target,
        rate,
        amountMinor,
      })),
    )

/** Any trade: executable ones mostly, and some whose credit is zero or too large. */
const arbAnyTrade = (): fc.Arbitrary<Trade> =>
  fc.oneof(
    { arbitrary: arbExecutableTrade(), weight: 4 },
    {
      arbitrary: fc
        .tuple(arbAssetPair(), arbRate())
        .chain(([[source, target], rate]) =>
          fc
            .bigInt({ min: 1n, max: maxMinorOf(source) })
            .map((amountMinor) => ({ source, target, rate, amountMinor })),
        ),
      weight: 1,
    },
  )

const instant = (offsetMs: number): string => new Date(EPOCH_MS + offsetMs).toISOString()

/** The credit of a trade, capped at the largest target amount (used to aim `minReceived`). */
const creditOf = (trade: Trade): bigint => {
  const credited = priceConversion(
    { asset: trade.source.code, scale: trade.source.scale, minor: trade.amountMinor },
    trade.rate,
    { code: trade.target.code, scale: trade.target.scale },
  ).credited.minor
  return credited < maxMinorOf(trade.target) ? credited : maxMinorOf(trade.target)
}

/** A minor amount near `pivot`: just below, equal, just above, or anywhere up to twice it. */
const arbNear = (pivot: bigint): fc.Arbitrary<bigint> =>
  fc.oneof(
    fc.constantFrom(pivot > 0n ? pivot - 1n : 0n, pivot, pivot + 1n),
    fc.bigInt({ min: 0n, max: pivot * 2n + 1n }),
  )

/** `arbitrary` a quarter of the time, `undefined` otherwise. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 })

const rarely = fc.oneof(
  { arbitrary: fc.constant(false), weight: 4 },
  { arbitrary: fc.constant(true), weight: 1 },
)

// ---------------------------------------------------------------- sender facts

/** The sender's facts around an amount, so each check lands on both of its sides. */
const arbSenderFor = (
  amountMinor: bigint,
  everythingAllowed: boolean,
): fc.Arbitrary<Record<string, unknown>> => {
  if (everythingAllowed) {
    return arbNear(amountMinor)
      .map((extra) => amountMinor + extra)
      .map((available) => ({
        accountId: ACCOUNT_ID,
        status: 'active',
        security: { hasTwoFactor: false, hasPaymentPassword: false },
        limits: {},
        spentToday: 0n,
        available,
      }))
  }
  // Each rule breaks in a minority of cases, so the later rules in the order are reached too.
  const limit = sometimes(arbNear(amountMinor))
  return fc
    .record({
      status: fc.oneof(
        { arbitrary: fc.constant('active'), weight: 10 },
        { arbitrary: fc.constantFrom('frozen', 'closed'), weight: 1 },
      ),
      security: fc.record({ hasTwoFactor: rarely, hasPaymentPassword: rarely }),
      perPaymentMax: limit,
      perDayMax: limit,
      stepUpAbove: limit,
      spentToday: fc.oneof(fc.constant(0n), arbNear(amountMinor)),
      available: fc.oneof(
        { arbitrary: arbNear(amountMinor), weight: 1 },
        { arbitrary: arbNear(amountMinor).map((extra) => amountMinor + extra), weight: 3 },
      ),
    })
    .map(({ perPaymentMax, perDayMax, stepUpAbove, ...facts }) => ({
      accountId: ACCOUNT_ID,
      ...facts,
      limits: {
        ...(perPaymentMax === undefined ? {} : { perPaymentMax }),
        ...(perDayMax === undefined ? {} : { perDayMax }),
        ...(stepUpAbove === undefined ? {} : { stepUpAbove }),
      },
    }))
}

const arbAuthorization = fc.option(
  fc.record({
    method: fc.constantFrom('payment_password', 'two_factor'),
    verified: fc.oneof(
      { arbitrary: fc.constant(true), weight: 4 },
      { arbitrary: fc.constant(false), weight: 1 },
    ),
  }),
  { nil: undefined },
)

// ---------------------------------------------------------------- commands

const assemble = (
  trade: Trade,
  sender: Record<string, unknown>,
  extras: {
    quoteExpiresAt?: string
    minReceived?: bigint
    authorization?: unknown
    fingerprint: string
  },
): ConvertFunds =>
  decodeCommand({
    type: 'ConvertFunds',
    conversionId: 'conversion-1',
    entryId: 'conversion-entry-1',
    accountId: ACCOUNT_ID,
    from: { asset: trade.source.code, amount: formatMinor(trade.amountMinor, trade.source.scale) },
    to: { asset: trade.target.code, scale: trade.target.scale },
    rate: trade.rate,
    sender,
    at: instant(0),
    localDate: '2026-11-26',
    fingerprint: extras.fingerprint,
    ...(extras.quoteExpiresAt === undefined ? {} : { quoteExpiresAt: extras.quoteExpiresAt }),
    ...(extras.minReceived === undefined
      ? {}
      : { minReceived: formatMinor(extras.minReceived, trade.target.scale) }),
    ...(extras.authorization === undefined ? {} : { authorization: extras.authorization }),
  })

const arbFingerprint = fc.constantFrom('a', 'b', 'c').map((digit) => digit.repeat(64))

/**
 * ConvertFunds commands the codec accepts, reaching every outcome: executed, expired quotes
 * (before, at and after `at`), each business refusal, and the rejections for a credit of zero or
 * above the limits and for a closed account.
 */
export const arbConvertFunds = (): fc.Arbitrary<ConvertFunds> =>
  arbAnyTrade().chain((trade) => {
    const credit = creditOf(trade)
    return fc
      .record({
        sender: arbSenderFor(trade.amountMinor, false),
        expiresInMs: sometimes(fc.integer({ min: -2, max: 2 })),
        minReceived: sometimes(
          arbNear(credit).map((minor) =>
            minor < maxMinorOf(trade.target) ? minor : maxMinorOf(trade.target),
          ),
        ),
        authorization: arbAuthorization,
        fingerprint: arbFingerprint,
      })
      .map(({ sender, expiresInMs, minReceived, authorization, fingerprint }) =>
        assemble(trade, sender, {
          ...(expiresInMs === undefined ? {} : { quoteExpiresAt: instant(expiresInMs) }),
          ...(minReceived === undefined ? {} : { minReceived }),
          ...(authorization === undefined ? {} : { authorization }),
          fingerprint,
        }),
      )
  })

/**
 * ConvertFunds commands sure to execute: an active account with no security, no limits and
 * enough available, a quote not expired, a credit within the limits, `minReceived` met if set.
 */
export const arbExecutableConvertFunds = (): fc.Arbitrary<ConvertFunds> =>
  arbExecutableTrade().chain((trade) => {
    const credit = creditOf(trade)
    return fc
      .record({
        sender: arbSenderFor(trade.amountMinor, true),
        expiresInMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
        minReceived: fc.option(fc.bigInt({ min: 0n, max: credit }), { nil: undefined }),
      })
      .map(({ sender, expiresInMs, minReceived }) =>
        assemble(trade, sender, {
          ...(expiresInMs === undefined ? {} : { quoteExpiresAt: instant(expiresInMs) }),
          ...(minReceived === undefined ? {} : { minReceived }),
          fingerprint: 'a'.repeat(64),
        }),
      )
  })

/** Any conversion command the codec accepts (there is one command: ConvertFunds). */
export const arbConversionCommand = (): fc.Arbitrary<ConvertFunds> => arbConvertFunds()

/** Raw inputs the ConvertFunds codec refuses, each with the field path the refusal must name. */
export const arbInvalidConversionInput = (): fc.Arbitrary<InvalidConversionInput> =>
  arbExecutableConvertFunds().chain((command) => {
    const raw = ConversionCommand.encode(command) as unknown as Record<string, unknown>
    const broken = (path: string, input: Record<string, unknown>): InvalidConversionInput => ({
      input,
      path,
    })
    return fc.constantFrom(
      broken('rate', { ...raw, rate: '0' }),
      broken('rate', { ...raw, rate: '1e3' }),
      broken('rate', { ...raw, rate: `1${'1'.repeat(limits.RATE_DIGITS_MAX)}` }),
      broken('from.amount', { ...raw, from: { asset: command.from.asset, amount: '-1.00' } }),
      broken('from.asset', { ...raw, from: { asset: 'usd', amount: command.from.amount } }),
      broken('to.scale', {
        ...raw,
        to: { asset: command.to.asset, scale: limits.ASSET_SCALE_MAX + 1 },
      }),
      broken('to.scale', { ...raw, to: { asset: command.to.asset, scale: 1.5 } }),
      broken('accountId', { ...raw, accountId: 'world:market' }),
      broken('at', { ...raw, at: '2026-11-26 07:30' }),
      broken('quoteExpiresAt', { ...raw, quoteExpiresAt: 'tomorrow' }),
      broken('minReceived', { ...raw, minReceived: 'NaN' }),
      broken('fingerprint', { ...raw, fingerprint: 'F'.repeat(64) }),
      broken('sender.available', {
        ...raw,
        sender: { ...(raw['sender'] as object), available: '-5' },
      }),
      broken('authorization.verified', {
        ...raw,
        authorization: { method: 'two_factor', verified: 'yes' },
      }),
    )
  })

// ---------------------------------------------------------------- histories

/**
 * Accepted histories of one conversion: a first ConvertFunds and up to three retries (same or
 * another fingerprint), each run through `decide` on the state folded so far; only accepted
 * events are kept, so the result is what a store may hold.
 */
export const arbConversionHistory = (): fc.Arbitrary<readonly ConversionEvent[]> =>
  fc
    .tuple(
      fc.oneof(arbConvertFunds(), arbExecutableConvertFunds()),
      fc.array(arbFingerprint, { maxLength: 3 }),
    )
    .map(([first, retries]) => {
      const commands = [
        first,
        ...retries.map((fingerprint) => ({ ...first, fingerprint }) as ConvertFunds),
      ]
      const events: ConversionEvent[] = []
      let state = conversionDecider.initialState
      for (const command of commands) {
        const decision = conversionDecider.decide(command, state)
        if (decision._tag === 'Left') continue
        for (const event of decision.right) {
          state = conversionDecider.evolve(state, event)
          events.push(event)
        }
      }
      return events
    })
