// Proves the conversion's invariants over generated commands and histories: codecs round-trip
// (through JSON too), evolve never trips an assertion on an accepted history, every journal entry
// balances, a conversion never credits more than amount × rate (checked by bigint
// cross-multiplication), the desk's spread is never negative nor worth more than what rounding
// dropped, decide never throws, bad input names its field, and replays are idempotent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbConversionHistory,
  arbConvertFunds,
  arbExecutableConvertFunds,
  arbInvalidConversionInput,
  exactFraction,
} from '@wallet-ledger/testing'
import { decodeInput } from '../codecs/report.js'
import { isBalanced, legsOf } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS } from '../journal/systemAccounts.js'
import { moneyFromCanonical } from '../money/money.js'
import { upcastEvent } from '../upcast.js'
import { ConversionCommand } from './commands.js'
import type { ConvertFunds } from './commands.js'
import { conversionDecider } from './conversionDecider.js'
import { ConversionEvent } from './events.js'
import type { ConversionExecuted } from './events.js'
import { conversionUpcasters } from './upcast.js'
import { conversionFailureOf, conversionView, storedConversionFailure } from './view.js'

const RUNS = 200
const { decide, evolve, initialState } = conversionDecider
const fold = (events: readonly ConversionEvent[]) => events.reduce(evolve, initialState)
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/** Decides a command that must execute and returns its one event. */
const execute = (command: ConvertFunds): ConversionExecuted => {
  const decision = decide(command, initialState)
  if (decision._tag === 'Left')
    expect.fail(`expected execution, got ${decision.left.code}: ${decision.left.message}`)
  const [event] = decision.right
  if (event?.type !== 'ConversionExecuted')
    expect.fail(`expected ConversionExecuted, got ${event?.type}`)
  return event
}

