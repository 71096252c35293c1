// Proves refund through createLedger, on both executors: full, partial and several partial refunds
// move exactly the captured money back (fee included), every refusal writes nothing, a retry
// returns the payment without writing, and a frozen payee still refunds. Open disputes are
// recorded through the dispute decider (the dispute workflow is another helper's work).
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/domain'
import {
  eventCount,
  leftOf,
  recordDispute,
  rightOf,
  workflowLedger,
  worldTotals,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'

const usd = async (fixture: WorkflowLedger, accountId: string) =>
  rightOf(await fixture.ledger.balances(accountId))['USD']?.total

/** Alice (100.00) paid the shop (fee 1 %) 40.00 by QR: shop 39.60, fees 0.40. */
const paid = async (executor: 'atomic' | 'stepwise') => {
  const fixture = await workflowLedger({ executor })
  const { ledger } = fixture
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '1' }))
  const source = { type: 'bank_transfer', reference: 'r1' } as const
  rightOf(
    await ledger.deposit({
      accountId: 'alice',
      asset: 'USD',
      amount: '100',
      source,
      idempotencyKey: 'd1',
    }),
  )
  const payment = rightOf(
    await ledger.pay({
      channel: 'merchant_qr',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '40.00',
      idempotencyKey: 'p1',
    }),
  )
  return { fixture, paymentId: payment.paymentId }
}

describe.each(['atomic', 'stepwise'] as const)('refund (%s executor)', (executor) => {
  it('refunds everything when no amount is given, the fee too', async () => {
    const { fixture, paymentId } = await paid(executor)
    const view = rightOf(await fixture.ledger.refund({ paymentId, idempotencyKey: 'r1' }))
    expect(view).toMatchObject({ status: 'refunded', amount: '40.00', refunded: '40.00' })
    expect(await usd(fixture, 'alice')).toBe('100.00')
    expect(await usd(fixture, 'shop')).toBe('0.00')
    expect(await usd(fixture, SYSTEM_ACCOUNTS.fees)).toBe('0.00')
    expect(await worldTotals(fixture)).toEqual({ USD: 0n })
  })

  it('refunds part, taking the fee back pro rata', async () => {
    const { fixture, paymentId } = await paid(executor)
    const view = rightOf(
      await fixture.ledger.refund({ paymentId, amount: '10', idempotencyKey: 'r1' }),
    )
    expect(view).toMatchObject({ status: 'partially_refunded', refunded: '10.00' })
    expect(await usd(fixture, 'alice')).toBe('70.00')
    expect(await usd(fixture, 'shop')).toBe('29.70')
    expect(await usd(fixture, SYSTEM_ACCOUNTS.fees)).toBe('0.30')
  })

  it('lets several partial refunds sum exactly to the captured amount', async () => {
    const { fixture, paymentId } = await paid(executor)
    for (const [index, amount] of ['13.33', '13.33', '13.33', '0.01'].entries()) {
      rightOf(await fixture.ledger.refund({ paymentId, amount, idempotencyKey: `r${index}` }))
    }
    expect(rightOf(await fixture.ledger.payment(paymentId))).toMatchObject({
      status: 'refunded',
      refunded: '40.00',
    })
    expect(await usd(fixture, 'alice')).toBe('100.00')
    expect(await usd(fixture, 'shop')).toBe('0.00')
    expect(await usd(fixture, SYSTEM_ACCOUNTS.fees)).toBe('0.00')
    const over = leftOf(
      await fixture.ledger.refund({ paymentId, amount: '0.01', idempotencyKey: 'r9' }),
    )
    expect(over.code).toBe('refund_exceeds_captured')
  })

  it('still refunds from a frozen payee (the platform starts refunds)', async () => {
    const { fixture, paymentId } = await paid(executor)
    rightOf(await fixture.ledger.freezeAccount({ accountId: 'shop', reason: 'stolen phone' }))
    rightOf(await fixture.ledger.refund({ paymentId, amount: '5', idempotencyKey: 'r1' }))
    expect(await usd(fixture, 'alice')).toBe('65.00')
    expect(await usd(fixture, 'shop')).toBe('34.65')
  })

  it('returns the payment as it is on a retry and writes nothing', async () => {
    const { fixture, paymentId } = await paid(executor)
    const first = rightOf(
      await fixture.ledger.refund({ paymentId, amount: '10.00', idempotencyKey: 'r1' }),
    )
    const before = await eventCount(fixture)
    fixture.advance(1_000)
    // '10' is the canonical '10.00': the same fields.
    const again = rightOf(
      await fixture.ledger.refund({ paymentId, amount: '10', idempotencyKey: 'r1' }),
    )
    expect(again).toEqual(first)
    expect(await eventCount(fixture)).toBe(before)
    expect(await usd(fixture, 'alice')).toBe('70.00')
  })
})

