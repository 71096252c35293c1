// Proves the withdrawal workflow through createLedger (memory store, a clock moved by hand): the
// hold of amount + fee, the settlement window the submission records (Friday before and after the
// cut-off, a holiday), the payout to the outflow and fee accounts, the hold released on rejection,
// failure and cancellation by a freeze (a submitted one is left alone), the bank's return, and the
// destination sealed in the store. Balances are read back through `ledger.balances`.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS, cryptoNetworkAccount } from '@wallet-ledger/domain'
import { iterateAll } from '../../store/paging.js'
import { accountCommands } from '../account/accounts.js'
import {
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import {
  BANK,
  fundedAccount,
  positionOf,
  requested,
  submitted,
  usd,
} from '../../../test/workflows/__fixtures__/withdrawalFixtures.js'
import { orThrow } from '../../ledger/result.js'

const HOUR_MS = 60 * 60 * 1000
// 2026-11-27 is a Friday; the ledger runs in UTC with the default 16:00 cut-off.
const FRIDAY_MORNING = '2026-11-27T09:00:00.000Z'

describe('a withdrawal from request to payout', () => {
  it('holds amount + fee, settles Monday to Wednesday from a Friday morning, pays out', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    const { ledger } = fixture
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '40.00', 'w1', '1.50')
    expect(view).toMatchObject({ status: 'requested', asset: 'USD', amount: '40.00', fee: '1.50' })
    expect(await usd(fixture, 'alice')).toEqual({
      available: '58.50',
      held: '41.50',
      total: '100.00',
    })
    const sent = await submitted(fixture, view.withdrawalId)
    expect(sent.status).toBe('submitted')
    expect(sent.expectedBy).toEqual({ earliest: '2026-11-30', latest: '2026-12-02' })
    fixture.advance(72 * HOUR_MS)
    const done = rightOf(await ledger.completeWithdrawal({ withdrawalId: view.withdrawalId }))
    expect(done.status).toBe('completed')
    expect(await usd(fixture, 'alice')).toEqual({
      available: '58.50',
      held: '0.00',
      total: '58.50',
    })
    expect((await usd(fixture, SYSTEM_ACCOUNTS.fees)).total).toBe('1.50')
    expect((await usd(fixture, SYSTEM_ACCOUNTS.bankOutflow)).total).toBe('40.00')
    expect(rightOf(await ledger.withdrawal(view.withdrawalId))).toEqual(done)
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it('moves the same money on the step-by-step executor (stores without appendMany)', async () => {
    const fixture = await workflowLedger({ executor: 'stepwise' }, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '40.00', 'w1', '1.50')
    expect((await usd(fixture, 'alice')).held).toBe('41.50')
    await submitted(fixture, view.withdrawalId)
    rightOf(await fixture.ledger.completeWithdrawal({ withdrawalId: view.withdrawalId }))
    rightOf(await fixture.ledger.returnWithdrawal({ withdrawalId: view.withdrawalId, reason: 'r' }))
    expect(await usd(fixture, 'alice')).toEqual({
      available: '98.50',
      held: '0.00',
      total: '98.50',
    })
    expect((await usd(fixture, SYSTEM_ACCOUNTS.fees)).total).toBe('1.50')
    expect(orThrow(await fixture.ledger.audit()).violations).toEqual([])
  })

  it('counts from Monday when submitted after the cut-off on a Friday', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '10.00', 'w1')
    fixture.advance(7 * HOUR_MS) // 16:00 exactly is already after the cut-off
    const sent = await submitted(fixture, view.withdrawalId)
    expect(sent.expectedBy).toEqual({ earliest: '2026-12-01', latest: '2026-12-03' })
  })

  it('skips a holiday: a Friday morning before a closed Monday settles Tuesday to Thursday', async () => {
    const fixture = await workflowLedger({ holidays: ['2026-11-30'] }, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '10.00', 'w1')
    const sent = await submitted(fixture, view.withdrawalId)
    expect(sent.expectedBy).toEqual({ earliest: '2026-12-01', latest: '2026-12-03' })
  })

  it('pays a crypto withdrawal out through its network account', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    const destination = {
      type: 'crypto_address',
      network: 'ethereum',
      address: '0xabc123',
    } as const
    const view = rightOf(
      await fixture.ledger.requestWithdrawal({
        accountId: 'alice',
        asset: 'USD',
        amount: '25.00',
        destination,
        idempotencyKey: 'w1',
      }),
    )
    expect(view.fee).toBe('0.00')
    await submitted(fixture, view.withdrawalId)
    rightOf(await fixture.ledger.completeWithdrawal({ withdrawalId: view.withdrawalId }))
    expect((await usd(fixture, cryptoNetworkAccount('ethereum'))).total).toBe('25.00')
    expect(await usd(fixture, 'alice')).toEqual({
      available: '75.00',
      held: '0.00',
      total: '75.00',
    })
  })

  it('stores the destination sealed: no account number or address in clear, the network plain', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    await requested(fixture, 'alice', '10.00', 'w1')
    const crypto = {
      type: 'crypto_address',
      network: 'tron',
      address: 'TXsecretAddress99',
    } as const
    const key = 'w2'
    rightOf(
      await fixture.ledger.requestWithdrawal({
        ...{ accountId: 'alice', asset: 'USD', amount: '5.00', destination: crypto },
        idempotencyKey: key,
      }),
    )
    const stored: string[] = []
    for await (const event of iterateAll(fixture.context.store))
      stored.push(JSON.stringify(event.data))
    const all = stored.join('\n')
    expect(all).not.toContain(BANK.accountNumber)
    expect(all).not.toContain(BANK.bank)
    expect(all).not.toContain(crypto.address)
    expect(all).toContain('"network":"tron"')
  })
})

