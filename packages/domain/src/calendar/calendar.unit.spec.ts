// Proves the business calendar on fixed dates: weekdays and day arithmetic across month, year and
// leap-day edges, which days are business days, how calendars are validated, and the settlement
// window of DESIGN.md section 3 (Friday morning, after the cut-off, weekends and holidays).
import { describe, expect, it } from 'vitest'
import type { LocalDate } from '../codecs/common.js'
import { HOLIDAYS_MAX } from '../limits.js'
import {
  DEFAULT_CUTOFF,
  createBusinessCalendar,
  isBusinessDay,
  settlementWindow,
} from './businessCalendar.js'
import type { BusinessCalendar } from './businessCalendar.js'
import { addDays, weekdayOf } from './localDate.js'
import type { LocalTime } from './localDate.js'

const date = (text: string) => text as LocalDate
const time = (text: string) => text as LocalTime

const calendar = (holidays: string[] = [], cutoff?: string): BusinessCalendar => {
  const built = createBusinessCalendar({ holidays, cutoff })
  if (built._tag === 'Left') throw new Error(built.left.message)
  return built.right
}

const windowOf = (cal: BusinessCalendar, localDate: string, localTime: string) =>
  settlementWindow(cal, { localDate: date(localDate), localTime: time(localTime) })

describe('weekdayOf and addDays', () => {
  it('names the weekday of known dates', () => {
    expect(weekdayOf(date('1970-01-01'))).toBe('thursday')
    expect(weekdayOf(date('2026-11-27'))).toBe('friday')
    expect(weekdayOf(date('2026-11-28'))).toBe('saturday')
    expect(weekdayOf(date('2000-02-29'))).toBe('tuesday')
    expect(weekdayOf(date('1900-03-01'))).toBe('thursday')
    expect(weekdayOf(date('0000-03-01'))).toBe('wednesday')
    expect(weekdayOf(date('9999-12-31'))).toBe('friday')
  })

  it('adds days across month, year and leap-day edges, and backwards', () => {
    expect(addDays(date('2026-12-31'), 1)).toBe('2027-01-01')
    expect(addDays(date('2028-02-28'), 1)).toBe('2028-02-29')
    expect(addDays(date('2100-02-28'), 1)).toBe('2100-03-01')
    expect(addDays(date('2026-03-01'), -1)).toBe('2026-02-28')
    expect(addDays(date('2026-11-27'), 0)).toBe('2026-11-27')
    expect(addDays(date('2026-01-01'), 365)).toBe('2027-01-01')
  })

  it('asserts outside the years a local date can spell, or on a fraction of a day', () => {
    expect(() => addDays(date('9999-12-31'), 1)).toThrow(/outside the supported years/)
    expect(() => addDays(date('0000-01-01'), -1)).toThrow(/outside the supported years/)
    expect(() => addDays(date('2026-01-01'), 0.5)).toThrow(/whole number/)
  })
})

describe('isBusinessDay', () => {
  const cal = calendar(['2026-12-25'])

  it('is true on a weekday that is not a holiday', () =>
    expect(isBusinessDay(cal, date('2026-12-24'))).toBe(true))
  it('is false on Saturday and Sunday', () => {
    expect(isBusinessDay(cal, date('2026-11-28'))).toBe(false)
    expect(isBusinessDay(cal, date('2026-11-29'))).toBe(false)
  })
  it('is false on a holiday', () => expect(isBusinessDay(cal, date('2026-12-25'))).toBe(false))
})

