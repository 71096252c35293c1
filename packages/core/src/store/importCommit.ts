// Importing a commit exported from another store with its original envelope and hashes (the CLI's
// `wallet-ledger import`). A store that offers `importCommit` calls `checkImportedCommit` inside
// its transaction, with its head and its streams' last revisions, and writes what it answers.
import { limits } from '@wallet-ledger/domain'
import type { StoreHead, StoredEvent } from '../ports/eventStore.js'
import { storeError } from '../ports/storeError.js'
import { canonicalJson } from './canonicalJson.js'
import { commitHash, eventHash } from './chain.js'
import { checkStreamName } from './validate.js'

/** An imported event and its data as the canonical text its hash covers. */
export type ImportedEvent = StoredEvent & { readonly dataJson: string }

/**
 * Checks one exported commit against this store: 1..`APPEND_EVENTS_MAX` events sharing one
 * `commitHash` that chains from `head`, positions following `head.nextPosition`, each stream's
 * revisions following `lastRevision(stream)` (`undefined` for a new stream), and every event's hash
 * matching its bytes. Throws `invalid_argument` naming the first event that does not fit.
 */
export const checkImportedCommit = (
  events: readonly StoredEvent[],
  head: StoreHead,
  lastRevision: (stream: string) => bigint | undefined,
): ImportedEvent[] => {
  if (events.length === 0 || events.length > limits.APPEND_EVENTS_MAX) {
    throw invalid(`a commit holds 1 to ${limits.APPEND_EVENTS_MAX} events, got ${events.length}`)
  }
  const last = new Map<string, bigint | undefined>()
  const checked: ImportedEvent[] = []
  let position = head.nextPosition
  for (const event of events) {
    const where = `event ${event.eventId} (${event.stream}@${event.revision})`
    checkStreamName(event.stream)
    if (event.commitHash !== events[0]?.commitHash) throw invalid(`${where} is of another commit`)
    if (event.position !== position) {
      throw invalid(`${where} has position ${event.position}, this store expects ${position}`)
    }
    const previous = last.has(event.stream) ? last.get(event.stream) : lastRevision(event.stream)
    const expected = previous === undefined ? 0n : previous + 1n
    if (event.revision !== expected) {
      throw invalid(`${where} has revision ${event.revision}, the stream expects ${expected}`)
    }
    if (eventHash(event) !== event.hash) throw invalid(`${where} does not match its hash`)
    last.set(event.stream, event.revision)
    checked.push({ ...event, dataJson: canonicalJson(event.data) })
    position += 1n
  }
  const chained = commitHash(
    head.commitHash,
    checked.map((event) => event.hash),
  )
  if (chained !== events[0]?.commitHash) {
    throw invalid(
      `the commit at position ${head.nextPosition} does not chain from this store's head`,
    )
  }
  return checked
}

const invalid = (message: string): Error => storeError('invalid_argument', `import: ${message}`)
