// Scenario 2: a QR payment at a merchant with a 15% promotion. The budget is funded from the
// marketing fund; the payer is charged the amount less the discount, the merchant gets the full
// amount less its fee, and the budget pays the discount. When what is left of the budget cannot
// cover a discount, the payment is refused (promotion_exhausted) and the person pays without it.
import { SYSTEM_ACCOUNTS, orThrow, promotionBudgetAccount } from '@wallet-ledger/core'
import type { Ledger } from '@wallet-ledger/core'
import { balanceText, reasonOf } from './kit/balances.js'
import { refused } from './kit/outcomes.js'
import { MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

const PROMOTION_ID = 'lunch-15'
/** The promotion's budget account: a funded system account the promotion's stream books. */
export const LUNCH_BUDGET_ACCOUNT = promotionBudgetAccount(PROMOTION_ID)

/** The budget as `ledger.balances` reads it, or why it cannot. */
const budgetLine = async (ledger: Ledger): Promise<string> => {
  const budget = await ledger.balances(LUNCH_BUDGET_ACCOUNT)
  if (budget._tag === 'Left') return `  budget ${LUNCH_BUDGET_ACCOUNT}: ${reasonOf(budget.left)}`
  const cny = budget.right['CNY']
  return `  budget ${LUNCH_BUDGET_ACCOUNT}: ${cny === undefined ? 'empty' : balanceText(cny)}`
}

/** The scenario: Bob pays a noodle bar by QR code with a 15% lunch promotion. */
export const qrPaymentWithPromotion: Scenario = {
  title: '2. QR payment to a merchant with a promotion (15% off)',
  start: '2026-03-06T11:30:00.000Z',
  accounts: [
    'bob',
    'noodle-bar',
    LUNCH_BUDGET_ACCOUNT,
    SYSTEM_ACCOUNTS.marketingFund,
    SYSTEM_ACCOUNTS.fees,
    SYSTEM_ACCOUNTS.bankInflow,
  ],
  play: async ({ ledger, say, advance }) => {
    orThrow(await ledger.openAccount({ accountId: 'bob', kind: 'user' }))
    orThrow(
      await ledger.openAccount({
        accountId: 'noodle-bar',
        kind: 'merchant',
        merchantFeeRate: '0.6',
      }),
    )
    const bank = { type: 'bank_transfer', reference: 'CMB-0306-118' } as const
    const topUp = { accountId: 'bob', asset: 'CNY', amount: '200.00', source: bank }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'bob-top-up-1' }))
    say('bob tops up 200.00 CNY; noodle-bar is a merchant with a 0.6% fee')

    const terms = {
      promotionId: PROMOTION_ID,
      asset: 'CNY',
      budget: '20.00',
      discount: { percent: '15' },
      validFrom: '2026-03-01T00:00:00.000Z',
      validUntil: '2026-03-31T23:59:59.000Z',
    }
    orThrow(await ledger.createPromotion(terms))
    const fund = orThrow(await ledger.balances(SYSTEM_ACCOUNTS.marketingFund))
    say(`promotion ${PROMOTION_ID}: 15% off, budget 20.00 CNY funded from the marketing fund`)
    say(`  ${SYSTEM_ACCOUNTS.marketingFund}: ${fund['CNY']?.total ?? '0.00'} CNY`)
    say(await budgetLine(ledger))

    advance(30 * MINUTE_MS)
    const lunch = {
      channel: 'merchant_qr',
      payer: 'bob',
      payee: 'noodle-bar',
      asset: 'CNY',
    } as const
    const paid = orThrow(
      await ledger.pay({
        ...lunch,
        amount: '88.88',
        promotionId: PROMOTION_ID,
        idempotencyKey: 'bob-qr-1',
      }),
    )
    const discount = (paid as typeof paid & { discount?: string }).discount ?? '0.00'
    say(`bob scans noodle-bar's QR code: 88.88 CNY with ${PROMOTION_ID}`)
    say(`  ${paid.status}: charged ${paid.charged}, discount ${discount} paid by the budget`)
    say('  (15% of 88.88 is 13.332, rounded down to 13.33; the fee is 0.6% of 88.88 = 0.53)')
    say(`  the budget had 20.00 and paid ${discount}: 6.67 is left`)
    say(await budgetLine(ledger))

    advance(24 * 60 * MINUTE_MS)
    const second = { ...lunch, amount: '50.00' }
    const noBudget = refused(
      await ledger.pay({ ...second, promotionId: PROMOTION_ID, idempotencyKey: 'bob-qr-2' }),
      'pay when the budget is short',
    )
    say('next day: 50.00 CNY with the promotion wants 7.50 off, more than the budget has left')
    say(`  refused: ${reasonOf(noBudget)}`)
    const plain = orThrow(await ledger.pay({ ...second, idempotencyKey: 'bob-qr-3' }))
    say(
      `bob pays without it: ${plain.status}, charged ${plain.charged} (fee 0.30 from the merchant)`,
    )
  },
}

/** Runs scenario 2 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(qrPaymentWithPromotion)

runAsScript(import.meta.url, run)
