// Named factories for the conversion's unit tests. Every command and event is decoded through its
// codec, so a fixture the codec would refuse fails loudly instead of testing nothing.
import type * as t from 'io-ts'
import { ConversionCommand } from '../../../src/conversion/commands.js'
import type { ConvertFunds } from '../../../src/conversion/commands.js'
import { ConversionEvent } from '../../../src/conversion/events.js'
import type { ConversionExecuted, ConversionExpired, ConversionFailed } from '../../../src/conversion/events.js'

export const CONVERSION_ID = 'conversion-1'
export const ENTRY_ID = 'conversion-entry-1'
export const ALICE = 'alice'
export const FINGERPRINT = 'a'.repeat(64)
export const OTHER_FINGERPRINT = 'b'.repeat(64)
export const AT = '2026-11-26T07:30:00.000Z'
export const LOCAL_DATE = '2026-11-26'
export const MARKET = 'world:market'
export const DESK = 'system:desk-spread'

const decodeWith = <A>(codec: t.Type<A, unknown, unknown>, raw: unknown): A => {
  const decoded = codec.decode(raw)
  if (decoded._tag === 'Left') throw new Error(`fixture does not decode: ${JSON.stringify(raw, replacer)}`)
  return decoded.right
}
const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)

// ---------------------------------------------------------------- commands

/** The sender's facts: an active account, no security set, no limits, 1000 units available. */
export const senderFacts = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  accountId: ALICE,
  status: 'active',
  security: { hasTwoFactor: false, hasPaymentPassword: false },
  limits: {},
  spentToday: 0n,
  available: 100_000n,
  ...overrides,
})

/**
 * Alice converts 100.00 USD into CNY at 7.1234 (1000.00 USD available, no security, no limits).
 * `sender` overrides merge into the sender's facts.
 */
export const convert = (
  overrides: Record<string, unknown> = {},
  sender: Record<string, unknown> = {},
): ConvertFunds =>
  decodeWith(ConversionCommand, {
    type: 'ConvertFunds',
    conversionId: CONVERSION_ID,
    entryId: ENTRY_ID,
    accountId: ALICE,
    from: { asset: 'USD', amount: '100.00' },
    to: { asset: 'CNY', scale: 2 },
    rate: '7.1234',
    sender: senderFacts(sender),
    at: AT,
    localDate: LOCAL_DATE,
    fingerprint: FINGERPRINT,
    ...overrides,
  })

/** Alice converts 0.00012345 BTC into USD at 65000.12 (1.00000000 BTC available). */
export const convertBitcoin = (
  overrides: Record<string, unknown> = {},
  sender: Record<string, unknown> = {},
): ConvertFunds =>
  convert(
    { from: { asset: 'BTC', amount: '0.00012345' }, to: { asset: 'USD', scale: 2 }, rate: '65000.12', ...overrides },
    { available: 100_000_000n, ...sender },
  )

// ---------------------------------------------------------------- events

/** A leg of the expected journal entry. */
export const leg = (account: string, asset: string, amount: string, direction: 'debit' | 'credit') => ({
  account,
  asset,
  amount,
  direction,
})

/** The executed event of `convert()` (100.00 USD -> 712.34 CNY, nothing dropped, no spread). */
export const executed = (overrides: Record<string, unknown> = {}): ConversionExecuted =>
  decodeWith(ConversionEvent, {
    type: 'ConversionExecuted',
    schemaVersion: 1,
    data: {
      conversionId: CONVERSION_ID,
      accountId: ALICE,
      debited: { asset: 'USD', amount: '100.00' },
      credited: { asset: 'CNY', amount: '712.34' },
      rate: '7.1234',
      spread: { asset: 'USD', amount: '0.00' },
      remainder: '0',
      entry: {
        entryId: ENTRY_ID,
        legs: [
          leg(ALICE, 'USD', '100.00', 'debit'),
          leg(MARKET, 'USD', '100.00', 'credit'),
          leg(MARKET, 'CNY', '712.34', 'debit'),
          leg(ALICE, 'CNY', '712.34', 'credit'),
        ],
      },
      limitDate: LOCAL_DATE,
      fingerprint: FINGERPRINT,
      at: AT,
      ...overrides,
    },
  }) as ConversionExecuted

const requestData = (command: ConvertFunds) => ({
  conversionId: command.conversionId,
  accountId: command.accountId,
  from: command.from,
  to: command.to,
  rate: command.rate,
  fingerprint: command.fingerprint,
  at: command.at,
})

/** The failure `command` records with `code`; `reason` is matched as given. */
export const failed = (command: ConvertFunds, code: string, reason: string): ConversionFailed =>
  decodeWith(ConversionEvent, {
    type: 'ConversionFailed',
    schemaVersion: 1,
    data: { ...requestData(command), code, reason },
  }) as ConversionFailed

/** The expiry `command` records (it must carry `quoteExpiresAt`). */
export const expired = (command: ConvertFunds): ConversionExpired =>
  decodeWith(ConversionEvent, {
    type: 'ConversionExpired',
    schemaVersion: 1,
    data: { ...requestData(command), quoteExpiresAt: command.quoteExpiresAt },
  }) as ConversionExpired
