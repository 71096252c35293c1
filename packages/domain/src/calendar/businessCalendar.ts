// The business calendar: which local days the bank works, and the settlement window of a
// withdrawal (DESIGN.md section 3). Pure: the engine passes the local date and time as values.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { chain } from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { assert } from '../assert.js'
import { LocalDate } from '../codecs/common.js'
import { decodeInput } from '../codecs/report.js'
import type { DomainError } from '../errors.js'
import {
  CALENDAR_LOOKAHEAD_DAYS_MAX,
  HOLIDAYS_MAX,
  SETTLEMENT_DAYS_MAX,
  SETTLEMENT_DAYS_MIN,
} from '../limits.js'
import { LocalTime } from './localDate.js'
import { addDays, epochDayOf, weekdayOf } from './localDate.js'

// ---------------------------------------------------------------- types

/**
 * The days the bank works and the daily cut-off. A day is a business day unless it is a Saturday,
 * a Sunday or one of `holidays` (local dates in the ledger's time zone). A submission strictly
 * before `cutoff` on a business day counts from that day.
 */
export type BusinessCalendar = {
  readonly holidays: ReadonlySet<LocalDate>
  readonly cutoff: LocalTime
}

/** What `createBusinessCalendar` takes; absent holidays mean none, an absent cut-off '16:00'. */
export type BusinessCalendarInput = {
  readonly holidays?: readonly string[] | undefined
  readonly cutoff?: string | undefined
}

/** The local dates a withdrawal is expected to settle between, both inclusive business days. */
export const SettlementWindow = t.type(
  { earliest: LocalDate, latest: LocalDate },
  'SettlementWindow',
)
export type SettlementWindow = t.TypeOf<typeof SettlementWindow>

/** When a withdrawal was submitted, in the ledger's time zone. */
export type Submission = { readonly localDate: LocalDate; readonly localTime: LocalTime }

/** The cut-off when none is configured: 16:00 local time. */
export const DEFAULT_CUTOFF = '16:00' as LocalTime

// Any CALENDAR_LOOKAHEAD_DAYS_MAX consecutive days hold at least this many weekdays (a full week
// holds five; the leftover days hold all but at most two weekend days).
const WEEKDAYS_PER_LOOKAHEAD_MIN =
  Math.floor(CALENDAR_LOOKAHEAD_DAYS_MAX / 7) * 5 +
  Math.max(0, (CALENDAR_LOOKAHEAD_DAYS_MAX % 7) - 2)
// A settlement search needs SETTLEMENT_DAYS_MAX + 1 business days after the submission date (the
// counting day when it is not the submission date, then the window); so a calendar may close at
// most this many weekdays within any look-ahead span.
const HOLIDAY_WEEKDAYS_PER_LOOKAHEAD_MAX = WEEKDAYS_PER_LOOKAHEAD_MIN - (SETTLEMENT_DAYS_MAX + 1)
assert(HOLIDAY_WEEKDAYS_PER_LOOKAHEAD_MAX >= 0, 'calendar look-ahead too short for any holiday')

const Holidays = new t.Type<readonly LocalDate[], readonly string[], unknown>(
  `Holidays(at most ${HOLIDAYS_MAX} dates, at most ${HOLIDAY_WEEKDAYS_PER_LOOKAHEAD_MAX} weekdays in any ${CALENDAR_LOOKAHEAD_DAYS_MAX} days)`,
  (u): u is readonly LocalDate[] => Array.isArray(u) && u.every((d) => LocalDate.is(d)),
  (u, c) =>
    pipe(
      t.readonlyArray(LocalDate).validate(u, c),
      chain((dates) =>
        dates.length <= HOLIDAYS_MAX && leavesBusinessDays(dates)
          ? t.success(dates)
          : t.failure(u, c),
      ),
    ),
  (dates) => dates,
)

const BusinessCalendarWire = t.type({ holidays: Holidays, cutoff: LocalTime })

/**
 * The codec of a calendar inside a command: on the wire `{ holidays: ['YYYY-MM-DD', ...], cutoff:
 * 'HH:MM' }`, decoded into a set. Holidays are bounded by `HOLIDAYS_MAX`, and may not close so many
 * weekdays that a settlement window could not be found within `CALENDAR_LOOKAHEAD_DAYS_MAX` days.
 * Encoding lists the holidays in date order.
 */
export const BusinessCalendar = new t.Type<
  BusinessCalendar,
  { readonly holidays: readonly string[]; readonly cutoff: string },
  unknown
>(
  'BusinessCalendar',
  (u): u is BusinessCalendar =>
    typeof u === 'object' &&
    u !== null &&
    (u as { holidays?: unknown }).holidays instanceof Set &&
    LocalTime.is((u as { cutoff?: unknown }).cutoff),
  (u, c) =>
    pipe(
      BusinessCalendarWire.validate(u, c),
      chain((wire) => t.success({ holidays: new Set(wire.holidays), cutoff: wire.cutoff })),
    ),
  (calendar) => ({ holidays: [...calendar.holidays].sort(), cutoff: calendar.cutoff }),
)

