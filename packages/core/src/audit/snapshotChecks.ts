// Checks every stored snapshot against the replay: it must name an event of its stream by revision
// and hash, and its state must be what the aggregate's own fold gives at that revision. A snapshot
// is a cache the engine loads instead of replaying, so a forged one would change what commands see
// while every event stays intact (issue 7 item 8).
import type { AnyAggregateDefinition } from '../engine/aggregate.js'
import type { EventStore, Snapshot, StoredEvent } from '../ports/eventStore.js'
import { sha256Hex } from '../store/chain.js'
import { toCanonicalJson } from '../store/canonicalJson.js'
import { locationText } from './violations.js'
import type { Findings } from './violations.js'

// ---------------------------------------------------------------- types

/** A stream's state as the audit's replay has it after one event. */
export type ReplayedState = {
  readonly definition: AnyAggregateDefinition | undefined
  readonly state: unknown
  /** The replay of this stream stopped (reported elsewhere): its state is unknown. */
  readonly isBroken: boolean
}

/** The snapshot check; holds one small record per stored snapshot. */
export type SnapshotCheck = {
  /** Compares the stream's snapshot taken at `stored`, if any, with the replayed state. */
  readonly after: (stored: StoredEvent, replayed: ReplayedState, findings: Findings) => void
  /** Reports every snapshot whose revision the replay never reached. */
  readonly end: (findings: Findings) => void
  /** Snapshots read. */
  readonly count: () => number
  /** Snapshots held: those whose revision the replay has not reached yet. */
  readonly retained: () => number
}

// Only a digest of each state is kept, so memory stays small however large snapshots are.
type Pending = Omit<Snapshot, 'state' | 'recordedAt'> & { readonly stateDigest: string }

// ---------------------------------------------------------------- constructors

/**
 * Reads every snapshot (page by page, by stream name) into a check. A store without
 * `readSnapshots` has nothing to check: the engine's loader still checks each snapshot's hash.
 */
export const loadSnapshotCheck = async (
  store: Pick<EventStore, 'readSnapshots'>,
): Promise<SnapshotCheck> => {
  const pending = new Map<string, Pending>()
  if (store.readSnapshots !== undefined) {
    let afterStream: string | undefined
    for (;;) {
      let read = 0
      const options = afterStream === undefined ? {} : { afterStream }
      for await (const snapshot of store.readSnapshots(options)) {
        // A store that does not move past `afterStream` would loop forever: its page is ignored.
        if (afterStream !== undefined && snapshot.stream <= afterStream) continue
        read += 1
        afterStream = snapshot.stream
        const { state, recordedAt: _recordedAt, ...kept } = snapshot
        pending.set(snapshot.stream, { ...kept, stateDigest: digestOf(state) })
      }
      if (read === 0) break
    }
  }
  const total = pending.size
  return {
    after: (stored, replayed, findings) => {
      const snapshot = pending.get(stored.stream)
      if (snapshot === undefined || snapshot.revision !== stored.revision) return
      pending.delete(stored.stream)
      compare(snapshot, stored, replayed, findings)
    },
    end: (findings) => {
      for (const snapshot of pending.values()) {
        findings.add(
          'snapshot_mismatch',
          { stream: snapshot.stream, revision: snapshot.revision },
          `the snapshot of ${locationText(snapshot)} names an event the stream does not have`,
        )
      }
    },
    count: () => total,
    retained: () => pending.size,
  }
}

// ---------------------------------------------------------------- helpers

const digestOf = (state: unknown): string => {
  const canonical = toCanonicalJson(state)
  return sha256Hex(canonical.ok ? canonical.json : `not JSON: ${canonical.reason}`)
}

const compare = (
  snapshot: Pending,
  stored: StoredEvent,
  replayed: ReplayedState,
  findings: Findings,
): void => {
  const at = { stream: stored.stream, revision: stored.revision }
  if (snapshot.eventHash !== stored.hash) {
    findings.add(
      'snapshot_mismatch',
      at,
      `the snapshot of ${locationText(at)} names hash ${snapshot.eventHash}, the event has ${stored.hash}`,
    )
    return
  }
  const codec = replayed.definition?.snapshot
  // A version the engine does not read is never loaded; a broken replay has no state to compare.
  if (codec === undefined || codec.schemaVersion !== snapshot.schemaVersion) return
  if (replayed.isBroken) return
  if (digestOf(codec.encode(replayed.state)) !== snapshot.stateDigest) {
    findings.add(
      'snapshot_mismatch',
      at,
      `the snapshot of ${locationText(at)} holds a state the stream's events do not give`,
    )
  }
}
