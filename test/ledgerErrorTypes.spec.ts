// Proves at the type level (checked by `pnpm typecheck`, which runs `tsc -p test`) that a
// LedgerError's code is the closed union of ERROR_CODES, so a misspelt case does not compile, and
// that hasCode narrows a failure to one code's typed details; the runtime half checks hasCode.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { ERROR_CODES, hasCode } from '@wallet-ledger/core'
import type { ErrorCode, Ledger, LedgerError, PaymentView, Result } from '@wallet-ledger/core'

// A service's switch: every case must name a real code.
const advice = (error: LedgerError): string => {
  switch (error.code) {
    case 'insufficient_balance':
      return 'top up first'
    // @ts-expect-error a misspelt code is not a LedgerError code
    case 'insuffcient_balance':
      return 'never'
    default:
      return error.message
  }
}

describe('LedgerError types', () => {
  it('types code as the union of ERROR_CODES, not string', () => {
    expectTypeOf<LedgerError['code']>().toEqualTypeOf<ErrorCode>()
    expectTypeOf<(typeof ERROR_CODES)[number]>().toEqualTypeOf<ErrorCode>()
    expectTypeOf<string>().not.toMatchTypeOf<LedgerError['code']>()
    expectTypeOf<Result<PaymentView>>().resolves.toHaveProperty('_tag')
    expect(advice({ code: 'insufficient_balance', message: 'low' })).toBe('top up first')
    expect(ERROR_CODES).toContain('insufficient_balance')
  })

  it('narrows with hasCode to the code and its details', () => {
    const error: LedgerError = {
      code: 'security_check_failed',
      message: 'needs two-factor',
      details: { required: 'two_factor', loosened: ['stepUpAbove'] },
    }
    expect(hasCode(error, 'limit_exceeded')).toBe(false)
    if (!hasCode(error, 'security_check_failed')) throw new Error('hasCode missed its code')
    expectTypeOf(error.code).toEqualTypeOf<'security_check_failed'>()
    expectTypeOf(error.details?.required).toEqualTypeOf<
      'none' | 'payment_password' | 'two_factor' | undefined
    >()
    expect(error.details?.required).toBe('two_factor')
    // @ts-expect-error details are typed: `required` is not a number
    const wrong: number | undefined = error.details?.required
    expect(wrong).toBe('two_factor')
  })

  it('narrows the codes of a read by id to invalid_input and its not-found code', () => {
    type PaymentLeft = Extract<Awaited<ReturnType<Ledger['payment']>>, { _tag: 'Left' }>['left']
    expectTypeOf<PaymentLeft['code']>().toEqualTypeOf<'invalid_input' | 'payment_not_found'>()
    type SettingsLeft = Extract<Awaited<ReturnType<Ledger['settings']>>, { _tag: 'Left' }>['left']
    expectTypeOf<SettingsLeft['code']>().toEqualTypeOf<'invalid_input' | 'account_not_found'>()
    const onPayment = (error: PaymentLeft): boolean => {
      switch (error.code) {
        case 'payment_not_found':
          return true
        // @ts-expect-error payment() never answers insufficient_balance
        case 'insufficient_balance':
          return false
        default:
          return false
      }
    }
    expect(onPayment({ code: 'payment_not_found', message: 'gone' })).toBe(true)
  })
})
