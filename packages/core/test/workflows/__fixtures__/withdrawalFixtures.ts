// Small named steps for withdrawal workflow tests: a funded account, a request, the identity
// check and submission, and the balance of one asset, all through the public ledger.
import { assert } from '@wallet-ledger/domain'
import type { Balance, WithdrawalView } from '../../../src/ledger/types.js'
import { rightOf } from './workflowLedger.js'
import type { WorkflowLedger } from './workflowLedger.js'

/** A bank destination; the account number is what must never appear in the store in clear. */
export const BANK = {
  type: 'bank_account',
  bank: 'ACME Bank',
  accountNumber: 'DE44500105175407324931',
} as const

/** Opens `accountId` and deposits `amount` USD into it. */
export const fundedAccount = async (
  fixture: WorkflowLedger,
  accountId: string,
  amount: string,
): Promise<void> => {
  rightOf(await fixture.ledger.openAccount({ accountId, kind: 'user' }))
  const source = { type: 'bank_transfer' as const, reference: `dep-${accountId}` }
  const key = `dep-${accountId}`
  rightOf(
    await fixture.ledger.deposit({ accountId, asset: 'USD', amount, source, idempotencyKey: key }),
  )
}

/** Requests a USD withdrawal to the bank and expects it to be accepted. */
export const requested = async (
  fixture: WorkflowLedger,
  accountId: string,
  amount: string,
  key: string,
  fee?: string,
): Promise<WithdrawalView> =>
  rightOf(
    await fixture.ledger.requestWithdrawal({
      accountId,
      asset: 'USD',
      amount,
      ...(fee === undefined ? {} : { fee }),
      destination: BANK,
      idempotencyKey: key,
    }),
  )

/** Passes the identity check and submits, expecting both to succeed. */
export const submitted = async (
  fixture: WorkflowLedger,
  withdrawalId: string,
): Promise<WithdrawalView> => {
  rightOf(await fixture.ledger.verifyWithdrawalIdentity({ withdrawalId, passed: true }))
  return rightOf(await fixture.ledger.submitWithdrawal({ withdrawalId }))
}

/** The USD balance of an account ('0.00' everywhere when it never held USD). */
export const usd = async (fixture: WorkflowLedger, accountId: string): Promise<Balance> => {
  const balances = rightOf(await fixture.ledger.balances(accountId))
  return balances['USD'] ?? { available: '0.00', held: '0.00', total: '0.00' }
}

/** The store's next global position: a call that must write nothing leaves it unchanged. */
export const positionOf = async (fixture: WorkflowLedger): Promise<bigint> => {
  const head = await fixture.context.store.readHead()
  assert(head.nextPosition >= 0n, 'a store position is never negative')
  return head.nextPosition
}
