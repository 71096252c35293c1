// The ledger's local calendar: the engine turns an instant into a local date and time in the
// ledger's IANA zone here, once, so the domain never needs time-zone data to replay.
import { assert } from '@wallet-ledger/domain'

/** A local date ('YYYY-MM-DD') and time ('HH:MM') in the ledger's zone. */
export type LocalDateTime = { readonly localDate: string; readonly localTime: string }

/** Throws a RangeError for an unknown zone: configuration errors surface at createLedger. */
export const createLocalTimeFormatter = (timeZone: string): ((instant: Date) => LocalDateTime) => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  // Every zone offset is a whole number of minutes, so one answer serves a whole UTC minute; the
  // cache saves formatToParts (microseconds) on every command of a busy minute.
  let cachedMinute = Number.NaN
  let cached: LocalDateTime = { localDate: '', localTime: '' }
  return (instant) => {
    const minute = Math.floor(instant.getTime() / 60_000)
    if (minute === cachedMinute) return cached
    const parts: Record<string, string> = {}
    for (const part of format.formatToParts(instant)) parts[part.type] = part.value
    const localDate = `${parts['year']}-${parts['month']}-${parts['day']}`
    const localTime = `${parts['hour']}:${parts['minute']}`
    assert(/^\d{4}-\d{2}-\d{2}$/.test(localDate), `bad local date ${localDate}`)
    assert(/^\d{2}:\d{2}$/.test(localTime), `bad local time ${localTime}`)
    cachedMinute = minute
    cached = { localDate, localTime }
    return cached
  }
}

/** True when the runtime knows the zone. */
export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}
