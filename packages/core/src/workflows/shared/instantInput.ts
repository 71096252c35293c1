// The caller's instant fields (DESIGN.md section 6: an ISO string or a Date) as an io-ts codec, so
// a wrong type is named by its path like every other field; `instantOf` then makes it ISO UTC.
import * as t from 'io-ts'
import { describedAs } from '@wallet-ledger/domain'
import type { Instant } from '../../ledger/types.js'

const isInstantInput = (value: unknown): value is Instant =>
  typeof value === 'string' || value instanceof Date

/**
 * An instant as the caller gives it: a string or a Date, passed through unchanged. Whether the
 * string is a valid instant is `instantOf`'s check (it names the field too).
 */
export const InstantInput = describedAs(
  new t.Type<Instant, Instant, unknown>(
    'Instant',
    isInstantInput,
    (value, context) => (isInstantInput(value) ? t.success(value) : t.failure(value, context)),
    t.identity,
  ),
  'an ISO-8601 instant with an offset like 2026-11-27T09:50:00Z, or a Date',
)
