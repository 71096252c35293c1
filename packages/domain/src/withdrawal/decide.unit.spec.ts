// Proves the request and the identity check of a withdrawal (DESIGN.md section 3) with
// given/when/then: acceptance, replays, every rejection that writes nothing, and the business
// refusals recorded as the stream's only event with the error the engine returns.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import type { AccountId, DecimalString, Sha256Hex } from '../codecs/common.js'
import { foldEvents } from '../decider.js'
import type { RequestWithdrawal } from './commands.js'
import { storedWithdrawalFailure, withdrawalFailureOf } from './requestWithdrawal.js'
import { decodeInput } from '../codecs/report.js'
import { WithdrawalCommand } from './commandCodecs.js'
import { withdrawalDecider } from './withdrawalDecider.js'
import {
  CRYPTO,
  ID,
  LATER,
  refused,
  request,
  requested,
  sender,
  verified,
  verify,
} from '../../test/withdrawal/__fixtures__/withdrawalFixtures.js'

const spec = deciderSpec(withdrawalDecider)

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
  // A retried request finds the same error in the state it replays to.
  expect(storedWithdrawalFailure(state)).toEqual(failure)
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

  it('records nothing for the same answer again, and rejects another answer', () => {
    spec.given([requested(), verified]).when(verify(true)).then([])
    spec.given([requested(), verified]).when(verify(false)).thenRejects('invalid_transition')
  })

  it('rejects a check of a refused request', () =>
    spec
      .given([refused('insufficient_balance', 'short')])
      .when(verify(true))
      .thenRejects('invalid_transition'))
})

// ---------------------------------------------------------------- the boundary

describe('RequestWithdrawal input', () => {
  const encoded = () => WithdrawalCommand.encode(request()) as Record<string, unknown>

  it.each([
    ['destination.network', { type: 'crypto_address', network: 'Ethereum!', reference: 'x' }],
    ['destination.reference', { type: 'bank_account', reference: 'x'.repeat(2_049) }],
  ])('rejects a bad destination naming %s', (path, destination) => {
    const decoded = decodeInput(WithdrawalCommand, { ...encoded(), destination })
    expect(decoded._tag === 'Left' && decoded.left.details?.['path']).toBe(path)
  })

  it('rejects sender facts with a negative balance', () => {
    const sender = { ...(encoded()['sender'] as object), available: '-1' }
    const decoded = decodeInput(WithdrawalCommand, { ...encoded(), sender })
    expect(decoded._tag === 'Left' && decoded.left.details?.['path']).toBe('sender.available')
  })
})
