// Proves, over generated openings and accepted histories (fast-check, pinned runs): every command
// and event survives its codec round trip; evolve folds every accepted history without tripping an
// assertion and only along DESIGN's status order; every journal entry is balanced and moves exactly
// the recorded amounts, split like a payment refund (payer and budget, payee and fee); a dispute
// never refunds more than captured minus refunded, never holds more than the payee had, and never
// has the platform cover more than the recorded shortfall.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbDisputeCommand,
  arbDisputeHistory,
  arbDisputeOpening,
  arbOpenDisputeCommand,
  disputableOf,
} from '@wallet-ledger/testing'
import { foldEvents } from '../decider.js'
import { ERROR_CODES } from '../errors.js'
import { isBalanced, legsOf } from '../journal/journal.js'
import { SYSTEM_ACCOUNTS, promotionBudgetAccount as budgetOf } from '../journal/systemAccounts.js'
import { moneyFromCanonical } from '../money/money.js'
import { DisputeCommand } from './commands.js'
import { disputeDecider } from './disputeDecider.js'
import { DisputeEvent } from './events.js'
import type { DisputeOpened, DisputeResolved } from './events.js'
import type { DisputeState } from './state.js'

const RUNS = { numRuns: 200 }
const minor = (amount: string): bigint => moneyFromCanonical('X', amount).minor

const roundTrips = <A, O>(
  codec: { encode: (a: A) => O; decode: (u: unknown) => unknown },
  value: A,
) =>
  expect(codec.decode(JSON.parse(JSON.stringify(codec.encode(value))))).toEqual({
    _tag: 'Right',
    right: value,
  })

const openedOf = (events: readonly DisputeEvent[]): DisputeOpened => {
  const first = events[0]
  if (first?.type !== 'DisputeOpened') throw new Error('a history starts with DisputeOpened')
  return first
}
const resolutionsOf = (events: readonly DisputeEvent[]): DisputeResolved[] =>
  events.filter((event): event is DisputeResolved => event.type === 'DisputeResolved')

// Which status may follow which (DESIGN.md section 3); a status may also stay the same.
const NEXT: Record<DisputeState['status'], readonly DisputeState['status'][]> = {
  not_opened: ['open'],
  open: ['responded', 'escalated', 'resolved_payer'],
  responded: ['escalated'],
  escalated: ['referred_legal', 'resolved_payer', 'resolved_payee'],
  referred_legal: ['resolved_payer', 'resolved_payee'],
  resolved_payer: [],
  resolved_payee: [],
}

describe('dispute codecs', () => {
  it('round-trips every command through JSON', () =>
    fc.assert(
      fc.property(
        arbDisputeOpening().chain((opening) =>
          fc.tuple(arbOpenDisputeCommand(), arbDisputeCommand(opening)),
        ),
        ([open, later]) => {
          roundTrips(DisputeCommand, open)
          roundTrips(DisputeCommand, later)
        },
      ),
      RUNS,
    ))

  it('round-trips every event of accepted histories through JSON', () =>
    fc.assert(
      fc.property(arbDisputeHistory(), (history) => {
        for (const event of history.events) roundTrips(DisputeEvent, event)
      }),
      RUNS,
    ))
})

describe('dispute decisions', () => {
  it('answers any opening with events or a code from the closed list, never a throw', () =>
    fc.assert(
      fc.property(arbOpenDisputeCommand(), (command) => {
        const decision = disputeDecider.decide(command, disputeDecider.initialState)
        if (decision._tag === 'Left') {
          expect(ERROR_CODES).toContain(decision.left.code)
          return
        }
        const opened = openedOf(decision.right)
        expect(command.openedBy).toBe(command.payment.payer)
        expect(['completed', 'partially_refunded']).toContain(command.payment.status)
        expect(minor(opened.data.amount)).toBeGreaterThan(0n)
        expect(minor(opened.data.amount) <= disputableOf(command)).toBe(true)
      }),
      RUNS,
    ))

  it('folds every accepted history, prefix by prefix, along the status order', () =>
    fc.assert(
      fc.property(arbDisputeHistory(), (history) => {
        let state = disputeDecider.initialState
        for (const event of history.events) {
          const next = disputeDecider.evolve(state, event)
          if (next.status !== state.status) expect(NEXT[state.status]).toContain(next.status)
          state = next
        }
        expect(
          foldEvents(disputeDecider.evolve, disputeDecider.initialState, history.events),
        ).toEqual(history.state)
      }),
      RUNS,
    ))
})

describe('dispute money', () => {
  it('holds at most what the payee had and records the rest as the shortfall', () =>
    fc.assert(
      fc.property(arbDisputeHistory({ commandsMax: 0 }), ({ opening, events }) => {
        const { amount, held, shortfall } = openedOf(events).data
        expect(minor(held) <= minor(opening.payeeAvailable)).toBe(true)
        expect(minor(held) + minor(shortfall)).toBe(minor(amount))
        expect(minor(shortfall) === 0n || minor(held) === minor(opening.payeeAvailable)).toBe(true)
      }),
      RUNS,
    ))

  it('never refunds more than captured minus refunded, and resolves at most once', () =>
    fc.assert(
      fc.property(arbDisputeHistory(), ({ opening, events }) => {
        const resolutions = resolutionsOf(events)
        expect(resolutions.length).toBeLessThanOrEqual(1)
        const refunded = resolutions.reduce((sum, event) => sum + minor(event.data.refunded), 0n)
        expect(refunded <= minor(openedOf(events).data.amount)).toBe(true)
        expect(refunded <= disputableOf(opening)).toBe(true)
      }),
      RUNS,
    ))

  it('emits balanced entries that move exactly the recorded amounts', () =>
    fc.assert(
      fc.property(arbDisputeHistory(), ({ opening, events }) => {
        const opened = openedOf(events).data
        const { promotionId } = opening.payment
        for (const { data } of resolutionsOf(events)) {
          expect(minor(data.captured) + minor(data.released)).toBe(minor(opened.held))
          const entry = data.entry
          if (entry === undefined) {
            expect(minor(data.refunded)).toBe(0n)
            continue
          }
          expect(isBalanced(entry)).toBe(true)
          const sumOf = (account: string, direction: 'debit' | 'credit') =>
            legsOf(entry, account)
              .filter(({ leg }) => leg.direction === direction)
              .reduce((sum, { leg }) => sum + minor(leg.amount), 0n)
          const budget = promotionId === undefined ? 0n : sumOf(budgetOf(promotionId), 'credit')
          const fee = sumOf(SYSTEM_ACCOUNTS.fees, 'debit')
          const covered = sumOf(SYSTEM_ACCOUNTS.receivables, 'debit')
          // The refund splits like a payment refund: payer + budget = payee's part + fee.
          expect(sumOf(opening.payment.payer, 'credit') + budget).toBe(minor(data.refunded))
          expect(sumOf(opening.payment.payee, 'debit')).toBe(minor(data.captured))
          expect(minor(data.captured) + covered + fee).toBe(minor(data.refunded))
          expect(sumOf(SYSTEM_ACCOUNTS.disputeLosses, 'debit')).toBe(covered)
          expect(covered <= minor(opened.shortfall)).toBe(true)
        }
      }),
      RUNS,
    ))
})
