// Scenario 4: a person-to-person transfer authorized with a payment password. A retry with the
// same idempotency key returns the first answer and moves nothing; the same key with another
// amount is refused (idempotency_key_reused). The friend sends part of it back.
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import { reasonOf } from './kit/balances.js'
import { refused } from './kit/outcomes.js'
import { HOUR_MS, MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

const PASSWORD_OK = { method: 'payment_password', verified: true } as const

/** The scenario: Alice sends Bob 45.50 CNY for dinner; Bob sends 10.00 back for the taxi. */
export const p2pTransfer: Scenario = {
  title: '4. P2P transfer',
  start: '2026-03-13T19:00:00.000Z',
  accounts: ['alice', 'bob', SYSTEM_ACCOUNTS.bankInflow],
  play: async ({ ledger, say, advance }) => {
    for (const accountId of ['alice', 'bob']) {
      orThrow(await ledger.openAccount({ accountId, kind: 'user' }))
      orThrow(await ledger.setPaymentPassword({ accountId }))
    }
    const bank = { type: 'bank_transfer', reference: 'BOC-0313-551' } as const
    const topUp = { accountId: 'alice', asset: 'CNY', amount: '300.00', source: bank }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'alice-top-up-1' }))
    say('alice and bob both set a payment password; alice tops up 300.00 CNY')

    advance(2 * HOUR_MS)
    const dinner = {
      channel: 'p2p',
      payer: 'alice',
      payee: 'bob',
      asset: 'CNY',
      amount: '45.50',
      memo: 'dinner',
      authorization: PASSWORD_OK,
      idempotencyKey: 'alice-to-bob-dinner',
    } as const
    const sent = orThrow(await ledger.pay(dinner))
    say(`alice sends bob 45.50 CNY for dinner (payment password verified): ${sent.status}`)

    const again = orThrow(await ledger.pay(dinner))
    say(
      `the app retries with the same key: the same payment: ${again.paymentId === sent.paymentId}, nothing moves`,
    )
    const reused = refused(
      await ledger.pay({ ...dinner, amount: '54.50' }),
      'the same key with another amount',
    )
    say(`the same key with another amount is refused: ${reasonOf(reused)}`)

    advance(30 * MINUTE_MS)
    const taxi = {
      ...dinner,
      payer: 'bob',
      payee: 'alice',
      amount: '10.00',
      memo: 'my half of the taxi',
      idempotencyKey: 'bob-to-alice-taxi',
    }
    const back = orThrow(await ledger.pay(taxi))
    say(`bob sends alice 10.00 CNY for his half of the taxi: ${back.status}`)
  },
}

/** Runs scenario 4 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(p2pTransfer)

runAsScript(import.meta.url, run)
