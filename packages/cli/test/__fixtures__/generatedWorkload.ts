// A generated week of a wallet for the plain-text export tests: the operations fast-check draws
// (workloadOps.ts) run on a real ledger, each workflow moved along its way from where it stands.
// Refusals are part of the workload: they write their failure records too.
import { createHash } from 'node:crypto'
import type { Ledger } from '@wallet-ledger/core'
import type { WorkloadOp } from './workloadOps.js'
import { ASSETS, CHANNELS, MERCHANTS, PARTIES, QUOTES, USERS } from './workloadOps.js'

const PROMOTION_ID = 'spring'
const PASSWORD_OK = { method: 'payment_password', verified: true } as const

/** A clock the workload moves on by a few hours per operation (withdrawals settle, deadlines pass). */
export const workloadClock = (): { now: () => Date; advance: (hours: number) => void } => {
  let ms = Date.parse('2026-11-23T01:00:00.000Z')
  return { now: () => new Date(ms), advance: (hours) => (ms += hours * 3_600_000) }
}

/** Opens the accounts, funds every one in every asset, then runs the operations. */
export const runWorkload = async (
  ledger: Ledger,
  ops: readonly WorkloadOp[],
  advance: (hours: number) => void,
): Promise<void> => {
  for (const id of USERS) await ledger.openAccount({ accountId: id, kind: 'user' })
  for (const [id, rate] of MERCHANTS) {
    await ledger.openAccount({ accountId: id, kind: 'merchant', merchantFeeRate: rate })
  }
  await ledger.createPromotion({
    promotionId: PROMOTION_ID,
    asset: 'CNY',
    budget: '60.00',
    discount: { percent: '10' },
  })
  for (const id of PARTIES) {
    for (const { code } of ASSETS) {
      const amount = code === 'BTC' ? '0.5' : '2000'
      await ledger.deposit({
        accountId: id,
        asset: code,
        amount,
        source: { type: 'bank_transfer', reference: `fund-${id}` },
        idempotencyKey: `fund-${id}-${code}`,
      })
    }
  }
  const payments: string[] = []
  // Manual-capture payments, which captures and cancels pick from.
  const held: string[] = []
  const disputes: string[] = []
  const withdrawals: string[] = []
  const chosen = (ids: readonly string[], index: number): string | undefined =>
    ids.length === 0 ? undefined : ids[ids.length - 1 - (index % ids.length)]
  for (const [index, op] of ops.entries()) {
    advance(op.op === 'withdrawalStep' ? 20 : 3)
    const key = `op-${index}`
    switch (op.op) {
      case 'deposit': {
        const source = [
          { type: 'bank_transfer' as const, reference: key },
          { type: 'card' as const, reference: key },
          { type: 'crypto' as const, reference: key, network: 'tron' },
        ][op.source]!
        await ledger.deposit({
          accountId: PARTIES[op.to]!,
          asset: ASSETS[op.asset]!.code,
          amount: op.amount,
          source,
          idempotencyKey: key,
        })
        break
      }
      case 'pay':
      case 'payWithPromotion':
      case 'payManual': {
        const paid = await ledger.pay({
          // Manual capture is for online checkout only.
          channel:
            op.op === 'pay'
              ? CHANNELS[op.channel]!
              : op.op === 'payManual'
                ? 'online'
                : 'merchant_qr',
          payer: PARTIES[op.payer]!,
          payee: PARTIES[op.payee]!,
          asset: op.op === 'pay' ? ASSETS[op.asset]!.code : 'CNY',
          amount: op.amount,
          authorization: PASSWORD_OK,
          ...(op.op === 'payWithPromotion' ? { promotionId: PROMOTION_ID } : {}),
          ...(op.op === 'payManual' ? { capture: 'manual' as const } : {}),
          idempotencyKey: key,
        })
        if (paid._tag === 'Right') payments.push(paid.right.paymentId)
        if (paid._tag === 'Right' && op.op === 'payManual') held.push(paid.right.paymentId)
        break
      }
      case 'capture':
      case 'cancel':
      case 'refundAll':
      case 'refundPart':
      case 'dispute': {
        const paymentId = chosen(
          op.op === 'capture' || op.op === 'cancel' ? held : payments,
          op.pick,
        )
        if (paymentId === undefined) break
        if (op.op === 'capture') await ledger.capturePayment({ paymentId })
        if (op.op === 'cancel') await ledger.cancelPayment({ paymentId })
        if (op.op === 'refundAll') await ledger.refund({ paymentId, idempotencyKey: key })
        if (op.op === 'refundPart')
          await ledger.refund({ paymentId, amount: '0.01', idempotencyKey: key })
        if (op.op === 'dispute') {
          const opened = await ledger.openDispute({
            paymentId,
            reason: 'not_received',
            idempotencyKey: key,
          })
          if (opened._tag === 'Right') disputes.push(opened.right.disputeId)
        }
        break
      }
      case 'disputeStep': {
        const disputeId = chosen(disputes, op.pick)
        if (disputeId !== undefined) await nextDisputeStep(ledger, disputeId, op.step, key)
        break
      }
      case 'withdraw': {
        const destination = op.crypto
          ? { type: 'crypto_address' as const, network: 'tron', address: `T${key}` }
          : { type: 'bank_account' as const, bank: 'ICBC', accountNumber: '6222020200112233' }
        const requested = await ledger.requestWithdrawal({
          accountId: PARTIES[op.from]!,
          asset: ASSETS[op.asset]!.code,
          amount: op.amount,
          fee: op.asset === 3 ? '0.0001' : '1',
          destination,
          authorization: PASSWORD_OK,
          idempotencyKey: key,
        })
        if (requested._tag === 'Right') withdrawals.push(requested.right.withdrawalId)
        break
      }
      case 'withdrawalStep': {
        const withdrawalId = chosen(withdrawals, op.pick)
        if (withdrawalId !== undefined) await nextWithdrawalStep(ledger, withdrawalId, op.step, key)
        break
      }
      case 'convert': {
        const [from, to, rate] = QUOTES[op.quote]!
        await ledger.convert({
          accountId: PARTIES[op.account]!,
          from: { asset: from, amount: op.amount },
          to: { asset: to },
          rate,
          authorization: PASSWORD_OK,
          idempotencyKey: key,
        })
        break
      }
      case 'adjust':
        await ledger.adjust({
          accountId: PARTIES[op.account]!,
          asset: ASSETS[op.asset]!.code,
          amount: op.amount,
          direction: op.credit ? 'credit' : 'debit',
          reason: 'operator correction',
          idempotencyKey: key,
        })
        break
      case 'stolen': {
        const paymentId = chosen(payments, op.pick)
        await ledger.reportUnauthorized({
          accountId: USERS[op.account]!,
          paymentIds: paymentId === undefined ? [] : [paymentId],
        })
        break
      }
    }
  }
}

