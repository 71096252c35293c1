// What the engine needs to know of an aggregate to load and store it, whatever its decider.
import type * as t from 'io-ts'
import type { Decider, RawEvent, UpcastRegistry } from '@wallet-ledger/domain'

/** The snapshot codec of an aggregate whose streams grow long (accounts). */
export type SnapshotDefinition<State> = {
  readonly schemaVersion: number
  readonly encode: (state: State) => unknown
  /** Returns undefined for a snapshot it cannot read; the stream is then replayed instead. */
  readonly decode: (stored: unknown) => State | undefined
}

/** An aggregate as the engine handles it. */
export type AggregateDefinition<State, Command, Event extends RawEvent, Error> = {
  readonly name: string
  readonly decider: Decider<State, Command, Event, Error>
  /** Decodes a current-version event (after upcasting). */
  readonly eventCodec: t.Type<Event, unknown, unknown>
  readonly upcasters: UpcastRegistry
  readonly stream: (id: string) => string
  readonly snapshot?: SnapshotDefinition<State>
}

/** Any aggregate definition, for code that handles them all alike. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAggregateDefinition = AggregateDefinition<any, any, any, any>
