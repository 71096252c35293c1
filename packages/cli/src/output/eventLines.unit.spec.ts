// Proves the pure pieces of the cli's output: local times carry the zone's offset (never UTC "Z"),
// an export line reads back to the same event and every malformed field is named, and account ids
// become valid beancount accounts.
import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '@wallet-ledger/core'
import { eventLine, parseLine } from './eventLines.js'
import { createTimeFormatter, isKnownTimeZone, zoneLabel } from './localTime.js'
import { beancountAccount } from './plainTextJournal.js'

const event: StoredEvent = {
  eventId: 'e-1',
  stream: 'account-alice',
  revision: 3n,
  position: 12345678901234n,
  recordedAt: '2026-11-23T01:00:00.000Z',
  correlationId: 'c-1',
  causationId: null,
  actor: 'support',
  type: 'FundsDeposited',
  schemaVersion: 1,
  data: { amount: '12.30', nested: [1, 'two', null] },
  hash: 'a'.repeat(64),
  commitHash: 'b'.repeat(64),
}

describe('local time', () => {
  it('prints an instant in the zone with its offset', () => {
    expect(createTimeFormatter('Asia/Shanghai')('2026-11-23T01:00:00.000Z')).toBe(
      '2026-11-23 09:00:00 +08:00',
    )
    expect(createTimeFormatter('UTC')('2026-11-23T01:00:00.000Z')).toBe(
      '2026-11-23 01:00:00 +00:00',
    )
    expect(zoneLabel('Asia/Shanghai', new Date())).toBe('Asia/Shanghai +08:00')
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false)
  })
})

describe('export lines', () => {
  it('read back to the same event, bigints and nulls included', () => {
    expect(parseLine(eventLine(event))).toEqual({ kind: 'event', event })
  })

  it('name what is wrong with a line', () => {
    const fields = JSON.parse(eventLine(event)) as Record<string, unknown>
    const broken = (change: Record<string, unknown>) =>
      parseLine(JSON.stringify({ ...fields, ...change }))
    expect(parseLine('{"eventId":')).toMatchObject({ kind: 'invalid', reason: /not a complete/ })
    expect(parseLine('[1]')).toMatchObject({ kind: 'invalid', reason: 'not a JSON object' })
    expect(broken({ revision: 3 })).toMatchObject({ reason: '"revision" is not a decimal string' })
    expect(broken({ position: '-1' })).toMatchObject({ reason: /"position"/ })
    expect(broken({ hash: 'xyz' })).toMatchObject({ reason: /"hash" is not a sha-256/ })
    expect(broken({ actor: 7 })).toMatchObject({ reason: /"actor"/ })
    expect(broken({ schemaVersion: 1.5 })).toMatchObject({ reason: /"schemaVersion"/ })
    expect(parseLine('x'.repeat(3_000_000))).toMatchObject({ reason: /longer than/ })
  })
})

describe('beancount accounts', () => {
  it('are capitalised parts of letters, digits and dashes under Assets:Wallet', () => {
    expect(beancountAccount('alice')).toBe('Assets:Wallet:Alice')
    expect(beancountAccount('world:bank-inflow')).toBe('Assets:Wallet:World:Bank-inflow')
    expect(beancountAccount('system:promotion:lunch_15')).toBe(
      'Assets:Wallet:System:Promotion:Lunch-15',
    )
    expect(beancountAccount('7-eleven')).toBe('Assets:Wallet:X7-eleven')
  })
})
