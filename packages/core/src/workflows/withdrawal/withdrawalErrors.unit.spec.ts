// Proves every error code the withdrawal methods return, through createLedger: bad input and
// unknown ids write nothing; business refusals (frozen, security, limit, balance) are recorded as a
// failed withdrawal and returned with details.withdrawalId; a retry returns the first result and
// writes nothing, while the same key with other fields is idempotency_key_reused.
import { describe, expect, it } from 'vitest'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import {
  BANK,
  fundedAccount,
  positionOf,
  requested,
  usd,
} from '../../../test/workflows/__fixtures__/withdrawalFixtures.js'

const START = '2026-11-27T09:00:00.000Z'

const request = (fixture: WorkflowLedger, fields: Record<string, unknown> = {}) =>
  fixture.ledger.requestWithdrawal({
    accountId: 'alice',
    asset: 'USD',
    amount: '10.00',
    destination: BANK,
    idempotencyKey: 'w1',
    ...fields,
  } as Parameters<WorkflowLedger['ledger']['requestWithdrawal']>[0])

/** Runs a call that must be refused with `code` and write nothing. */
const refusedWithoutWrites = async (
  fixture: WorkflowLedger,
  call: () => Promise<unknown>,
  code: string,
) => {
  const before = await positionOf(fixture)
  const error = leftOf((await call()) as Parameters<typeof leftOf>[0])
  expect(error.code).toBe(code)
  expect(await positionOf(fixture)).toBe(before)
  return error
}

describe('requestWithdrawal refuses bad input, writing nothing', () => {
  it.each([
    ['invalid_input', { destination: { type: 'bank_account', bank: 'ACME' } }],
    [
      'invalid_input',
      { destination: { type: 'crypto_address', network: 'Bad Net', address: 'a' } },
    ],
    ['unknown_asset', { asset: 'XYZ' }],
    ['amount_precision_exceeded', { amount: '1.234' }],
    ['amount_precision_exceeded', { fee: '0.001' }],
    ['amount_not_positive', { amount: '0.00' }],
    ['account_not_found', { accountId: 'nobody' }],
  ])('%s for %j', async (code, fields) => {
    const fixture = await workflowLedger({}, START)
    await fundedAccount(fixture, 'alice', '100.00')
    await refusedWithoutWrites(fixture, () => request(fixture, fields), code)
  })

  it('account_closed for a closed account', async () => {
    const fixture = await workflowLedger({}, START)
    rightOf(await fixture.ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    rightOf(await fixture.ledger.closeAccount({ accountId: 'alice' }))
    await refusedWithoutWrites(fixture, () => request(fixture), 'account_closed')
  })
})

describe('requestWithdrawal records business refusals as a failed withdrawal', () => {
  const recorded = async (fixture: WorkflowLedger, code: string, fields = {}) => {
    const error = leftOf(await request(fixture, fields))
    expect(error.code).toBe(code)
    const withdrawalId = error.details?.['withdrawalId'] as string
    expect(rightOf(await fixture.ledger.withdrawal(withdrawalId))).toMatchObject({
      status: 'failed',
    })
    expect((await usd(fixture, 'alice')).held).toBe('0.00')
    // A retry with the same key and fields returns the recorded refusal and writes nothing.
    const before = await positionOf(fixture)
    expect(leftOf(await request(fixture, fields))).toEqual(error)
    expect(await positionOf(fixture)).toBe(before)
  }

  it('account_frozen', async () => {
    const fixture = await workflowLedger({}, START)
    await fundedAccount(fixture, 'alice', '100.00')
    rightOf(await fixture.ledger.freezeAccount({ accountId: 'alice', reason: 'stolen' }))
    await recorded(fixture, 'account_frozen')
  })

  it('insufficient_balance, counting the fee', async () => {
    const fixture = await workflowLedger({}, START)
    await fundedAccount(fixture, 'alice', '10.00')
    await recorded(fixture, 'insufficient_balance', { amount: '9.50', fee: '0.51' })
  })

  it('security_check_failed with two-factor on and no verified check', async () => {
    const fixture = await workflowLedger({}, START)
    await fundedAccount(fixture, 'alice', '100.00')
    rightOf(await fixture.ledger.enableTwoFactor({ accountId: 'alice' }))
    await recorded(fixture, 'security_check_failed')
  })

  it('limit_exceeded when amount + fee pass the per-payment limit', async () => {
    const fixture = await workflowLedger({}, START)
    await fundedAccount(fixture, 'alice', '100.00')
    rightOf(
      await fixture.ledger.setLimits({ accountId: 'alice', asset: 'USD', perPayment: '10.00' }),
    )
    await recorded(fixture, 'limit_exceeded', { amount: '9.50', fee: '0.51' })
  })
})

describe('idempotency', () => {
  it('returns the first result for a retry and idempotency_key_reused for other fields', async () => {
    const fixture = await workflowLedger({}, START)
    await fundedAccount(fixture, 'alice', '100.00')
    const first = await requested(fixture, 'alice', '10.00', 'w1')
    const before = await positionOf(fixture)
    expect(rightOf(await request(fixture))).toEqual(first)
    expect(await positionOf(fixture)).toBe(before)
    const otherDestination = { ...BANK, accountNumber: 'GB29NWBK60161331926819' }
    await refusedWithoutWrites(
      fixture,
      () => request(fixture, { destination: otherDestination }),
      'idempotency_key_reused',
    )
    await refusedWithoutWrites(
      fixture,
      () => request(fixture, { amount: '10.01' }),
      'idempotency_key_reused',
    )
  })
})

describe('the later steps', () => {
  it('withdrawal_not_found for an unknown id, invalid_input for a malformed one', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    expect(leftOf(await ledger.withdrawal('missing')).code).toBe('withdrawal_not_found')
    await refusedWithoutWrites(
      fixture,
      () => ledger.verifyWithdrawalIdentity({ withdrawalId: 'missing', passed: true }),
      'withdrawal_not_found',
    )
    await refusedWithoutWrites(
      fixture,
      () => ledger.completeWithdrawal({ withdrawalId: 'not an id!' }),
      'invalid_input',
    )
  })

  it('invalid_transition out of order, and a completion replayed records nothing', async () => {
    const fixture = await workflowLedger({}, START)
    const { ledger } = fixture
    await fundedAccount(fixture, 'alice', '100.00')
    const { withdrawalId } = await requested(fixture, 'alice', '10.00', 'w1')
    await refusedWithoutWrites(
      fixture,
      () => ledger.submitWithdrawal({ withdrawalId }),
      'invalid_transition',
    )
    await refusedWithoutWrites(
      fixture,
      () => ledger.returnWithdrawal({ withdrawalId, reason: 'r' }),
      'invalid_transition',
    )
    rightOf(await ledger.verifyWithdrawalIdentity({ withdrawalId, passed: true }))
    rightOf(await ledger.submitWithdrawal({ withdrawalId }))
    await refusedWithoutWrites(
      fixture,
      () => ledger.verifyWithdrawalIdentity({ withdrawalId, passed: true }),
      'invalid_transition',
    )
    rightOf(await ledger.completeWithdrawal({ withdrawalId }))
    const before = await positionOf(fixture)
    expect(rightOf(await ledger.completeWithdrawal({ withdrawalId })).status).toBe('completed')
    expect(await positionOf(fixture)).toBe(before)
    await refusedWithoutWrites(
      fixture,
      () => ledger.failWithdrawal({ withdrawalId, reason: 'late' }),
      'invalid_transition',
    )
  })
})
