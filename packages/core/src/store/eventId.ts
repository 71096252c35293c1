// Event ids: uuid v7 stamped with the commit's recorded instant. Ids of one store sort in the order
// the store wrote them, because the sequence field counts up within a millisecond.
import { randomFillSync } from 'node:crypto'
import { v7 as uuidV7 } from 'uuid'
import { assert } from '@wallet-ledger/domain'

// One syscall fills this many bytes; uuid's own v7 draws 16 bytes per id.
const RANDOM_POOL_BYTES = 16 * 1024
const UUID_RANDOM_BYTES = 16
const UUID_BYTES = 16
// uuid v7's sequence field is 32 bits; a fresh millisecond starts it in the lower half so a
// millisecond can count up more than two billion ids before it would wrap.
const SEQUENCE_START_MASK = 0x7fffffff
const SEQUENCE_MAX = 0xffffffff

/** Makes one event id for a given millisecond (never earlier than the previous call's). */
export type EventIdSource = (msecs: number) => string

/**
 * A uuid v7 source fed from a pooled random buffer. Ids are strictly increasing as strings when
 * the given milliseconds never decrease (the store guarantees it: `recordedAt` never goes back).
 */
export const createEventIdSource = (): EventIdSource => {
  const pool = Buffer.alloc(RANDOM_POOL_BYTES)
  // Each id's bytes and text are written here, then read out as a string.
  const bytes = new Uint8Array(UUID_BYTES)
  const text = Buffer.alloc(UUID_TEXT_LENGTH)
  let offset = RANDOM_POOL_BYTES
  let lastMsecs = -1
  let sequence = 0
  return (msecs) => {
    assert(Number.isSafeInteger(msecs) && msecs >= 0, 'an id time is a non-negative millisecond')
    assert(msecs >= lastMsecs, 'event id times never go back')
    if (offset + UUID_RANDOM_BYTES > RANDOM_POOL_BYTES) {
      randomFillSync(pool)
      offset = 0
    }
    const random = pool.subarray(offset, offset + UUID_RANDOM_BYTES)
    offset += UUID_RANDOM_BYTES
    if (msecs > lastMsecs) {
      sequence = random.readUInt32BE(6) & SEQUENCE_START_MASK
      lastMsecs = msecs
    } else {
      sequence += 1
      assert(sequence <= SEQUENCE_MAX, 'more ids in one millisecond than uuid v7 can order')
    }
    uuidV7({ msecs, seq: sequence, random }, bytes)
    return uuidText(bytes, text)
  }
}

// ---------------------------------------------------------------- helpers

const UUID_TEXT_LENGTH = 36
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1')
const DASH = 0x2d

/**
 * The lower-case text of a uuid's 16 bytes (8-4-4-4-12 hex digits), written into a reused buffer
 * and read out as one string: the uuid package builds it from twenty concatenations and a copy.
 */
const uuidText = (bytes: Uint8Array, text: Buffer): string => {
  let at = 0
  for (let index = 0; index < UUID_BYTES; index += 1) {
    if (index === 4 || index === 6 || index === 8 || index === 10) text[at++] = DASH
    const byte = bytes[index]!
    text[at++] = HEX_DIGITS[byte >>> 4]!
    text[at++] = HEX_DIGITS[byte & 0x0f]!
  }
  assert(at === UUID_TEXT_LENGTH, 'a uuid is 36 characters')
  return text.toString('latin1', 0, UUID_TEXT_LENGTH)
}
