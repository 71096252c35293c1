// Ids: uuid v7 (time-ordered) for new things, uuid v5 (derived) for what an idempotency key names.
import { randomFillSync } from 'node:crypto'
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid'
import { assert } from '@wallet-ledger/domain'

/** Random bytes drawn per refill: one syscall serves this many ids. */
const RANDOM_POOL_BYTES = 16 * 1024
const UUID_RANDOM_BYTES = 16

/** Makes uuid v7 ids from a pooled random buffer; uuid's own v7 draws 16 bytes per call. */
export const createIdGenerator = (clock: () => Date): (() => string) => {
  const pool = Buffer.alloc(RANDOM_POOL_BYTES)
  let offset = RANDOM_POOL_BYTES
  return () => {
    if (offset + UUID_RANDOM_BYTES > RANDOM_POOL_BYTES) {
      randomFillSync(pool)
      offset = 0
    }
    const random = pool.subarray(offset, offset + UUID_RANDOM_BYTES)
    offset += UUID_RANDOM_BYTES
    return uuidV7({ msecs: clock().getTime(), random })
  }
}

/** The namespace every ledger derives its ids from unless it names its own. */
export const LEDGER_ID_NAMESPACE_DEFAULT = 'a8f5d2c4-3b1e-5f6a-9c7d-2e4b6a8c0d1f'

/**
 * The per-ledger namespace: derived from the ledger's namespace name so two tenants' keys never
 * map to the same entity id.
 */
export const ledgerIdNamespace = (namespace: string | undefined): string =>
  uuidV5(`wallet-ledger:${namespace ?? ''}`, LEDGER_ID_NAMESPACE_DEFAULT)

/**
 * The entity id an idempotency key names, per kind of entity, so a retry with the same key finds
 * the same stream and the store's `no_stream` check deduplicates it.
 */
export const idFromIdempotencyKey = (idNamespace: string, kind: string, key: string): string => {
  assert(key.length > 0, 'idempotency key is empty')
  return uuidV5(`${kind}:${key}`, idNamespace)
}
