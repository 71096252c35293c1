// Proves positions are gap-safe under concurrent writers: four stores (four pools, as four
// processes would have) commit at once into one schema while a reader pages the log and a live
// subscription follows it; neither ever sees position N+1 before N, and nothing is skipped.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createChainVerifier, type StoredEvent } from '@wallet-ledger/core/adapter'
import type { PostgresEventStore } from './postgresEventStore.js'
import {
  createTestStore,
  describePostgres,
  dropSchema,
  freshSchema,
} from '../test/__fixtures__/postgresTestStore.js'

const WRITERS = 4
const COMMITS_PER_WRITER = 40

describePostgres('store-postgres concurrency', () => {
  const schema = freshSchema()
  let stores: PostgresEventStore[] = []

  beforeAll(async () => {
    // The first store migrates; the others find the schema ready.
    stores = [await createTestStore({ schema, poolSize: 2 })]
    for (let index = 1; index < WRITERS; index += 1) {
      stores.push(await createTestStore({ schema, poolSize: 2 }))
    }
  })
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()))
    await dropSchema(schema)
  })

  it('never lets a reader or a subscriber see a gap while writers race', async () => {
    const [reader] = stores
    if (reader === undefined) throw new Error('no store')
    const total = WRITERS * COMMITS_PER_WRITER * 1.5
    const delivered: bigint[] = []
    let allDelivered: () => void = () => undefined
    const isAllDelivered = new Promise<void>((resolve) => (allDelivered = resolve))
    const subscription = reader.subscribeToAll({}, (event) => {
      delivered.push(event.position)
      if (delivered.length === total) allDelivered()
    })
    let isWriting = true
    const writing = Promise.all(
      stores.map(async (store, writer) => {
        for (let commit = 0; commit < COMMITS_PER_WRITER; commit += 1) {
          // Half the commits touch two streams, one of them shared by every writer.
          const own = { stream: `w${writer}-${commit % 3}`, events: [event(writer, commit)] }
          const shared = { stream: 'shared-1', events: [event(writer, commit)] }
          const writes = commit % 2 === 0 ? [own] : [own, shared]
          await store.appendMany(writes.map((write) => ({ ...write, expectedRevision: 'any' })))
        }
      }),
    ).finally(() => (isWriting = false))
    // The reader pages from its cursor as fast as it can while the writers run.
    const seen: StoredEvent[] = []
    let pagesWhileWriting = 0
    while (isWriting) {
      const page = await collect(reader.readAll({ fromPosition: BigInt(seen.length), maxCount: 7 }))
      page.forEach((item, index) => expect(item.position).toBe(BigInt(seen.length + index)))
      seen.push(...page)
      pagesWhileWriting += 1
    }
    await writing
    for (;;) {
      const page = await collect(reader.readAll({ fromPosition: BigInt(seen.length) }))
      if (page.length === 0) break
      page.forEach((item, index) => expect(item.position).toBe(BigInt(seen.length + index)))
      seen.push(...page)
    }
    expect(seen).toHaveLength(total)
    expect(pagesWhileWriting).toBeGreaterThan(1)
    const verifier = createChainVerifier()
    const problems = seen.flatMap((item) => verifier.push(item))
    const end = verifier.end()
    expect([...problems, ...end.problems]).toEqual([])
    expect(end.commitHash).toBe((await reader.readHead()).commitHash)
    // The subscription got every position once, in order.
    await isAllDelivered
    await subscription.close()
    expect(delivered).toEqual(seen.map((item) => item.position))
    // The shared stream's revisions are dense although every writer appended to it.
    const shared = seen.filter((item) => item.stream === 'shared-1').map((item) => item.revision)
    expect(shared).toEqual(shared.map((_, index) => BigInt(index)))
  })
})

const event = (writer: number, commit: number) => ({
  type: 'Numbered',
  schemaVersion: 1,
  data: { writer, commit },
})

const collect = async (events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => {
  const collected: StoredEvent[] = []
  for await (const item of events) collected.push(item)
  return collected
}
