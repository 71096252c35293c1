// Proves every conversion rule of DESIGN.md section 3 and every error code with given/when/then:
// the credit rounded down once, the desk keeping the priced remainder, bad input rejected with
// nothing written, each business refusal recorded as the only event in the documented order,
// expired quotes, idempotent replays, the view, the failure read back, and evolve refusing a
// corrupt stream.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { AssertionError } from '../assert.js'
import { isBalanced } from '../journal/journal.js'
import { upcastEvent } from '../upcast.js'
import {
  ALICE,
  AT,
  CONVERSION_ID,
  DESK,
  ENTRY_ID,
  LOCAL_DATE,
  MARKET,
  OTHER_FINGERPRINT,
  convert,
  convertBitcoin,
  executed,
  expired,
  failed,
} from '../../test/conversion/__fixtures__/conversionFixtures.js'
import { conversionDecider } from './conversionDecider.js'
import { conversionStream } from '../streamNames.js'
import { evolveConversion, initialConversionState } from './state.js'
import { conversionUpcasters } from './upcast.js'
import { conversionFailureOf, storedConversionFailure, conversionView } from './view.js'

const spec = deciderSpec(conversionDecider)
const usd = (amount: string) => ({ asset: 'USD', amount })
const cny = (amount: string) => ({ asset: 'CNY', amount })
const path = (error: { details?: unknown }) => (error.details as Record<string, unknown>)['path']
const leg = (account: string, asset: string, amount: string, direction: 'debit' | 'credit') => ({
  account,
  asset,
  amount,
  direction,
})

describe('an executed conversion', () => {
  it('credits amount × rate when it is exact, against the market, with no spread leg', () =>
    spec.given([]).when(convert()).then([executed()]))

  it('rounds the credit down once to the target scale and gives the desk the priced remainder', () => {
    // 0.00012345 BTC × 65000.12 = 8.024264814 USD: 8.02 credited, 0.4264814 cent dropped, worth
    // 6.56 satoshi at the rate: the desk keeps 6, the market gets the other 12339.
    const [event] = spec
      .given([])
      .when(convertBitcoin())
      .then([
        executed({
          debited: { asset: 'BTC', amount: '0.00012345' },
          credited: usd('8.02'),
          rate: '65000.12',
          spread: { asset: 'BTC', amount: '0.00000006' },
          remainder: '0.4264814',
          entry: {
            entryId: ENTRY_ID,
            legs: [
              leg(ALICE, 'BTC', '0.00012345', 'debit'),
              leg(MARKET, 'BTC', '0.00012339', 'credit'),
              leg(DESK, 'BTC', '0.00000006', 'credit'),
              leg(MARKET, 'USD', '8.02', 'debit'),
              leg(ALICE, 'USD', '8.02', 'credit'),
            ],
          },
        }),
      ])
    expect(event?.type === 'ConversionExecuted' && isBalanced(event.data.entry)).toBe(true)
  })

  it('keeps the remainder for the desk between two assets of the same scale', () =>
    // 123.45 CNY × 0.13 = 16.0485 USD: 16.04 credited, 0.85 cent dropped, worth 6.5 fen: 6 kept.
    spec
      .given([])
      .when(convert({ from: cny('123.45'), to: { asset: 'USD', scale: 2 }, rate: '0.13' }))
      .then([
        executed({
          debited: cny('123.45'),
          credited: usd('16.04'),
          rate: '0.13',
          spread: cny('0.06'),
          remainder: '0.85',
          entry: {
            entryId: ENTRY_ID,
            legs: [
              leg(ALICE, 'CNY', '123.45', 'debit'),
              leg(MARKET, 'CNY', '123.39', 'credit'),
              leg(DESK, 'CNY', '0.06', 'credit'),
              leg(MARKET, 'USD', '16.04', 'debit'),
              leg(ALICE, 'USD', '16.04', 'credit'),
            ],
          },
        }),
      ]))

  it('records a remainder too small to price as a spread of zero', () =>
    // 1.00 USD × 7.12345 = 7.12345 CNY: 7.12 credited, 0.345 fen dropped, worth 0.048 cent.
    spec
      .given([])
      .when(convert({ from: usd('1.00'), rate: '7.12345' }))
      .then([
        executed({
          debited: usd('1.00'),
          credited: cny('7.12'),
          rate: '7.12345',
          remainder: '0.345',
          entry: {
            entryId: ENTRY_ID,
            legs: [
              leg(ALICE, 'USD', '1.00', 'debit'),
              leg(MARKET, 'USD', '1.00', 'credit'),
              leg(MARKET, 'CNY', '7.12', 'debit'),
              leg(ALICE, 'CNY', '7.12', 'credit'),
            ],
          },
        }),
      ]))
})

