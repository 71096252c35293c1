// The key vault in the store's own database: one 32-byte key per owner in `vault_keys`, so
// personal data sealed before a restart can still be opened after it. `keyFor` creates a key only
// when none exists (INSERT ... ON CONFLICT DO NOTHING, then a read in a later statement, which
// sees whichever insert won), so two processes asking at once get the same key. `erase` deletes
// the row: the key is gone for good (its dead tuple lingers until VACUUM reclaims the page).
import { randomBytes } from 'node:crypto'
import { checkOwnerId, storeError, type KeyVault } from '@wallet-ledger/core/adapter'
import { checkStorableText } from './postgresText.js'

// ---------------------------------------------------------------- types

/** Runs one statement on the store's pool; rejects with the port's errors. */
export type RunQuery = <Row>(
  doing: string,
  sql: string,
  values: readonly unknown[],
) => Promise<readonly Row[]>

// ---------------------------------------------------------------- constants

const KEY_BYTES = 32

// ---------------------------------------------------------------- constructors

/** The vault over a store's pool; `query` rejects `store_closed` once the store is closed. */
export const createPostgresKeyVault = (query: RunQuery): KeyVault => {
  const findKey = async (ownerId: string): Promise<Uint8Array | undefined> => {
    const rows = await query<{ key: Buffer }>(
      'reading a key',
      'SELECT key FROM vault_keys WHERE owner_id = $1',
      [ownerId],
    )
    return rows[0] === undefined ? undefined : new Uint8Array(rows[0].key)
  }
  return {
    keyFor: async (ownerId) => {
      checkStorableOwnerId(ownerId)
      const existing = await findKey(ownerId)
      if (existing !== undefined) return existing
      const created = await query<{ key: Buffer }>(
        'creating a key',
        'INSERT INTO vault_keys (owner_id, key) VALUES ($1, $2) ' +
          'ON CONFLICT (owner_id) DO NOTHING RETURNING key',
        [ownerId, randomBytes(KEY_BYTES)],
      )
      // Nothing returned: another writer's key won the race; this later statement sees it.
      const key = created[0] === undefined ? await findKey(ownerId) : new Uint8Array(created[0].key)
      if (key === undefined || key.length !== KEY_BYTES) {
        throw storeError('store_unavailable', `the key of ${ownerId} could not be read back`)
      }
      return key
    },
    findKey: async (ownerId) => {
      checkStorableOwnerId(ownerId)
      return findKey(ownerId)
    },
    erase: async (ownerId) => {
      checkStorableOwnerId(ownerId)
      await query('erasing a key', 'DELETE FROM vault_keys WHERE owner_id = $1', [ownerId])
    },
  }
}

// ---------------------------------------------------------------- helpers

const checkStorableOwnerId = (ownerId: unknown): void => {
  checkStorableText('ownerId', checkOwnerId(ownerId))
}
