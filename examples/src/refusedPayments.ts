// Scenario 8: payments the ledger refuses, each for a reason a person understands: insufficient
// balance, a frozen account, a failed security check, a limit. Each refusal is recorded: the call
// returns the error with `details.paymentId`, `payment()` shows the payment `failed` with its
// reason, and the payer's history lists it as failed. Nothing moves.
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import type { Ledger, LedgerError } from '@wallet-ledger/core'
import { reasonOf } from './kit/balances.js'
import { historyLines } from './kit/history.js'
import { refused } from './kit/outcomes.js'
import { MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Stage, Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

const TWO_FACTOR_OK = { method: 'two_factor', verified: true } as const
const TWO_FACTOR_WRONG_CODE = { method: 'two_factor', verified: false } as const

/** Prints a refusal, then the failed payment as `payment()` shows it. */
const showRefusal = async (
  ledger: Ledger,
  say: Stage['say'],
  error: LedgerError,
): Promise<void> => {
  say(`  refused: ${reasonOf(error)}`)
  const paymentId = error.details?.['paymentId']
  if (typeof paymentId !== 'string') {
    say('  (the error names no payment: expected details.paymentId)')
    return
  }
  const view = orThrow(await ledger.payment(paymentId))
  say(`  payment(): ${view.status}, ${view.amount} ${view.asset}, reason ${view.failureReason}`)
}

/** The scenario: Grace and Henry try to pay the corner shop; four payments are refused. */
export const refusedPayments: Scenario = {
  title: '8. Refused payments (insufficient balance, frozen, security check, limit)',
  start: '2026-03-23T09:00:00.000Z',
  accounts: ['grace', 'henry', 'corner-shop', SYSTEM_ACCOUNTS.bankInflow],
  play: async ({ ledger, say, advance }) => {
    for (const accountId of ['grace', 'henry']) {
      orThrow(await ledger.openAccount({ accountId, kind: 'user' }))
      const bank = { type: 'bank_transfer', reference: `top-up-${accountId}` } as const
      const amount = accountId === 'grace' ? '100.00' : '50.00'
      const topUp = { accountId, asset: 'CNY', amount, source: bank }
      orThrow(await ledger.deposit({ ...topUp, idempotencyKey: `${accountId}-top-up-1` }))
    }
    orThrow(await ledger.openAccount({ accountId: 'corner-shop', kind: 'merchant' }))
    say('grace has 100.00 CNY, henry 50.00 CNY; both shop at corner-shop')
    const shop = { channel: 'merchant_qr', payee: 'corner-shop', asset: 'CNY' } as const

    advance(MINUTE_MS)
    say('1. grace pays 150.00, more than she has')
    const poor = { ...shop, payer: 'grace', amount: '150.00', idempotencyKey: 'grace-1' }
    await showRefusal(ledger, say, refused(await ledger.pay(poor), 'insufficient balance'))

    advance(MINUTE_MS)
    orThrow(await ledger.freezeAccount({ accountId: 'henry', reason: 'suspicious login' }))
    say("2. support freezes henry's account (suspicious login); henry pays 20.00")
    const frozen = { ...shop, payer: 'henry', amount: '20.00', idempotencyKey: 'henry-1' }
    await showRefusal(ledger, say, refused(await ledger.pay(frozen), 'frozen account'))

    advance(MINUTE_MS)
    orThrow(await ledger.enableTwoFactor({ accountId: 'grace' }))
    say('3. grace turns on two-factor, then types a wrong code paying 30.00')
    const wrongCode = {
      ...shop,
      payer: 'grace',
      amount: '30.00',
      authorization: TWO_FACTOR_WRONG_CODE,
      idempotencyKey: 'grace-2',
    }
    await showRefusal(ledger, say, refused(await ledger.pay(wrongCode), 'security check'))

    advance(MINUTE_MS)
    const limits = { accountId: 'grace', asset: 'CNY', perPayment: '50.00' }
    orThrow(await ledger.setLimits(limits))
    say('4. grace sets a per-payment limit of 50.00, then pays 60.00 (code right)')
    const overLimit = {
      ...shop,
      payer: 'grace',
      amount: '60.00',
      authorization: TWO_FACTOR_OK,
      idempotencyKey: 'grace-3',
    }
    await showRefusal(ledger, say, refused(await ledger.pay(overLimit), 'limit'))

    advance(MINUTE_MS)
    const fine = { ...overLimit, amount: '40.00', idempotencyKey: 'grace-4' }
    const paid = orThrow(await ledger.pay(fine))
    say(`5. grace pays 40.00 with the right code, within her limit: ${paid.status}`)

    for (const accountId of ['grace', 'henry']) {
      const history = orThrow(await ledger.history(accountId))
      say(`history of ${accountId}:`)
      for (const line of historyLines(history.entries)) say(line)
    }
  },
}

/** Runs scenario 8 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(refusedPayments)

runAsScript(import.meta.url, run)
