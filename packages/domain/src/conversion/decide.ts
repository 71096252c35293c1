// The conversion's decisions (DESIGN.md section 3, Conversion). Bad input is rejected and writes
// nothing; a business refusal writes only the failure (ConversionExpired, ConversionFailed), which
// the engine returns to the caller through `conversionFailureOf`.
import { keyReusedMessage } from '../errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { absurd, assert } from '../assert.js'
import { compareInstants } from '../calendar/instant.js'
import type { DomainError } from '../errors.js'
import { AMOUNT_INTEGER_DIGITS_MAX, ASSET_SCALE_MAX, REASON_LENGTH_MAX } from '../limits.js'
import { formatMoney, parseAmount, parsePositiveAmount, powerOfTen } from '../money/money.js'
import type { Money } from '../money/money.js'
import { checkAuthorization, checkLimits } from '../security/authorization.js'
import type { ConversionCommand, ConvertFunds } from './commands.js'
import { conversionError } from './errors.js'
import type { ConversionError } from './errors.js'
import type { ConversionEvent, ConversionExpired, ConversionFailed } from './events.js'
import { conversionEntry, priceConversion } from './pricing.js'
import type { ConversionPrice } from './pricing.js'
import type { ConversionState } from './state.js'

// ---------------------------------------------------------------- types

type Decision = Either<ConversionError, readonly ConversionEvent[]>

/** A command whose input has been checked: the amounts as money, and the price. */
type Request = {
  readonly from: Money
  readonly minReceived: Money | undefined
  readonly price: ConversionPrice
}

// ---------------------------------------------------------------- decide

/** Decides a conversion command against the conversion's state. */
export const decideConversion = (command: ConversionCommand, state: ConversionState): Decision => {
  switch (command.type) {
    case 'ConvertFunds':
      return convertFunds(command, state)
    default:
      return absurd(command.type)
  }
}

/**
 * Checks, in order: a replay (same fingerprint: nothing to record; other fields:
 * `idempotency_key_reused`), the input (rejected, nothing written), a closed account (rejected),
 * then the business rules, each recorded as the only event: frozen, quote expired,
 * authorization, limits, balance, minimum received. Otherwise executes.
 */
const convertFunds = (command: ConvertFunds, state: ConversionState): Decision => {
  if (state.status !== 'not_started') {
    assert(state.conversionId === command.conversionId, 'ConvertFunds sent to another conversion')
    if (state.fingerprint === command.fingerprint) return right([])
    return left(
      conversionError('idempotency_key_reused', keyReusedMessage('conversion'), {
        conversionId: command.conversionId,
      }),
    )
  }
  assert(
    (command.sender.accountId as string) === command.accountId,
    'ConvertFunds: sender facts of another account',
  )
  const request = readRequest(command)
  if (request._tag === 'Left') return request
  if (command.sender.status === 'closed') {
    return left(
      conversionError('account_closed', `account ${command.accountId} is closed`, {
        path: 'accountId',
      }),
    )
  }
  const refusal = refusalOf(command, request.right)
  return right([refusal ?? executed(command, request.right)])
}

// ---------------------------------------------------------------- input

/** The input checks: amounts readable and positive, two assets, a credit within the limits. */
const readRequest = (command: ConvertFunds): Either<ConversionError, Request> => {
  if (command.from.asset === command.to.asset) {
    return left(
      conversionError(
        'invalid_input',
        `to.asset: cannot convert ${command.from.asset} into itself`,
        {
          path: 'to.asset',
        },
      ),
    )
  }
  const from = readFromAmount(command)
  if (from._tag === 'Left') return from
  const minReceived = readMinReceived(command)
  if (minReceived._tag === 'Left') return minReceived
  const price = priceConversion(from.right, command.rate, {
    code: command.to.asset,
    scale: command.to.scale,
  })
  if (price.credited.minor === 0n) {
    return left(
      conversionError(
        'amount_not_positive',
        `from.amount: ${formatMoney(from.right)} ${command.from.asset} buys less than the smallest unit of ${command.to.asset} at ${command.rate}`,
        { path: 'from.amount' },
      ),
    )
  }
  if (price.credited.minor >= powerOfTen(AMOUNT_INTEGER_DIGITS_MAX + command.to.scale)) {
    return left(
      conversionError(
        'amount_too_large',
        `from.amount: buys more than the largest amount of ${command.to.asset}`,
        {
          path: 'from.amount',
        },
      ),
    )
  }
  return right({ from: from.right, minReceived: minReceived.right, price })
}

