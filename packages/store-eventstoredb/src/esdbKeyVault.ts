// The key vault on the same server: one stream per owner (`@key/<namespace/><hex owner id>`, a name
// no ledger stream can have), whose last event is the owner's key (`KeyCreated`) or its erasure
// (`KeyErased`). `keyFor` creates a key by appending at the revision it read, so the server lets
// exactly one of two concurrent creators win and the loser reads the winner's key. `erase` appends
// the erasure and truncates the stream before it (`$tb`): the key is unreadable at once, and gone
// from the server's files after its next scavenge (see docs/adapters.md).
import { randomBytes } from 'node:crypto'
import {
  BACKWARDS,
  END,
  NO_STREAM,
  jsonEvent,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client'
import { checkOwnerId, isStoreError, type KeyVault } from '@wallet-ledger/core/adapter'
import { isStreamNotFound, toStoreError } from './esdbErrors.js'

// ---------------------------------------------------------------- constructors

const KEY_BYTES = 32
const KEY_CREATED = 'KeyCreated'
const KEY_ERASED = 'KeyErased'
// Creating races only with other creators of the same owner; a few rounds settle it.
const CREATE_ATTEMPTS_MAX = 5

/** The vault on `client`, its streams under `namespace` (`''` for none). */
export const createEsdbKeyVault = (
  client: EventStoreDBClient,
  namespace: string,
  ensureOpen: () => void,
): KeyVault => {
  const streamOf = (ownerId: string): string => {
    ensureOpen()
    checkOwnerId(ownerId)
    const prefix = namespace === '' ? '' : `${namespace}/`
    return `@key/${prefix}${Buffer.from(ownerId, 'utf8').toString('hex')}`
  }

  const last = async (stream: string): Promise<ResolvedEvent | undefined> => {
    let found: ResolvedEvent | undefined
    try {
      const reads = client.readStream(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })
      for await (const resolved of reads) found = resolved
    } catch (error) {
      if (!isStreamNotFound(error)) throw toStoreError(error, {})
    }
    return found
  }

  return {
    keyFor: async (ownerId) => {
      const stream = streamOf(ownerId)
      for (let attempt = 1; ; attempt += 1) {
        const current = await last(stream)
        const key = keyOf(current)
        if (key !== undefined) return key
        const created = randomBytes(KEY_BYTES)
        try {
          await client.appendToStream(
            stream,
            jsonEvent({ type: KEY_CREATED, data: { key: created.toString('base64') } }),
            { expectedRevision: current?.event?.revision ?? NO_STREAM },
          )
          return new Uint8Array(created)
        } catch (error) {
          const failure = toStoreError(error, {})
          if (!isStoreError(failure, 'wrong_expected_version') || attempt >= CREATE_ATTEMPTS_MAX) {
            throw failure
          }
        }
      }
    },
    findKey: async (ownerId) => keyOf(await last(streamOf(ownerId))),
    erase: async (ownerId) => {
      const stream = streamOf(ownerId)
      if (keyOf(await last(stream)) === undefined) return
      try {
        const erased = await client.appendToStream(
          stream,
          jsonEvent({ type: KEY_ERASED, data: {} }),
        )
        await client.setStreamMetadata(stream, {
          // A key stream holds a handful of events: its revisions are small numbers.
          truncateBefore: Number(erased.nextExpectedRevision),
        })
      } catch (error) {
        throw toStoreError(error, {})
      }
    },
  }
}

// ---------------------------------------------------------------- helpers

const keyOf = (resolved: ResolvedEvent | undefined): Uint8Array | undefined => {
  const event = resolved?.event
  if (event?.type !== KEY_CREATED) return undefined
  const encoded = (event.data as { key?: unknown } | null)?.key
  if (typeof encoded !== 'string') return undefined
  const key = Buffer.from(encoded, 'base64')
  return key.length === KEY_BYTES ? new Uint8Array(key) : undefined
}
