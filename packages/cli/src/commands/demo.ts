// `wallet-ledger demo`: the seed's story, one week of a wallet, on a real store (the SQLite file by
// default), printed as tables. It refuses a store that already holds events, unless `--fresh`
// deletes the SQLite file first, so running it twice never mixes two stories.
import { createLedger } from '@wallet-ledger/core'
import { EXIT_FINDINGS, cliError } from '../cliError.js'
import { closing } from '../demo/closing.js'
import { createDemoClock, createDemoStage, DEMO_TIME_ZONE } from '../demo/demoStage.js'
import { lampDispute, stolenPhone } from '../demo/disputes.js'
import { openingDay } from '../demo/openingDay.js'
import { payments } from '../demo/payments.js'
import { tradeAndRefusals } from '../demo/tradeAndRefusals.js'
import { completeWithdrawal, requestWithdrawal } from '../demo/withdrawal.js'
import { zoneLabel } from '../output/localTime.js'
import type { Session } from '../session.js'
import { deleteSqliteFile, openStore, sqliteFileOf } from '../storeUrl.js'

/** Runs the demo; answers the exit code (0 when the audit is clean). */
export const runDemo = async (session: Session, options: { fresh?: boolean }): Promise<number> => {
  const { storeUrl } = session
  const file = sqliteFileOf(storeUrl)
  const isMemory = storeUrl.startsWith('memory:')
  if (options.fresh === true) {
    if (file !== undefined) deleteSqliteFile(file)
    else if (!isMemory) {
      throw cliError(
        `--fresh only deletes a sqlite: file; empty ${storeUrl} yourself or pick a new one`,
      )
    }
  }
  const clock = createDemoClock()
  const store = await openStore(storeUrl, { clock: clock.now, mustExist: false })
  const head = await store.readHead()
  if (head.nextPosition > 0n) {
    await store.close()
    const where = file ?? storeUrl
    throw cliError(
      `${where} already holds ${head.nextPosition} events (a demo ran here before?). ` +
        'Run `wallet-ledger demo --fresh` to delete the file and start again, or name another ' +
        'store with --store sqlite:./other.db.',
    )
  }
  const ledger = await createLedger({ store, clock: clock.now, timeZone: DEMO_TIME_ZONE })
  try {
    const stage = createDemoStage(ledger, clock, session.io.out)
    stage.say(
      `wallet-ledger demo: one week of a digital wallet on ${file ?? storeUrl}; ` +
        `times are local, ${zoneLabel(DEMO_TIME_ZONE, clock.now())}.`,
    )
    await openingDay(stage)
    await payments(stage)
    await tradeAndRefusals(stage)
    await lampDispute(stage)
    const withdrawal = await requestWithdrawal(stage)
    await stolenPhone(stage)
    await completeWithdrawal(stage, withdrawal)
    const report = await closing(stage)
    stage.say('')
    stage.say(
      `The ledger stays in ${file ?? storeUrl}. Try: wallet-ledger accounts, ` +
        `wallet-ledger statement alice --asset CNY --time-zone ${DEMO_TIME_ZONE}, ` +
        `wallet-ledger payment ${stage.payments.get('lamp')?.paymentId ?? '<id>'}, ` +
        `wallet-ledger audit --expected-head ${report.head.slice(0, 12)}...`,
    )
    return report.ok ? 0 : EXIT_FINDINGS
  } finally {
    await ledger.close()
  }
}
