// Proves what only the in-memory store can show: its injected clock (recordedAt never goes back),
// ordered uuid v7 event ids, frozen stored copies built from the stored text, the option without
// appendMany, the paging helpers, and the test-only tamper hooks that audit tests rely on (each one
// is caught by the chain verifier or the expected head).
import { parse as uuidParse, stringify as uuidStringify, version as uuidVersion } from 'uuid'
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import type { EventStore, StoredEvent } from '../ports/eventStore.js'
import { createChainVerifier } from './chain.js'
import { createEventIdSource } from './eventId.js'
import { createMemoryEventStore } from './memoryEventStore.js'
import { iterateAll, iterateStream } from './paging.js'
import { memoryTamperOf } from './memoryTamper.js'

const numbered = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => ({
    type: 'Numbered',
    schemaVersion: 1,
    data: { n: from + index },
  }))

const collect = async (events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => {
  const collected: StoredEvent[] = []
  for await (const event of events) collected.push(event)
  return collected
}

// A clock that returns the given instants in turn, then repeats the last.
const scriptedClock = (instants: readonly string[]) => {
  let index = 0
  return () => new Date(instants[Math.min(index++, instants.length - 1)]!)
}

const verifyAll = async (store: EventStore) => {
  const verifier = createChainVerifier()
  const problems = (await collect(iterateAll(store))).flatMap((event) => verifier.push(event))
  const end = verifier.end()
  return {
    codes: [...problems, ...end.problems].map((problem) => problem.code),
    head: end.commitHash,
  }
}

// Three commits on two streams: positions 0-1 (a-1), 2 (b-1), 3-5 (a-1).
const threeCommits = async () => {
  const store = createMemoryEventStore()
  await store.append('a-1', numbered(2), { expectedRevision: 'no_stream' })
  await store.append('b-1', numbered(1), { expectedRevision: 'no_stream' })
  await store.append('a-1', numbered(3, 2), { expectedRevision: 1n })
  return { store, head: await store.readHead() }
}

describe('the in-memory store', () => {
  it('stamps recordedAt from its clock and reuses the previous instant when the clock goes back', async () => {
    const clock = scriptedClock([
      '2026-11-26T07:30:00.000Z',
      '2026-11-26T07:29:00.000Z',
      '2026-11-26T07:31:00.000Z',
    ])
    const store = createMemoryEventStore({ clock })
    for (let n = 0; n < 3; n += 1)
      await store.append(`s-${n}`, numbered(1), { expectedRevision: 'no_stream' })
    const instants = (await collect(store.readAll())).map((event) => event.recordedAt)
    expect(instants).toEqual([
      '2026-11-26T07:30:00.000Z',
      '2026-11-26T07:30:00.000Z',
      '2026-11-26T07:31:00.000Z',
    ])
  })

  it('keeps time moving forward after a commit fails once its ids were drawn', async () => {
    const clock = scriptedClock(['2026-11-26T07:31:00.000Z', '2026-11-26T07:30:00.000Z'])
    const store = createMemoryEventStore({ clock })
    const huge = {
      type: 'Big',
      schemaVersion: 1,
      data: { text: 'x'.repeat(limits.EVENT_BYTES_MAX) },
    }
    await expect(store.append('a-1', [huge], { expectedRevision: 'any' })).rejects.toMatchObject({
      code: 'limit_exceeded',
    })
    await store.append('a-1', numbered(1), { expectedRevision: 'no_stream' })
    const [event] = await collect(store.readAll())
    expect(event?.recordedAt).toBe('2026-11-26T07:31:00.000Z')
  })

  it('gives ids that sort in position order, even within one millisecond', async () => {
    const store = createMemoryEventStore({ clock: () => new Date('2026-11-26T07:30:00.000Z') })
    for (let n = 0; n < 10; n += 1)
      await store.append('a-1', numbered(7), { expectedRevision: 'any' })
    const ids = (await collect(store.readAll())).map((event) => event.eventId)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(70)
    const source = createEventIdSource()
    source(1_000)
    expect(() => source(999)).toThrow(/never go back/)
  })

  it('writes each id as the uuid package writes those bytes, with its millisecond in front', () => {
    const source = createEventIdSource()
    const msecs = Date.parse('2026-11-26T07:30:00.000Z')
    for (let n = 0; n < 100; n += 1) {
      const id = source(msecs + n)
      expect(uuidStringify(uuidParse(id))).toBe(id)
      expect(uuidVersion(id)).toBe(7)
      expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(msecs + n)
    }
  })

  it('hands out frozen copies, so a reader cannot change what is stored', async () => {
    const store = createMemoryEventStore()
    await store.append('a-1', [{ type: 'Tagged', schemaVersion: 1, data: { tags: ['a'] } }], {
      expectedRevision: 'any',
    })
    const [event] = await collect(store.readStream('a-1'))
    expect(Object.isFrozen(event)).toBe(true)
    expect(() => (event!.data as { tags: string[] }).tags.push('b')).toThrow(TypeError)
  })

  it("stores the hashed text, not the caller's objects; readers share one copy of it", async () => {
    const store = createMemoryEventStore()
    const data = { tags: ['a'], z: 1, a: 2 }
    await store.append('a-1', [{ type: 'Tagged', schemaVersion: 1, data }], {
      expectedRevision: 'any',
    })
    data.tags.push('changed after the append')
    const [first] = await collect(store.readStream('a-1'))
    const [second] = await collect(store.readAll())
    expect(first?.data).toEqual({ a: 2, tags: ['a'], z: 1 })
    expect(second).toBe(first)
    expect(Object.isFrozen(first?.data)).toBe(true)
  })

  it('leaves appendMany out entirely when atomicAppendMany is false', () => {
    expect('appendMany' in createMemoryEventStore({ atomicAppendMany: false })).toBe(false)
    expect(typeof createMemoryEventStore().appendMany).toBe('function')
  })

  it('walks streams and the log page by page with iterateStream and iterateAll', async () => {
    const store = createMemoryEventStore()
    await store.append('a-1', numbered(7), { expectedRevision: 'no_stream' })
    await store.append('b-1', numbered(3, 7), { expectedRevision: 'no_stream' })
    const stream = await collect(iterateStream(store, 'a-1', { fromRevision: 2n, pageSize: 2 }))
    expect(stream.map((event) => event.revision)).toEqual([2n, 3n, 4n, 5n, 6n])
    const all = await collect(iterateAll(store, { pageSize: 3 }))
    expect(all.map((event) => event.position)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n])
  })
})

