// Proves live subscriptions: this process's commits wake a subscriber at once (no poll needed: the
// poll interval here is a minute), and commits by another connection to the same file (as another
// process would make them) reach it through the bounded poll.
import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '@wallet-ledger/core/adapter'
import { tempDatabases } from '../test/__fixtures__/tempDatabase.js'
import { createSqliteEventStore } from './sqliteEventStore.js'

const nextPath = tempDatabases('sqlite-subscription')
const opened = [{ type: 'Opened', schemaVersion: 1, data: {} }]

const collector = () => {
  const seen: StoredEvent[] = []
  let wanted = { count: Infinity, resolve: () => {} }
  return {
    seen,
    handler: (event: StoredEvent) => {
      seen.push(event)
      if (seen.length >= wanted.count) wanted.resolve()
    },
    until: (count: number) =>
      new Promise<void>((resolve) => {
        wanted = { count, resolve }
        if (seen.length >= count) resolve()
      }),
  }
}

describe('SQLite subscriptions', () => {
  it('wake on this process’s commits without polling', async () => {
    const store = createSqliteEventStore({ path: nextPath(), pollIntervalMs: 60_000 })
    const events = collector()
    const subscription = store.subscribeToAll({}, events.handler)
    await subscription.caughtUp
    await store.append('a-1', opened, { expectedRevision: 'no_stream' })
    await store.append('b-1', opened, { expectedRevision: 'no_stream' })
    await events.until(2)
    expect(events.seen.map((event) => [event.stream, event.position])).toEqual([
      ['a-1', 0n],
      ['b-1', 1n],
    ])
    await store.close()
    await expect(subscription.done).resolves.toBeUndefined()
  })

  it('see another connection’s commits through the bounded poll', async () => {
    const path = nextPath()
    const reader = createSqliteEventStore({ path, pollIntervalMs: 5 })
    const writer = createSqliteEventStore({ path })
    await writer.append('a-1', opened, { expectedRevision: 'no_stream' })
    const events = collector()
    const subscription = reader.subscribeToAll({}, events.handler)
    await subscription.caughtUp
    expect(events.seen).toHaveLength(1)
    await writer.append('a-1', opened, { expectedRevision: 0n })
    await writer.append('c-1', opened, { expectedRevision: 'no_stream' })
    await events.until(3)
    expect(events.seen.map((event) => event.position)).toEqual([0n, 1n, 2n])
    await subscription.close()
    await writer.close()
    await reader.close()
  })
})
