// Proves the crashing store crashes where it is told to: the first k commits pass through, the next
// one rejects with store_unavailable having written nothing ('before') or everything ('after'),
// and every later call of any method rejects; appendMany exists only when the inner store has it.
import { describe, expect, it } from 'vitest'
import { createMemoryEventStore, isStoreError } from '@wallet-ledger/core'
import type { EventStore, NewEvent } from '@wallet-ledger/core'
import { createFaultyEventStore } from './faultyEventStore.js'

const event = (n: number): NewEvent => ({ type: 'Noted', schemaVersion: 1, data: { n } })

const appendTo = (store: EventStore, stream: string, n: number) =>
  store.append(stream, [event(n)], { expectedRevision: 'any' })

const rejectsUnavailable = async (promise: Promise<unknown>): Promise<void> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(isStoreError(error, 'store_unavailable')).toBe(true)
}

const collect = async (pages: AsyncIterable<unknown>): Promise<unknown[]> => {
  const seen: unknown[] = []
  for await (const item of pages) seen.push(item)
  return seen
}

describe('createFaultyEventStore', () => {
  it("lets k commits through, then fails the next one without writing in 'before' mode", async () => {
    const inner = createMemoryEventStore()
    const store = createFaultyEventStore(inner, { failAfterCommits: 2, mode: 'before' })
    await appendTo(store, 'a-1', 1)
    await appendTo(store, 'a-1', 2)
    expect(store.hasCrashed()).toBe(false)
    await rejectsUnavailable(appendTo(store, 'a-1', 3))
    expect(store.hasCrashed()).toBe(true)
    expect((await inner.readHead()).nextPosition).toBe(2n)
  })

  it("writes the failing commit in 'after' mode, yet reports it as unavailable", async () => {
    const inner = createMemoryEventStore()
    const store = createFaultyEventStore(inner, { failAfterCommits: 0, mode: 'after' })
    await rejectsUnavailable(appendTo(store, 'a-1', 1))
    expect((await inner.readHead()).nextPosition).toBe(1n)
  })

  it('counts an appendMany as one commit and fails it atomically before writing', async () => {
    const inner = createMemoryEventStore()
    const store = createFaultyEventStore(inner, { failAfterCommits: 1, mode: 'before' })
    const writes = [
      { stream: 'a-1', events: [event(1)], expectedRevision: 'no_stream' as const },
      { stream: 'b-1', events: [event(2)], expectedRevision: 'no_stream' as const },
    ]
    await store.appendMany?.(writes)
    expect(store.commits()).toBe(1)
    await rejectsUnavailable(
      store.appendMany?.(writes.map((write) => ({ ...write, stream: `${write.stream}0` }))) ??
        Promise.resolve(),
    )
    expect((await inner.readHead()).nextPosition).toBe(2n)
  })

  it('rejects every later call, reads included, once crashed', async () => {
    const store = createFaultyEventStore(createMemoryEventStore(), {
      failAfterCommits: 0,
      mode: 'before',
    })
    await rejectsUnavailable(appendTo(store, 'a-1', 1))
    await rejectsUnavailable(appendTo(store, 'a-2', 1))
    await rejectsUnavailable(store.readHead())
    await rejectsUnavailable(collect(store.readAll()))
    await rejectsUnavailable(collect(store.readStream('a-1')))
    await rejectsUnavailable(collect(store.readSnapshots!()))
    expect(() => store.subscribeToAll({}, () => undefined)).toThrow()
  })

  it('offers appendMany only when the inner store does', () => {
    const options = { failAfterCommits: 1, mode: 'before' as const }
    expect('appendMany' in createFaultyEventStore(createMemoryEventStore(), options)).toBe(true)
    const stepwise = createMemoryEventStore({ atomicAppendMany: false })
    expect('appendMany' in createFaultyEventStore(stepwise, options)).toBe(false)
  })

  it('passes reads through before the crash', async () => {
    const inner = createMemoryEventStore()
    await appendTo(inner, 'a-1', 1)
    const store = createFaultyEventStore(inner, { failAfterCommits: 5, mode: 'after' })
    expect(await collect(store.readStream('a-1'))).toHaveLength(1)
    expect((await store.readHead()).nextPosition).toBe(1n)
    const [written] = await collect(inner.readStream('a-1'))
    const eventHash = (written as { hash: string }).hash
    await inner.writeSnapshot!('a-1', { revision: 0n, eventHash, schemaVersion: 1, state: {} })
    expect(await collect(store.readSnapshots!())).toEqual([
      expect.objectContaining({ stream: 'a-1', revision: 0n, eventHash }),
    ])
  })
})
