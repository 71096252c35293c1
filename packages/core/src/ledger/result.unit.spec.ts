// Proves the Either helpers: isOk narrows a success, orThrow returns its value, and a failure
// thrown by orThrow keeps the code, message and details a caller switches on.
import { left, right } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { isOk, orThrow } from './result.js'
import type { LedgerError } from './types.js'

describe('result helpers', () => {
  it('tells a success from a failure', () => {
    expect(isOk(right(1))).toBe(true)
    expect(isOk(left({ code: 'account_frozen', message: 'frozen' }))).toBe(false)
  })

  it('returns the value of a success', () => {
    expect(orThrow(right({ accountId: 'alice' }))).toEqual({ accountId: 'alice' })
  })

  it('throws a failure with its code, message and details', () => {
    const failure = left<LedgerError>({
      code: 'insufficient_balance',
      message: 'too low',
      details: { paymentId: 'p1' },
    })
    expect(() => orThrow(failure)).toThrow(
      expect.objectContaining({
        code: 'insufficient_balance',
        details: { paymentId: 'p1' },
        message: 'insufficient_balance: too low',
      }),
    )
  })
})
