/**
 * Every ceiling in one place, the unit last (STYLE.md section 8). Input over a limit is a rejection
 * with its own code; our own code going over is an assertion.
 *
 * @packageDocumentation
 */
import { assert } from './assert.js'

/** Largest asset scale (decimal places) an asset may have. */
export const ASSET_SCALE_MAX = 18
/** Smallest asset scale. */
export const ASSET_SCALE_MIN = 0
/** Longest asset code, in characters. */
export const ASSET_CODE_LENGTH_MAX = 12
/** Digits allowed before the decimal point of an amount. */
export const AMOUNT_INTEGER_DIGITS_MAX = 20
/** Characters in an amount string: integer digits, the point and the largest scale. */
export const AMOUNT_CHARS_MAX = AMOUNT_INTEGER_DIGITS_MAX + 1 + ASSET_SCALE_MAX
/** Significant digits allowed in a conversion rate. */
export const RATE_DIGITS_MAX = 30
/** Characters of the exact remainder a conversion records: '0.' and every decimal amount × rate can have. */
export const CONVERSION_REMAINDER_CHARS_MAX = 2 + ASSET_SCALE_MAX + 2 * RATE_DIGITS_MAX
/** Highest merchant fee rate, in percent: above what any card scheme charges a high-risk merchant. */
export const MERCHANT_FEE_PERCENT_MAX = 10
/** Largest power of ten a conversion rate may reach, and the smallest it may go below one. */
export const RATE_EXPONENT_MAX = 18
/** Earliest instant a caller may send (ISO-8601 UTC): the Unix epoch. */
export const INSTANT_MIN = '1970-01-01T00:00:00.000Z'
/** Latest instant a caller may send: the last one with a four-digit year, so ISO text stays fixed width. */
export const INSTANT_MAX = '9999-12-31T23:59:59.999Z'
/** Characters of a percentage string ("12.5"). */
export const PERCENT_CHARS_MAX = 12
/** Characters of an id chosen by a caller (account id, promotion id). */
export const ID_LENGTH_MAX = 64
/** Characters of a memo on a payment. */
export const MEMO_LENGTH_MAX = 140
/** Characters of a free-text reason (freeze, failure, adjustment). */
export const REASON_LENGTH_MAX = 200
/** Characters of an external reference (bank reference, evidence reference). */
export const REFERENCE_LENGTH_MAX = 128
/** Entries in a metadata map. */
export const METADATA_ENTRIES_MAX = 16
/** Characters of a metadata key. */
export const METADATA_KEY_LENGTH_MAX = 40
/** Characters of a metadata value. */
export const METADATA_VALUE_LENGTH_MAX = 256
/** Characters of an idempotency key. */
export const IDEMPOTENCY_KEY_LENGTH_MAX = 128
/** Characters of the kind an idempotency key is claimed for (`refund`). */
export const CLAIM_KIND_LENGTH_MAX = 32
/** Open holds one account may have at once. */
export const HOLDS_OPEN_PER_ACCOUNT_MAX = 1_000
/**
 * Keyed money steps (journal legs, holds) one account remembers, so a replayed step is a no-op.
 * Counted in events, not time: the engine retries a step within minutes, and an account that
 * needs its exact revision for the step (debits, holds) sees far fewer events than this meanwhile.
 */
