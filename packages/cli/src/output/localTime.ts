// Instants as a person in the ledger's zone reads them: "2026-11-23 09:00:00 +08:00", never UTC Z
// (the issue: a story told in Shanghai time must not print its history in UTC).

/** Formats an ISO instant in `timeZone` with its offset; text that is no instant is returned as is. */
export type TimeFormatter = (instant: string) => string

/**
 * A formatter for one IANA zone. Throws a RangeError for a zone the runtime does not know (the
 * option parser checks first, so a person sees which option was wrong).
 */
export const createTimeFormatter = (timeZone: string): TimeFormatter => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  })
  return (instant) => {
    const ms = Date.parse(instant)
    if (Number.isNaN(ms)) return instant
    const parts: Record<string, string> = {}
    for (const part of format.formatToParts(new Date(ms))) parts[part.type] = part.value
    const offset = offsetOf(parts['timeZoneName'] ?? '')
    const date = `${parts['year']}-${parts['month']}-${parts['day']}`
    return `${date} ${parts['hour']}:${parts['minute']}:${parts['second']} ${offset}`
  }
}

/** The offset of an instant in a zone, as "+08:00" (for headings: "Asia/Shanghai +08:00"). */
export const zoneLabel = (timeZone: string, at: Date): string => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')
  return `${timeZone} ${offsetOf(parts?.value ?? '')}`
}

/** True when the runtime knows the IANA zone. */
export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/** The zone this machine runs in (what a person expects when they name none). */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

// "GMT+08:00" -> "+08:00"; "GMT" (UTC itself) -> "+00:00".
const offsetOf = (name: string): string => {
  const offset = name.replace(/^GMT/, '')
  return offset === '' ? '+00:00' : offset
}
