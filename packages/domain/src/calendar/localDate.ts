// Local dates and times as plain values. The engine turns an instant into the ledger's local date
// and time (with Intl, in core); the domain only does integer arithmetic on the 'YYYY-MM-DD'
// string, so replay never depends on time-zone data or on the host's clock.
import * as t from 'io-ts'
import { assert } from '../assert.js'
import { LocalDate } from '../codecs/common.js'

// ---------------------------------------------------------------- types

/** A day of the week, Monday first as in ISO 8601. */
export type Weekday =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday'

const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]

const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

/** The brand that marks a string checked as a local time of day (io-ts `t.brand`). */
export interface LocalTimeBrand {
  readonly LocalTime: unique symbol
}
/**
 * A wall-clock time in the ledger's time zone, 'HH:MM' on a 24-hour clock ("09:30", "16:00").
 * Two values compare correctly as strings. The engine truncates seconds: 15:59:59 is "15:59".
 */
export const LocalTime = t.brand(
  t.string,
  (s): s is t.Branded<string, LocalTimeBrand> => LOCAL_TIME.test(s),
  'LocalTime',
)
export type LocalTime = t.TypeOf<typeof LocalTime>

// Supported years: what the LocalDate codec accepts (four digits).
const YEAR_MIN = 0
const YEAR_MAX = 9999
const DAYS_PER_ERA = 146_097 // 400 Gregorian years
const EPOCH_SHIFT = 719_468 // days from 0000-03-01 to 1970-01-01
const EPOCH_WEEKDAY_INDEX = 3 // 1970-01-01 was a Thursday (Monday = 0)

// ---------------------------------------------------------------- operations

/**
 * The day of the week of a local date, by integer arithmetic on the date (no `Date`, no zone).
 *
 * @example weekdayOf('2026-11-27' as LocalDate) // 'friday'
 */
export const weekdayOf = (localDate: LocalDate): Weekday => {
  const days = epochDayOf(localDate)
  const index = (((days + EPOCH_WEEKDAY_INDEX) % 7) + 7) % 7
  const weekday = WEEKDAYS[index]
  assert(weekday !== undefined, `weekdayOf: no weekday at index ${index}`)
  return weekday
}

/**
 * The local date `days` calendar days after (or, when negative, before) `localDate`. Asserts the
 * result stays within the years 0000..9999 that a LocalDate can spell.
 *
 * @example addDays('2026-12-31' as LocalDate, 1) // '2027-01-01'
 */
export const addDays = (localDate: LocalDate, days: number): LocalDate => {
  assert(Number.isSafeInteger(days), `addDays: ${days} is not a whole number of days`)
  const result = dateOfEpochDay(epochDayOf(localDate) + days)
  assert(
    LocalDate.is(result),
    `addDays: ${localDate} + ${days} days is outside the supported years`,
  )
  return result
}

/** Days since 1970-01-01 (negative before it). The inverse of `dateOfEpochDay`. */
export const epochDayOf = (localDate: LocalDate): number => {
  assert(LocalDate.is(localDate), `epochDayOf: "${String(localDate)}" is not a local date`)
  const year = Number(localDate.slice(0, 4))
  const month = Number(localDate.slice(5, 7))
  const day = Number(localDate.slice(8, 10))
  // Howard Hinnant's days_from_civil: count years from March so the leap day ends the year.
  const marchYear = month <= 2 ? year - 1 : year
  const era = Math.floor(marchYear / 400)
  const yearOfEra = marchYear - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT
}

// ---------------------------------------------------------------- helpers

// Howard Hinnant's civil_from_days. Returns a plain string; callers check it is a LocalDate.
const dateOfEpochDay = (epochDay: number): string => {
  const shifted = epochDay + EPOCH_SHIFT
  const era = Math.floor(shifted / DAYS_PER_ERA)
  const dayOfEra = shifted - era * DAYS_PER_ERA
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  if (year < YEAR_MIN || year > YEAR_MAX) return `out-of-range:${year}`
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0')