describe('createBusinessCalendar', () => {
  it('defaults to no holidays and a 16:00 cut-off', () => {
    const built = calendar()
    expect(built.cutoff).toBe(DEFAULT_CUTOFF)
    expect(DEFAULT_CUTOFF).toBe('16:00')
    expect(built.holidays.size).toBe(0)
  })

  it('keeps duplicate holidays once', () =>
    expect([...calendar(['2026-12-25', '2026-12-25']).holidays]).toEqual(['2026-12-25']))

  it.each([
    [{ cutoff: '24:00' }, 'cutoff'],
    [{ cutoff: '9:30' }, 'cutoff'],
    [{ holidays: ['2026-12-25', '2026-02-30'] }, 'holidays.1'],
    [{ holidays: ['2026-12-25', '25/12/2026'] }, 'holidays.1'],
  ])('rejects %j naming %s', (input, path) => {
    const built = createBusinessCalendar(input)
    expect(built._tag).toBe('Left')
    if (built._tag === 'Left') {
      expect(built.left.code).toBe('invalid_input')
      expect(built.left.details?.['path']).toBe(path)
    }
  })

  it(`rejects more than ${HOLIDAYS_MAX} holidays`, () => {
    const many = Array.from({ length: HOLIDAYS_MAX + 1 }, (_, i) =>
      addDays(date('2000-01-01'), i * 7),
    )
    const built = createBusinessCalendar({ holidays: many })
    expect(built._tag === 'Left' && built.left.details?.['path']).toBe('holidays')
  })

  it('rejects holidays so dense that no settlement window fits the look-ahead', () => {
    // Every weekday of nine weeks: no business day at all in a 60-day span.
    const dense = Array.from({ length: 63 }, (_, i) => addDays(date('2027-01-04'), i)).filter(
      (day) => !['saturday', 'sunday'].includes(weekdayOf(day)),
    )
    const built = createBusinessCalendar({ holidays: dense })
    expect(built._tag === 'Left' && built.left.details?.['path']).toBe('holidays')
  })
})

describe('settlementWindow', () => {
  const plain = calendar()

  it('settles a Friday-morning submission on Monday at the earliest and Wednesday at the latest', () =>
    expect(windowOf(plain, '2026-11-27', '09:00')).toEqual({
      earliest: '2026-11-30',
      latest: '2026-12-02',
    }))

  it('counts a submission after the cut-off from the next business day', () =>
    expect(windowOf(plain, '2026-11-27', '17:30')).toEqual({
      earliest: '2026-12-01',
      latest: '2026-12-03',
    }))

  it('treats a submission exactly at the cut-off as after it', () =>
    expect(windowOf(plain, '2026-11-27', '16:00')).toEqual({
      earliest: '2026-12-01',
      latest: '2026-12-03',
    }))

  it('counts a Thursday one minute before the cut-off from that day', () =>
    expect(windowOf(plain, '2026-11-26', '15:59')).toEqual({
      earliest: '2026-11-27',
      latest: '2026-12-01',
    }))

  it('counts a weekend submission from Monday', () =>
    expect(windowOf(plain, '2026-11-29', '08:00')).toEqual({
      earliest: '2026-12-01',
      latest: '2026-12-03',
    }))

  it('skips a holiday inside the window (Christmas on a Friday)', () =>
    expect(windowOf(calendar(['2026-12-25']), '2026-12-24', '10:00')).toEqual({
      earliest: '2026-12-28',
      latest: '2026-12-30',
    }))

  it('counts a submission on a holiday from the next business day', () =>
    expect(windowOf(calendar(['2026-12-25']), '2026-12-25', '09:00')).toEqual({
      earliest: '2026-12-29',
      latest: '2026-12-31',
    }))

  it('skips several holidays across a year end', () =>
    expect(windowOf(calendar(['2026-12-25', '2027-01-01']), '2026-12-30', '09:00')).toEqual({
      earliest: '2026-12-31',
      latest: '2027-01-05',
    }))

  it('honours a configured cut-off', () => {
    expect(windowOf(calendar([], '12:00'), '2026-11-27', '11:59').earliest).toBe('2026-11-30')
    expect(windowOf(calendar([], '12:00'), '2026-11-27', '12:00').earliest).toBe('2026-12-01')
    expect(windowOf(calendar([], '00:00'), '2026-11-26', '00:00').earliest).toBe('2026-11-30')
  })
})
