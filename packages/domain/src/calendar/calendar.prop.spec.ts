// Proves with fast-check that the calendar's arithmetic agrees with the JavaScript Date on UTC
// dates, that adding days is invertible, that calendars round-trip through their codec and that
// every settlement window falls on business days after the submission date, earliest first, for
// any date, holiday set (up to the densest allowed) and cut-off.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbAnyLocalDate,
  arbBusinessCalendar,
  arbInvalidCalendarInput,
  arbSubmission,
} from '@wallet-ledger/testing'
import type { LocalDate } from '../codecs/common.js'
import { SETTLEMENT_DAYS_MAX, SETTLEMENT_DAYS_MIN } from '../limits.js'
import {
  BusinessCalendar,
  createBusinessCalendar,
  isBusinessDay,
  settlementWindow,
} from './businessCalendar.js'
import { addDays, epochDayOf, weekdayOf } from './localDate.js'

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

// Business days in (after, upTo]; the span is short, the loop bounded by it.
const businessDaysBetween = (cal: BusinessCalendar, after: LocalDate, upTo: LocalDate): number => {
  let count = 0
  for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) {
    if (isBusinessDay(cal, day)) count += 1
  }
  return count
}

describe('local date arithmetic', () => {
  it('agrees with Date on the weekday and the day count', () =>
    fc.assert(
      fc.property(arbAnyLocalDate(), (localDate) => {
        const utc = new Date(`${localDate}T00:00:00.000Z`)
        expect(weekdayOf(localDate)).toBe(DAY_NAMES[utc.getUTCDay()])
        expect(epochDayOf(localDate)).toBe(utc.getTime() / 86_400_000)
      }),
      { numRuns: 500 },
    ))

  it('adding n days then -n days returns the date', () =>
    fc.assert(
      fc.property(arbAnyLocalDate(), fc.integer({ min: -3_000, max: 3_000 }), (localDate, days) => {
        const moved = addDays(localDate, days)
        expect(epochDayOf(moved) - epochDayOf(localDate)).toBe(days)
        expect(addDays(moved, -days)).toBe(localDate)
      }),
      { numRuns: 500 },
    ))
})

describe('calendar codec', () => {
  it('decode(encode(calendar)) equals the calendar', () =>
    fc.assert(
      fc.property(arbBusinessCalendar(), (cal) => {
        const decoded = BusinessCalendar.decode(BusinessCalendar.encode(cal))
        expect(decoded).toEqual({ _tag: 'Right', right: cal })
      }),
      { numRuns: 200 },
    ))

  it('rejects bad input naming the field', () =>
    fc.assert(
      fc.property(arbInvalidCalendarInput(), ({ input, path }) => {
        const built = createBusinessCalendar(input)
        expect(built._tag === 'Left' && built.left.details?.['path']).toBe(path)
      }),
      { numRuns: 50 },
    ))
})

describe('settlement window', () => {
  it('falls on business days after the submission date, earliest first, 1 to 3 days out', () =>
    fc.assert(
      fc.property(arbBusinessCalendar({ holidaysMax: 60 }), arbSubmission(), (cal, submission) => {
        const { earliest, latest } = settlementWindow(cal, submission)
        expect(isBusinessDay(cal, earliest)).toBe(true)
        expect(isBusinessDay(cal, latest)).toBe(true)
        expect(earliest > submission.localDate).toBe(true)
        expect(earliest <= latest).toBe(true)
        // Latest is SETTLEMENT_DAYS_MAX - SETTLEMENT_DAYS_MIN business days after earliest.
        expect(businessDaysBetween(cal, earliest, latest)).toBe(
          SETTLEMENT_DAYS_MAX - SETTLEMENT_DAYS_MIN,
        )
        const countsFromToday =
          isBusinessDay(cal, submission.localDate) && submission.localTime < cal.cutoff
        // Earliest is day 0 + SETTLEMENT_DAYS_MIN; day 0 is the submission date or the next business day.
        expect(businessDaysBetween(cal, submission.localDate, earliest)).toBe(
          countsFromToday ? SETTLEMENT_DAYS_MIN : SETTLEMENT_DAYS_MIN + 1,
        )
      }),
      { numRuns: 500 },
    ))
})
