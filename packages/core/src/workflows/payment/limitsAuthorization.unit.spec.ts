// Proves through createLedger that raising a limit needs the authorization the payments it allows
// need (issue 7, item 4): the reported attack (step-up raised, then 5000.00 paid with no second
// factor) is refused and writes nothing; with two-factor it goes through; lowering needs none;
// a refusal names the loosened limits by the caller's field names.
import { describe, expect, it } from 'vitest'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { fundedAccount } from '../../../test/workflows/__fixtures__/withdrawalFixtures.js'

const payShop = (fixture: WorkflowLedger, amount: string, key: string) =>
  fixture.ledger.pay({
    channel: 'merchant_qr',
    payer: 'alice',
    payee: 'shop',
    asset: 'USD',
    amount,
    idempotencyKey: key,
  })

const aliceWithStepUp = async (): Promise<WorkflowLedger> => {
  const fixture = await workflowLedger()
  await fundedAccount(fixture, 'alice', '10000.00')
  rightOf(await fixture.ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
  rightOf(
    await fixture.ledger.setLimits({ accountId: 'alice', asset: 'USD', stepUpAbove: '100.00' }),
  )
  return fixture
}

describe('setLimits authorization', () => {
  it('refuses raising the step-up threshold with no second factor, so 5000.00 still needs one', async () => {
    const fixture = await aliceWithStepUp()
    const before = await eventCount(fixture)
    const raise = { accountId: 'alice', asset: 'USD', stepUpAbove: '99999999.00' }
    const refused = leftOf(await fixture.ledger.setLimits(raise))
    expect(refused).toMatchObject({
      code: 'security_check_failed',
      details: { required: 'two_factor', loosened: ['stepUpAbove'] },
    })
    expect(await eventCount(fixture)).toBe(before)
    expect(leftOf(await payShop(fixture, '5000.00', 'p1')).code).toBe('security_check_failed')
  })

  it('raises it with a passed two-factor check', async () => {
    const fixture = await aliceWithStepUp()
    const authorization = { method: 'two_factor' as const, verified: true }
    rightOf(
      await fixture.ledger.setLimits({
        accountId: 'alice',
        asset: 'USD',
        stepUpAbove: '99999999.00',
        authorization,
      }),
    )
    expect(rightOf(await payShop(fixture, '5000.00', 'p1')).status).toBe('completed')
  })

  it('lowers the threshold and adds a limit with no authorization', async () => {
    const fixture = await aliceWithStepUp()
    const lower = { accountId: 'alice', asset: 'USD', stepUpAbove: '50.00', perDay: '500.00' }
    rightOf(await fixture.ledger.setLimits(lower))
    expect(leftOf(await payShop(fixture, '60.00', 'p1')).code).toBe('security_check_failed')
  })

  it("names the loosened limits as the caller's fields (perPayment, perDay)", async () => {
    const fixture = await aliceWithStepUp()
    const limits = { accountId: 'alice', asset: 'USD', stepUpAbove: '100.00' }
    rightOf(await fixture.ledger.setLimits({ ...limits, perPayment: '50.00', perDay: '200.00' }))
    const refused = leftOf(await fixture.ledger.setLimits({ ...limits, perPayment: '60.00' }))
    expect(refused.code).toBe('security_check_failed')
    expect(refused.details?.loosened).toEqual(['perPayment', 'perDay'])
  })

  it('refuses an unverified authorization on a raise, naming it', async () => {
    const fixture = await aliceWithStepUp()
    const refused = leftOf(
      await fixture.ledger.setLimits({
        accountId: 'alice',
        asset: 'USD',
        authorization: { method: 'two_factor', verified: false },
      }),
    )
    expect(refused.code).toBe('security_check_failed')
    expect(refused.message).toMatch(/two-factor/)
  })
})