describe('bad input: rejected, nothing written', () => {
  it('refuses to convert an asset into itself with invalid_input on to.asset', () => {
    const error = spec
      .given([])
      .when(convert({ to: { asset: 'USD', scale: 2 } }))
      .thenRejects('invalid_input')
    expect(path(error)).toBe('to.asset')
  })

  it('refuses a zero amount with amount_not_positive on from.amount', () => {
    const error = spec
      .given([])
      .when(convert({ from: usd('0.00') }))
      .thenRejects('amount_not_positive')
    expect(path(error)).toBe('from.amount')
  })

  it('refuses an amount whose credit rounds down to nothing with amount_not_positive', () => {
    // 0.01 CNY × 0.00000001 BTC per CNY is 0.01 satoshi: the person would pay and get nothing.
    const command = convert({
      from: cny('0.01'),
      to: { asset: 'BTC', scale: 8 },
      rate: '0.00000001',
    })
    const error = spec.given([]).when(command).thenRejects('amount_not_positive')
    expect(path(error)).toBe('from.amount')
  })

  it('refuses a credit above the largest amount with amount_too_large', () => {
    const command = convert({ from: usd(`${'9'.repeat(20)}.99`), rate: '10' })
    spec.given([]).when(command).thenRejects('amount_too_large')
  })

  it('refuses more than 18 decimals in the source amount with invalid_input', () => {
    const error = spec
      .given([])
      .when(convert({ from: usd(`0.${'0'.repeat(18)}1`) }))
      .thenRejects('invalid_input')
    expect(path(error)).toBe('from.amount')
  })

  it('refuses a minimum with more decimals than the target scale with amount_precision_exceeded', () => {
    const error = spec
      .given([])
      .when(convert({ minReceived: '700.001' }))
      .thenRejects('amount_precision_exceeded')
    expect(path(error)).toBe('minReceived')
  })

  it('refuses a closed account with account_closed and records nothing', () => {
    spec
      .given([])
      .when(convert({}, { status: 'closed' }))
      .thenRejects('account_closed')
  })
})

