// Proves every aggregate's stream name has one shape and one rule: `[<namespace>.]<aggregate>-<id>`,
// an empty id or a namespace with a '.' (or anything but letters, digits, '-', '_') is a bug.
import { describe, expect, it } from 'vitest'
import {
  accountStream,
  adjustmentStream,
  claimStream,
  conversionStream,
  depositStream,
  disputeStream,
  isNamespace,
  paymentStream,
  promotionStream,
  streamName,
  withdrawalStream,
} from './streamNames.js'

const NAMED = {
  account: accountStream,
  payment: paymentStream,
  promotion: promotionStream,
  withdrawal: withdrawalStream,
  dispute: disputeStream,
  conversion: conversionStream,
  deposit: depositStream,
  adjustment: adjustmentStream,
  claim: claimStream,
} as const

describe('stream names', () => {
  it('names every aggregate the same way, with and without a namespace', () => {
    for (const [category, named] of Object.entries(NAMED)) {
      expect(named('x-1')).toBe(`${category}-x-1`)
      expect(named('x-1', 'acme_2')).toBe(`acme_2.${category}-x-1`)
      expect(named('x-1', 'acme_2')).toBe(
        streamName(category as keyof typeof NAMED, 'x-1', 'acme_2'),
      )
    }
  })

  it('asserts on an empty id and on a malformed namespace, for every aggregate', () => {
    for (const named of Object.values(NAMED)) {
      expect(() => named('')).toThrow(/empty id/)
      expect(() => named('x', 'a.b')).toThrow(/bad namespace "a.b"/)
      expect(() => named('x', '')).toThrow(/bad namespace/)
      expect(() => named('x', 'n'.repeat(65))).toThrow(/bad namespace/)
    }
  })

  it('accepts namespaces of letters, digits, "-" and "_" up to 64', () => {
    expect(['a', 'A-b_9', 'n'.repeat(64)].every(isNamespace)).toBe(true)
    expect(['', 'a.b', 'a b', 'é', 'n'.repeat(65)].some(isNamespace)).toBe(false)
  })
})
