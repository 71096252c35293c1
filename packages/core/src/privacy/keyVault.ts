// Crypto-shredding: personal data (contacts, bank and crypto destinations) is stored encrypted
// with a key per owner, kept outside the event store; erasing the key forgets the person while
// every event, hash and balance stays verifiable.
import { randomBytes } from 'node:crypto'
import { storeError } from '../ports/storeError.js'

/** Holds one data key per owner. A real deployment backs it with a KMS; erase must be final. */
export type KeyVault = {
  /** The owner's key, created on first use. */
  readonly keyFor: (ownerId: string) => Promise<Uint8Array>
  /** The owner's key if it still exists. */
  readonly findKey: (ownerId: string) => Promise<Uint8Array | undefined>
  /** Destroys the owner's key: everything encrypted with it becomes unreadable for good. */
  readonly erase: (ownerId: string) => Promise<void>
}

/** A vault in memory: keys die with the process (use only with a memory store, or in tests). */
export const createMemoryKeyVault = (): KeyVault => {
  const keys = new Map<string, Uint8Array>()
  return {
    keyFor: async (ownerId) => {
      const existing = keys.get(ownerId)
      if (existing !== undefined) return existing
      const key = randomBytes(32)
      keys.set(ownerId, key)
      return key
    },
    findKey: async (ownerId) => keys.get(ownerId),
    erase: async (ownerId) => void keys.delete(ownerId),
  }
}

/** The longest owner id a store's key vault accepts (account ids are far shorter). */
export const OWNER_ID_LENGTH_MAX = 256

/**
 * Checks an owner id given to a store's key vault: a string of 1..`OWNER_ID_LENGTH_MAX`
 * characters, else a store error `invalid_argument`. Every store's vault checks it the same way.
 */
export const checkOwnerId = (ownerId: unknown): string => {
  if (typeof ownerId !== 'string' || ownerId.length === 0 || ownerId.length > OWNER_ID_LENGTH_MAX) {
    throw storeError(
      'invalid_argument',
      `ownerId must be 1..${OWNER_ID_LENGTH_MAX} characters, got ${String(ownerId).slice(0, 64)}`,
    )
  }
  return ownerId
}

/**
 * `vault` behind a store's checks: each call first runs `ensureOpen` (which throws `store_closed`)
 * and `checkOwnerId`, as the port asks of a store's own vault.
 */
export const checkedKeyVault = (vault: KeyVault, ensureOpen: () => void): KeyVault => {
  const checked = (ownerId: string): string => {
    ensureOpen()
    return checkOwnerId(ownerId)
  }
  return {
    keyFor: async (ownerId) => vault.keyFor(checked(ownerId)),
    findKey: async (ownerId) => vault.findKey(checked(ownerId)),
    erase: async (ownerId) => vault.erase(checked(ownerId)),
  }
}
