// Proves importCommit copies another store's commits with their envelopes and hashes (same head,
// same events) and refuses, writing nothing, a commit that does not continue the store exactly.
import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '../ports/eventStore.js'
import { createMemoryEventStore } from './memoryEventStore.js'
import { iterateAll } from './paging.js'

const event = (n: number) => ({ type: 'Noted', schemaVersion: 1, data: { n } })

const sourceEvents = async (): Promise<StoredEvent[]> => {
  const source = createMemoryEventStore()
  await source.append('note-a', [event(1), event(2)], { expectedRevision: 'no_stream' })
  await source.appendMany!([
    { stream: 'note-b', events: [event(3)], expectedRevision: 'no_stream' },
    { stream: 'note-a', events: [event(4)], expectedRevision: 1n },
  ])
  const events: StoredEvent[] = []
  for await (const stored of iterateAll(source)) events.push(stored)
  return events
}

describe('importCommit on the memory store', () => {
  it('copies commits with their envelopes: the same events and the same head', async () => {
    const events = await sourceEvents()
    const target = createMemoryEventStore()
    await target.importCommit!(events.slice(0, 2))
    await target.importCommit!(events.slice(2))
    const copied: StoredEvent[] = []
    for await (const stored of iterateAll(target)) copied.push(stored)
    expect(copied).toEqual(events)
    expect((await target.readHead()).commitHash).toBe(events.at(-1)!.commitHash)
  })

  it('refuses a commit out of order, an edited event or a broken chain, writing nothing', async () => {
    const events = await sourceEvents()
    const target = createMemoryEventStore()
    await expect(target.importCommit!(events.slice(2))).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    const edited = { ...events[0]!, data: { n: 9 } }
    await expect(target.importCommit!([edited, events[1]!])).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    await expect(target.importCommit!(events.slice(0, 1))).rejects.toThrow(/does not chain/)
    expect((await target.readHead()).nextPosition).toBe(0n)
  })
})
