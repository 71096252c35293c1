// Chapter 6: the books. Every account's balances (people, merchants and the platform's own
// accounts), every person's and merchant's statement for the week, and the audit's verdict with
// the head hash to keep.
import { SYSTEM_ACCOUNTS, cryptoNetworkAccount, promotionBudgetAccount } from '@wallet-ledger/core'
import type { AuditReport } from '@wallet-ledger/core'
import { statementRows, STATEMENT_HEAD } from '../output/historyRows.js'
import type { DemoStage } from './demoStage.js'
import { DEMO_START, DEMO_TIME_ZONE, must } from './demoStage.js'
import { CAST } from './openingDay.js'
import { orThrow } from '@wallet-ledger/core'

/** Every account the story touched: the cast, then the platform's accounts. */
const ALL_ACCOUNTS: readonly string[] = [
  ...CAST.map((person) => person.accountId),
  promotionBudgetAccount('lunch-15'),
  ...Object.values(SYSTEM_ACCOUNTS),
  cryptoNetworkAccount('tron'),
]

/** Prints balances, statements and the audit; answers the audit report. */
export const closing = async (stage: DemoStage): Promise<AuditReport> => {
  const { ledger } = stage
  stage.heading(`Balances at ${stage.time(stage.now().toISOString())}`)
  const rows: string[][] = []
  const held = new Map<string, string[]>()
  for (const accountId of ALL_ACCOUNTS) {
    const answer = await ledger.balances(accountId)
    // A platform account the story never touched does not exist yet: nothing to list.
    if (answer._tag === 'Left' && answer.left.code === 'account_not_found') continue
    const balances = must(answer)
    const assets = Object.keys(balances).sort()
    held.set(accountId, assets)
    for (const asset of assets) {
      const balance = balances[asset]!
      rows.push([accountId, asset, balance.available, balance.held, balance.total])
    }
  }
  stage.table(['account', 'asset', 'available', 'held', 'total'], rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
  ])
  stage.say(
    'world: accounts stand for money outside the wallet (banks, card networks, crypto networks, ' +
      'the market, the marketing fund): a negative world balance is what came in from outside, ' +
      'so every asset still sums to zero across all accounts.',
  )

  const from = new Date(Date.parse(`${DEMO_START}:00+08:00`)).toISOString()
  const to = stage.now().toISOString()
  for (const person of CAST) {
    for (const asset of held.get(person.accountId) ?? []) {
      const statement = must(await ledger.statement(person.accountId, { asset, from, to }))
      stage.heading(`Statement of ${person.accountId}, ${asset} (times ${DEMO_TIME_ZONE})`)
      stage.say(`opening ${statement.opening}`)
      stage.table(STATEMENT_HEAD, statementRows(statement.entries, stage.time), [
        'left',
        'left',
        'right',
      ])
      stage.say(`closing ${statement.closing}`)
    }
  }

  const report = orThrow(await ledger.audit())
  stage.heading('Audit')
  stage.table(
    ['verdict', 'events checked', 'streams', 'violations'],
    [
      [
        report.ok ? 'clean' : 'VIOLATIONS',
        `${report.eventsChecked}`,
        `${report.streams}`,
        `${report.violations.length}`,
      ],
    ],
  )
  for (const violation of report.violations) {
    stage.say(
      `  ${violation.code} at ${violation.stream}#${violation.revision ?? '-'}: ${violation.message}`,
    )
  }
  stage.say(`head hash: ${report.head}`)
  stage.say(
    'Keep this head: `wallet-ledger audit --expected-head <head>` later proves nothing stored ' +
      'up to it was changed, reordered or dropped.',
  )
  return report
}
