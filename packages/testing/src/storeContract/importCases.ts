// Contract cases for `importCommit`, on stores that offer it: commits exported from another store
// (here a memory store, with one- and multi-stream commits) are copied with their envelopes and
// hashes, so the copy reads the same and has the same head; a commit that does not continue the
// store exactly is refused `invalid_argument` and writes nothing; later appends chain on.
import { describe, expect, it } from 'vitest'
import { createMemoryEventStore } from '@wallet-ledger/core'
import { commitHash } from '@wallet-ledger/core/adapter'
import type { EventStore, StoredEvent } from '@wallet-ledger/core'
import { expectStoreError, numbered, readEverything, type StoreHarness } from './fixtures.js'

type ImportCommit = NonNullable<EventStore['importCommit']>

// Recorded far in the future, so a store whose clock is behind must still never record a later
// commit before the imported ones.
const SOURCE_INSTANT = '2098-01-02T03:04:05.000Z'

/** A source log of four commits: [a0 a1], [b0 a2] (multi-stream), [c0], [b1 c1 a3]. */
const exportedCommits = async (): Promise<StoredEvent[][]> => {
  const source = createMemoryEventStore({ clock: () => new Date(SOURCE_INSTANT) })
  await source.append('note-a', numbered(2), { expectedRevision: 'no_stream', actor: 'importer' })
  await source.appendMany!(
    [
      { stream: 'note-b', events: numbered(1, 2), expectedRevision: 'no_stream' },
      { stream: 'note-a', events: numbered(1, 3), expectedRevision: 1n },
    ],
    { correlationId: 'corr-1', causationId: 'cause-1' },
  )
  await source.append('note-c', numbered(1, 4), { expectedRevision: 'no_stream' })
  await source.appendMany!([
    { stream: 'note-b', events: numbered(1, 5), expectedRevision: 0n },
    { stream: 'note-c', events: numbered(1, 6), expectedRevision: 0n },
    {
      stream: 'note-a',
      events: [{ type: 'Huge', schemaVersion: 2, data: { amount: '9'.repeat(40) } }],
      expectedRevision: 2n,
    },
  ])
  const events = await readEverything(source)
  await source.close()
  const commits: StoredEvent[][] = []
  for (const event of events) {
    const open = commits.at(-1)
    if (open !== undefined && open[0]!.commitHash === event.commitHash) open.push(event)
    else commits.push([event])
  }
  expect(commits.map((commit) => commit.length)).toEqual([2, 2, 1, 3])
  return commits
}

/** Registers the `importCommit` cases. */
export const importCases = (harness: StoreHarness): void => {
  describe('importCommit', () => {
    const methodOf = (store: EventStore): ImportCommit | undefined => store.importCommit

    it('copies commits with their envelopes: the same events, streams and head', async (context) => {
      const store = harness.store()
      const importCommit = methodOf(store)
      if (importCommit === undefined) return context.skip('this store has no importCommit')
      const commits = await exportedCommits()
      for (const commit of commits) await importCommit(commit)
      const source = commits.flat()
      expect(await readEverything(store)).toEqual(source)
      const head = await store.readHead()
      expect(head).toEqual({ commitHash: source.at(-1)!.commitHash, nextPosition: 8n })
      const streamA: StoredEvent[] = []
      for await (const event of store.readStream('note-a')) streamA.push(event)
      expect(streamA).toEqual(source.filter((event) => event.stream === 'note-a'))
      if (store.readLastRevision !== undefined) {
        expect(await store.readLastRevision('note-c')).toBe(1n)
      }
    })

    it('chains later appends on the imported head, never recorded before it', async (context) => {
      const store = harness.store()
      const importCommit = methodOf(store)
      if (importCommit === undefined) return context.skip('this store has no importCommit')
      const commits = await exportedCommits()
      for (const commit of commits) await importCommit(commit)
      const imported = commits.flat().at(-1)!
      const result = await store.append('note-a', numbered(1, 7), { expectedRevision: 3n })
      expect(result).toMatchObject({ nextExpectedRevision: 4n, position: 8n })
      const [appended] = (await readEverything(store)).slice(8)
      expect(appended?.commitHash).toBe(commitHash(imported.commitHash, [appended!.hash]))
      expect(result.commitHash).toBe(appended?.commitHash)
      expect(appended!.recordedAt >= imported.recordedAt).toBe(true)
      await expectStoreError(
        () => store.append('note-b', numbered(1), { expectedRevision: 'no_stream' }),
        'wrong_expected_version',
      )
    })

    it('refuses a commit that does not continue the store, and writes nothing', async (context) => {
      const store = harness.store()
      const importCommit = methodOf(store)
      if (importCommit === undefined) return context.skip('this store has no importCommit')
      const [first, second, third] = await exportedCommits()
      // Out of order: the second commit before the first.
      await expectStoreError(() => importCommit(second!), 'invalid_argument')
      // Cut short: half of the first commit does not chain to its hash.
      await expectStoreError(() => importCommit(first!.slice(0, 1)), 'invalid_argument')
      // An edited event: its data no longer matches its hash.
      const edited = { ...first![1]!, data: { n: 99 } }
      await expectStoreError(() => importCommit([first![0]!, edited]), 'invalid_argument')
      await expectStoreError(() => importCommit([]), 'invalid_argument')
      expect(await readEverything(store)).toEqual([])
      await importCommit(first!)
      // Once the store holds events, a repeated commit, a skipped one and a foreign one are refused.
      await expectStoreError(() => importCommit(first!), 'invalid_argument')
      await expectStoreError(() => importCommit(third!), 'invalid_argument')
      const other = await exportedCommits()
      const renamed = other[1]!.map((event) => ({ ...event, stream: `x${event.stream}` }))
      await expectStoreError(() => importCommit(renamed), 'invalid_argument')
      expect(await readEverything(store)).toEqual(first)
    })

    it('refuses to import over events the store wrote itself', async (context) => {
      const store = harness.store()
      const importCommit = methodOf(store)
      if (importCommit === undefined) return context.skip('this store has no importCommit')
      await store.append('note-z', numbered(1), { expectedRevision: 'no_stream' })
      const [first] = await exportedCommits()
      await expectStoreError(() => importCommit(first!), 'invalid_argument')
      expect((await readEverything(store)).map((event) => event.stream)).toEqual(['note-z'])
    })

    it('rejects store_closed once closed', async (context) => {
      const store = harness.store()
      const importCommit = methodOf(store)
      if (importCommit === undefined) return context.skip('this store has no importCommit')
      const [first] = await exportedCommits()
      await store.close()
      await expectStoreError(() => importCommit(first!), 'store_closed')
    })
  })
}