/**
 * Moves a dispute one step on from where it stands, `branch` choosing among what may follow:
 * evidence, the payee's answer or escalation while open; escalation once answered; then an
 * outcome (for the payer in full or in part, for the payee, or legal).
 */
const nextDisputeStep = async (
  ledger: Ledger,
  disputeId: string,
  branch: number,
  key: string,
): Promise<void> => {
  const view = await ledger.dispute(disputeId)
  if (view._tag === 'Left') return
  const sha256 = createHash('sha256').update(key).digest('hex')
  switch (view.right.status) {
    case 'open':
      if (branch === 0)
        await ledger.submitEvidence({ disputeId, by: 'payer', reference: `${key}.txt`, sha256 })
      else if (branch <= 2)
        await ledger.respondToDispute({ disputeId, response: branch === 1 ? 'contest' : 'accept' })
      else await ledger.escalateDispute({ disputeId })
      return
    case 'responded':
      await ledger.escalateDispute({ disputeId })
      return
    case 'escalated': {
      const outcomes = [
        { outcome: 'payer' as const },
        { outcome: 'payer' as const, amount: '0.01' },
        { outcome: 'payee' as const },
        { outcome: 'legal' as const },
      ]
      await ledger.resolveDispute({ disputeId, ...outcomes[branch % outcomes.length]! })
      return
    }
    default:
      // A decided dispute: asking again must be refused and change nothing.
      await ledger.resolveDispute({ disputeId, outcome: 'payer' })
  }
}

/**
 * Moves a withdrawal one step on: identity checked (failed when `branch` is 1), submitted (or
 * failed, `branch` 5), then
 * completed or failed (`branch` 4 or 5), and a completed one now and then returned by the bank.
 */
const nextWithdrawalStep = async (
  ledger: Ledger,
  withdrawalId: string,
  branch: number,
  key: string,
): Promise<void> => {
  const view = await ledger.withdrawal(withdrawalId)
  if (view._tag === 'Left') return
  switch (view.right.status) {
    case 'requested':
      await ledger.verifyWithdrawalIdentity({ withdrawalId, passed: branch !== 1 })
      return
    case 'verified':
      if (branch === 5) await ledger.failWithdrawal({ withdrawalId, reason: 'bank details wrong' })
      else await ledger.submitWithdrawal({ withdrawalId, bankReference: key })
      return
    case 'submitted':
      if (branch >= 4) await ledger.failWithdrawal({ withdrawalId, reason: 'bank refused' })
      else await ledger.completeWithdrawal({ withdrawalId })
      return
    case 'completed':
      if (branch >= 3) await ledger.returnWithdrawal({ withdrawalId, reason: 'account closed' })
      return
    default:
      return
  }
}