/** The canonical source amount: its decimals are its asset's scale (at most 18). */
const readFromAmount = (command: ConvertFunds): Either<ConversionError, Money> => {
  const text = command.from.amount
  const point = text.indexOf('.')
  const scale = point < 0 ? 0 : text.length - point - 1
  if (scale > ASSET_SCALE_MAX) {
    return left(
      conversionError(
        'invalid_input',
        `from.amount: at most ${ASSET_SCALE_MAX} decimals, got "${text}"`,
        {
          path: 'from.amount',
        },
      ),
    )
  }
  return parsePositiveAmount(text, { code: command.from.asset, scale }, 'from.amount')
}

/** The optional minimum to receive, in the target asset at its scale. */
const readMinReceived = (command: ConvertFunds): Either<ConversionError, Money | undefined> => {
  if (command.minReceived === undefined) return right(undefined)
  return parseAmount(
    command.minReceived,
    { code: command.to.asset, scale: command.to.scale },
    'minReceived',
  )
}

// ---------------------------------------------------------------- business rules

/** The first business rule the conversion breaks, as the event that records it. */
const refusalOf = (command: ConvertFunds, request: Request): Refusal | undefined =>
  standingRefusal(command) ?? spendingRefusal(command, request)

type Refusal = ConversionExpired | ConversionFailed

/** Rules about the account and the quote, whatever the amount: frozen, then expired. */
const standingRefusal = (command: ConvertFunds): Refusal | undefined => {
  if (command.sender.status === 'frozen') {
    const reason = 'the account is frozen: it can receive money but not send or convert it'
    return failed(command, 'account_frozen', reason)
  }
  if (
    command.quoteExpiresAt !== undefined &&
    compareInstants(command.at, command.quoteExpiresAt) > 0
  ) {
    return expired(command, command.quoteExpiresAt)
  }
  return undefined
}

/** Rules about the amount: authorization, limits, balance, then the minimum to receive. */
const spendingRefusal = (command: ConvertFunds, request: Request): Refusal | undefined => {
  const { sender } = command
  const amount = request.from.minor
  const authorized = checkAuthorization(sender, amount, command.authorization)
  if (authorized._tag === 'Left') {
    return failed(command, 'security_check_failed', securityReason(command, authorized.left))
  }
  const withinLimits = checkLimits(sender, amount)
  if (withinLimits._tag === 'Left') {
    return failed(command, 'limit_exceeded', withinLimits.left.message)
  }
  if (sender.available < amount) {
    const reason = `the available ${command.from.asset} balance is below the amount`
    return failed(command, 'insufficient_balance', reason)
  }
  const { minReceived, price } = request
  if (minReceived !== undefined && price.credited.minor < minReceived.minor) {
    const gives = `${formatMoney(price.credited)} ${command.to.asset}`
    const reason = `the quote gives ${gives}, below the minimum of ${formatMoney(minReceived)}`
    return failed(command, 'min_received_not_met', reason)
  }
  return undefined
}

// ---------------------------------------------------------------- events

const executed = (command: ConvertFunds, request: Request): ConversionEvent => {
  const { from, price } = request
  return {
    type: 'ConversionExecuted',
    schemaVersion: 1,
    data: {
      conversionId: command.conversionId,
      accountId: command.accountId,
      debited: { asset: command.from.asset, amount: formatMoney(from) },
      credited: { asset: command.to.asset, amount: formatMoney(price.credited) },
      rate: command.rate,
      spread: { asset: command.from.asset, amount: formatMoney(price.spread) },
      remainder: price.remainder,
      entry: conversionEntry(command.entryId, command.accountId, from, price),
      limitDate: command.localDate,
      fingerprint: command.fingerprint,
      at: command.at,
    },
  }
}

const expired = (
  command: ConvertFunds,
  quoteExpiresAt: ConversionExpired['data']['quoteExpiresAt'],
): ConversionExpired => ({
  type: 'ConversionExpired',
  schemaVersion: 1,
  data: { ...requestData(command), quoteExpiresAt },
})

const failed = (
  command: ConvertFunds,
  code: ConversionFailed['data']['code'],
  reason: string,
): ConversionFailed => {
  assert(reason.length <= REASON_LENGTH_MAX, `conversion refusal reason too long: ${reason.length}`)
  return {
    type: 'ConversionFailed',
    schemaVersion: 1,
    data: { ...requestData(command), code, reason },
  }
}

const requestData = (command: ConvertFunds) => ({
  conversionId: command.conversionId,
  accountId: command.accountId,
  from: command.from,
  to: command.to,
  rate: command.rate,
  fingerprint: command.fingerprint,
  at: command.at,
})

// ---------------------------------------------------------------- helpers

/** Why the security check failed, in words about a conversion rather than a payment. */
const securityReason = (
  command: ConvertFunds,
  error: DomainError<'security_check_failed'>,
): string => {
  if (command.authorization !== undefined && !command.authorization.verified) return error.message
  return error.details?.['required'] === 'two_factor'
    ? 'this conversion needs two-factor verification'
    : 'this conversion needs the payment password or two-factor verification'
}
