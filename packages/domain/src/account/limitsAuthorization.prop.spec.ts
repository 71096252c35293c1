// Proves over generated limit changes that a loosening whose payments need a check is refused
// with security_check_failed without authorization and accepted with two-factor, and that any
// tightening is accepted with no authorization at all, whatever the account's security.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { DecimalString } from '../codecs/common.js'
import { foldEvents } from '../decider.js'
import { formatMinor } from '../money/money.js'
import { accountDecider } from './decide.js'
import type { AccountEvent } from './events.js'
import {
  ALICE,
  AT,
  accountOpened,
  setLimits,
  simpleEvent,
} from '../../test/account/__fixtures__/factories.js'

const RUNS = { numRuns: 300 }
const NAMES = ['perPaymentMax', 'perDayMax', 'stepUpAbove'] as const
type Limits = Partial<Record<(typeof NAMES)[number], bigint>>

const arbLimits: fc.Arbitrary<Limits> = fc.record(
  {
    perPaymentMax: fc.bigInt({ min: 1n, max: 10_000n }),
    perDayMax: fc.bigInt({ min: 1n, max: 10_000n }),
    stepUpAbove: fc.bigInt({ min: 1n, max: 10_000n }),
  },
  { requiredKeys: [] },
)
const arbSecurity = fc.record({ hasTwoFactor: fc.boolean(), hasPassword: fc.boolean() })

const text = (limits: Limits): Record<string, string> =>
  Object.fromEntries(
    Object.entries(limits).map(([name, minor]) => [name, formatMinor(minor, 2) as DecimalString]),
  )

const historyOf = (security: { hasTwoFactor: boolean; hasPassword: boolean }, current: Limits) =>
  [
    accountOpened(),
    ...(security.hasTwoFactor ? [simpleEvent('TwoFactorEnabled')] : []),
    ...(security.hasPassword
      ? [
          {
            type: 'PaymentPasswordSet',
            schemaVersion: 1,
            data: { accountId: ALICE, version: 1, at: AT },
          },
        ]
      : []),
    {
      type: 'LimitsSet',
      schemaVersion: 2,
      data: { accountId: ALICE, asset: 'USD', at: AT, ...text(current) },
    },
  ] as AccountEvent[]

const decide = (
  history: AccountEvent[],
  next: Limits,
  authorization?: { method: 'two_factor'; verified: true },
) =>
  accountDecider.decide(
    setLimits(text(next), 'USD', authorization),
    foldEvents(accountDecider.evolve, accountDecider.initialState, history),
  )

// The oracle, read from DESIGN's payment rule rather than the decider: a raise is a limit now
// higher or gone; it needs a check when a payment it allows would need one today.
const isRaised = (name: (typeof NAMES)[number], current: Limits, next: Limits) =>
  current[name] !== undefined && (next[name] === undefined || next[name] > current[name])
const needsCheck = (
  security: { hasTwoFactor: boolean; hasPassword: boolean },
  current: Limits,
  next: Limits,
): boolean => {
  const raised = NAMES.filter((name) => isRaised(name, current, next))
  if (raised.length === 0) return false
  if (security.hasTwoFactor || security.hasPassword) return true
  const stepUp = current.stepUpAbove
  if (stepUp === undefined) return false
  return raised.some(
    (name) => name === 'stepUpAbove' || next[name] === undefined || next[name] > stepUp,
  )
}

describe('limit changes and authorization', () => {
  it('refuses a loosening that needs a check when none is given, accepts it with two-factor', () =>
    fc.assert(
      fc.property(arbSecurity, arbLimits, arbLimits, (security, current, next) => {
        const history = historyOf(security, current)
        const unauthorized = decide(history, next)
        if (needsCheck(security, current, next)) {
          expect(unauthorized._tag === 'Left' && unauthorized.left.code).toBe(
            'security_check_failed',
          )
        } else {
          expect(unauthorized._tag).toBe('Right')
        }
        const verified = decide(history, next, { method: 'two_factor', verified: true })
        expect(verified._tag).toBe('Right')
      }),
      RUNS,
    ))

  it('accepts every tightening (each limit lower or newly added) with no authorization', () =>
    fc.assert(
      fc.property(arbSecurity, arbLimits, arbLimits, (security, current, lowerBy) => {
        const next: Limits = { ...lowerBy }
        for (const name of NAMES) {
          const now = current[name]
          // Keep every existing limit, lowered by a generated amount but staying positive.
          if (now !== undefined) next[name] = now - ((lowerBy[name] ?? 0n) % now)
        }
        const decision = decide(historyOf(security, current), next)
        expect(decision._tag).toBe('Right')
      }),
      RUNS,
    ))
})
