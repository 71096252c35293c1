// Scenario 9: a dispute with evidence. The payer says an online order never arrived; the paid
// amount is held from the merchant while the dispute is open; both sides submit a document by
// reference and sha-256 (computed here with node:crypto); the merchant contests, support takes the
// case and decides for the payer, who is refunded in full.
import { createHash } from 'node:crypto'
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import type { DisputeView, Ledger } from '@wallet-ledger/core'
import { balanceText } from './kit/balances.js'
import { DAY_MS, HOUR_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

/** The sha-256 of a document, as lowercase hex. */
const sha256Of = (document: string): string => createHash('sha256').update(document).digest('hex')

/** The merchant's CNY balance as one line. */
const mallLine = async (ledger: Ledger): Promise<string> => {
  const cny = orThrow(await ledger.balances('online-mall'))['CNY']
  return `  online-mall: ${cny === undefined ? 'no CNY' : balanceText(cny)}`
}

const statusLine = (view: DisputeView): string =>
  `  dispute ${view.status}, ${view.evidence.length} piece(s) of evidence`

/** The scenario: Ivan's 80.00 CNY order never arrives; he disputes it and gets his money back. */
export const disputeWithEvidence: Scenario = {
  title: '9. Dispute with evidence, refunded to the payer',
  start: '2026-04-01T10:00:00.000Z',
  accounts: ['ivan', 'online-mall', SYSTEM_ACCOUNTS.bankInflow],
  play: async ({ ledger, say, advance }) => {
    orThrow(await ledger.openAccount({ accountId: 'ivan', kind: 'user' }))
    orThrow(await ledger.openAccount({ accountId: 'online-mall', kind: 'merchant' }))
    const bank = { type: 'bank_transfer', reference: 'SPDB-0401-310' } as const
    const topUp = { accountId: 'ivan', asset: 'CNY', amount: '200.00', source: bank }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'ivan-top-up-1' }))
    const order = {
      channel: 'online',
      payer: 'ivan',
      payee: 'online-mall',
      asset: 'CNY',
      amount: '80.00',
      memo: 'order 5521: a desk lamp',
      idempotencyKey: 'ivan-order-5521',
    } as const
    const paid = orThrow(await ledger.pay(order))
    say(`ivan pays online-mall 80.00 CNY for a desk lamp: ${paid.status}`)

    advance(14 * DAY_MS)
    const opened = orThrow(
      await ledger.openDispute({
        paymentId: paid.paymentId,
        reason: 'not_received',
        idempotencyKey: 'ivan-dispute-5521',
      }),
    )
    const { disputeId } = opened
    say('two weeks later nothing has arrived: ivan opens a dispute (not_received)')
    say(statusLine(opened))
    say(await mallLine(ledger))

    advance(HOUR_MS)
    const chat = 'Order 5521. 2026-04-09 ivan: where is my lamp? 2026-04-10 mall: shipped soon.'
    const payerEvidence = {
      by: 'payer',
      reference: 'chat-log-order-5521.txt',
      sha256: sha256Of(chat),
    } as const
    orThrow(await ledger.submitEvidence({ disputeId, ...payerEvidence }))
    say(`ivan submits ${payerEvidence.reference}, sha-256 ${payerEvidence.sha256}`)

    advance(DAY_MS)
    const label = 'Shipping label SF1234567890, created 2026-04-02, never scanned by the carrier.'
    const payeeEvidence = {
      by: 'payee',
      reference: 'label-SF1234567890.pdf',
      sha256: sha256Of(label),
    } as const
    orThrow(await ledger.submitEvidence({ disputeId, ...payeeEvidence }))
    const contested = orThrow(await ledger.respondToDispute({ disputeId, response: 'contest' }))
    say(`online-mall submits ${payeeEvidence.reference}, sha-256 ${payeeEvidence.sha256}`)
    say('online-mall contests the dispute')
    say(statusLine(contested))

    advance(DAY_MS)
    orThrow(await ledger.escalateDispute({ disputeId }))
    const resolved = orThrow(await ledger.resolveDispute({ disputeId, outcome: 'payer' }))
    say('support reads both documents: the label was never scanned; resolved for ivan')
    say(statusLine(resolved))
    const refunded = resolved.refunded
    say(`  refunded to ivan by the dispute: ${refunded} CNY`)
    say(await mallLine(ledger))
    // The payment's own view counts refunds made through refund(); the dispute's refund is the
    // dispute's (both together never exceed what was captured).
    const payment = orThrow(await ledger.payment(paid.paymentId))
    say(`  payment(): ${payment.status}, refunded through refund(): ${payment.refunded}`)
  },
}

/** Runs scenario 9 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(disputeWithEvidence)

runAsScript(import.meta.url, run)
