// Chapter 4: disputes. Ivan's desk lamp never arrives: he disputes the payment, both sides submit
// evidence, the merchant contests, support takes the case (the escalation) and decides for Ivan,
// who is refunded (Tuesday to Thursday). Then Judy's phone is stolen: the thief pays a shop at night, Judy reports it in
// the morning, her account is frozen, the payment disputed and refunded when the shop accepts.
import { createHash } from 'node:crypto'
import type { DisputeView, PaymentView } from '@wallet-ledger/core'
import type { DemoStage } from './demoStage.js'
import { must, refusalOf } from './demoStage.js'
import { PAYMENT_ALIGN, PAYMENT_HEAD, paymentRow } from './payments.js'

const sha256Of = (text: string): string => createHash('sha256').update(text).digest('hex')

/** Ivan's dispute, from his payment on Tuesday to the refund on Thursday. */
export const lampDispute = async (stage: DemoStage): Promise<void> => {
  const { ledger } = stage
  stage.moveTo('2026-11-24T20:00')
  stage.heading('Tuesday 20:00: ivan buys a desk lamp online (80.00 CNY)')
  const paid = must(
    await ledger.pay({
      channel: 'online',
      payer: 'ivan',
      payee: 'online-mall',
      asset: 'CNY',
      amount: '80.00',
      memo: 'order 5521: a desk lamp',
      idempotencyKey: 'ivan-order-5521',
    }),
  )
  stage.table(PAYMENT_HEAD, [paymentRow(paid)], PAYMENT_ALIGN)
  stage.payments.set('lamp', paid)

  stage.heading('Thursday: the lamp has not arrived; a dispute with evidence')
  const steps: string[][] = []
  const step = (label: string, view: DisputeView): void => {
    steps.push([
      stage.time(stage.now().toISOString()),
      label,
      view.status,
      `${view.evidence.length}`,
    ])
  }
  stage.moveTo('2026-11-26T09:00')
  const opened = must(
    await ledger.openDispute({
      paymentId: paid.paymentId,
      reason: 'not_received',
      idempotencyKey: 'ivan-dispute-5521',
    }),
  )
  const { disputeId } = opened
  step('ivan opens a dispute (not_received); 80.00 held from online-mall', opened)
  stage.moveTo('2026-11-26T10:00')
  const chat = 'Order 5521. ivan: where is my lamp? mall: shipped soon.'
  step(
    'ivan submits chat-log-order-5521.txt',
    must(
      await ledger.submitEvidence({
        disputeId,
        by: 'payer',
        reference: 'chat-log-order-5521.txt',
        sha256: sha256Of(chat),
      }),
    ),
  )
  stage.moveTo('2026-11-26T15:00')
  const label = 'Shipping label SF1234567890, never scanned by the carrier.'
  must(
    await ledger.submitEvidence({
      disputeId,
      by: 'payee',
      reference: 'label-SF1234567890.pdf',
      sha256: sha256Of(label),
    }),
  )
  step(
    'online-mall submits label-SF1234567890.pdf and contests',
    must(await ledger.respondToDispute({ disputeId, response: 'contest' })),
  )
  stage.moveTo('2026-11-26T16:00')
  step('support takes the case: escalated', must(await ledger.escalateDispute({ disputeId })))
  stage.moveTo('2026-11-26T17:00')
  const resolved = must(await ledger.resolveDispute({ disputeId, outcome: 'payer' }))
  step('the label was never scanned: resolved for ivan, refunded', resolved)
  stage.table(['at', 'step', 'dispute status', 'evidence'], steps)
  stage.table(
    ['evidence by', 'reference', 'sha-256'],
    resolved.evidence.map((item) => [item.by, item.reference, item.sha256]),
  )
  await refundLine(stage, paid, disputeId)
}

/** The payment after its dispute, and the refund the dispute paid (the history row names it). */
const refundLine = async (
  stage: DemoStage,
  paid: PaymentView,
  disputeId: string,
): Promise<void> => {
  const after = must(await stage.ledger.payment(paid.paymentId))
  const history = must(await stage.ledger.history(paid.payer, { asset: paid.asset }))
  const refundRows = history.entries.filter(
    (entry) => entry.disputeId === disputeId && entry.direction === 'in',
  )
  const refunded = refundRows.map((entry) => entry.amount).join(' + ') || '0.00'
  stage.table(PAYMENT_HEAD, [paymentRow(after)], PAYMENT_ALIGN)
  stage.say(`The dispute refunded ${refunded} ${paid.asset} to ${paid.payer}.`)
}

/** Judy's stolen phone, Saturday: the night payment, the report, the refund. */
export const stolenPhone = async (stage: DemoStage): Promise<void> => {
  const { ledger } = stage
  stage.moveTo('2026-11-28T02:10')
  stage.heading("Saturday 02:10: judy's phone is stolen and the thief pays a shop")
  const spree = {
    channel: 'merchant_qr',
    payer: 'judy',
    payee: 'electronics-shop',
    asset: 'CNY',
  } as const
  const stolen = must(await ledger.pay({ ...spree, amount: '299.00', idempotencyKey: 'thief-1' }))
  stage.table(PAYMENT_HEAD, [paymentRow(stolen)], PAYMENT_ALIGN)

  stage.moveTo('2026-11-28T08:00')
  stage.heading('08:00: judy reports the theft: her account is frozen, the payment disputed')
  const rows: string[][] = []
  const row = (what: string, result: string): void => {
    rows.push([stage.time(stage.now().toISOString()), what, result])
  }
  const reported = must(
    await ledger.reportUnauthorized({ accountId: 'judy', paymentIds: [stolen.paymentId] }),
  )
  const [disputeId] = reported.disputeIds
  if (disputeId === undefined) throw new Error('demo: reportUnauthorized opened no dispute')
  const account = must(await ledger.account('judy'))
  row(
    `judy reports payment ${stolen.paymentId.slice(0, 8)}`,
    `account ${account.status}, dispute opened`,
  )
  stage.moveTo('2026-11-28T08:05')
  const again = refusalOf(
    await ledger.pay({ ...spree, amount: '150.00', idempotencyKey: 'thief-2' }),
    'the thief pays again',
  )
  row('the thief tries 150.00 more', `refused: ${again.code}`)
  stage.moveTo('2026-11-28T11:05')
  const accepted = must(await ledger.respondToDispute({ disputeId, response: 'accept' }))
  row(
    'electronics-shop accepts the dispute',
    `${accepted.status}: ${accepted.refunded} ${accepted.asset} back to judy`,
  )
  stage.table(['at', 'what happens', 'result'], rows)
  stage.say('A frozen account still receives: the refund reached judy while she was frozen.')
}