describe('a withdrawal that does not complete releases its hold', () => {
  it('rejected at the identity check', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '40.00', 'w1', '1.00')
    const id = view.withdrawalId
    const rejected = rightOf(
      await fixture.ledger.verifyWithdrawalIdentity({ withdrawalId: id, passed: false }),
    )
    expect(rejected.status).toBe('rejected')
    expect(await usd(fixture, 'alice')).toEqual({
      available: '100.00',
      held: '0.00',
      total: '100.00',
    })
  })

  it('failed by the bank after submission, with the reason in the view', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '40.00', 'w1', '1.00')
    await submitted(fixture, view.withdrawalId)
    const reason = 'the beneficiary account is closed'
    const failed = rightOf(
      await fixture.ledger.failWithdrawal({ withdrawalId: view.withdrawalId, reason }),
    )
    expect(failed).toMatchObject({ status: 'failed', failureReason: reason })
    expect(failed.expectedBy).toEqual({ earliest: '2026-11-30', latest: '2026-12-02' })
    expect(await usd(fixture, 'alice')).toEqual({
      available: '100.00',
      held: '0.00',
      total: '100.00',
    })
  })

  it('cancelled by a freeze before submission; a submitted one keeps its hold and completes', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    const { ledger } = fixture
    await fundedAccount(fixture, 'alice', '100.00')
    const waiting = await requested(fixture, 'alice', '10.00', 'w1')
    const checked = await requested(fixture, 'alice', '20.00', 'w2')
    rightOf(
      await ledger.verifyWithdrawalIdentity({ withdrawalId: checked.withdrawalId, passed: true }),
    )
    const sent = await requested(fixture, 'alice', '30.00', 'w3', '0.50')
    await submitted(fixture, sent.withdrawalId)
    rightOf(await ledger.freezeAccount({ accountId: 'alice', reason: 'phone stolen' }))
    expect(rightOf(await ledger.withdrawal(waiting.withdrawalId)).status).toBe('cancelled')
    expect(rightOf(await ledger.withdrawal(checked.withdrawalId)).status).toBe('cancelled')
    expect(rightOf(await ledger.withdrawal(sent.withdrawalId)).status).toBe('submitted')
    expect(await usd(fixture, 'alice')).toEqual({
      available: '69.50',
      held: '30.50',
      total: '100.00',
    })
    rightOf(await ledger.completeWithdrawal({ withdrawalId: sent.withdrawalId }))
    expect(await usd(fixture, 'alice')).toEqual({
      available: '69.50',
      held: '0.00',
      total: '69.50',
    })
  })

  it('cancelled at the next step when the freeze handler did not run (account frozen elsewhere)', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '10.00', 'w1')
    // The fixture's side context freezes without the handler, as a crash right after the freeze would.
    const sideAccounts = accountCommands(fixture.context)
    rightOf(await sideAccounts.freezeAccount({ accountId: 'alice', reason: 'x' }))
    const refused = leftOf(
      await fixture.ledger.submitWithdrawal({ withdrawalId: view.withdrawalId }),
    )
    expect(refused.code).toBe('account_frozen')
    expect(refused.details?.['withdrawalId']).toBe(view.withdrawalId)
    expect(rightOf(await fixture.ledger.withdrawal(view.withdrawalId)).status).toBe('cancelled')
    expect(await usd(fixture, 'alice')).toEqual({
      available: '100.00',
      held: '0.00',
      total: '100.00',
    })
  })
})

describe('a bank return after completion', () => {
  it('credits the amount back; the fee is kept', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    const { ledger } = fixture
    await fundedAccount(fixture, 'alice', '100.00')
    const view = await requested(fixture, 'alice', '40.00', 'w1', '2.00')
    await submitted(fixture, view.withdrawalId)
    rightOf(await ledger.completeWithdrawal({ withdrawalId: view.withdrawalId }))
    const reason = 'account number unknown at the beneficiary bank'
    const back = rightOf(await ledger.returnWithdrawal({ withdrawalId: view.withdrawalId, reason }))
    expect(back.status).toBe('returned')
    expect(await usd(fixture, 'alice')).toEqual({
      available: '98.00',
      held: '0.00',
      total: '98.00',
    })
    expect((await usd(fixture, SYSTEM_ACCOUNTS.bankOutflow)).total).toBe('0.00')
    expect((await usd(fixture, SYSTEM_ACCOUNTS.fees)).total).toBe('2.00')
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it('is refused with account_closed for a closed account, writing nothing', async () => {
    const fixture = await workflowLedger({}, FRIDAY_MORNING)
    const { ledger } = fixture
    await fundedAccount(fixture, 'alice', '40.00')
    const view = await requested(fixture, 'alice', '40.00', 'w1')
    await submitted(fixture, view.withdrawalId)
    rightOf(await ledger.completeWithdrawal({ withdrawalId: view.withdrawalId }))
    rightOf(await ledger.closeAccount({ accountId: 'alice' }))
    const before = await positionOf(fixture)
    const refused = leftOf(
      await ledger.returnWithdrawal({ withdrawalId: view.withdrawalId, reason: 'r' }),
    )
    expect(refused.code).toBe('account_closed')
    expect(refused.details).toMatchObject({ withdrawalId: view.withdrawalId, accountId: 'alice' })
    expect(await positionOf(fixture)).toBe(before)
    expect(rightOf(await ledger.withdrawal(view.withdrawalId)).status).toBe('completed')
  })
})
