// Deciding a payment request. Bad input is rejected (`left`, nothing recorded); a business refusal
// is recorded as the payment's only event, `PaymentFailed`, and reported by `paymentFailureOf`; otherwise
// the payment is captured at once or authorized.
import type { Either } from 'fp-ts/lib/Either.js'
import { isLeft, left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import type { DomainError } from '../errors.js'
import { domainError, keyReusedMessage } from '../errors.js'
import type { Money } from '../money/money.js'
import { formatMinor, moneyFromCanonical } from '../money/money.js'
import { quoteDiscount } from '../promotion/quote.js'
import { checkAuthorization, checkLimits } from '../security/authorization.js'
import type { PaymentFailureCode, PaymentRequest } from './codecs.js'
import type { RequestPayment } from './commands.js'
import type { PaymentError } from './errors.js'
import { paymentError } from './errors.js'
import type { PaymentEvent } from './events.js'
import { captureEntry, merchantFeeOf } from './postings.js'
import type { PaymentState } from './state.js'

type Decision = Either<PaymentError, readonly PaymentEvent[]>
type Refusal = DomainError<PaymentFailureCode>

// ---------------------------------------------------------------- decision

/**
 * Decides a `RequestPayment`. On an existing payment: the same fingerprint records nothing (a retry;
 * the engine answers from the stored state), another is `idempotency_key_reused`. Input errors,
 * rejected with nothing recorded: `same_account`, `amount_not_positive`, `invalid_input` (manual
 * capture off the online channel, a missing or stray `hold`, a hold expiring before `at`, a
 * promotion on a manual payment). Business refusals, recorded as `PaymentFailed`, checked in this
 * order: payer closed or frozen, payee closed (a frozen payee still receives), authorization,
 * limits, promotion, balance. Authorization, limits and balance apply to what leaves the payer:
 * the amount less a valid discount.
 */
export const requestPayment = (command: RequestPayment, state: PaymentState): Decision => {
  if (state.status !== 'not_requested') return retryOrReused(command, state.request)
  const invalid = invalidRequest(command)
  if (invalid !== undefined) return left(invalid)
  const amount = moneyFromCanonical(command.asset, command.amount)
  const quote =
    command.promotion === undefined
      ? right({ ...amount, minor: 0n })
      : quoteDiscount(command.promotion, {
          asset: command.asset,
          amount: command.amount,
          at: command.at,
        })
  // A refused promotion gives no discount, so the earlier checks see the full amount.
  const discount = isLeft(quote) ? 0n : quote.right.minor
  assert(discount >= 0n && discount < amount.minor, 'requestPayment: discount out of range')
  const refusal =
    refusalOf(command, amount.minor - discount) ?? (isLeft(quote) ? quote.left : undefined)
  const refused = refusal ?? insufficientBalance(command, amount.minor - discount)
  if (refused !== undefined) return right([paymentFailed(command, refused)])
  return right([
    command.capture === 'instant' ? captured(command, amount, discount) : authorized(command),
  ])
}

// ---------------------------------------------------------------- checks

const retryOrReused = (command: RequestPayment, recorded: PaymentRequest): Decision => {
  if (recorded.fingerprint === command.fingerprint) return right([])
  return left(
    paymentError('idempotency_key_reused', keyReusedMessage('payment'), {
      paymentId: command.paymentId,
    }),
  )
}

const invalidRequest = (command: RequestPayment): PaymentError | undefined => {
  if (command.payer.accountId === command.payee.accountId) {
    return paymentError('same_account', 'payer and payee are the same account', { path: 'payee' })
  }
  if (moneyFromCanonical(command.asset, command.amount).minor === 0n) {
    return paymentError('amount_not_positive', 'amount: must be greater than zero', {
      path: 'amount',
    })
  }
  if (command.capture === 'instant') {
    return command.hold === undefined
      ? undefined
      : invalidInput('hold', 'only a manual capture holds funds')
  }
  if (command.channel !== 'online')
    return invalidInput('capture', 'manual capture is for online checkout only')
  if (command.hold === undefined) return invalidInput('hold', 'a manual capture needs a hold')
  if (Date.parse(command.hold.expiresAt) <= Date.parse(command.at)) {
    return invalidInput('hold.expiresAt', 'the hold must expire after the payment is authorized')
  }
  // A manual capture may take less than authorized; a discount quoted on the whole amount would
  // then need reserving and splitting, so promotions apply to instant payments only.
  if (command.promotion !== undefined)
    return invalidInput('promotionId', 'promotions apply to instant payments only')
  return undefined
}

/** The first refusal among account status, authorization and limits, for `chargedMinor`. */
const refusalOf = (command: RequestPayment, chargedMinor: bigint): Refusal | undefined => {
  const { payer, payee } = command
  if (payer.status !== 'active') return accountRefusal(payer.status, 'payer', payer.accountId)
  if (payee.status === 'closed') return accountRefusal('closed', 'payee', payee.accountId)
  const authorization = checkAuthorization(payer, chargedMinor, command.authorization)
  if (isLeft(authorization)) return authorization.left
  const limits = checkLimits(payer, chargedMinor)
  return isLeft(limits) ? limits.left : undefined
}

const accountRefusal = (
  status: 'frozen' | 'closed',
  party: 'payer' | 'payee',
  accountId: string,
): Refusal =>
  status === 'frozen'
    ? domainError('account_frozen', `the ${party}'s account is frozen`, { party, accountId })
    : domainError('account_closed', `the ${party}'s account is closed`, { party, accountId })

const insufficientBalance = (command: RequestPayment, chargedMinor: bigint): Refusal | undefined =>
  command.payer.available < chargedMinor
    ? domainError(
        'insufficient_balance',
        `the payer's available ${command.asset} balance is too low`,
      )
    : undefined

// Only a merchant pays a fee; a rate on another payee is ignored, never charged to a person.
const merchantFeeRateOf = (command: RequestPayment) =>
  command.payee.kind === 'merchant' ? command.payee.merchantFeeRate : undefined

const invalidInput = (path: string, message: string): PaymentError =>
  paymentError('invalid_input', `${path}: ${message}`, { path })

// ---------------------------------------------------------------- events

const requestOf = (command: RequestPayment): PaymentRequest => ({
  fingerprint: command.fingerprint,
  channel: command.channel,
  payer: command.payer.accountId,
  payee: command.payee.accountId,
  asset: command.asset,
  amount: command.amount,
  capture: command.capture,
  ...(command.memo === undefined ? {} : { memo: command.memo }),
  ...(command.promotion === undefined ? {} : { promotionId: command.promotion.promotionId }),
})

const paymentFailed = (command: RequestPayment, refusal: Refusal): PaymentEvent => ({
  type: 'PaymentFailed',
  schemaVersion: 1,
  data: {
    paymentId: command.paymentId,
    request: requestOf(command),
    reason: { code: refusal.code, message: refusal.message },
    at: command.at,
  },
})

const captured = (command: RequestPayment, amount: Money, discount: bigint): PaymentEvent => {
  const fee = merchantFeeOf(amount.minor, merchantFeeRateOf(command))
  const parties = {
    payer: command.payer.accountId,
    payee: command.payee.accountId,
    ...(discount > 0n && command.promotion !== undefined
      ? { promotionId: command.promotion.promotionId }
      : {}),
  }
  const entry = captureEntry(command.entryId, parties, amount, {
    gross: amount.minor,
    discount,
    fee,
  })
  return {
    type: 'PaymentCaptured',
    schemaVersion: 1,
    data: {
      paymentId: command.paymentId,
      request: requestOf(command),
      amount: command.amount,
      ...(discount === 0n ? {} : { discount: formatMinor(discount, amount.scale) }),
      ...(fee === 0n ? {} : { fee: formatMinor(fee, amount.scale) }),
      entry,
      at: command.at,
    },
  }
}

const authorized = (command: RequestPayment): PaymentEvent => {
  const { hold } = command
  assert(
    hold !== undefined,
    'authorized: invalidRequest lets no manual payment through without a hold',
  )
  const merchantFeeRate = merchantFeeRateOf(command)
  return {
    type: 'PaymentAuthorized',
    schemaVersion: 1,
    data: {
      paymentId: command.paymentId,
      request: requestOf(command),
      holdId: hold.holdId,
      expiresAt: hold.expiresAt,
      at: command.at,
      ...(merchantFeeRate === undefined ? {} : { merchantFeeRate }),
    },
  }
}
