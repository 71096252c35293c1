// Contract cases for the envelope and its tamper evidence: revisions and positions from 0n,
// uuid v7 ids, non-decreasing recordedAt, metadata, event hashes over storedBytes and the commit
// chain from genesis to the head.
import { describe, expect, it } from 'vitest'
import {
  GENESIS_COMMIT_HASH,
  commitHash,
  createChainVerifier,
  sha256Hex,
  storedBytes,
} from '@wallet-ledger/core/adapter'
import type { EventStore } from '@wallet-ledger/core'
import { numbered, page, readEverything, type StoreHarness } from './fixtures.js'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

// Three commits over two streams: sizes 2, 1 and 3.
const threeCommits = async (store: EventStore): Promise<void> => {
  await store.append('a-1', numbered(2), { expectedRevision: 'no_stream', actor: 'alice' })
  await store.append('b-1', numbered(1), { expectedRevision: 'no_stream', correlationId: 'corr-1' })
  await store.append('a-1', numbered(3), {
    expectedRevision: 1n,
    correlationId: 'corr-2',
    causationId: 'cause-2',
    actor: 'system:scheduler',
  })
}

/** Registers the envelope and tamper-evidence cases. */
export const envelopeCases = (harness: StoreHarness): void => {
  describe('envelope', () => {
    it('starts empty: genesis head, and the first event gets revision 0n and position 0n', async () => {
      const store = harness.store()
      expect(await store.readHead()).toEqual({ commitHash: GENESIS_COMMIT_HASH, nextPosition: 0n })
      expect(GENESIS_COMMIT_HASH).toBe('0'.repeat(64))
      await store.append('a-1', numbered(1), { expectedRevision: 'no_stream' })
      const [first] = await page(store.readAll())
      expect(first).toMatchObject({ stream: 'a-1', revision: 0n, position: 0n })
    })

    it('numbers positions one by one across commits and streams', async () => {
      const store = harness.store()
      await threeCommits(store)
      const events = await readEverything(store)
      expect(events.map((event) => event.position)).toEqual([0n, 1n, 2n, 3n, 4n, 5n])
      expect(events.map((event) => `${event.stream}@${event.revision}`)).toEqual([
        'a-1@0',
        'a-1@1',
        'b-1@0',
        'a-1@2',
        'a-1@3',
        'a-1@4',
      ])
      expect((await store.readHead()).nextPosition).toBe(6n)
    })

    it('gives every event a distinct uuid v7 and a non-decreasing ISO recordedAt', async () => {
      const store = harness.store()
      await threeCommits(store)
      const events = await readEverything(store)
      expect(events.every((event) => UUID_V7.test(event.eventId))).toBe(true)
      expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length)
      expect(events.every((event) => ISO_INSTANT.test(event.recordedAt))).toBe(true)
      const instants = events.map((event) => Date.parse(event.recordedAt))
      expect(
        instants.every((instant, index) => index === 0 || instant >= instants[index - 1]!),
      ).toBe(true)
    })

    it('copies the commit metadata into every event, with the documented defaults', async () => {
      const store = harness.store()
      await threeCommits(store)
      const events = await readEverything(store)
      const metadata = events.map(({ correlationId, causationId, actor }) => ({
        correlationId,
        causationId,
        actor,
      }))
      // Without a correlation id, a commit starts its own, named by its first event.
      const started = { correlationId: events[0]?.eventId, causationId: null, actor: 'alice' }
      expect(metadata.slice(0, 2)).toEqual([started, started])
      expect(metadata[2]).toEqual({ correlationId: 'corr-1', causationId: null, actor: null })
      const caused = { correlationId: 'corr-2', causationId: 'cause-2', actor: 'system:scheduler' }
      expect(metadata.slice(3)).toEqual([caused, caused, caused])
    })
  })

  describe('tamper evidence', () => {
    it('hashes each event as sha-256 of storedBytes(event)', async () => {
      const store = harness.store()
      await threeCommits(store)
      for (const event of await readEverything(store)) {
        expect(event.hash).toBe(sha256Hex(storedBytes(event)))
      }
    })

    it('chains commits from genesis: one hash per commit, ending at the head', async () => {
      const store = harness.store()
      await threeCommits(store)
      const events = await readEverything(store)
      const commits = [events.slice(0, 2), events.slice(2, 3), events.slice(3)]
      let previous = GENESIS_COMMIT_HASH
      for (const commit of commits) {
        const expected = commitHash(
          previous,
          commit.map((event) => event.hash),
        )
        expect(commit.map((event) => event.commitHash)).toEqual(commit.map(() => expected))
        previous = expected
      }
      expect((await store.readHead()).commitHash).toBe(previous)
    })

    it('passes the streaming chain verifier with no problem', async () => {
      const store = harness.store()
      await threeCommits(store)
      const verifier = createChainVerifier()
      const problems = (await readEverything(store)).flatMap((event) => verifier.push(event))
      const end = verifier.end()
      expect([...problems, ...end.problems]).toEqual([])
      expect(end.commitHash).toBe((await store.readHead()).commitHash)
    })

    it('reads the same hashes every time (stored bytes are stable)', async () => {
      const store = harness.store()
      await threeCommits(store)
      const first = (await readEverything(store)).map((event) => [event.hash, event.commitHash])
      const second = (await readEverything(store)).map((event) => [event.hash, event.commitHash])
      expect(second).toEqual(first)
    })
  })
}
