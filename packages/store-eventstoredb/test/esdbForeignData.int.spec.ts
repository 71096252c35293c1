// Proves the adapter reads only its own ledger out of a shared server: events other clients wrote
// (outside any ledger, or in another namespace) never show up in reads, positions or the head,
// and a ledger stream holding an event the ledger did not write fails the read instead of passing.
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventStore, StoredEvent } from '@wallet-ledger/core/adapter'
import { createEventStoreDbEventStore } from '../src/eventStoreDbEventStore.js'
import { startEsdbTestDouble, type EsdbTestDouble } from './esdbTestDouble.js'

const event = (n: number) => ({ type: 'Numbered', schemaVersion: 1, data: { n } })

const everything = async (store: EventStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = []
  for await (const stored of store.readAll()) events.push(stored)
  return events
}

describe('EventStoreDB adapter on a shared server', () => {
  let double: EsdbTestDouble
  let foreign: EventStoreDBClient
  beforeEach(async () => {
    double = await startEsdbTestDouble()
    foreign = EventStoreDBClient.connectionString(double.connectionString)
  })
  afterEach(async () => {
    await foreign.dispose()
    await double.stop()
  })

  it('skips other clients’ events and other namespaces in reads, positions and the head', async () => {
    const plain = createEventStoreDbEventStore({ connectionString: double.connectionString })
    const spaced = createEventStoreDbEventStore({
      connectionString: double.connectionString,
      namespace: 'tenant-b',
    })
    await foreign.appendToStream('orders-1', jsonEvent({ type: 'Foreign', data: { n: 0 } }))
    await plain.append('order-1', [event(1)], { expectedRevision: 'no_stream' })
    await spaced.append('order-1', [event(2)], { expectedRevision: 'no_stream' })
    await foreign.appendToStream('$stats-1', jsonEvent({ type: 'Foreign', data: { n: 3 } }))
    await plain.append('order-2', [event(4)], { expectedRevision: 'no_stream' })

    const plainEvents = await everything(plain)
    expect(plainEvents.map((stored) => [stored.stream, stored.position])).toEqual([
      ['order-1', 0n],
      ['order-2', 1n],
    ])
    expect((await plain.readHead()).nextPosition).toBe(2n)
    const spacedEvents = await everything(spaced)
    expect(spacedEvents.map((stored) => [stored.stream, stored.position])).toEqual([
      ['order-1', 0n],
    ])
    expect(double.log.streams.has('tenant-b/order-1')).toBe(true)
    await plain.close()
    await spaced.close()
  })

  it('fails a stream read holding an event the ledger did not write', async () => {
    const store = createEventStoreDbEventStore({ connectionString: double.connectionString })
    await store.append('order-1', [event(1)], { expectedRevision: 'no_stream' })
    await foreign.appendToStream('order-1', jsonEvent({ type: 'Forged', data: { n: 2 } }))
    const read = async () => {
      for await (const stored of store.readStream('order-1')) void stored
    }
    await expect(read()).rejects.toThrow(/ledger events only/)
    await store.close()
  })
})
