// Checks of each stream on its own: an aggregate owns it, its revisions count from 0 without gaps,
// every event upcasts and decodes with the aggregate's codec, and the aggregate's own `evolve`
// accepts the stream's history.
import type { RawEvent } from '@wallet-ledger/domain'
import { upcastEvent } from '@wallet-ledger/domain'
import type { AnyAggregateDefinition } from '../engine/aggregate.js'
import { definitionOfStream } from '../engine/definitions.js'
import type { Definitions } from '../engine/definitions.js'
import type { StoredEvent } from '../ports/eventStore.js'
import type { ReplayedState } from './snapshotChecks.js'
import { createStreamTable } from './streamTable.js'
import type { ReadStream, StreamState, StreamTable } from './streamTable.js'
import { locationText } from './violations.js'
import type { Findings } from './violations.js'

// ---------------------------------------------------------------- types

/** A stored event decoded at its aggregate's current version. */
export type DecodedEvent = { readonly aggregate: string; readonly event: RawEvent }

/**
 * Per-stream checks; holds one record per stream seen, with the replayed state of every account
 * and of the most recently used workflow streams (streamTable.ts).
 */
export type StreamCheck = {
  /**
   * Replays the stream of `stored` from the store when its state was parked; `decode` and
   * `evolve` of that event must wait for it. Resolves at once for a stream that is held or new.
   */
  readonly prepare: (stored: StoredEvent, read: ReadStream) => Promise<void> | undefined
  /** Checks the revision and decodes; undefined when the event cannot be decoded (reported). */
  readonly decode: (stored: StoredEvent, findings: Findings) => DecodedEvent | undefined
  /**
   * Folds a decoded event into its stream's state with the aggregate's `evolve`. A refusal is
   * reported unless `isReported` (this event already has a finding that explains it); either way
   * the stream's state is then unknown and later events of it are not evolved.
   */
  readonly evolve: (
    stored: StoredEvent,
    decoded: DecodedEvent,
    isReported: boolean,
    findings: Findings,
  ) => void
  /** A stream's replayed state after the events seen so far (undefined for an unseen stream). */
  readonly stateOf: (stream: string) => ReplayedState | undefined
  /** Streams seen so far. */
  readonly count: () => number
  /** Streams whose record is held with its state. */
  readonly heldCount: () => number
}

// ---------------------------------------------------------------- constructors

/** A stream check over one ledger's aggregates; `statesKeptMax`: see `createStreamTable`. */
export const createStreamCheck = (
  definitions: Definitions,
  statesKeptMax?: number,
): StreamCheck => {
  const streams = createStreamTable(statesKeptMax)
  return {
    prepare: (stored, read) =>
      streams.isParked(stored.stream)
        ? streams.restore(stored.stream, definitionOfStream(definitions, stored.stream), read)
        : undefined,
    decode: (stored, findings) => {
      const stream = streamOf(definitions, streams, stored, findings)
      checkRevision(stored, stream, findings)
      return stream.definition === undefined
        ? undefined
        : decode(stream.definition, stored, findings)
    },
    evolve: (stored, decoded, isReported, findings) => {
      const stream = streams.get(stored.stream)
      if (stream?.definition === undefined || stream.isBroken) return
      const { definition } = stream
      const evolved = attempt(() => definition.decider.evolve(stream.state, decoded.event))
      if (evolved.isOk) {
        stream.state = evolved.value
        return
      }
      stream.isBroken = true
      if (isReported) return
      const at = { stream: stored.stream, revision: stored.revision }
      findings.add(
        'evolve_failed',
        at,
        `${locationText(at)}: ${stored.type} cannot follow the stream's state (${evolved.message}); later events of the stream are not evolved`,
      )
    },
    stateOf: (stream) => streams.get(stream),
    count: () => streams.count(),
    heldCount: () => streams.heldCount(),
  }
}

// ---------------------------------------------------------------- helpers

const streamOf = (
  definitions: Definitions,
  streams: StreamTable,
  stored: StoredEvent,
  findings: Findings,
): StreamState => {
  const known = streams.get(stored.stream)
  if (known !== undefined) return known
  const definition = definitionOfStream(definitions, stored.stream)
  if (definition === undefined) {
    findings.add(
      'unknown_stream',
      { stream: stored.stream, revision: stored.revision },
      `no aggregate owns stream ${stored.stream}: its events are not decoded`,
    )
  }
  const created = {
    definition,
    nextRevision: 0n,
    state: definition?.decider.initialState,
    isBroken: false,
  }
  streams.add(stored.stream, created)
  return created
}

const checkRevision = (stored: StoredEvent, stream: StreamState, findings: Findings): void => {
  const at = { stream: stored.stream, revision: stored.revision }
  const expected = stream.nextRevision
  if (stored.revision > expected) {
    findings.add(
      'revision_gap',
      at,
      `${locationText(at)}: expected revision ${expected}, ${stored.revision - expected} missing`,
    )
  } else if (stored.revision < expected) {
    findings.add(
      'revision_out_of_order',
      at,
      `${locationText(at)} comes after revision ${expected - 1n} of its stream`,
    )
  }
  if (stored.revision >= expected) stream.nextRevision = stored.revision + 1n
}

const decode = (
  definition: AnyAggregateDefinition,
  stored: StoredEvent,
  findings: Findings,
): DecodedEvent | undefined => {
  const at = { stream: stored.stream, revision: stored.revision }
  const decoded = attempt(() => {
    const current = upcastEvent(definition.upcasters, stored)
    return definition.eventCodec.decode(current)
  })
  if (decoded.isOk && decoded.value._tag === 'Right') {
    return { aggregate: definition.name, event: decoded.value.right as RawEvent }
  }
  const reason = decoded.isOk ? 'the codec refuses it' : decoded.message
  findings.add(
    'codec_failed',
    at,
    `${locationText(at)}: ${stored.type} v${stored.schemaVersion} does not decode as a ${definition.name} event (${reason})`,
  )
  return undefined
}

/** What `attempt` gives: the value, or the message of what was thrown. */
export type Attempt<T> =
  { readonly isOk: true; readonly value: T } | { readonly isOk: false; readonly message: string }

// Upcasters and `evolve` are domain code that asserts on data that cannot be: everywhere else such
// an assertion means a bug and must crash. The audit is the one place that runs them over data it
// does not trust, to find exactly those events, so here (and only here) a throw is caught and
// becomes a finding about the stream; the audit never throws on a corrupt store.
/** Runs `run`, catching a throw as its message: for the audit's checks of untrusted data only. */
export const attempt = <T>(run: () => T): Attempt<T> => {
  try {
    return { isOk: true, value: run() }
  } catch (error) {
    return { isOk: false, message: error instanceof Error ? error.message : String(error) }
  }
}
