// The public names of the business calendar, listed by name.
export type { Weekday } from './localDate.js'
export { LocalTime, addDays, epochDayOf, weekdayOf } from './localDate.js'
export type { BusinessCalendarInput, Submission } from './businessCalendar.js'
export {
  BusinessCalendar,
  DEFAULT_CUTOFF,
  SettlementWindow,
  createBusinessCalendar,
  isBusinessDay,
  settlementWindow,
} from './businessCalendar.js'
