// Scenario 5: paying bills. Two utilities are merchants without a fee; each bill is a payment on
// the `bill` channel, authorized with the payment password, its memo naming the bill.
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import { MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

const PASSWORD_OK = { method: 'payment_password', verified: true } as const

/** The scenario: Dave pays his electricity bill (356.20 CNY) and his phone bill (88.00 CNY). */
export const billPayment: Scenario = {
  title: '5. Bill payment',
  start: '2026-03-16T08:00:00.000Z',
  accounts: ['dave', 'state-grid', 'china-mobile', SYSTEM_ACCOUNTS.bankInflow],
  play: async ({ ledger, say, advance }) => {
    orThrow(await ledger.openAccount({ accountId: 'dave', kind: 'user' }))
    orThrow(await ledger.setPaymentPassword({ accountId: 'dave' }))
    for (const accountId of ['state-grid', 'china-mobile']) {
      orThrow(await ledger.openAccount({ accountId, kind: 'merchant' }))
    }
    const bank = { type: 'bank_transfer', reference: 'CCB-0316-072' } as const
    const topUp = { accountId: 'dave', asset: 'CNY', amount: '600.00', source: bank }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'dave-top-up-1' }))
    say('dave tops up 600.00 CNY; state-grid and china-mobile take bill payments')

    const bill = {
      channel: 'bill',
      payer: 'dave',
      asset: 'CNY',
      authorization: PASSWORD_OK,
    } as const
    advance(10 * MINUTE_MS)
    const power = orThrow(
      await ledger.pay({
        ...bill,
        payee: 'state-grid',
        amount: '356.20',
        memo: 'electricity, February 2026, customer 0101-2233-44',
        idempotencyKey: 'dave-bill-power-2026-02',
      }),
    )
    say(`electricity bill 356.20 CNY to state-grid: ${power.status}, charged ${power.charged}`)
    advance(MINUTE_MS)
    const phone = orThrow(
      await ledger.pay({
        ...bill,
        payee: 'china-mobile',
        amount: '88',
        memo: 'mobile plan, March 2026, 138 0013 9000',
        idempotencyKey: 'dave-bill-phone-2026-03',
      }),
    )
    say(`phone bill 88 CNY (read as ${phone.amount}) to china-mobile: ${phone.status}`)
  },
}

/** Runs scenario 5 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(billPayment)

runAsScript(import.meta.url, run)
