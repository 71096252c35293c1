// Scenario 1: a person registers, turns on two-factor, sets a payment password, and tops up twice,
// by bank transfer and by card. A retried top-up (same idempotency key) adds nothing.
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import { historyLines } from './kit/history.js'
import { HOUR_MS, MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

/** The scenario: Alice registers with two-factor and tops up 1000.00 + 250.50 CNY. */
export const registerAndTopUp: Scenario = {
  title: '1. Register with two-factor and top up (bank transfer and card)',
  start: '2026-03-02T09:00:00.000Z',
  accounts: ['alice', SYSTEM_ACCOUNTS.bankInflow, SYSTEM_ACCOUNTS.cardInflow],
  play: async ({ ledger, say, advance }) => {
    const contact = { phone: '+86 138 0013 8000', email: 'alice@example.com' }
    const { accountId } = orThrow(
      await ledger.openAccount({ accountId: 'alice', kind: 'user', contact }),
    )
    orThrow(await ledger.enableTwoFactor({ accountId }))
    orThrow(await ledger.setPaymentPassword({ accountId }))
    const view = orThrow(await ledger.account(accountId))
    say(`${accountId} registers: a ${view.kind} account, ${view.status}, opened ${view.openedAt}`)
    say(`  two-factor on: ${view.twoFactor}; payment password set: ${view.paymentPasswordSet}`)

    advance(5 * MINUTE_MS)
    const bank = { type: 'bank_transfer', reference: 'ICBC-20260302-0001' } as const
    const topUp = { accountId, asset: 'CNY', amount: '1000.00', source: bank }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'alice-top-up-1' }))
    say('top-up by bank transfer: 1000.00 CNY')

    advance(HOUR_MS)
    const card = { type: 'card', reference: 'VISA-4242-auth-7731' } as const
    const cardTopUp = { accountId, asset: 'CNY', amount: '250.5', source: card }
    const first = orThrow(await ledger.deposit({ ...cardTopUp, idempotencyKey: 'alice-top-up-2' }))
    say('top-up by card: 250.5 CNY (read as 250.50)')
    // The app lost the answer and sends the same request again: the key makes it the same deposit.
    const retry = orThrow(await ledger.deposit({ ...cardTopUp, idempotencyKey: 'alice-top-up-2' }))
    say(
      `the card top-up is retried with the same key: same deposit: ${retry.depositId === first.depositId}`,
    )

    const history = orThrow(await ledger.history(accountId))
    say(`history of ${accountId}:`)
    for (const line of historyLines(history.entries)) say(line)
  },
}

/** Runs scenario 1 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(registerAndTopUp)

runAsScript(import.meta.url, run)
