// Proves with fast-check, over random accepted histories and random commands: codecs round-trip
// every event and command (also through JSON, as a store keeps them), evolve replays every
// accepted history without tripping an assertion, every journal entry balances and moves exactly
// amount + fee out (and the amount back on a return), the recorded settlement window falls on
// business days after the submission, and a replayed request changes nothing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbBusinessCalendar,
  arbRequestWithdrawal,
  arbSubmission,
  arbWithdrawalCommand,
  arbWithdrawalHistory,
  runWithdrawalCommands,
} from '@wallet-ledger/testing'
import { isBusinessDay } from '../calendar/businessCalendar.js'
import type { CallerId, IsoInstant } from '../codecs/common.js'
import { foldEvents } from '../decider.js'
import { isBalanced, signedLegMinor } from '../journal/journal.js'
import { moneyFromCanonical } from '../money/money.js'
import { WithdrawalEvent } from './codecs.js'
import { WithdrawalCommand } from './commandCodecs.js'
import { withdrawalDecider } from './withdrawalDecider.js'
import { withdrawalView } from './withdrawalView.js'

const RUNS = { numRuns: 200 }
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('codecs', () => {
  it('decode(encode(event)) equals the event, also through JSON', () =>
    fc.assert(
      fc.property(arbWithdrawalHistory(), ({ events }) => {
        for (const event of events) {
          expect(WithdrawalEvent.decode(WithdrawalEvent.encode(event))).toEqual({
            _tag: 'Right',
            right: event,
          })
          expect(WithdrawalEvent.decode(viaJson(WithdrawalEvent.encode(event)))).toEqual({
            _tag: 'Right',
            right: event,
          })
        }
      }),
      RUNS,
    ))

  it('decode(encode(command)) equals the command, also through JSON (bigints as strings)', () =>
    fc.assert(
      fc.property(arbWithdrawalCommand(), (command) => {
        expect(WithdrawalCommand.decode(WithdrawalCommand.encode(command))).toEqual({
          _tag: 'Right',
          right: command,
        })
        expect(WithdrawalCommand.decode(viaJson(WithdrawalCommand.encode(command)))).toEqual({
          _tag: 'Right',
          right: command,
        })
      }),
      RUNS,
    ))
})

describe('histories', () => {
  it('evolve folds every accepted history without an assertion, to the same state', () =>
    fc.assert(
      fc.property(arbWithdrawalHistory(12), ({ events, state }) => {
        expect(
          foldEvents(withdrawalDecider.evolve, withdrawalDecider.initialState, events),
        ).toEqual(state)
        const view = withdrawalView(state)
        if (events.length > 0) expect(typeof JSON.stringify(view)).toBe('string')
      }),
      RUNS,
    ))

  it('reaches every status (not_requested: the request itself was rejected)', () => {
    const statuses = new Set(
      fc
        .sample(arbWithdrawalHistory(12), { numRuns: 1_000, seed: 7 })
        .map(({ state }) => state.status),
    )
    expect([...statuses].sort()).toEqual(
      [
        'cancelled',
        'completed',
        'failed',
        'not_requested',
        'rejected',
        'requested',
        'returned',
        'submitted',
        'verified',
      ].sort(),
    )
  })

  it('every journal entry balances; the payout moves amount + fee, the return the amount', () =>
    fc.assert(
      fc.property(arbWithdrawalHistory(12), ({ events, state }) => {
        if (state.status === 'not_requested') return
        const amount = moneyFromCanonical(state.asset, state.amount).minor
        const fee = moneyFromCanonical(state.asset, state.fee).minor
        for (const event of events) {
          if (event.type !== 'WithdrawalCompleted' && event.type !== 'WithdrawalReturned') continue
          const { entry } = event.data
          expect(isBalanced(entry)).toBe(true)
          const accountMinor = entry.legs
            .filter((leg) => leg.account === state.accountId)
            .reduce((sum, leg) => sum + signedLegMinor(leg), 0n)
          expect(accountMinor).toBe(event.type === 'WithdrawalCompleted' ? -(amount + fee) : amount)
        }
      }),
      RUNS,
    ))

  it('a replayed request changes nothing, whatever happened since', () =>
    fc.assert(
      fc.property(
        arbRequestWithdrawal({ acceptable: true }),
        fc.array(arbWithdrawalCommand(), { maxLength: 8 }),
        (request, commands) => {
          // The engine never reuses a journal entry id (a return citing the payout's entry trips
          // an assertion in evolve, as it should): number them by position.
          const unique = commands.map((command, index) =>
            'entryId' in command ? { ...command, entryId: `${command.entryId}-${index}` } : command,
          )
          const history = runWithdrawalCommands([request, ...unique])
          expect(withdrawalDecider.decide(request, history.state)).toEqual({
            _tag: 'Right',
            right: [],
          })
        },
      ),
      RUNS,
    ))
})

describe('settlement window at submission', () => {
  it('is recorded on business days after the submission date, earliest first', () =>
    fc.assert(
      fc.property(
        arbRequestWithdrawal({ acceptable: true }),
        arbBusinessCalendar({ holidaysMax: 60 }),
        arbSubmission(),
        (request, calendar, submission) => {
          const at = '2026-11-27T12:00:00.000Z' as IsoInstant
          const id = request.withdrawalId as CallerId
          const { state } = runWithdrawalCommands([
            request,
            { type: 'VerifyWithdrawalIdentity', withdrawalId: id, passed: true, at },
          ])
          const decision = withdrawalDecider.decide(
            { type: 'SubmitWithdrawal', withdrawalId: id, at, ...submission, calendar },
            state,
          )
          if (decision._tag === 'Left') throw new Error(decision.left.message)
          const [event] = decision.right
          if (event?.type !== 'WithdrawalSubmitted') throw new Error('not submitted')
          const { earliest, latest } = event.data.expectedBy
          expect(isBusinessDay(calendar, earliest)).toBe(true)
          expect(isBusinessDay(calendar, latest)).toBe(true)
          expect(earliest > submission.localDate).toBe(true)
          expect(earliest <= latest).toBe(true)
        },
      ),
      RUNS,
    ))
})
