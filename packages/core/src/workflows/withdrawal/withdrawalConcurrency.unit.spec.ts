// Proves concurrent identity checks of one withdrawal all get its final view on both executors:
// twenty `verifyWithdrawalIdentity({ passed: false })` at once each answer `rejected` (a caller
// that lost the race resumes from the recorded step instead of failing with invalid_transition),
// and the hold is released by then, without recover().
import { describe, expect, it } from 'vitest'
import { createLedger } from '../../ledger/createLedger.js'
import { createMemoryEventStore } from '../../store/memoryEventStore.js'
import { rightOf } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../ledger/result.js'

const BANK = {
  type: 'bank_account' as const,
  bank: 'ACME Bank',
  accountNumber: 'DE44500105175407324931',
}
const CALLERS = 20

describe.each(['atomic', 'stepwise'] as const)('concurrent identity checks (%s)', (executor) => {
  it.each([false, true])('passed: %s: every caller gets the final view', async (passed) => {
    const store = createMemoryEventStore({ atomicAppendMany: executor === 'atomic' })
    const ledger = await createLedger({ store, executor })
    rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    const source = { type: 'bank_transfer' as const, reference: 'a' }
    rightOf(
      await ledger.deposit({
        accountId: 'alice',
        asset: 'USD',
        amount: '100.00',
        source,
        idempotencyKey: 'd',
      }),
    )
    const { withdrawalId } = rightOf(
      await ledger.requestWithdrawal({
        accountId: 'alice',
        asset: 'USD',
        amount: '11.00',
        destination: BANK,
        idempotencyKey: 'w',
      }),
    )
    const answers = await Promise.all(
      Array.from({ length: CALLERS }, () =>
        ledger.verifyWithdrawalIdentity({ withdrawalId, passed }),
      ),
    )
    const status = passed ? 'verified' : 'rejected'
    expect(
      answers.map((answer) => (answer._tag === 'Right' ? answer.right.status : answer.left.code)),
    ).toEqual(Array.from({ length: CALLERS }, () => status))
    expect(rightOf(await ledger.balances('alice'))['USD']).toEqual({
      available: passed ? '89.00' : '100.00',
      held: passed ? '11.00' : '0.00',
      total: '100.00',
    })
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, violations: [] })
    expect(await ledger.recover()).toEqual({ finished: 0, reversed: 0 })
  })
})