describe('business refusals: recorded as the only event', () => {
  const reasonFrozen = 'the account is frozen: it can receive money but not send or convert it'

  it('records account_frozen for a frozen account', () => {
    const command = convert({}, { status: 'frozen' })
    spec
      .given([])
      .when(command)
      .then([failed(command, 'account_frozen', reasonFrozen)])
  })

  it('records an expired quote when at is after quoteExpiresAt', () => {
    const command = convert({ quoteExpiresAt: '2026-11-26T07:29:59.999Z' })
    spec
      .given([])
      .when(command)
      .then([expired(command)])
  })

  it('accepts a quote up to and including its expiry instant', () =>
    spec
      .given([])
      .when(convert({ quoteExpiresAt: AT }))
      .then([executed()]))

  it('compares instants below the millisecond', () => {
    const command = convert({
      at: '2026-11-26T07:30:00.0000001Z',
      quoteExpiresAt: '2026-11-26T07:30:00Z',
    })
    spec
      .given([])
      .when(command)
      .then([expired(command)])
  })

  it('records security_check_failed without two-factor on an account that has it on', () => {
    const command = convert({}, { security: { hasTwoFactor: true, hasPaymentPassword: false } })
    const reason = 'this conversion needs two-factor verification'
    spec
      .given([])
      .when(command)
      .then([failed(command, 'security_check_failed', reason)])
  })

  it('records security_check_failed for an authorization that was not passed', () => {
    const authorization = { method: 'payment_password', verified: false }
    const command = convert(
      { authorization },
      { security: { hasTwoFactor: false, hasPaymentPassword: true } },
    )
    const reason = 'the payment_password check was not passed'
    spec
      .given([])
      .when(command)
      .then([failed(command, 'security_check_failed', reason)])
  })

  it('asks for two-factor above the step-up threshold, and accepts it', () => {
    const stepUp = { limits: { stepUpAbove: 5_000n } }
    const command = convert({}, stepUp)
    const reason = 'this conversion needs two-factor verification'
    spec
      .given([])
      .when(command)
      .then([failed(command, 'security_check_failed', reason)])
    const verified = convert({ authorization: { method: 'two_factor', verified: true } }, stepUp)
    spec.given([]).when(verified).then([executed()])
  })

  it('accepts the payment password when only a payment password is set', () => {
    const password = { security: { hasTwoFactor: false, hasPaymentPassword: true } }
    const command = convert({}, password)
    const reason = 'this conversion needs the payment password or two-factor verification'
    spec
      .given([])
      .when(command)
      .then([failed(command, 'security_check_failed', reason)])
    const verified = convert(
      { authorization: { method: 'payment_password', verified: true } },
      password,
    )
    spec.given([]).when(verified).then([executed()])
  })

  it('records limit_exceeded above the per-payment limit, which is inclusive', () => {
    const command = convert({}, { limits: { perPaymentMax: 9_999n } })
    const reason = 'the amount is above the per-payment limit'
    spec
      .given([])
      .when(command)
      .then([failed(command, 'limit_exceeded', reason)])
    spec
      .given([])
      .when(convert({}, { limits: { perPaymentMax: 10_000n } }))
      .then([executed()])
  })

  it("records limit_exceeded when the amount would go over today's limit", () => {
    const command = convert({}, { limits: { perDayMax: 50_000n }, spentToday: 40_001n })
    const reason = "the amount would go over today's limit"
    spec
      .given([])
      .when(command)
      .then([failed(command, 'limit_exceeded', reason)])
    spec
      .given([])
      .when(convert({}, { limits: { perDayMax: 50_000n }, spentToday: 40_000n }))
      .then([executed()])
  })

  it('records insufficient_balance below the amount, and converts exactly the balance', () => {
    const command = convert({}, { available: 9_999n })
    const reason = 'the available USD balance is below the amount'
    spec
      .given([])
      .when(command)
      .then([failed(command, 'insufficient_balance', reason)])
    spec
      .given([])
      .when(convert({}, { available: 10_000n }))
      .then([executed()])
  })

  it('records min_received_not_met when the credit is below the minimum, inclusive', () => {
    const command = convert({ minReceived: '712.35' })
    const reason = 'the quote gives 712.34 CNY, below the minimum of 712.35'
    spec
      .given([])
      .when(command)
      .then([failed(command, 'min_received_not_met', reason)])
    spec
      .given([])
      .when(convert({ minReceived: '712.34' }))
      .then([executed()])
  })
})

describe('the order of the business rules', () => {
  const everythingWrong = {
    status: 'frozen',
    security: { hasTwoFactor: true, hasPaymentPassword: false },
    limits: { perPaymentMax: 1n },
    available: 0n,
  }
  const late = { quoteExpiresAt: '2026-11-26T07:00:00.000Z', minReceived: '1000.00' }

  it('checks frozen, expired, authorization, limits, balance, minimum, in that order', () => {
    const steps: [Record<string, unknown>, string][] = [
      [everythingWrong, 'account_frozen'],
      [{ ...everythingWrong, status: 'active' }, 'quote_expired'],
    ]
    for (const [sender, code] of steps) {
      const command = convert(late, sender)
      const decision = conversionDecider.decide(command, initialConversionState)
      expect(conversionFailureOf(decision._tag === 'Right' ? decision.right : [])?.code).toBe(code)
    }
    const current = { minReceived: '1000.00' }
    const rest: [Record<string, unknown>, string][] = [
      [{ ...everythingWrong, status: 'active' }, 'security_check_failed'],
      [
        {
          ...everythingWrong,
          status: 'active',
          security: { hasTwoFactor: false, hasPaymentPassword: false },
        },
        'limit_exceeded',
      ],
      [{ available: 0n }, 'insufficient_balance'],
      [{}, 'min_received_not_met'],
    ]
    for (const [sender, code] of rest) {
      const decision = conversionDecider.decide(convert(current, sender), initialConversionState)
      expect(conversionFailureOf(decision._tag === 'Right' ? decision.right : [])?.code).toBe(code)
    }
  })

  it('rejects bad input before recording any refusal', () =>
    spec
      .given([])
      .when(convert({ from: usd('0.00') }, everythingWrong))
      .thenRejects('amount_not_positive'))
})

