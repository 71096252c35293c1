// The key vault in the store's own file: one 32-byte key per owner in `vault_keys`, so personal
// data sealed before a restart can still be opened after it. `keyFor` creates a key only when
// none exists (INSERT ... ON CONFLICT DO NOTHING, then read back, in one write transaction), so
// two processes asking at once get the same key. `erase` deletes the row: the key is gone for good
// (the deleted page may linger in the file until it is reused; `PRAGMA secure_delete` is on).
import { randomBytes } from 'node:crypto'
import { checkOwnerId, storeError } from '@wallet-ledger/core/adapter'
import type { KeyVault } from '@wallet-ledger/core/adapter'
import { guarded } from './sqliteFailure.js'
import type { SqliteStatements } from './sqliteStatements.js'

// ---------------------------------------------------------------- constants

const KEY_BYTES = 32

// ---------------------------------------------------------------- constructors

/**
 * The vault over a store's statements. `write` runs a synchronous function in one write
 * transaction of the store (retrying a busy file); `ensureOpen` throws `store_closed`.
 */
export const createSqliteKeyVault = (
  statements: SqliteStatements,
  write: <Value>(doing: string, operation: () => Value) => Promise<Value>,
  ensureOpen: () => void,
): KeyVault => ({
  keyFor: async (ownerId) => {
    ensureOpen()
    checkOwnerId(ownerId)
    const existing = guarded('reading a key', () => statements.findKey.get(ownerId))
    if (existing instanceof Uint8Array) return new Uint8Array(existing)
    const key = await write('creating a key', () => {
      statements.insertKey.run(ownerId, randomBytes(KEY_BYTES))
      return statements.findKey.get(ownerId)
    })
    if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
      throw storeError('store_unavailable', `the key of ${ownerId} could not be read back`)
    }
    return new Uint8Array(key)
  },
  findKey: async (ownerId) => {
    ensureOpen()
    checkOwnerId(ownerId)
    const key = guarded('reading a key', () => statements.findKey.get(ownerId))
    return key instanceof Uint8Array ? new Uint8Array(key) : undefined
  },
  erase: async (ownerId) => {
    ensureOpen()
    checkOwnerId(ownerId)
    await write('erasing a key', () => statements.eraseKey.run(ownerId))
  },
})
