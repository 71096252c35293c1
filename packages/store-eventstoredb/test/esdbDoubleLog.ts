// The memory of the EventStoreDB test double: streams in one global order, with the revision
// check EventStoreDB makes on append. Positions are the event's index (commit = prepare = index),
// just as opaque to the adapter as a real server's.

// ---------------------------------------------------------------- types

/** One stored event, as the double keeps it. */
export type DoubleEvent = {
  readonly id: string
  readonly stream: string
  readonly revision: bigint
  readonly position: bigint
  readonly type: string
  readonly contentType: string
  readonly createdTicks: string
  readonly metadata: Uint8Array
  readonly data: Uint8Array
}

/** What an append asks: the expected revision as EventStoreDB states it. */
export type DoubleExpected =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint }

/** An append's answer: success with the last revision and position, or a revision clash. */
export type DoubleAppendResult =
  | { readonly ok: true; readonly revision: bigint; readonly position: bigint }
  | { readonly ok: false; readonly current: bigint | undefined }

/** The double's events and the append that adds to them. */
export type DoubleLog = {
  readonly events: DoubleEvent[]
  readonly streams: Map<string, DoubleEvent[]>
  readonly append: (
    stream: string,
    expected: DoubleExpected,
    proposed: readonly Omit<DoubleEvent, 'stream' | 'revision' | 'position' | 'createdTicks'>[],
  ) => DoubleAppendResult
  /** Registers a listener called after each append; returns its removal. */
  readonly onAppend: (listener: () => void) => () => void
}

// ---------------------------------------------------------------- constructors

// `created` counts 100 ns ticks since the Unix epoch.
const TICKS_PER_MS = 10_000n

/** An empty log. */
export const createDoubleLog = (): DoubleLog => {
  const events: DoubleEvent[] = []
  const streams = new Map<string, DoubleEvent[]>()
  const listeners = new Set<() => void>()
  return {
    events,
    streams,
    append: (stream, expected, proposed) => {
      const existing = streams.get(stream)
      const current = existing?.at(-1)?.revision
      if (!isExpected(expected, current)) return { ok: false, current }
      // The server stamps `created`; the adapter never relies on it (recordedAt is its own).
      const createdTicks = (BigInt(Date.now()) * TICKS_PER_MS).toString()
      const list = existing ?? []
      for (const event of proposed) {
        const revision = BigInt(list.length)
        const position = BigInt(events.length)
        const stored = { ...event, stream, revision, position, createdTicks }
        list.push(stored)
        events.push(stored)
      }
      streams.set(stream, list)
      for (const listener of listeners) listener()
      const last = list.at(-1)
      if (last === undefined) return { ok: true, revision: -1n, position: -1n }
      return { ok: true, revision: last.revision, position: last.position }
    },
    onAppend: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

// ---------------------------------------------------------------- helpers

const isExpected = (expected: DoubleExpected, current: bigint | undefined): boolean => {
  switch (expected.kind) {
    case 'any':
      return true
    case 'no_stream':
      return current === undefined
    case 'stream_exists':
      return current !== undefined
    case 'revision':
      return current === expected.revision
  }
}
