// Named factories for the withdrawal tests: one withdrawal "w1" of 100.00 USD plus a 1.50 fee
// from alice to a sealed bank account, and its events and commands at each step.
import { createBusinessCalendar } from '../../../src/calendar/businessCalendar.js'
import type { BusinessCalendar } from '../../../src/calendar/businessCalendar.js'
import type { LocalTime } from '../../../src/calendar/localDate.js'
import type {
  AccountId,
  AssetCode,
  CallerId,
  DecimalString,
  IsoInstant,
  LocalDate,
  Sha256Hex,
} from '../../../src/codecs/common.js'
import type { JournalEntry } from '../../../src/journal/journal.js'
import type { RequestWithdrawal, WithdrawalCommand } from '../../../src/withdrawal/commands.js'
import type { WithdrawalDestination, WithdrawalEvent, WithdrawalRequested } from '../../../src/withdrawal/events.js'

export const ID = 'w1' as CallerId
export const AT = '2026-11-27T08:00:00.000Z' as IsoInstant
export const LATER = '2026-11-27T10:00:00.000Z' as IsoInstant
export const FINGERPRINT = 'a'.repeat(64) as Sha256Hex
export const BANK: WithdrawalDestination = { type: 'bank_account', reference: 'sealed:bank:0001' }
export const CRYPTO = {
  type: 'crypto_address',
  network: 'ethereum',
  reference: 'sealed:address:0001',
} as WithdrawalDestination

export const sender = (
  overrides: Partial<RequestWithdrawal['sender']> = {},
): RequestWithdrawal['sender'] => ({
  accountId: 'alice' as AccountId,
  status: 'active',
  security: { hasTwoFactor: false, hasPaymentPassword: false },
  limits: {},
  spentToday: 0n,
  available: 100_000n,
  ...overrides,
})

export const request = (overrides: Partial<RequestWithdrawal> = {}): RequestWithdrawal => ({
  type: 'RequestWithdrawal',
  withdrawalId: ID,
  accountId: 'alice' as CallerId,
  asset: 'USD' as AssetCode,
  amount: '100.00' as DecimalString,
  fee: '1.50' as DecimalString,
  destination: BANK,
  holdId: 'hold-w1',
  at: AT,
  localDate: '2026-11-27' as LocalDate,
  fingerprint: FINGERPRINT,
  sender: sender(),
  ...overrides,
})

export const requested = (
  overrides: Partial<WithdrawalRequested['data']> = {},
): WithdrawalEvent => ({
  type: 'WithdrawalRequested',
  schemaVersion: 1,
  data: {
    withdrawalId: ID,
    accountId: 'alice' as CallerId,
    asset: 'USD' as AssetCode,
    amount: '100.00' as DecimalString,
    fee: '1.50' as DecimalString,
    destination: BANK,
    holdId: 'hold-w1',
    limitDate: '2026-11-27' as LocalDate,
    fingerprint: FINGERPRINT,
    at: AT,
    ...overrides,
  },
})

export const refused = (
  code: 'account_frozen' | 'security_check_failed' | 'limit_exceeded' | 'insufficient_balance',
  reason: string,
): WithdrawalEvent => ({
  type: 'WithdrawalRequestFailed',
  schemaVersion: 1,
  data: {
    withdrawalId: ID,
    accountId: 'alice' as CallerId,
    asset: 'USD' as AssetCode,
    amount: '100.00' as DecimalString,
    fee: '1.50' as DecimalString,
    code,
    reason,
    fingerprint: FINGERPRINT,
    at: AT,
  },
})

export const verified: WithdrawalEvent = {
  type: 'WithdrawalVerified',
  schemaVersion: 1,
  data: { withdrawalId: ID, at: LATER },
}
export const window = (earliest: string, latest: string) => ({
  earliest: earliest as LocalDate,
  latest: latest as LocalDate,
})
export const submitted: WithdrawalEvent = {
  type: 'WithdrawalSubmitted',
  schemaVersion: 1,
  data: { withdrawalId: ID, expectedBy: window('2026-11-30', '2026-12-02'), at: LATER },
}

export const legs = (...rows: [string, string, 'debit' | 'credit'][]): JournalEntry['legs'] =>
  rows.map(([account, amount, direction]) => ({
    account: account as AccountId,
    asset: 'USD' as AssetCode,
    amount: amount as DecimalString,
    direction,
  }))
export const PAYOUT: JournalEntry = {
  entryId: 'e-payout',
  legs: legs(
    ['alice', '101.50', 'debit'],
    ['world:bank-outflow', '100.00', 'credit'],
    ['system:fees', '1.50', 'credit'],
  ),
}
export const completed: WithdrawalEvent = {
  type: 'WithdrawalCompleted',
  schemaVersion: 1,
  data: { withdrawalId: ID, entry: PAYOUT, at: LATER },
}

export const calendar = (holidays: string[] = []): BusinessCalendar => {
  const built = createBusinessCalendar({ holidays })
  if (built._tag === 'Left') throw new Error(built.left.message)
  return built.right
}
export const submit = (
  localDate: string,
  localTime: string,
  holidays: string[] = [],
): WithdrawalCommand => ({
  type: 'SubmitWithdrawal',
  withdrawalId: ID,
  at: LATER,
  localDate: localDate as LocalDate,
  localTime: localTime as LocalTime,
  calendar: calendar(holidays),
})
export const verify = (passed: boolean): WithdrawalCommand => ({
  type: 'VerifyWithdrawalIdentity',
  withdrawalId: ID,
  passed,
  at: LATER,
})
export const complete = (entryId = 'e-payout'): WithdrawalCommand => ({
  type: 'CompleteWithdrawal',
  withdrawalId: ID,
  entryId,
  at: LATER,
})
export const fail: WithdrawalCommand = {
  type: 'FailWithdrawal',
  withdrawalId: ID,
  reason: 'bank refused the transfer',
  at: LATER,
}
export const cancel: WithdrawalCommand = {
  type: 'CancelWithdrawal',
  withdrawalId: ID,
  reason: 'account frozen',
  at: LATER,
}
export const returnCommand = (entryId = 'e-return'): WithdrawalCommand => ({
  type: 'ReturnWithdrawal',
  withdrawalId: ID,
  reason: 'account closed at the bank',
  entryId,
  at: LATER,
})