describe('refund refusals (nothing written)', () => {
  const refusedWith = async (
    fixture: WorkflowLedger,
    command: Parameters<WorkflowLedger['ledger']['refund']>[0],
  ) => {
    const before = await eventCount(fixture)
    const refused = leftOf(await fixture.ledger.refund(command))
    expect(await eventCount(fixture)).toBe(before)
    return refused
  }

  it('refund_exceeds_captured: more than captured, or more than what is left', async () => {
    const { fixture, paymentId } = await paid('atomic')
    const once = await refusedWith(fixture, { paymentId, amount: '40.01', idempotencyKey: 'r1' })
    expect(once).toMatchObject({
      code: 'refund_exceeds_captured',
      details: { refundable: '40.00' },
    })
    rightOf(await fixture.ledger.refund({ paymentId, amount: '30', idempotencyKey: 'r2' }))
    const rest = await refusedWith(fixture, { paymentId, amount: '10.01', idempotencyKey: 'r3' })
    expect(rest).toMatchObject({
      code: 'refund_exceeds_captured',
      details: { refundable: '10.00' },
    })
  })

  it('dispute_open: a dispute waiting for its outcome settles any refund', async () => {
    const { fixture, paymentId } = await paid('atomic')
    await recordDispute(fixture, paymentId, 0)
    const refused = await refusedWith(fixture, { paymentId, amount: '1', idempotencyKey: 'r1' })
    expect(refused).toMatchObject({ code: 'dispute_open', details: { paymentId } })
  })

  it('counts what resolved disputes refunded toward the captured amount', async () => {
    const { fixture, paymentId } = await paid('atomic')
    await recordDispute(fixture, paymentId, 0, '15.00')
    const refused = await refusedWith(fixture, { paymentId, amount: '25.01', idempotencyKey: 'r1' })
    expect(refused).toMatchObject({
      code: 'refund_exceeds_captured',
      details: { refundable: '25.00' },
    })
    rightOf(await fixture.ledger.refund({ paymentId, amount: '25', idempotencyKey: 'r2' }))
  })

  it('idempotency_key_reused: the same key with another amount', async () => {
    const { fixture, paymentId } = await paid('atomic')
    rightOf(await fixture.ledger.refund({ paymentId, amount: '10', idempotencyKey: 'r1' }))
    const refused = await refusedWith(fixture, { paymentId, amount: '11', idempotencyKey: 'r1' })
    expect(refused.code).toBe('idempotency_key_reused')
    const whole = await refusedWith(fixture, { paymentId, idempotencyKey: 'r1' })
    expect(whole.code).toBe('idempotency_key_reused')
  })

  it('payment_not_found', async () => {
    const { fixture } = await paid('atomic')
    const refused = await refusedWith(fixture, { paymentId: 'nope', idempotencyKey: 'r1' })
    expect(refused).toMatchObject({ code: 'payment_not_found', details: { paymentId: 'nope' } })
  })

  it('invalid_transition: a payment that was never captured', async () => {
    const { fixture } = await paid('atomic')
    const manual = rightOf(
      await fixture.ledger.pay({
        channel: 'online',
        payer: 'alice',
        payee: 'shop',
        asset: 'USD',
        amount: '5',
        capture: 'manual',
        idempotencyKey: 'p2',
      }),
    )
    const refused = await refusedWith(fixture, { paymentId: manual.paymentId, idempotencyKey: 'r' })
    expect(refused.code).toBe('invalid_transition')
  })

  it('insufficient_balance: the payee can no longer cover its share', async () => {
    const { fixture, paymentId } = await paid('atomic')
    rightOf(
      await fixture.ledger.adjust({
        accountId: 'shop',
        asset: 'USD',
        amount: '35',
        direction: 'debit',
        reason: 'payout',
        idempotencyKey: 'a1',
      }),
    )
    const refused = await refusedWith(fixture, { paymentId, amount: '10', idempotencyKey: 'r1' })
    expect(refused).toMatchObject({ code: 'insufficient_balance', details: { accountId: 'shop' } })
  })

  it.each([
    ['amount_precision_exceeded', { amount: '1.001' }],
    ['amount_not_positive', { amount: '0' }],
    ['invalid_input', { amount: 'ten' }],
    ['invalid_input', { idempotencyKey: '' }],
  ])('%s for bad input %j', async (code, change) => {
    const { fixture, paymentId } = await paid('atomic')
    const refused = await refusedWith(fixture, { paymentId, idempotencyKey: 'r1', ...change })
    expect(refused.code).toBe(code)
  })
})
