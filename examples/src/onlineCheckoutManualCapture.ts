// Scenario 3: an online checkout with manual capture. The shop authorizes 120.00 (held on the
// payer's account), ships part of the order two days later and captures 99.99; the 20.01 it does
// not capture goes back to the payer's available balance.
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import type { Ledger } from '@wallet-ledger/core'
import { balanceText } from './kit/balances.js'
import { historyLines } from './kit/history.js'
import { DAY_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport, Stage } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

/** Carol's USD balance as one line. */
const carolLine = async (ledger: Ledger): Promise<string> => {
  const balances = orThrow(await ledger.balances('carol'))
  const usd = balances['USD']
  return `  carol: ${usd === undefined ? 'no USD' : balanceText(usd)}`
}

/** Carol's history, newest first: the checkout shows as pending until it is captured. */
const sayHistory = async (ledger: Ledger, say: Stage['say']): Promise<void> => {
  const history = orThrow(await ledger.history('carol'))
  say('  history of carol:')
  for (const line of historyLines(history.entries)) say(`  ${line}`)
}

/** The scenario: Carol checks out online for 120.00 USD; the shop captures 99.99. */
export const onlineCheckoutManualCapture: Scenario = {
  title: '3. Online checkout with manual capture (authorize, partial capture, rest released)',
  start: '2026-03-09T10:00:00.000Z',
  accounts: ['carol', 'gadget-store', SYSTEM_ACCOUNTS.fees, SYSTEM_ACCOUNTS.cardInflow],
  play: async ({ ledger, say, advance }) => {
    orThrow(await ledger.openAccount({ accountId: 'carol', kind: 'user' }))
    orThrow(
      await ledger.openAccount({
        accountId: 'gadget-store',
        kind: 'merchant',
        merchantFeeRate: '1',
      }),
    )
    const card = { type: 'card', reference: 'MC-5454-auth-0309' } as const
    const topUp = { accountId: 'carol', asset: 'USD', amount: '500.00', source: card }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'carol-top-up-1' }))
    say('carol tops up 500.00 USD by card; gadget-store is a merchant with a 1% fee')

    const checkout = {
      channel: 'online',
      payer: 'carol',
      payee: 'gadget-store',
      asset: 'USD',
      amount: '120.00',
      capture: 'manual',
      memo: 'order 8812: headphones and a cable',
      idempotencyKey: 'carol-order-8812',
    } as const
    const authorized = orThrow(await ledger.pay(checkout))
    say(`carol checks out 120.00 USD: ${authorized.status}, charged so far ${authorized.charged}`)
    say(await carolLine(ledger))
    await sayHistory(ledger, say)

    advance(2 * DAY_MS)
    const captured = orThrow(
      await ledger.capturePayment({ paymentId: authorized.paymentId, amount: '99.99' }),
    )
    say('two days later the headphones ship; the cable is out of stock: the shop captures 99.99')
    say(`  ${captured.status}, charged ${captured.charged}; the other 20.01 is released to carol`)
    say('  (the fee is 1% of 99.99 = 0.9999, rounded half-even to 1.00)')
    say(await carolLine(ledger))
    await sayHistory(ledger, say)
  },
}

/** Runs scenario 3 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(onlineCheckoutManualCapture)

runAsScript(import.meta.url, run)
