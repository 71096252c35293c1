// Key generations per owner. A vault's `erase` then `keyFor` would recreate a key of the same
// name, so every forgetting starts a new generation with a key of a new name; each sealed value
// names its generation, and a value sealed before a forgetting only ever opens with the shredded
// key. The generation lives in the vault itself (a marker per forgetting) so that any vault a
// store or a KMS provides works unchanged, and no read of the event log is needed to seal.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { KeyVault } from './keyVault.js'

const IV_BYTES = 12
const TAG_BYTES = 16
/** Far above any real count; bounds the probe of a vault that answers every name. */
const GENERATION_MAX = 1000

/** The vault's name of the owner's data key of `generation` (0 keeps the original name). */
const keyName = (ownerId: string, generation: number): string =>
  generation === 0 ? ownerId : `${ownerId}#${generation}`

/** The vault's name of the marker saying the owner was forgotten for the `generation`-th time. */
const markerName = (ownerId: string, generation: number): string =>
  `${ownerId}!forgotten!${generation}`

/** The owner's current key generation: how many times they were forgotten. */
export const currentGeneration = async (vault: KeyVault, ownerId: string): Promise<number> => {
  let generation = 0
  while (
    generation < GENERATION_MAX &&
    (await vault.findKey(markerName(ownerId, generation + 1))) !== undefined
  ) {
    generation += 1
  }
  return generation
}

/** The owner's key of the current generation, created on first use. */
export const currentKey = async (vault: KeyVault, ownerId: string): Promise<Uint8Array> =>
  vault.keyFor(keyName(ownerId, await currentGeneration(vault, ownerId)))

/**
 * Shreds every data key the owner had and starts a new generation: whatever was sealed for them
 * stays unreadable for good, and their next write gets a key never used before. Keys of earlier
 * generations are erased again in case an interrupted forgetting left one behind.
 */
export const shredOwnerKeys = async (vault: KeyVault, ownerId: string): Promise<void> => {
  const generation = await currentGeneration(vault, ownerId)
  for (let old = 0; old <= generation; old += 1) await vault.erase(keyName(ownerId, old))
  await vault.keyFor(markerName(ownerId, generation + 1))
}

/** Encrypts text for an owner with AES-256-GCM: `v2.<generation>.<base64 iv|tag|ciphertext>`. */
export const sealForOwner = async (
  vault: KeyVault,
  ownerId: string,
  plaintext: string,
): Promise<string> => {
  const generation = await currentGeneration(vault, ownerId)
  const key = await vault.keyFor(keyName(ownerId, generation))
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  // The owner id is authenticated data: a value moved to another owner's event never opens.
  cipher.setAAD(Buffer.from(ownerId, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const raw = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
  return `v2.${generation}.${raw}`
}

/** What opening a sealed value gave: the text, or why there is none. */
export type Opened =
  | { readonly state: 'clear'; readonly text: string }
  | { readonly state: 'erased' }
  | { readonly state: 'unreadable' }

const SEALED = /^v([12])\.(?:(0|[1-9]\d{0,3})\.)?([A-Za-z0-9+/]+={0,2})$/

/**
 * Opens what `sealForOwner` (or the older `sealFor`, generation 0 without authenticated data)
 * wrote: `erased` once the key of its generation is shredded, `unreadable` when the bytes do not
 * authenticate (edited, or sealed for someone else). Never throws for bad bytes; a vault failure
 * (infrastructure) rejects as it would anywhere.
 */
export const openForOwner = async (
  vault: KeyVault,
  ownerId: string,
  sealed: string,
): Promise<Opened> => {
  const match = SEALED.exec(sealed)
  if (match === null || (match[1] === '1') !== (match[2] === undefined)) {
    return { state: 'unreadable' }
  }
  const generation = match[2] === undefined ? 0 : Number(match[2])
  const key = await vault.findKey(keyName(ownerId, generation))
  if (key === undefined) return { state: 'erased' }
  const raw = Buffer.from(match[3] ?? '', 'base64')
  if (raw.length < IV_BYTES + TAG_BYTES || key.length !== 32) return { state: 'unreadable' }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    if (match[1] === '2') decipher.setAAD(Buffer.from(ownerId, 'utf8'))
    const body = raw.subarray(IV_BYTES + TAG_BYTES)
    const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
    return { state: 'clear', text }
  } catch {
    return { state: 'unreadable' }
  }
}