export const APPLIED_OPERATIONS_REMEMBERED_MAX = 1_024
/** Characters of an account's contact reference (the engine's ciphertext of phone and email). */
export const CONTACT_REFERENCE_LENGTH_MAX = 2_048
/** Characters of a withdrawal's destination reference (the engine's ciphertext of the account or address). */
export const DESTINATION_REFERENCE_LENGTH_MAX = 2_048
/** Evidence items one dispute may carry. */
export const EVIDENCE_ITEMS_PER_DISPUTE_MAX = 20
/** Refunds one payment may have. */
export const REFUNDS_PER_PAYMENT_MAX = 100
/** Disputes one payment may have over its life (the engine probes their derived ids in order). */
export const DISPUTES_PER_PAYMENT_MAX = 10
/** Payment ids in one unauthorized-use report. */
export const PAYMENT_IDS_PER_REPORT_MAX = 50
/** Legs in one journal entry. */
export const JOURNAL_LEGS_MAX = 16
/** Events in one append. */
export const APPEND_EVENTS_MAX = 64
/** Events in one page of a read. */
export const READ_PAGE_EVENTS_MAX = 1_024
/** Characters of a stream name (`<namespace>.<aggregate>-<id>`). */
export const STREAM_NAME_LENGTH_MAX = 256
/** Characters of an event type name. */
export const EVENT_TYPE_LENGTH_MAX = 128
/** Characters of an envelope's correlation id, causation id or actor. */
export const ENVELOPE_ID_LENGTH_MAX = 128
/** Stored bytes of one event (its canonical JSON, envelope included). */
export const EVENT_BYTES_MAX = 65_536
/** Stored bytes of one snapshot's state (its canonical JSON). */
export const SNAPSHOT_BYTES_MAX = 1_048_576
/** Snapshots in one page of `readSnapshots` (each up to `SNAPSHOT_BYTES_MAX`). */
export const READ_PAGE_SNAPSHOTS_MAX = 64
/** Steps in one workflow. */
export const WORKFLOW_STEPS_MAX = 16
/** Retries of a command after a revision clash before `concurrency_conflict`. */
export const COMMAND_RETRIES_MAX = 8
/** Longest random pause before a retry after a revision clash, in milliseconds. */
export const RETRY_PAUSE_MS_MAX = 50
/** Holidays a ledger may be configured with. */
export const HOLIDAYS_MAX = 2_000
/** Days the settlement window search may look ahead before asserting a broken calendar. */
export const CALENDAR_LOOKAHEAD_DAYS_MAX = 60
/** Latest settlement window, in business days. */
export const SETTLEMENT_DAYS_MAX = 3
/** Earliest settlement window, in business days. */
export const SETTLEMENT_DAYS_MIN = 1
/** Rows in one page of an account's history. */
export const HISTORY_PAGE_ROWS_MAX = 500
/** Characters of a history cursor a caller hands back. */
export const HISTORY_CURSOR_LENGTH_MAX = 1_024
/** Violations one audit report lists before it stops listing (it still checks everything). */
export const AUDIT_VIOLATIONS_MAX = 10_000
/** Nesting of a caller's input (objects and lists inside each other) read before decoding. */
export const INPUT_DEPTH_MAX = 8
/** Values (fields, list items, leaves) of a caller's input read before decoding. */
export const INPUT_VALUES_MAX = 2_000
/** Characters of any one string in a caller's input (a field's own limit is usually lower). */
export const INPUT_STRING_LENGTH_MAX = 65_536
/** Characters of a field name in a caller's input. */
export const INPUT_KEY_LENGTH_MAX = 128
/** Problems one `invalid_input` error lists in its message and details. */
export const INPUT_PROBLEMS_MAX = 8

assert(READ_PAGE_EVENTS_MAX >= APPEND_EVENTS_MAX, 'a read page must hold a whole append')
assert(MERCHANT_FEE_PERCENT_MAX < 50, 'a fee rate of half or more could take a whole payment')
assert(Date.parse(INSTANT_MIN) < Date.parse(INSTANT_MAX), 'instant range is empty')
assert(ASSET_SCALE_MIN <= ASSET_SCALE_MAX, 'asset scale range is empty')
assert(SETTLEMENT_DAYS_MIN <= SETTLEMENT_DAYS_MAX, 'settlement window is empty')
assert(CALENDAR_LOOKAHEAD_DAYS_MAX > SETTLEMENT_DAYS_MAX * 7, 'calendar look-ahead too short')
assert(INPUT_VALUES_MAX > PAYMENT_IDS_PER_REPORT_MAX + METADATA_ENTRIES_MAX * 2, 'input too small')
assert(INPUT_STRING_LENGTH_MAX >= HISTORY_CURSOR_LENGTH_MAX, 'input strings shorter than a cursor')
assert(INPUT_KEY_LENGTH_MAX >= METADATA_KEY_LENGTH_MAX, 'input keys shorter than metadata keys')
