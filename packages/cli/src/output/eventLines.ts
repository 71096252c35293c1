// The export format: one stored event a line, JSON, its envelope and both hashes as stored
// (revision and position as decimal strings), then one closing line with the count and the head,
// so an import can tell a whole export from a truncated one.
import { limits } from '@wallet-ledger/domain'
import type { JsonValue, StoredEvent } from '@wallet-ledger/core'

/** The closing line's fields. */
export type ExportEnd = { readonly end: true; readonly events: string; readonly head: string }

/** A line of an export, read back: an event, the closing line, or why it is neither. */
export type ParsedLine =
  | { readonly kind: 'event'; readonly event: StoredEvent }
  | { readonly kind: 'end'; readonly end: ExportEnd }
  | { readonly kind: 'invalid'; readonly reason: string }

/** The longest line an import reads: an event at its size limit, escaped, with its envelope. */
export const LINE_LENGTH_MAX = limits.EVENT_BYTES_MAX * 2 + 4096

/** One event as an export line (no newline). */
export const eventLine = (event: StoredEvent): string =>
  JSON.stringify({
    eventId: event.eventId,
    stream: event.stream,
    revision: event.revision.toString(),
    position: event.position.toString(),
    recordedAt: event.recordedAt,
    correlationId: event.correlationId,
    causationId: event.causationId,
    actor: event.actor,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    hash: event.hash,
    commitHash: event.commitHash,
  })

/** The closing line. */
export const endLine = (events: bigint, head: string): string =>
  JSON.stringify({ end: true, events: events.toString(), head })

const COUNT = /^(0|[1-9][0-9]{0,18})$/
const HEX = /^[0-9a-f]{64}$/

/** Reads one line; every field is checked for its type, nothing is trusted. */
export const parseLine = (line: string): ParsedLine => {
  if (line.length > LINE_LENGTH_MAX) return invalid(`longer than ${LINE_LENGTH_MAX} characters`)
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return invalid('not a complete JSON line (cut short or edited?)')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid('not a JSON object')
  }
  const fields = value as Record<string, unknown>
  if (fields['end'] === true) {
    const { events, head } = fields
    if (typeof events !== 'string' || !COUNT.test(events)) return invalid('end: bad "events"')
    if (typeof head !== 'string' || !HEX.test(head)) return invalid('end: bad "head"')
    return { kind: 'end', end: { end: true, events, head } }
  }
  const text = (name: string): string | undefined =>
    typeof fields[name] === 'string' ? (fields[name] as string) : undefined
  for (const name of ['eventId', 'stream', 'recordedAt', 'correlationId', 'type']) {
    if (text(name) === undefined) return invalid(`"${name}" is not a string`)
  }
  for (const name of ['causationId', 'actor']) {
    if (fields[name] !== null && text(name) === undefined)
      return invalid(`"${name}" is not a string or null`)
  }
  for (const name of ['revision', 'position']) {
    if (!COUNT.test(text(name) ?? '')) return invalid(`"${name}" is not a decimal string`)
  }
  for (const name of ['hash', 'commitHash']) {
    if (!HEX.test(text(name) ?? '')) return invalid(`"${name}" is not a sha-256 hex digest`)
  }
  const schemaVersion = fields['schemaVersion']
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion)) {
    return invalid('"schemaVersion" is not an integer')
  }
  if (!('data' in fields)) return invalid('"data" is missing')
  const event: StoredEvent = {
    eventId: text('eventId')!,
    stream: text('stream')!,
    revision: BigInt(text('revision')!),
    position: BigInt(text('position')!),
    recordedAt: text('recordedAt')!,
    correlationId: text('correlationId')!,
    causationId: fields['causationId'] === null ? null : text('causationId')!,
    actor: fields['actor'] === null ? null : text('actor')!,
    type: text('type')!,
    schemaVersion,
    data: fields['data'] as JsonValue,
    hash: text('hash')!,
    commitHash: text('commitHash')!,
  }
  return { kind: 'event', event }
}

const invalid = (reason: string): ParsedLine => ({ kind: 'invalid', reason })
