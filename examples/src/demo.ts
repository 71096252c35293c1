// The demo: every seed scenario in order, each on its own fresh ledger with its own fixed clock,
// printing its story, its final balances and its audit; then Alice's statement for the day of her
// P2P transfer. Exits with code 1 if any audit fails or any step goes wrong.
import { orThrow } from '@wallet-ledger/core'
import { billPayment } from './billPayment.js'
import { disputeWithEvidence } from './disputeWithEvidence.js'
import { historyLines } from './kit/history.js'
import { playScenario } from './kit/scenario.js'
import type { PlayedScenario, Scenario } from './kit/scenario.js'
import { isMain, printReport } from './kit/script.js'
import { onlineCheckoutManualCapture } from './onlineCheckoutManualCapture.js'
import { p2pTransfer } from './p2pTransfer.js'
import { qrPaymentWithPromotion } from './qrPaymentWithPromotion.js'
import { refusedPayments } from './refusedPayments.js'
import { registerAndTopUp } from './registerAndTopUp.js'
import { stolenAccount } from './stolenAccount.js'
import { tradeUsdtToBtc } from './tradeUsdtToBtc.js'
import { withdrawalToBank } from './withdrawalToBank.js'

/** The seed scenarios, in the order the demo tells them. */
export const SCENARIOS: readonly Scenario[] = [
  registerAndTopUp,
  qrPaymentWithPromotion,
  onlineCheckoutManualCapture,
  p2pTransfer,
  billPayment,
  tradeUsdtToBtc,
  withdrawalToBank,
  refusedPayments,
  disputeWithEvidence,
  stolenAccount,
]

/** The account, asset and day whose statement closes the demo (scenario 4's ledger). */
const STATEMENT = {
  scenario: p2pTransfer,
  accountId: 'alice',
  asset: 'CNY',
  from: '2026-03-13T00:00:00.000Z',
  to: '2026-03-13T23:59:59.999Z',
}

/** Alice's statement for the day, as lines. */
const statementLines = async ({ ledger }: PlayedScenario): Promise<string[]> => {
  const { accountId, asset, from, to } = STATEMENT
  const found = orThrow(await ledger.statement(accountId, { asset, from, to }))
  return [
    `== Statement of ${accountId}, ${asset}, ${from} to ${to}`,
    `opening ${found.opening}`,
    ...historyLines(found.entries),
    `closing ${found.closing}`,
  ]
}

/** Runs every scenario and prints the story; answers whether every audit passed. */
export const runDemo = async (print: (line: string) => void = console.log): Promise<boolean> => {
  print('wallet-ledger demo: ten scenarios, each on a fresh in-memory ledger with a fixed clock')
  let audited = 0
  for (const scenario of SCENARIOS) {
    print('')
    const played = await playScenario(scenario)
    printReport(played.report, print)
    if (played.report.audit.ok) audited += 1
    if (scenario === STATEMENT.scenario) {
      print('')
      for (const line of await statementLines(played)) print(line)
    }
    await played.ledger.close()
  }
  print('')
  print(`${audited} of ${SCENARIOS.length} scenarios audited clean`)
  return audited === SCENARIOS.length
}

if (isMain(import.meta.url)) {
  runDemo().then(
    (isClean) => {
      if (!isClean) process.exitCode = 1
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
