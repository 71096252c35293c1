// Small named steps for dispute workflow tests: a payer and a merchant with a settled payment
// between them, a digest of a piece of evidence, and a dispute taken to support.
import { createHash } from 'node:crypto'
import type { DisputeView } from '../../../src/ledger/types.js'
import { rightOf } from './workflowLedger.js'
import type { WorkflowLedger } from './workflowLedger.js'
import { fundedAccount } from './withdrawalFixtures.js'

/** The sha-256 of a document, as evidence records it. */
export const sha256Of = (document: string): string =>
  createHash('sha256').update(document).digest('hex')

/** Alice (100.00 USD) and the merchant 'shop', opened. */
export const aliceAndShop = async (fixture: WorkflowLedger): Promise<void> => {
  await fundedAccount(fixture, 'alice', '100.00')
  rightOf(await fixture.ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
}

/** An instant USD payment, captured; returns its id. */
export const paid = async (
  fixture: WorkflowLedger,
  payer: string,
  payee: string,
  amount: string,
  key: string,
): Promise<string> => {
  const payment = await fixture.ledger.pay({
    channel: 'merchant_qr',
    payer,
    payee,
    asset: 'USD',
    amount,
    idempotencyKey: key,
  })
  return rightOf(payment).paymentId
}

/**
 * Opens a 'not_received' dispute on a payment (the whole amount unless given), with the key
 * given, else one named after the payment and the amount (so the same call again is a retry).
 */
export const opened = async (
  fixture: WorkflowLedger,
  paymentId: string,
  amount?: string,
  idempotencyKey = `open-${paymentId}-${amount ?? 'all'}`,
): Promise<DisputeView> =>
  rightOf(
    await fixture.ledger.openDispute({
      paymentId,
      reason: 'not_received',
      idempotencyKey,
      ...(amount === undefined ? {} : { amount }),
    }),
  )

/** Opens a dispute (under `idempotencyKey` when given) and hands it to support. */
export const escalated = async (
  fixture: WorkflowLedger,
  paymentId: string,
  idempotencyKey?: string,
): Promise<string> => {
  const { disputeId } = await opened(fixture, paymentId, undefined, idempotencyKey)
  rightOf(await fixture.ledger.escalateDispute({ disputeId }))
  return disputeId
}
