// Scenario 10: a stolen phone. At night a thief pays a merchant from Judy's wallet; in the morning
// Judy reports it: `reportUnauthorized` freezes her account and opens an `unauthorized` dispute on
// the payment, holding the amount from the merchant. The thief's next payment is refused (frozen).
// The merchant accepts the dispute, so Judy is refunded (a frozen account still receives); after
// an identity check at the branch her account is unfrozen.
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import { reasonOf } from './kit/balances.js'
import { refused } from './kit/outcomes.js'
import { HOUR_MS, MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

/** The scenario: a thief spends 299.00 CNY of Judy's money; she reports it and is refunded. */
export const stolenAccount: Scenario = {
  title: '10. Stolen account: frozen by reportUnauthorized, the payment disputed',
  start: '2026-04-10T18:00:00.000Z',
  accounts: ['judy', 'electronics-shop', SYSTEM_ACCOUNTS.bankInflow],
  play: async ({ ledger, say, advance, moveTo }) => {
    orThrow(await ledger.openAccount({ accountId: 'judy', kind: 'user' }))
    orThrow(await ledger.openAccount({ accountId: 'electronics-shop', kind: 'merchant' }))
    const bank = { type: 'bank_transfer', reference: 'HSBC-0410-877' } as const
    const topUp = { accountId: 'judy', asset: 'CNY', amount: '500.00', source: bank }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'judy-top-up-1' }))
    say('judy has 500.00 CNY and no two-factor; her phone is stolen in the evening')

    moveTo('2026-04-11T02:10:00.000Z')
    const spree = {
      channel: 'merchant_qr',
      payer: 'judy',
      payee: 'electronics-shop',
      asset: 'CNY',
    } as const
    const stolen = orThrow(
      await ledger.pay({ ...spree, amount: '299.00', idempotencyKey: 'thief-1' }),
    )
    say(`02:10: the thief pays electronics-shop 299.00 CNY from judy's wallet: ${stolen.status}`)

    moveTo('2026-04-11T08:00:00.000Z')
    const reported = orThrow(
      await ledger.reportUnauthorized({ accountId: 'judy', paymentIds: [stolen.paymentId] }),
    )
    const account = orThrow(await ledger.account('judy'))
    say('08:00: judy reports the theft and the payment she did not make')
    say(`  account ${account.status}; ${reported.disputeIds.length} dispute(s) opened`)
    const [disputeId] = reported.disputeIds
    if (disputeId === undefined) throw new Error('reportUnauthorized opened no dispute')
    const opened = orThrow(await ledger.dispute(disputeId))
    say(`  dispute ${opened.status} on the payment of 299.00`)
    const shop = orThrow(await ledger.balances('electronics-shop'))['CNY']
    say(`  electronics-shop: available ${shop?.available}, held ${shop?.held}`)

    advance(5 * MINUTE_MS)
    const again = refused(
      await ledger.pay({ ...spree, amount: '150.00', idempotencyKey: 'thief-2' }),
      'the thief pays again',
    )
    say(`08:05: the thief tries 150.00 more: ${reasonOf(again)}`)

    advance(3 * HOUR_MS)
    const accepted = orThrow(await ledger.respondToDispute({ disputeId, response: 'accept' }))
    say(`11:05: electronics-shop accepts the dispute: ${accepted.status}; judy is refunded 299.00`)

    advance(2 * HOUR_MS)
    orThrow(
      await ledger.unfreezeAccount({
        accountId: 'judy',
        verification: 'id card checked at branch',
      }),
    )
    const after = orThrow(await ledger.account('judy'))
    say(`13:05: judy shows her id card at the branch; account ${after.status}`)
  },
}

/** Runs scenario 10 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(stolenAccount)

runAsScript(import.meta.url, run)