describe('idempotency', () => {
  it('records nothing when the same request is replayed, whatever the outcome was', () => {
    spec.given([executed()]).when(convert()).thenNothing()
    const refused = convert({}, { available: 0n })
    spec
      .given([failed(refused, 'insufficient_balance', 'short')])
      .when(convert())
      .thenNothing()
  })

  it('refuses the same key with other fields with idempotency_key_reused', () => {
    const error = spec
      .given([executed()])
      .when(convert({ fingerprint: OTHER_FINGERPRINT }))
      .thenRejects('idempotency_key_reused')
    expect(error.details).toEqual({ conversionId: CONVERSION_ID })
  })
})

describe('reading a conversion back', () => {
  it('views an executed conversion with what moved', () => {
    const state = evolveConversion(initialConversionState, executed())
    expect(conversionView(state)).toEqual({
      conversionId: CONVERSION_ID,
      status: 'executed',
      debited: usd('100.00'),
      credited: cny('712.34'),
      requested: usd('100.00'),
      rate: '7.1234',
    })
    expect(storedConversionFailure(state)).toBeUndefined()
    expect(conversionFailureOf([executed()])).toBeUndefined()
  })

  it('views an expired conversion with nothing moved and ends it with quote_expired', () => {
    const command = convert({ quoteExpiresAt: '2026-11-26T07:00:00.000Z' })
    const state = evolveConversion(initialConversionState, expired(command))
    expect(conversionView(state)).toEqual({
      conversionId: CONVERSION_ID,
      status: 'expired',
      debited: usd('0.00'),
      credited: cny('0.00'),
      requested: usd('100.00'),
      rate: '7.1234',
    })
    const error = {
      code: 'quote_expired',
      message: 'the quote expired at 2026-11-26T07:00:00.000Z',
      details: { conversionId: CONVERSION_ID },
    }
    expect(conversionFailureOf([expired(command)])).toEqual(error)
    expect(storedConversionFailure(state)).toEqual(error)
  })

  it('views a failed conversion with its reason and ends it with the recorded code', () => {
    const event = failed(
      convert(),
      'insufficient_balance',
      'the available USD balance is below the amount',
    )
    const state = evolveConversion(initialConversionState, event)
    expect(conversionView(state)).toMatchObject({
      status: 'failed',
      debited: usd('0.00'),
      credited: cny('0.00'),
      failureCode: 'insufficient_balance',
      failureReason: 'the available USD balance is below the amount',
    })
    const error = {
      code: 'insufficient_balance',
      message: event.data.reason,
      details: { conversionId: CONVERSION_ID },
    }
    expect(conversionFailureOf([event])).toEqual(error)
    expect(storedConversionFailure(state)).toEqual(error)
  })

  it('asserts when asked for the view of a conversion never recorded', () => {
    expect(() => conversionView(initialConversionState)).toThrow(AssertionError)
  })
})

describe('streams, upcasting and corrupt streams', () => {
  it('names the stream, with an optional namespace', () => {
    expect(conversionStream('c-1')).toBe('conversion-c-1')
    expect(conversionStream('c-1', 'acme')).toBe('acme.conversion-c-1')
  })

  it('reads version 1 events unchanged', () => {
    const raw = JSON.parse(JSON.stringify(executed())) as {
      type: string
      schemaVersion: number
      data: unknown
    }
    expect(upcastEvent(conversionUpcasters, raw)).toEqual(raw)
  })

  it('asserts on a second event: a conversion has exactly one', () => {
    const state = evolveConversion(initialConversionState, executed())
    expect(() => evolveConversion(state, executed())).toThrow(AssertionError)
    expect(() => evolveConversion(state, expired(convert({ quoteExpiresAt: AT })))).toThrow(
      AssertionError,
    )
  })

  it('asserts on an executed event whose entry does not balance', () => {
    const broken = executed({
      entry: {
        entryId: ENTRY_ID,
        legs: [leg(ALICE, 'USD', '100.00', 'debit'), leg(MARKET, 'USD', '99.99', 'credit')],
      },
    })
    expect(() => evolveConversion(initialConversionState, broken)).toThrow(AssertionError)
  })

  it('asserts when sender facts belong to another account', () => {
    expect(() =>
      conversionDecider.decide(convert({}, { accountId: 'bob' }), initialConversionState),
    ).toThrow(AssertionError)
  })

  it('limits the day of an executed conversion to the command local date', () => {
    const [event] = spec.given([]).when(convert()).then([executed()])
    expect(event?.type === 'ConversionExecuted' && event.data.limitDate).toBe(LOCAL_DATE)
  })
})
