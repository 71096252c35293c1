// Proves each rule of the withdrawal aggregate (DESIGN.md section 3) with given/when/then: every
// transition, every error code, the recorded business refusals, the settlement window stored at
// submission (Friday morning, after the cut-off, a holiday), and the journal entries of a payout
// and of a bank return.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import { createBusinessCalendar } from '../calendar/businessCalendar.js'
import type { BusinessCalendar } from '../calendar/businessCalendar.js'
import type { LocalTime } from '../calendar/localDate.js'
import type {
  AccountId,
  AssetCode,
  CallerId,
  DecimalString,
  IsoInstant,
  LocalDate,
  Sha256Hex,
} from '../codecs/common.js'
import { foldEvents } from '../decider.js'
import { isBalanced } from '../journal/journal.js'
import type { JournalEntry } from '../journal/journal.js'
import type { RequestWithdrawal, WithdrawalCommand } from './commands.js'
import type { WithdrawalDestination, WithdrawalEvent, WithdrawalRequested } from './events.js'
import { withdrawalFailureOf } from './requestWithdrawal.js'
import { withdrawalDecider, withdrawalStream } from './withdrawalDecider.js'
import { withdrawalView } from './withdrawalView.js'

// ---------------------------------------------------------------- fixtures

const spec = deciderSpec(withdrawalDecider)
const ID = 'w1' as CallerId
const AT = '2026-11-27T08:00:00.000Z' as IsoInstant
const LATER = '2026-11-27T10:00:00.000Z' as IsoInstant
const FINGERPRINT = 'a'.repeat(64) as Sha256Hex
const BANK: WithdrawalDestination = { type: 'bank_account', reference: 'sealed:bank:0001' }
const CRYPTO = {
  type: 'crypto_address',
  network: 'ethereum',
  reference: 'sealed:address:0001',
} as WithdrawalDestination

