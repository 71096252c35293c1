// Tamper evidence, defined once for every adapter and for audit (DESIGN.md sections 4 and 7): the
// stored bytes of an event, its hash, and the chain of commit hashes in global order.
import { hash } from 'node:crypto'
import { assert, limits } from '@wallet-ledger/domain'
import type { StoredEvent } from '../ports/eventStore.js'
import { canonicalJson, jsonString } from './canonicalJson.js'

// ---------------------------------------------------------------- types

/** The fields of an event that its hash covers: everything but the hashes themselves. */
export type StoredEventFields = Omit<StoredEvent, 'hash' | 'commitHash'>

/** A break in the chain, located by the first event it concerns. */
export type ChainProblem = {
  readonly code: 'event_hash_mismatch' | 'commit_hash_mismatch' | 'commit_too_large'
  readonly stream: string
  readonly revision: bigint
  readonly position: bigint
  readonly message: string
}

/** Checks events fed in global order; see `createChainVerifier`. */
export type ChainVerifier = {
  /** Checks one event's hash and closes the previous commit when this one starts a new commit. */
  readonly push: (event: StoredEvent) => readonly ChainProblem[]
  /** Closes the last commit; `commitHash` is the hash the chain ends with (claimed by the store). */
  readonly end: () => { readonly problems: readonly ChainProblem[]; readonly commitHash: string }
}

// ---------------------------------------------------------------- constructors

/** The hash before the first commit: 64 zeros. */
export const GENESIS_COMMIT_HASH = '0'.repeat(64)

const SHA256_HEX = /^[0-9a-f]{64}$/

// ---------------------------------------------------------------- operations

/** Lower-case hex sha-256 of bytes or of a string's UTF-8 bytes. */
export const sha256Hex = (input: Uint8Array | string): string => hash('sha256', input, 'hex')

/**
 * The canonical JSON of an event's stored fields (revision and position as decimal strings).
 * Only the listed fields count, so an adapter's extra columns never change a hash.
 */
export const storedJson = (event: StoredEventFields): string =>
  canonicalJson({
    actor: event.actor,
    causationId: event.causationId,
    correlationId: event.correlationId,
    data: event.data,
    eventId: event.eventId,
    position: event.position.toString(),
    recordedAt: event.recordedAt,
    revision: event.revision.toString(),
    schemaVersion: event.schemaVersion,
    stream: event.stream,
    type: event.type,
  })

/**
 * `storedJson` for a writer that already holds the canonical JSON of the event's data (the store's
 * input check makes it): the envelope's keys are a fixed set, so their canonical order is written
 * out here and the data's text is spliced in, instead of canonicalising the whole envelope again.
 * Equal to `storedJson({ ...fields, data })` whenever `dataJson` is `canonicalJson(data)` (a
 * property test checks it); audit keeps recomputing with `storedJson`, so the check never relies
 * on this shortcut.
 */
export const storedJsonAround = (
  fields: Omit<StoredEventFields, 'data'>,
  dataJson: string,
): string => {
  assert(Number.isSafeInteger(fields.schemaVersion), 'schemaVersion is an integer')
  return (
    `{"actor":${nullableJson(fields.actor)},"causationId":${nullableJson(fields.causationId)}` +
    `,"correlationId":${jsonString(fields.correlationId)},"data":${dataJson}` +
    `,"eventId":${jsonString(fields.eventId)},"position":"${fields.position}"` +
    `,"recordedAt":${jsonString(fields.recordedAt)},"revision":"${fields.revision}"` +
    `,"schemaVersion":${fields.schemaVersion},"stream":${jsonString(fields.stream)}` +
    `,"type":${jsonString(fields.type)}}`
  )
}

/** The bytes an event's hash is taken over: the UTF-8 of `storedJson(event)`. */
export const storedBytes = (event: StoredEventFields): Uint8Array =>
  Buffer.from(storedJson(event), 'utf8')

/** An event's hash: sha-256 of `storedBytes(event)`. */
export const eventHash = (event: StoredEventFields): string => sha256Hex(storedBytes(event))

/**
 * A commit's hash: sha-256 of the previous commit's hash followed by the commit's event hashes in
 * order, all as lower-case hex text. The first commit's previous hash is `GENESIS_COMMIT_HASH`.
 */
export const commitHash = (previous: string, eventHashes: readonly string[]): string => {
  assert(SHA256_HEX.test(previous), 'the previous commit hash is a sha-256 hex digest')
  assert(eventHashes.length > 0, 'a commit holds at least one event')
  let text = previous
  for (const item of eventHashes) {
    assert(SHA256_HEX.test(item), 'an event hash is a sha-256 hex digest')
    text += item
  }
  // Hex digits are ASCII: the text's UTF-8 bytes are the digests one after the other.
  return sha256Hex(text)
}

/**
 * A streaming verifier of the commit chain from `previous` (default genesis). Events of one commit
 * are consecutive and share a `commitHash`; a commit ends where the next event's differs. A broken
 * commit is reported once and checking continues from its claimed hash, so a later commit built on
 * a rewritten one is reported too. Catching a dropped tail needs the head an auditor kept.
 */
export const createChainVerifier = (previous: string = GENESIS_COMMIT_HASH): ChainVerifier => {
  let chained = previous
  let open: { first: StoredEvent; hashes: string[] } | undefined
  const close = (): ChainProblem[] => {
    if (open === undefined) return []
    const { first, hashes } = open
    open = undefined
    const claimed = first.commitHash
    const problems: ChainProblem[] = []
    if (hashes.length > limits.APPEND_EVENTS_MAX) {
      problems.push(problem('commit_too_large', first, `commit holds ${hashes.length} events`))
    }
    if (!SHA256_HEX.test(claimed) || commitHash(chained, hashes) !== claimed) {
      problems.push(problem('commit_hash_mismatch', first, 'commit hash does not chain'))
    }
    chained = claimed
    return problems
  }
  return {
    push: (event) => {
      const problems = open?.first.commitHash === event.commitHash ? [] : close()
      if (!SHA256_HEX.test(event.hash) || eventHash(event) !== event.hash) {
        problems.push(problem('event_hash_mismatch', event, 'event hash does not match its bytes'))
      }
      // A malformed hash still takes its place in the commit so the commit check stays meaningful.
      const safeHash = SHA256_HEX.test(event.hash) ? event.hash : GENESIS_COMMIT_HASH
      if (open === undefined) open = { first: event, hashes: [safeHash] }
      else open.hashes.push(safeHash)
      return problems
    },
    end: () => {
      const problems = close()
      return { problems, commitHash: chained }
    },
  }
}

// ---------------------------------------------------------------- helpers

const nullableJson = (value: string | null): string => (value === null ? 'null' : jsonString(value))

const problem = (
  code: ChainProblem['code'],
  event: StoredEvent,
  message: string,
): ChainProblem => ({
  code,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  message: `${message} (stream ${event.stream}, revision ${event.revision}, position ${event.position})`,
})
