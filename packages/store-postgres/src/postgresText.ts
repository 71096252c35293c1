// PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate would be stored as U+FFFD, so an
// envelope field carrying either would be stored differently from what was hashed (audit would
// then report tampering that never happened). Such input is refused before anything is written.
import { storeError } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- constants

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

// ---------------------------------------------------------------- operations

/** Rejects (`invalid_argument`) a text field PostgreSQL would not store exactly as given. */
export const checkStorableText = (name: string, value: string | undefined): void => {
  if (value !== undefined && UNSTORABLE.test(value)) {
    throw storeError(
      'invalid_argument',
      `${name} holds U+0000 or a lone surrogate, which PostgreSQL cannot store exactly`,
    )
  }
}