describe('the test-only tamper hooks', () => {
  it('start from a store whose chain verifies', async () => {
    const { store, head } = await threeCommits()
    expect(await verifyAll(store)).toEqual({ codes: [], head: head.commitHash })
  })

  it('editEventData keeps the old hash: caught as event_hash_mismatch', async () => {
    const { store } = await threeCommits()
    memoryTamperOf(store).editEventData(4n, { n: 1_000_000 })
    const [edited] = await collect(store.readAll({ fromPosition: 4n, maxCount: 1 }))
    expect(edited?.data).toEqual({ n: 1_000_000 })
    expect((await verifyAll(store)).codes).toEqual(['event_hash_mismatch'])
  })

  it('dropEvent in the middle leaves a revision gap and a broken commit', async () => {
    const { store } = await threeCommits()
    memoryTamperOf(store).dropEvent(3n)
    const revisions = (await collect(store.readStream('a-1'))).map((event) => event.revision)
    expect(revisions).toEqual([0n, 1n, 3n, 4n])
    expect((await verifyAll(store)).codes).toEqual(['commit_hash_mismatch'])
  })

  it('dropEvent at the tail is seen against the kept head', async () => {
    const { store, head } = await threeCommits()
    for (const position of [5n, 4n, 3n]) memoryTamperOf(store).dropEvent(position)
    const verified = await verifyAll(store)
    expect(verified.codes).toEqual([])
    expect(verified.head).not.toBe(head.commitHash)
    expect((await store.readHead()).nextPosition).toBe(3n)
  })

  it('swapEvents reorders the log and breaks the commit', async () => {
    const { store } = await threeCommits()
    memoryTamperOf(store).swapEvents(3n, 4n)
    const positions = (await collect(iterateAll(store))).map((event) => event.position)
    expect(positions).toEqual([0n, 1n, 2n, 4n, 3n, 5n])
    expect((await verifyAll(store)).codes).toEqual(['commit_hash_mismatch'])
  })

  it('deleteStream removes a stream: the next commit no longer chains', async () => {
    const { store } = await threeCommits()
    memoryTamperOf(store).deleteStream('b-1')
    expect(await collect(store.readStream('b-1'))).toEqual([])
    expect((await verifyAll(store)).codes).toEqual(['commit_hash_mismatch'])
  })

  it('replaceEvent can rewrite hashes too', async () => {
    const { store } = await threeCommits()
    memoryTamperOf(store).replaceEvent(2n, { hash: 'f'.repeat(64) })
    expect((await verifyAll(store)).codes).toEqual(['event_hash_mismatch', 'commit_hash_mismatch'])
  })
})