describe('codecs', () => {
  it('round-trip every command, through JSON too (minor units travel as strings)', () => {
    fc.assert(
      fc.property(arbConvertFunds(), (command) => {
        expect(ConversionCommand.decode(ConversionCommand.encode(command))).toEqual({
          _tag: 'Right',
          right: command,
        })
        expect(ConversionCommand.decode(viaJson(ConversionCommand.encode(command)))).toEqual({
          _tag: 'Right',
          right: command,
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('round-trip every recorded event through JSON and the upcasters', () => {
    fc.assert(
      fc.property(arbConversionHistory(), (events) => {
        for (const event of events) {
          const stored = viaJson(ConversionEvent.encode(event)) as {
            type: string
            schemaVersion: number
            data: unknown
          }
          expect(ConversionEvent.decode(upcastEvent(conversionUpcasters, stored))).toEqual({
            _tag: 'Right',
            right: event,
          })
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('refuse bad input at the boundary, naming the offending field', () => {
    fc.assert(
      fc.property(arbInvalidConversionInput(), ({ input, path }) => {
        const decoded = decodeInput(ConversionCommand, input)
        if (decoded._tag === 'Right') expect.fail(`accepted input with a bad ${path}`)
        expect(decoded.left.code).toBe('invalid_input')
        const problems = decoded.left.details?.['problems'] as readonly { path: string }[]
        expect(problems.map((problem) => problem.path)).toContain(path)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('decisions', () => {
  it('never throw, and end in one recorded event or a rejection, read back the same way', () => {
    fc.assert(
      fc.property(arbConvertFunds(), (command) => {
        const decision = decide(command, initialState)
        if (decision._tag === 'Left') return
        expect(decision.right).toHaveLength(1)
        const state = fold(decision.right)
        expect(storedConversionFailure(state)).toEqual(conversionFailureOf(decision.right))
        expect(conversionView(state).status).toBe(state.status)
      }),
      { numRuns: RUNS },
    )
  })

  it('fold over any accepted history without tripping an assertion, one event at most', () => {
    fc.assert(
      fc.property(arbConversionHistory(), (events) => {
        expect(events.length).toBeLessThanOrEqual(1)
        expect(() => fold(events)).not.toThrow()
      }),
      { numRuns: RUNS },
    )
  })

  it('replay the same request as nothing and refuse other fields under the same key', () => {
    fc.assert(
      fc.property(arbConvertFunds(), (command) => {
        const decision = decide(command, initialState)
        if (decision._tag === 'Left') return
        const state = fold(decision.right)
        expect(decide(command, state)).toEqual({ _tag: 'Right', right: [] })
        const other = { ...command, fingerprint: 'f'.repeat(64) } as ConvertFunds
        expect(decide(other, state)).toMatchObject({
          _tag: 'Left',
          left: { code: 'idempotency_key_reused' },
        })
      }),
      { numRuns: RUNS },
    )
  })
})

describe('money', () => {
  it('balances every journal entry in both assets, each account getting what the event says', () => {
    fc.assert(
      fc.property(arbExecutableConvertFunds(), (command) => {
        const { data } = execute(command)
        expect(isBalanced(data.entry)).toBe(true)
        const net = (account: string, asset: string) =>
          legsOf(data.entry, account)
            .filter(({ leg }) => leg.asset === asset)
            .reduce(
              (sum, { leg }) =>
                sum +
                (leg.direction === 'credit' ? 1n : -1n) *
                  moneyFromCanonical(asset, leg.amount).minor,
              0n,
            )
        const debited = moneyFromCanonical(data.debited.asset, data.debited.amount).minor
        const credited = moneyFromCanonical(data.credited.asset, data.credited.amount).minor
        const spread = moneyFromCanonical(data.spread.asset, data.spread.amount).minor
        expect(net(command.accountId, data.debited.asset)).toBe(-debited)
        expect(net(command.accountId, data.credited.asset)).toBe(credited)
        expect(net(SYSTEM_ACCOUNTS.deskSpread, data.debited.asset)).toBe(spread)
        expect(net(SYSTEM_ACCOUNTS.market, data.debited.asset)).toBe(debited - spread)
        expect(net(SYSTEM_ACCOUNTS.market, data.credited.asset)).toBe(-credited)
      }),
      { numRuns: RUNS },
    )
  })

  it('never credits more than amount × rate, and rounds down exactly once', () => {
    fc.assert(
      fc.property(arbExecutableConvertFunds(), (command) => {
        const { data } = execute(command)
        const from = moneyFromCanonical(data.debited.asset, data.debited.amount)
        const credited = moneyFromCanonical(data.credited.asset, data.credited.amount)
        const rate = exactFraction(command.rate)
        // credited × 10^fromScale × rateDen <= fromMinor × rateNum × 10^toScale, and one more
        // minor unit would be above it: the floor, not a double rounding.
        const scaled = (minor: bigint) => minor * 10n ** BigInt(from.scale) * rate.denominator
        const exact = from.minor * rate.numerator * 10n ** BigInt(credited.scale)
        expect(scaled(credited.minor) <= exact).toBe(true)
        expect(scaled(credited.minor + 1n) > exact).toBe(true)
        // The recorded remainder is exactly what was dropped.
        const remainder = exactFraction(data.remainder)
        expect(
          scaled(credited.minor) * remainder.denominator + remainder.numerator * scaled(1n),
        ).toBe(exact * remainder.denominator)
      }),
      { numRuns: RUNS },
    )
  })

  it('never gives the desk a negative spread, nor more than the remainder is worth', () => {
    fc.assert(
      fc.property(arbExecutableConvertFunds(), (command) => {
        const { data } = execute(command)
        const from = moneyFromCanonical(data.debited.asset, data.debited.amount)
        const spread = moneyFromCanonical(data.spread.asset, data.spread.amount)
        const rate = exactFraction(command.rate)
        const remainder = exactFraction(data.remainder)
        expect(spread.minor >= 0n).toBe(true)
        expect(spread.minor < from.minor).toBe(true)
        // spread × rate, in target minor units, <= remainder.
        const worth =
          spread.minor * rate.numerator * 10n ** BigInt(command.to.scale) * remainder.denominator
        expect(worth <= remainder.numerator * 10n ** BigInt(from.scale) * rate.denominator).toBe(
          true,
        )
      }),
      { numRuns: RUNS },
    )
  })
})
