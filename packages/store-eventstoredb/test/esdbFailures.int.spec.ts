// Proves the adapter's error mapping through the real client: a revision clash is
// wrong_expected_version with the port's details and writes nothing; a lost server is
// store_unavailable; configuration mistakes are invalid_configuration naming the field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isStoreError, type EventStore } from '@wallet-ledger/core/adapter'
import { createEventStoreDbEventStore } from '../src/eventStoreDbEventStore.js'
import { openEventStore } from '../src/openEventStore.js'
import { startEsdbTestDouble, type EsdbTestDouble } from './esdbTestDouble.js'

const event = { type: 'Numbered', schemaVersion: 1, data: { n: 1 } }

const rejectionOf = async (action: () => Promise<unknown>): Promise<unknown> =>
  action().then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  )

describe('EventStoreDB adapter failures', () => {
  let double: EsdbTestDouble
  let store: EventStore
  beforeEach(async () => {
    double = await startEsdbTestDouble()
    store = createEventStoreDbEventStore({ connectionString: double.connectionString })
  })
  afterEach(async () => {
    await store.close()
    await double.stop()
  })

  it('maps a server revision clash to wrong_expected_version and writes nothing', async () => {
    await store.append('order-1', [event], { expectedRevision: 'no_stream' })
    const error = await rejectionOf(() =>
      store.append('order-1', [event], { expectedRevision: 5n }),
    )
    expect(isStoreError(error, 'wrong_expected_version')).toBe(true)
    expect((error as { details?: unknown }).details).toEqual({
      stream: 'order-1',
      expected: '5',
      actual: '0',
    })
    expect(double.log.events).toHaveLength(1)
    const head = await store.readHead()
    expect(head.nextPosition).toBe(1n)
  })

  it('maps a lost server to store_unavailable', async () => {
    await store.append('order-1', [event], { expectedRevision: 'no_stream' })
    await double.stop()
    const error = await rejectionOf(() =>
      store.append('order-1', [event], { expectedRevision: 0n }),
    )
    expect(isStoreError(error, 'store_unavailable')).toBe(true)
    const read = await rejectionOf(() => store.readHead())
    expect(isStoreError(read, 'store_unavailable')).toBe(true)
  })

  it('continues the chain after a restart: a new store reads the head from the server', async () => {
    await store.append('order-1', [event, event], { expectedRevision: 'no_stream' })
    const before = await store.readHead()
    const reopened = createEventStoreDbEventStore({ connectionString: double.connectionString })
    const result = await reopened.append('order-2', [event], { expectedRevision: 'no_stream' })
    expect(result.position).toBe(2n)
    const events = []
    for await (const stored of reopened.readAll()) events.push(stored)
    expect(events.map((stored) => stored.commitHash)).toContain(before.commitHash)
    expect((await reopened.readHead()).commitHash).toBe(result.commitHash)
    await reopened.close()
  })

  it('refuses a missing or foreign connection string with invalid_configuration', async () => {
    const saved = process.env.EVENTSTORE_CONNECTION_STRING
    delete process.env.EVENTSTORE_CONNECTION_STRING
    try {
      expect(() => createEventStoreDbEventStore()).toThrow(/connectionString/)
    } finally {
      if (saved !== undefined) process.env.EVENTSTORE_CONNECTION_STRING = saved
    }
    const clock = () => new Date()
    await expect(openEventStore('postgres://x', { clock })).rejects.toMatchObject({
      code: 'invalid_configuration',
    })
    expect(() =>
      createEventStoreDbEventStore({ connectionString: 'esdb://', namespace: 'a' }),
    ).toThrow(/connectionString/)
    expect(() =>
      createEventStoreDbEventStore({ connectionString: double.connectionString, namespace: 'a/b' }),
    ).toThrow(/namespace/)
  })

  it('opens kurrentdb:// URLs as esdb:// and stamps events with the given clock', async () => {
    const url = double.connectionString.replace('esdb://', 'kurrentdb://')
    const clock = () => new Date('2031-05-06T07:08:09.000Z')
    const opened = await openEventStore(url, { clock })
    const result = await opened.append('order-9', [event], { expectedRevision: 'no_stream' })
    let stored
    for await (const read of opened.readStream('order-9')) stored = read
    expect(stored?.recordedAt).toBe('2031-05-06T07:08:09.000Z')
    expect(stored?.commitHash).toBe(result.commitHash)
    await opened.close()
  })
})
