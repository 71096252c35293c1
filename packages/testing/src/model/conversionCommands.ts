// The model of conversions (DESIGN.md section 3, Conversion): `from.amount × rate` credited in the
// target asset rounded down once to its scale, the dropped remainder priced back in the source
// asset (rounded down) kept by the desk's spread account, the rest of the source paid to the
// market, which pays the credit. Every refusal after the input checks is recorded.
import { fieldsKey, readAmount } from './arithmetic.js'
import {
  accountOf,
  balanceOf,
  credit,
  debit,
  ok,
  platformAccount,
  rejected,
  senderRefusal,
  todayOf,
} from './ledgerModel.js'
import { positiveAmount } from './moneyCommands.js'
import type { LedgerModel, ModelAccount, ModelConversion, ModelOutcome } from './types.js'

// ---------------------------------------------------------------- types

/** The caller's fields of `convert` the model generates. */
export type ModelConvert = {
  readonly accountId: string
  readonly from: { readonly asset: string; readonly amount: string }
  readonly to: { readonly asset: string }
  readonly rate: string
  /** An ISO instant. */
  readonly quoteExpiresAt?: string
  readonly minReceived?: string
  readonly authorization?: { readonly method: string; readonly verified: boolean }
  readonly idempotencyKey: string
}

/** What a conversion moves, in minor units. */
export type ModelPrice = { readonly credited: bigint; readonly spread: bigint }

const MARKET = 'world:market'
const DESK = 'system:desk-spread'

// ---------------------------------------------------------------- pricing

/**
 * Prices `fromMinor` (at `fromScale`) at `rate` into `toScale`: the credit is the exact product
 * rounded down; the spread is the dropped fraction of a target unit divided by the rate, in source
 * minor units, rounded down. With the rate `n / d`, the exact credit is
 * `fromMinor · n · 10^toScale / (10^fromScale · d)`, and the spread reduces to `rest / (n · 10^toScale)`.
 */
export const priceOf = (
  fromMinor: bigint,
  fromScale: number,
  rate: string,
  toScale: number,
): ModelPrice => {
  const [whole = '0', fraction = ''] = rate.split('.')
  const rateNumerator = BigInt(whole + fraction)
  const rateDenominator = 10n ** BigInt(fraction.length)
  const numerator = fromMinor * rateNumerator * 10n ** BigInt(toScale)
  const denominator = 10n ** BigInt(fromScale) * rateDenominator
  const rest = numerator % denominator
  return {
    credited: numerator / denominator,
    spread: rest / (rateNumerator * 10n ** BigInt(toScale)),
  }
}

// ---------------------------------------------------------------- convert

/**
 * `convert`: the input (amount, the target asset, the minimum), the key, the account; then, on the
 * new conversion, bad input (one asset into itself, a credit below one unit or over the limit)
 * and a closed account, rejected; then the recorded refusals in order: frozen, quote expired,
 * security, limits, balance, minimum received.
 */
export const modelConvert = (model: LedgerModel, input: ModelConvert): ModelOutcome => {
  const from = positiveAmount(model, input.from.asset, input.from.amount)
  if ('code' in from) return { expected: rejected(from.code) }
  const toScale = model.assets.get(input.to.asset)
  if (toScale === undefined) return { expected: rejected('unknown_asset') }
  const minReceived =
    input.minReceived === undefined ? undefined : readAmount(input.minReceived, toScale)
  if (minReceived !== undefined && 'code' in minReceived)
    return { expected: rejected(minReceived.code) }
  const { idempotencyKey, ...fields } = input
  const fingerprint = fieldsKey({
    ...fields,
    from: `${input.from.asset} ${from.minor}`,
    minReceived: minReceived?.minor.toString(),
  })
  const existing = model.conversions.get(idempotencyKey)
  if (existing !== undefined) {
    if (existing.fingerprint !== fingerprint)
      return { expected: rejected('idempotency_key_reused') }
    const expected = existing.failure === undefined ? ok(false) : rejected(existing.failure)
    return { expected, conversion: existing }
  }
  const account = accountOf(model, input.accountId)
  if (account === undefined || account.kind === 'system')
    return { expected: rejected('account_not_found') }
  if (input.from.asset === input.to.asset) return { expected: rejected('invalid_input') }
  const price = priceOf(from.minor, from.scale, input.rate, toScale)
  if (price.credited === 0n) return { expected: rejected('amount_not_positive') }
  if (account.status === 'closed') return { expected: rejected('account_closed') }
  const refusal = conversionRefusal(model, account, input, from.minor, price, minReceived?.minor)
  const conversion: ModelConversion = {
    key: idempotencyKey,
    fingerprint,
    status: refusal === undefined ? 'executed' : refusal === 'quote_expired' ? 'expired' : 'failed',
    ...(refusal === undefined ? {} : { failure: refusal }),
    from: { asset: input.from.asset, minor: from.minor },
    credited: { asset: input.to.asset, minor: refusal === undefined ? price.credited : 0n },
  }
  model.conversions.set(idempotencyKey, conversion)
  if (refusal !== undefined)
    return { expected: { kind: 'recorded', code: refusal, workflow: 'conversion' }, conversion }
  execute(model, account, input, from.minor, price)
  return { expected: ok(), conversion }
}

const conversionRefusal = (
  model: LedgerModel,
  account: ModelAccount,
  input: ModelConvert,
  fromMinor: bigint,
  price: ModelPrice,
  minReceived: bigint | undefined,
): string | undefined => {
  if (account.status === 'frozen') return 'account_frozen'
  if (input.quoteExpiresAt !== undefined && model.nowMs > Date.parse(input.quoteExpiresAt))
    return 'quote_expired'
  const sender = senderRefusal(model, account, input.from.asset, fromMinor, input.authorization)
  if (sender !== undefined) return sender
  if (balanceOf(account, input.from.asset).available < fromMinor) return 'insufficient_balance'
  if (minReceived !== undefined && price.credited < minReceived) return 'min_received_not_met'
  return undefined
}

// The entry: the account pays the source, the market gets it less the spread, the desk the
// spread; the market pays the credit to the account. The debit counts toward today's limit.
const execute = (
  model: LedgerModel,
  account: ModelAccount,
  input: ModelConvert,
  fromMinor: bigint,
  price: ModelPrice,
): void => {
  const market = platformAccount(model, MARKET)
  debit(account, input.from.asset, fromMinor, todayOf(model))
  credit(market, input.from.asset, fromMinor - price.spread)
  if (price.spread > 0n) credit(platformAccount(model, DESK), input.from.asset, price.spread)
  debit(market, input.to.asset, price.credited)
  credit(account, input.to.asset, price.credited)
}