// ---------------------------------------------------------------- constructors

/**
 * Builds a calendar from configuration. Fails with `invalid_input` naming the field (`holidays`,
 * `holidays.3`, `cutoff`): a holiday that is not a real 'YYYY-MM-DD' date, more than `HOLIDAYS_MAX`
 * holidays, holidays so dense no settlement window fits the look-ahead, or a cut-off that is not
 * 'HH:MM'. Duplicate holidays are kept once.
 *
 * @example createBusinessCalendar({ holidays: ['2026-12-25'], cutoff: '15:30' })
 */
export const createBusinessCalendar = (
  input: BusinessCalendarInput = {},
): Either<DomainError<'invalid_input'>, BusinessCalendar> =>
  decodeInput(BusinessCalendar, {
    holidays: input.holidays ?? [],
    cutoff: input.cutoff ?? DEFAULT_CUTOFF,
  })

// ---------------------------------------------------------------- operations

/** True unless the date is a Saturday, a Sunday or a holiday of the calendar. */
export const isBusinessDay = (calendar: BusinessCalendar, localDate: LocalDate): boolean => {
  const weekday = weekdayOf(localDate)
  return weekday !== 'saturday' && weekday !== 'sunday' && !calendar.holidays.has(localDate)
}

/**
 * The settlement window of a withdrawal submitted at a local date and time: 1 to 3 business days.
 *
 * Day 0, the counting day, is the submission date when that is a business day and the submission
 * is strictly before the cut-off (16:00 exactly is after it); otherwise it is the first business
 * day after the submission date. `earliest` is the `SETTLEMENT_DAYS_MIN`-th (1st) business day
 * after day 0 and `latest` the `SETTLEMENT_DAYS_MAX`-th (3rd). So Friday 09:00 settles Monday to
 * Wednesday; Friday 17:00 or Saturday counts from Monday and settles Tuesday to Thursday. Both
 * ends are business days and `earliest` is always after the submission date.
 *
 * @example
 * settlementWindow(calendar, { localDate: '2026-11-27', localTime: '09:00' })
 * // { earliest: '2026-11-30', latest: '2026-12-02' }
 */
export const settlementWindow = (
  calendar: BusinessCalendar,
  submission: Submission,
): SettlementWindow => {
  const { localDate, localTime } = submission
  const countsFromSubmissionDate = isBusinessDay(calendar, localDate) && localTime < calendar.cutoff
  const ahead = businessDaysAfter(
    calendar,
    localDate,
    SETTLEMENT_DAYS_MAX + (countsFromSubmissionDate ? 0 : 1),
  )
  // counted[0] is day 0; counted[n] is the n-th business day after it.
  const counted = countsFromSubmissionDate ? [localDate, ...ahead] : ahead
  const earliest = counted[SETTLEMENT_DAYS_MIN]
  const latest = counted[SETTLEMENT_DAYS_MAX]
  assert(earliest !== undefined && latest !== undefined, 'settlementWindow: window not found')
  assert(earliest > localDate, `settlementWindow: ${earliest} is not after ${localDate}`)
  assert(earliest <= latest, `settlementWindow: ${earliest} is after ${latest}`)
  return { earliest, latest }
}

// ---------------------------------------------------------------- helpers

// The first `count` business days strictly after `from`. Bounded by the look-ahead; the Holidays
// codec guarantees enough business days in it, so running out means a calendar built around it.
const businessDaysAfter = (
  calendar: BusinessCalendar,
  from: LocalDate,
  count: number,
): LocalDate[] => {
  assert(
    count >= 1 && count <= CALENDAR_LOOKAHEAD_DAYS_MAX,
    `businessDaysAfter: bad count ${count}`,
  )
  const found: LocalDate[] = []
  for (let offset = 1; offset <= CALENDAR_LOOKAHEAD_DAYS_MAX && found.length < count; offset += 1) {
    const day = addDays(from, offset)
    if (isBusinessDay(calendar, day)) found.push(day)
  }
  assert(
    found.length === count,
    `no ${count} business days within ${CALENDAR_LOOKAHEAD_DAYS_MAX} days after ${from}`,
  )
  return found
}

// True when no CALENDAR_LOOKAHEAD_DAYS_MAX-day span holds more than
// HOLIDAY_WEEKDAYS_PER_LOOKAHEAD_MAX holidays on weekdays (a sliding window over sorted days).
const leavesBusinessDays = (dates: readonly LocalDate[]): boolean => {
  const weekdayHolidays = [...new Set(dates)]
    .filter((date) => weekdayOf(date) !== 'saturday' && weekdayOf(date) !== 'sunday')
    .map(epochDayOf)
    .sort((a, b) => a - b)
  let first = 0
  for (let last = 0; last < weekdayHolidays.length; last += 1) {
    const lastDay = weekdayHolidays[last] ?? 0
    while ((weekdayHolidays[first] ?? lastDay) <= lastDay - CALENDAR_LOOKAHEAD_DAYS_MAX) first += 1
    if (last - first + 1 > HOLIDAY_WEEKDAYS_PER_LOOKAHEAD_MAX) return false
  }
  return true
}