const sender = (
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

const request = (overrides: Partial<RequestWithdrawal> = {}): RequestWithdrawal => ({
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

const requested = (overrides: Partial<WithdrawalRequested['data']> = {}): WithdrawalEvent => ({
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

const refused = (
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

const verified: WithdrawalEvent = {
  type: 'WithdrawalVerified',
  schemaVersion: 1,
  data: { withdrawalId: ID, at: LATER },
}
const window = (earliest: string, latest: string) => ({
  earliest: earliest as LocalDate,
  latest: latest as LocalDate,
})
const submitted: WithdrawalEvent = {
  type: 'WithdrawalSubmitted',
  schemaVersion: 1,
  data: { withdrawalId: ID, expectedBy: window('2026-11-30', '2026-12-02'), at: LATER },
}

const legs = (...rows: [string, string, 'debit' | 'credit'][]): JournalEntry['legs'] =>
  rows.map(([account, amount, direction]) => ({
    account: account as AccountId,
    asset: 'USD' as AssetCode,
    amount: amount as DecimalString,
    direction,
  }))
const PAYOUT: JournalEntry = {
  entryId: 'e-payout',
  legs: legs(
    ['alice', '101.50', 'debit'],
    ['world:bank-outflow', '100.00', 'credit'],
    ['system:fees', '1.50', 'credit'],
  ),
}
const completed: WithdrawalEvent = {
  type: 'WithdrawalCompleted',
  schemaVersion: 1,
  data: { withdrawalId: ID, entry: PAYOUT, at: LATER },
}

const calendar = (holidays: string[] = []): BusinessCalendar => {
  const built = createBusinessCalendar({ holidays })
  if (built._tag === 'Left') throw new Error(built.left.message)
  return built.right
}
const submit = (
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
const verify = (passed: boolean): WithdrawalCommand => ({
  type: 'VerifyWithdrawalIdentity',
  withdrawalId: ID,
  passed,
  at: LATER,
})
const complete = (entryId = 'e-payout'): WithdrawalCommand => ({
  type: 'CompleteWithdrawal',
  withdrawalId: ID,
  entryId,
  at: LATER,
})
const fail: WithdrawalCommand = {
  type: 'FailWithdrawal',
  withdrawalId: ID,
  reason: 'bank refused the transfer',
  at: LATER,
}
const cancel: WithdrawalCommand = {
  type: 'CancelWithdrawal',
  withdrawalId: ID,
  reason: 'account frozen',
  at: LATER,
}
const returnCommand = (entryId = 'e-return'): WithdrawalCommand => ({
  type: 'ReturnWithdrawal',
  withdrawalId: ID,
  reason: 'account closed at the bank',
  entryId,
  at: LATER,
})

// Decides a request that must be refused: exactly one WithdrawalRequestFailed, which the
// aggregate can replay, and the error the engine returns for it.
const failureFrom = (command: RequestWithdrawal) => {
  const decision = withdrawalDecider.decide(command, withdrawalDecider.initialState)
  if (decision._tag === 'Left') throw new Error(`rejected: ${decision.left.code}`)
  expect(decision.right.map((event) => event.type)).toEqual(['WithdrawalRequestFailed'])
  const state = foldEvents(withdrawalDecider.evolve, withdrawalDecider.initialState, decision.right)
  expect(state.status).toBe('failed')
  const failure = withdrawalFailureOf(decision.right)
  expect(failure?.details).toEqual({ withdrawalId: ID })
  return failure
}
const refusalCode = (command: RequestWithdrawal) => failureFrom(command)?.code

// ---------------------------------------------------------------- request

describe('RequestWithdrawal', () => {
  it('records the request with amount and fee to hold, the destination as sealed by the engine', () =>
    spec.given([]).when(request()).then([requested()]))

  it('records a zero fee when none is given', () => {
    const { fee: _fee, ...withoutFee } = request()
    spec
      .given([])
      .when(withoutFee)
      .then([requested({ fee: '0.00' as DecimalString })])
  })

  it('records a crypto destination with its network', () =>
    spec
      .given([])
      .when(request({ destination: CRYPTO }))
      .then([requested({ destination: CRYPTO })]))

  it('is a replay when the same request comes again', () =>
    spec.given([requested()]).when(request()).thenNothing())

  it('is a replay of a refused request too', () =>
    spec
      .given([refused('account_frozen', 'frozen')])
      .when(request())
      .thenNothing())

  it('rejects the same key with other fields', () =>
    spec
      .given([requested()])
      .when(request({ fingerprint: 'b'.repeat(64) as Sha256Hex }))
      .thenRejects('idempotency_key_reused'))

  it('rejects a zero amount, writing nothing', () =>
    spec
      .given([])
      .when(request({ amount: '0.00' as DecimalString }))
      .thenRejects('amount_not_positive'))

  it('rejects a fee of another scale than the amount', () => {
    const error = spec
      .given([])
      .when(request({ fee: '1.5' as DecimalString }))
      .thenRejects('invalid_input')
    expect(error.details).toEqual({ path: 'fee' })
  })

  it('rejects sender facts of another account', () =>
    spec
      .given([])
      .when(request({ sender: sender({ accountId: 'bob' as AccountId }) }))
      .thenRejects('invalid_input'))

  it('rejects a closed account, writing nothing', () =>
    spec
      .given([])
      .when(request({ sender: sender({ status: 'closed' }) }))
      .thenRejects('account_closed'))
})

describe('RequestWithdrawal refusals, recorded as the only event', () => {
  it('refuses a frozen account (account_frozen), before any other check', () =>
    expect(refusalCode(request({ sender: sender({ status: 'frozen', available: 0n }) }))).toBe(
      'account_frozen',
    ))

  it('refuses without two-factor when it is on (security_check_failed)', () =>
    expect(
      refusalCode(
        request({
          sender: sender({ security: { hasTwoFactor: true, hasPaymentPassword: false } }),
        }),
      ),
    ).toBe('security_check_failed'))

  it('refuses an authorization that was not verified', () => {
    const failure = failureFrom(
      request({ authorization: { method: 'payment_password', verified: false } }),
    )
    expect(failure?.code).toBe('security_check_failed')
    expect(failure?.message).toBe('the payment_password check was not passed')
  })

  it('requires two-factor when amount + fee is above the step-up threshold', () => {
    const withPassword = (stepUpAbove: bigint) =>
      request({
        sender: sender({
          security: { hasTwoFactor: false, hasPaymentPassword: true },
          limits: { stepUpAbove },
        }),
        authorization: { method: 'payment_password', verified: true },
      })
    expect(failureFrom(withPassword(10_149n))?.message).toBe(
      'this withdrawal needs two-factor verification',
    )
    spec.given([]).when(withPassword(10_150n)).then([requested()])
  })

  it('accepts a verified two-factor when two-factor is on', () =>
    spec
      .given([])
      .when(
        request({
          sender: sender({ security: { hasTwoFactor: true, hasPaymentPassword: true } }),
          authorization: { method: 'two_factor', verified: true },
        }),
      )
      .then([requested()]))

  it('refuses amount + fee above the per-payment limit (limit_exceeded); the limit is inclusive', () => {
    expect(refusalCode(request({ sender: sender({ limits: { perPaymentMax: 10_149n } }) }))).toBe(
      'limit_exceeded',
    )
    spec
      .given([])
      .when(request({ sender: sender({ limits: { perPaymentMax: 10_150n } }) }))
      .then([requested()])
  })

  it("refuses what would go over today's limit", () =>
    expect(
      refusalCode(
        request({ sender: sender({ limits: { perDayMax: 20_000n }, spentToday: 9_851n }) }),
      ),
    ).toBe('limit_exceeded'))

  it('refuses when available is below amount + fee (insufficient_balance)', () => {
    expect(refusalCode(request({ sender: sender({ available: 10_149n }) }))).toBe(
      'insufficient_balance',
    )
    spec
      .given([])
      .when(request({ sender: sender({ available: 10_150n }) }))
      .then([requested()])
  })
})

// ---------------------------------------------------------------- identity check

describe('VerifyWithdrawalIdentity', () => {
  it('records a passed check', () => spec.given([requested()]).when(verify(true)).then([verified]))

  it('records a failed check as a rejection (the hold is released)', () =>
    spec
      .given([requested()])
      .when(verify(false))
      .then([
        { type: 'WithdrawalRejected', schemaVersion: 1, data: { withdrawalId: ID, at: LATER } },
      ]))

  it('rejects a withdrawal that does not exist', () =>
    spec.given([]).when(verify(true)).thenRejects('withdrawal_not_found'))

  it('rejects a second check', () =>
    spec.given([requested(), verified]).when(verify(true)).thenRejects('invalid_transition'))

  it('rejects a check of a refused request', () =>
    spec
      .given([refused('insufficient_balance', 'short')])
      .when(verify(true))
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- submission

describe('SubmitWithdrawal', () => {
  const submittedWith = (
    expectedBy: ReturnType<typeof window>,
    bankReference?: string,
  ): WithdrawalEvent => ({
    type: 'WithdrawalSubmitted',
    schemaVersion: 1,
    data: {
      withdrawalId: ID,
      expectedBy,
      at: LATER,
      ...(bankReference === undefined ? {} : { bankReference }),
    },
  })

  it('stores the window: a Friday-morning submission settles Monday to Wednesday', () =>
    spec
      .given([requested(), verified])
      .when({ ...submit('2026-11-27', '09:00'), bankReference: 'BR-1' } as WithdrawalCommand)
      .then([submittedWith(window('2026-11-30', '2026-12-02'), 'BR-1')]))

  it('counts a submission after the cut-off from the next business day', () =>
    spec
      .given([requested(), verified])
      .when(submit('2026-11-27', '16:30'))
      .then([submittedWith(window('2026-12-01', '2026-12-03'))]))

  it('skips a holiday (Christmas on a Friday)', () =>
    spec
      .given([requested(), verified])
      .when(submit('2026-12-24', '10:00', ['2026-12-25']))
      .then([submittedWith(window('2026-12-28', '2026-12-30'))]))

  it('rejects a submission before the identity check', () =>
    spec.given([requested()]).when(submit('2026-11-27', '09:00')).thenRejects('invalid_transition'))

  it('rejects a second submission', () =>
    spec
      .given([requested(), verified, submitted])
      .when(submit('2026-11-27', '09:00'))
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- completion and return

describe('CompleteWithdrawal', () => {
  it('records the payout: account debited amount + fee, amount to bank outflow, fee to fees', () => {
    const [event] = spec
      .given([requested(), verified, submitted])
      .when(complete())
      .then([completed])
    expect(event?.type === 'WithdrawalCompleted' && isBalanced(event.data.entry)).toBe(true)
  })

  it('pays a crypto withdrawal out through its network account, with no fee leg when the fee is 0', () =>
    spec
      .given([
        requested({ destination: CRYPTO, fee: '0.00' as DecimalString }),
        verified,
        submitted,
      ])
      .when(complete())
      .then([
        {
          type: 'WithdrawalCompleted',
          schemaVersion: 1,
          data: {
            withdrawalId: ID,
            entry: {
              entryId: 'e-payout',
              legs: legs(
                ['alice', '100.00', 'debit'],
                ['world:crypto:ethereum', '100.00', 'credit'],
              ),
            },
            at: LATER,
          },
        },
      ]))

  it('is a replay when the same completion step runs again', () =>
    spec.given([requested(), verified, submitted, completed]).when(complete()).thenNothing())

  it('rejects completing a withdrawal not submitted', () =>
    spec.given([requested(), verified]).when(complete()).thenRejects('invalid_transition'))

  it('rejects completing again with another entry', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(complete('e-other'))
      .thenRejects('invalid_transition'))
})

describe('ReturnWithdrawal', () => {
  const returned: WithdrawalEvent = {
    type: 'WithdrawalReturned',
    schemaVersion: 1,
    data: {
      withdrawalId: ID,
      reason: 'account closed at the bank',
      entry: {
        entryId: 'e-return',
        legs: legs(['world:bank-outflow', '100.00', 'debit'], ['alice', '100.00', 'credit']),
      },
      at: LATER,
    },
  }

  it('credits the amount back from the bank outflow; the fee is kept', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(returnCommand())
      .then([returned]))

  it('is a replay when the same return step runs again', () =>
    spec
      .given([requested(), verified, submitted, completed, returned])
      .when(returnCommand())
      .thenNothing())

  it('rejects a return before completion', () =>
    spec
      .given([requested(), verified, submitted])
      .when(returnCommand())
      .thenRejects('invalid_transition'))

  it('rejects a second return', () =>
    spec
      .given([requested(), verified, submitted, completed, returned])
      .when(returnCommand('e-2'))
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- failure and cancellation

describe('FailWithdrawal', () => {
  const failed: WithdrawalEvent = {
    type: 'WithdrawalFailed',
    schemaVersion: 1,
    data: { withdrawalId: ID, reason: 'bank refused the transfer', at: LATER },
  }

  it.each([
    ['requested', [requested()]],
    ['verified', [requested(), verified]],
    ['submitted', [requested(), verified, submitted]],
  ])('fails a %s withdrawal (the hold is released)', (_status, given) => {
    spec.given(given).when(fail).then([failed])
  })

  it('rejects failing a completed withdrawal', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(fail)
      .thenRejects('invalid_transition'))
})

describe('CancelWithdrawal', () => {
  const cancelled: WithdrawalEvent = {
    type: 'WithdrawalCancelled',
    schemaVersion: 1,
    data: { withdrawalId: ID, reason: 'account frozen', at: LATER },
  }

  it.each([
    ['requested', [requested()]],
    ['verified', [requested(), verified]],
  ])('cancels a %s withdrawal on freeze (the hold is released)', (_status, given) => {
    spec.given(given).when(cancel).then([cancelled])
  })

  it('cannot recall a submitted withdrawal', () => {
    const error = spec
      .given([requested(), verified, submitted])
      .when(cancel)
      .thenRejects('invalid_transition')
    expect(error.message).toMatch(/cannot be recalled/)
  })

  it('rejects cancelling a completed withdrawal', () =>
    spec
      .given([requested(), verified, submitted, completed])
      .when(cancel)
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- evolve, view, stream

describe('evolve, view and stream', () => {
  it('asserts on an event that cannot follow the state', () =>
    expect(() =>
      foldEvents(withdrawalDecider.evolve, withdrawalDecider.initialState, [
        requested(),
        completed,
      ]),
    ).toThrow(/cannot follow/))

  it('shows strings only, with the window once submitted and the reason once failed', () => {
    const view = (events: WithdrawalEvent[]) =>
      withdrawalView(foldEvents(withdrawalDecider.evolve, withdrawalDecider.initialState, events))
    expect(view([])).toBeUndefined()
    expect(view([requested()])).toEqual({
      withdrawalId: ID,
      status: 'requested',
      asset: 'USD',
      amount: '100.00',
      fee: '1.50',
    })
    expect(view([requested(), verified, submitted, completed])).toMatchObject({
      status: 'completed',
      expectedBy: { earliest: '2026-11-30', latest: '2026-12-02' },
    })
    expect(view([refused('insufficient_balance', 'short')])).toMatchObject({
      status: 'failed',
      failureReason: 'short',
    })
  })

  it('names the stream, with an optional namespace', () => {
    expect(withdrawalStream('w1')).toBe('withdrawal-w1')
    expect(withdrawalStream('w1', 'acme')).toBe('acme.withdrawal-w1')
  })
})
