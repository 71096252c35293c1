// Scenario 7: a withdrawal to a bank account in a ledger running on Shanghai time. The amount and
// the fee are held at the request; the identity check passes; the withdrawal is submitted on a
// Friday morning, before the 16:00 cut-off, so the settlement window counts from that Friday:
// Monday at the earliest, Wednesday at the latest. On Monday the bank confirms and it completes.
import { SYSTEM_ACCOUNTS, orThrow } from '@wallet-ledger/core'
import type { WithdrawalView } from '@wallet-ledger/core'
import { MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

/** "status (amount + fee CNY)", and the window once there is one. */
const withdrawalLine = (view: WithdrawalView): string => {
  const window =
    view.expectedBy === undefined
      ? ''
      : `, expected between ${view.expectedBy.earliest} and ${view.expectedBy.latest}`
  return `  ${view.status}: ${view.amount} + fee ${view.fee} ${view.asset}${window}`
}

/** The scenario: Frank withdraws 1200.00 CNY (fee 2.00) to his bank on Friday 2026-11-27. */
export const withdrawalToBank: Scenario = {
  title: '7. Withdrawal to a bank (verified, submitted Friday morning, completed)',
  // 09:00 on Friday 2026-11-27 in Shanghai (UTC+8).
  start: '2026-11-27T01:00:00.000Z',
  options: { timeZone: 'Asia/Shanghai' },
  accounts: [
    'frank',
    SYSTEM_ACCOUNTS.bankOutflow,
    SYSTEM_ACCOUNTS.fees,
    SYSTEM_ACCOUNTS.bankInflow,
  ],
  play: async ({ ledger, say, advance, moveTo }) => {
    orThrow(await ledger.openAccount({ accountId: 'frank', kind: 'user' }))
    const bank = { type: 'bank_transfer', reference: 'ABC-1127-003' } as const
    const topUp = { accountId: 'frank', asset: 'CNY', amount: '5000.00', source: bank }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'frank-top-up-1' }))
    say('frank has 5000.00 CNY; the ledger keeps Shanghai time, cut-off 16:00')

    const requested = orThrow(
      await ledger.requestWithdrawal({
        accountId: 'frank',
        asset: 'CNY',
        amount: '1200.00',
        fee: '2.00',
        destination: { type: 'bank_account', bank: 'ICBC', accountNumber: '6222020200112233' },
        idempotencyKey: 'frank-withdrawal-1127',
      }),
    )
    const { withdrawalId } = requested
    say('Friday 09:00: frank asks for 1200.00 CNY to his ICBC account (fee 2.00)')
    say(withdrawalLine(requested))
    const held = orThrow(await ledger.balances('frank'))['CNY']
    say(`  frank: available ${held?.available}, held ${held?.held}`)

    advance(20 * MINUTE_MS)
    const verified = orThrow(await ledger.verifyWithdrawalIdentity({ withdrawalId, passed: true }))
    say('09:20: the identity check passes')
    say(withdrawalLine(verified))

    advance(30 * MINUTE_MS)
    const submitted = orThrow(
      await ledger.submitWithdrawal({ withdrawalId, bankReference: 'ICBC-OUT-20261127-17' }),
    )
    say('09:50 Friday, before the cut-off: submitted to the bank')
    say(withdrawalLine(submitted))

    // Monday 2026-11-30, 15:00 in Shanghai.
    moveTo('2026-11-30T07:00:00.000Z')
    const completed = orThrow(await ledger.completeWithdrawal({ withdrawalId }))
    say('Monday 15:00: the bank confirms the payout')
    say(withdrawalLine(completed))
  },
}

/** Runs scenario 7 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(withdrawalToBank)

runAsScript(import.meta.url, run)
