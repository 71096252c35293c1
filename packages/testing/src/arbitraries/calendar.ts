// Calendar arbitraries: local dates and times, holiday sets and business calendars. Holidays are
// drawn from the same span as the dates, so windows really cross them (a Friday before a Monday
// holiday, a run of holidays around New Year).
import fc from 'fast-check'
import { addDays, createBusinessCalendar, LocalDate, limits } from '@wallet-ledger/domain'
import type { BusinessCalendar, LocalTime, Submission } from '@wallet-ledger/domain'

// ---------------------------------------------------------------- types

/** A span of local dates: `days` days starting at `from`. */
export type DateSpan = { readonly from: string; readonly days: number }

/** Options of `arbBusinessCalendar`. */
export type CalendarOptions = {
  /** Where holidays fall; default `DEFAULT_SPAN`. */
  readonly span?: DateSpan
  /** Most holidays drawn; above 38 some draws are too dense and are dropped. Default 38. */
  readonly holidaysMax?: number
}

/** Four months around a year end, dense with holidays in real calendars. */
export const DEFAULT_SPAN: DateSpan = { from: '2026-11-01', days: 120 }

// ---------------------------------------------------------------- dates and times

/** A local date within the span (default `DEFAULT_SPAN`). */
export const arbLocalDate = (span: DateSpan = DEFAULT_SPAN): fc.Arbitrary<LocalDate> => {
  const from = asLocalDate(span.from)
  return fc.integer({ min: 0, max: span.days - 1 }).map((offset) => addDays(from, offset))
}

/** Any local date from 1970 to 2199, for arithmetic properties. */
export const arbAnyLocalDate = (): fc.Arbitrary<LocalDate> =>
  arbLocalDate({ from: '1970-01-01', days: 84_000 })

/** A wall-clock time 'HH:MM', biased toward the default cut-off and the edges of the day. */
export const arbLocalTime = (): fc.Arbitrary<LocalTime> =>
  fc.oneof(
    { arbitrary: fc.constantFrom('00:00', '15:59', '16:00', '16:01', '23:59'), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([hour, minute]) => `${pad(hour)}:${pad(minute)}`),
      weight: 3,
    },
  ) as fc.Arbitrary<LocalTime>

/** A submission moment: a local date in the span and a local time. */
export const arbSubmission = (span: DateSpan = DEFAULT_SPAN): fc.Arbitrary<Submission> =>
  fc.record({ localDate: arbLocalDate(span), localTime: arbLocalTime() })

// ---------------------------------------------------------------- calendars

/**
 * A valid business calendar: holidays in the span (at most `holidaysMax`, duplicates allowed
 * in the input) and any cut-off. Draws the calendar rules reject as too dense are dropped.
 */
export const arbBusinessCalendar = (
  options: CalendarOptions = {},
): fc.Arbitrary<BusinessCalendar> =>
  fc
    .record({
      holidays: fc.array(arbLocalDate(options.span ?? DEFAULT_SPAN), {
        maxLength: options.holidaysMax ?? 38,
      }),
      cutoff: arbLocalTime(),
    })
    .map((input): BusinessCalendar | undefined => {
      const built = createBusinessCalendar(input)
      return built._tag === 'Right' ? built.right : undefined
    })
    .filter((built): built is BusinessCalendar => built !== undefined)

/** Raw calendar input that `createBusinessCalendar` must reject, with the path it must name. */
export const arbInvalidCalendarInput = (): fc.Arbitrary<{
  readonly input: { holidays?: string[]; cutoff?: string }
  readonly path: string
}> =>
  fc.oneof(
    fc
      .constantFrom('24:00', '9:00', '16:60', '1600', '', '16:00:00', 'noon')
      .map((cutoff) => ({ input: { cutoff }, path: 'cutoff' })),
    fc
      .constantFrom('2026-02-30', '2026-13-01', '26-12-25', '2026/12/25', '', '2026-12-25T00:00Z')
      .map((bad) => ({ input: { holidays: ['2026-12-24', bad] }, path: 'holidays.1' })),
    fc.constant({
      input: { holidays: allDays('2000-01-01', limits.HOLIDAYS_MAX + 1) },
      path: 'holidays',
    }),
  )

// ---------------------------------------------------------------- helpers

const pad = (value: number): string => String(value).padStart(2, '0')

const asLocalDate = (text: string): LocalDate => {
  if (!LocalDate.is(text)) throw new RangeError(`not a local date: "${text}"`)
  return text
}

const allDays = (from: string, count: number): string[] =>
  Array.from({ length: count }, (_, offset) => addDays(asLocalDate(from), offset))
