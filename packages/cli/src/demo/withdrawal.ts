// Chapter 5: Frank withdraws to his bank on Friday morning, before the 16:00 cut-off, so the 1 to
// 3 business-day window counts from Friday: Monday at the earliest, Wednesday at the latest. The
// bank confirms on Monday and the withdrawal completes.
import type { WithdrawalView } from '@wallet-ledger/core'
import type { DemoStage } from './demoStage.js'
import { must } from './demoStage.js'

const HEAD = ['at', 'step', 'status', 'amount', 'fee', 'expected from', 'expected by'] as const

/** Rows of the withdrawal's table, kept between the two halves of the chapter. */
export type WithdrawalSteps = { readonly withdrawalId: string; readonly rows: string[][] }

/** Friday: requested, identity verified, submitted; prints the window. */
export const requestWithdrawal = async (stage: DemoStage): Promise<WithdrawalSteps> => {
  const { ledger } = stage
  stage.moveTo('2026-11-27T09:00')
  stage.heading('Friday 27 November, 09:00: frank withdraws 1200.00 CNY to his bank (fee 2.00)')
  const rows: string[][] = []
  const requested = must(
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
  rows.push(row(stage, 'requested: 1202.00 held', requested))
  stage.moveTo('2026-11-27T09:20')
  const verified = must(await ledger.verifyWithdrawalIdentity({ withdrawalId, passed: true }))
  rows.push(row(stage, 'identity check passed', verified))
  stage.moveTo('2026-11-27T09:50')
  const submitted = must(
    await ledger.submitWithdrawal({ withdrawalId, bankReference: 'ICBC-OUT-20261127-17' }),
  )
  rows.push(row(stage, 'submitted before the 16:00 cut-off', submitted))
  stage.table(HEAD, rows, ['left', 'left', 'left', 'right', 'right'])
  stage.say(
    'Settlement takes 1 to 3 business days counted from Friday: the weekend does not count, so ' +
      'the money reaches the bank between Monday and Wednesday.',
  )
  return { withdrawalId, rows }
}

/** Monday: the bank confirms; prints the whole withdrawal. */
export const completeWithdrawal = async (
  stage: DemoStage,
  steps: WithdrawalSteps,
): Promise<void> => {
  stage.moveTo('2026-11-30T15:00')
  stage.heading("Monday 30 November, 15:00: the bank confirms frank's payout")
  const completed = must(
    await stage.ledger.completeWithdrawal({ withdrawalId: steps.withdrawalId }),
  )
  stage.table(
    HEAD,
    [...steps.rows, row(stage, 'completed', completed)],
    ['left', 'left', 'left', 'right', 'right'],
  )
}

const row = (stage: DemoStage, step: string, view: WithdrawalView): string[] => [
  stage.time(stage.now().toISOString()),
  step,
  view.status,
  `${view.amount} ${view.asset}`,
  view.fee,
  view.expectedBy === undefined ? '-' : dayOf(stage, view.expectedBy.earliest),
  view.expectedBy === undefined ? '-' : dayOf(stage, view.expectedBy.latest),
]

// The window's bounds are dates ('YYYY-MM-DD') or instants; a date is shown with its weekday.
const dayOf = (stage: DemoStage, bound: string): string => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(bound) ? `${bound}T12:00:00.000Z` : bound
  const weekday = new Date(date).toLocaleDateString('en-GB', {
    weekday: 'long',
    timeZone: 'Asia/Shanghai',
  })
  return /^\d{4}-\d{2}-\d{2}$/.test(bound)
    ? `${weekday} ${bound}`
    : `${weekday} ${stage.time(bound)}`
}
