// How a ledger event is written to and read from EventStoreDB. The event's data travels as the
// exact canonical JSON bytes the hash covers (binary content type, so no client re-serialises
// it); the envelope fields EventStoreDB has no place for ride in the event's custom metadata.
import { binaryEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client'
import { assert } from '@wallet-ledger/domain'
import { storedEventOf, type SealedEvent, type StoredEvent } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- types

/** Where an event sits in `$all`: EventStoreDB's opaque commit/prepare pair. */
export type AllPosition = { readonly commit: bigint; readonly prepare: bigint }

/** The metadata written beside each ledger event; bigints travel as decimal strings. */
type LedgerMetadata = {
  readonly walletLedger: typeof METADATA_VERSION
  readonly position: string
  readonly recordedAt: string
  readonly correlationId: string
  readonly causationId: string | null
  readonly actor: string | null
  readonly schemaVersion: number
  readonly hash: string
  readonly commitHash: string
}

/** Maps port stream names to EventStoreDB stream names and back, under an optional namespace. */
export type StreamNames = {
  readonly toServer: (stream: string) => string
  /** The port name of a server stream, or `undefined` for a stream outside the namespace. */
  readonly fromServer: (serverStream: string) => string | undefined
  /** The server stream holding a port stream's snapshots (never a ledger stream). */
  readonly snapshotStream: (stream: string) => string
  /** The server stream listing the port streams that have snapshots (never a ledger stream). */
  readonly snapshotIndexStream: string
}

// ---------------------------------------------------------------- constructors

const METADATA_VERSION = 1

// `/` and `@` are not allowed in port stream names, so these prefixes never meet a ledger stream.
const NAMESPACE_SEPARATOR = '/'
const SNAPSHOT_PREFIX = '@snapshot/'
const SNAPSHOT_INDEX = '@snapshot-index'
const PORT_STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/

/** Stream names under `namespace` (`''` for none: port names are server names). */
export const streamNames = (namespace: string): StreamNames => {
  const prefix = namespace === '' ? '' : namespace + NAMESPACE_SEPARATOR
  return {
    toServer: (stream) => prefix + stream,
    fromServer: (serverStream) => {
      const stream = serverStream.startsWith(prefix) ? serverStream.slice(prefix.length) : ''
      // Only a name a ledger could have written: never a system, snapshot or other namespace's.
      return PORT_STREAM_NAME.test(stream) ? stream : undefined
    },
    snapshotStream: (stream) => SNAPSHOT_PREFIX + prefix + stream,
    snapshotIndexStream: namespace === '' ? SNAPSHOT_INDEX : `${SNAPSHOT_INDEX}/${namespace}`,
  }
}

// ---------------------------------------------------------------- operations

/** The EventStoreDB event of a sealed ledger event; its id is the ledger's uuid v7 event id. */
export const proposedEventOf = (event: SealedEvent): EventData => {
  const metadata: LedgerMetadata = {
    walletLedger: METADATA_VERSION,
    position: event.position.toString(),
    recordedAt: event.recordedAt,
    correlationId: event.correlationId,
    causationId: event.causationId,
    actor: event.actor,
    schemaVersion: event.schemaVersion,
    hash: event.hash,
    commitHash: event.commitHash,
  }
  return binaryEvent({
    id: event.eventId,
    type: event.type,
    data: Buffer.from(event.dataJson, 'utf8'),
    metadata,
  })
}

/**
 * The ledger event a resolved EventStoreDB event holds, or `undefined` when it is not one of ours
 * (another application's event, a system event, a snapshot, a stream outside the namespace).
 * The stream revision is the server's own, so it is exact.
 */
export const storedEventOfResolved = (
  resolved: ResolvedEvent,
  names: StreamNames,
): StoredEvent | undefined => {
  const recorded = resolved.event
  if (recorded === undefined) return undefined
  const stream = names.fromServer(recorded.streamId)
  const metadata = ledgerMetadataOf(recorded.metadata)
  if (stream === undefined || metadata === undefined) return undefined
  assert(recorded.data instanceof Uint8Array, 'a ledger event is stored as bytes')
  const dataJson = Buffer.from(recorded.data).toString('utf8')
  const envelope = {
    eventId: recorded.id,
    stream,
    revision: recorded.revision,
    position: BigInt(metadata.position),
    recordedAt: metadata.recordedAt,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    actor: metadata.actor,
    type: recorded.type,
    schemaVersion: metadata.schemaVersion,
    hash: metadata.hash,
    commitHash: metadata.commitHash,
  }
  return storedEventOf(envelope, dataJson)
}

/** The `$all` position of a resolved event, when the server gave one. */
export const allPositionOf = (resolved: ResolvedEvent): AllPosition | undefined =>
  resolved.event?.position

// ---------------------------------------------------------------- helpers

const DECIMAL = /^(0|[1-9][0-9]*)$/

const isNullableString = (value: unknown): value is string | null =>
  value === null || typeof value === 'string'

// A marked event with a malformed envelope is a corrupt store, not someone else's event.
const ledgerMetadataOf = (metadata: unknown): LedgerMetadata | undefined => {
  if (typeof metadata !== 'object' || metadata === null || metadata instanceof Uint8Array) {
    return undefined
  }
  const candidate = metadata as Partial<Record<keyof LedgerMetadata, unknown>>
  if (candidate.walletLedger !== METADATA_VERSION) return undefined
  assert(
    typeof candidate.position === 'string' &&
      DECIMAL.test(candidate.position) &&
      typeof candidate.recordedAt === 'string' &&
      typeof candidate.correlationId === 'string' &&
      isNullableString(candidate.causationId) &&
      isNullableString(candidate.actor) &&
      Number.isSafeInteger(candidate.schemaVersion) &&
      typeof candidate.hash === 'string' &&
      typeof candidate.commitHash === 'string',
    'a wallet-ledger event in EventStoreDB carries a well-formed envelope',
  )
  return candidate as LedgerMetadata
}
