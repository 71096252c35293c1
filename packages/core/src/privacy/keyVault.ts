// Crypto-shredding: personal data (contacts, bank and crypto destinations) is stored encrypted
// with a key per owner, kept outside the event store; erasing the key forgets the person while
// every event, hash and balance stays verifiable.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

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

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

/** Encrypts text for an owner with AES-256-GCM: `v1.<base64 iv|tag|ciphertext>`. */
export const sealFor = async (
  vault: KeyVault,
  ownerId: string,
  plaintext: string,
): Promise<string> => {
  const key = await vault.keyFor(ownerId)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

/** Decrypts what `sealFor` wrote; undefined once the owner's key is erased. */
export const openFor = async (
  vault: KeyVault,
  ownerId: string,
  sealed: string,
): Promise<string | undefined> => {
  const key = await vault.findKey(ownerId)
  if (key === undefined || !sealed.startsWith(`${VERSION}.`)) return undefined
  const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
  return Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8')
}
