// Ids: uuid v7 (time-ordered) for new things, uuid v5 (derived) for what an idempotency key names.
import { hash, randomFillSync } from 'node:crypto'
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
  return uuidV5Of(`${kind}:${key}`, idNamespace)
}

/**
 * uuid v5 (RFC 9562), as the uuid package's `v5(name, namespace)` computes it, without its
 * per-call costs (parsing the namespace, encoding the name through URI escapes, a hash object): the
 * sha-1 of the namespace's 16 bytes then the name's UTF-8, cut to 16 bytes, with the version (5)
 * and variant (10) bits set. A name with a lone surrogate has no UTF-8 form: it goes to the
 * package, which throws as it always did. A property test checks both agree.
 */
export const uuidV5Of = (name: string, namespace: string): string => {
  if (LONE_SURROGATE.test(name)) return uuidV5(name, namespace)
  const namespaceBytes = namespaceBytesOf(namespace)
  const input = Buffer.allocUnsafe(UUID_BYTES + Buffer.byteLength(name, 'utf8'))
  namespaceBytes.copy(input, 0)
  input.write(name, UUID_BYTES, 'utf8')
  const hex = hash('sha1', input, 'hex')
  // The variant keeps the digest's two low bits of that nibble under the bits 10.
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return (
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}` +
    `-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  )
}

// ---------------------------------------------------------------- helpers

const UUID_BYTES = 16
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

// A ledger uses one namespace; a few are kept so tests with many ledgers stay bounded.
const NAMESPACES_KEPT_MAX = 16
const namespaceBytes = new Map<string, Buffer>()

const namespaceBytesOf = (namespace: string): Buffer => {
  const known = namespaceBytes.get(namespace)
  if (known !== undefined) return known
  assert(UUID_TEXT.test(namespace), `namespace ${namespace} is not a uuid`)
  if (namespaceBytes.size >= NAMESPACES_KEPT_MAX) namespaceBytes.clear()
  const bytes = Buffer.from(namespace.replaceAll('-', ''), 'hex')
  namespaceBytes.set(namespace, bytes)
  return bytes
}
