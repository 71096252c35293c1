// Growth: CPU per transfer as the ledger grows. One continuous run of P2P transfers, one at a time,
// on the in-memory store and on SQLite (NORMAL); at each mark (10k, 100k, 1M transfers at full
// size) the CPU per transfer of the window of transfers ending there (the last fifth). Goal: at
// 1M within 20% of that at 10k; each later mark's baseline is the first.
import { join } from 'node:path'
import { createLedger, createMemoryEventStore } from '@wallet-ledger/core'
import type { EventStore } from '@wallet-ledger/core'
import { createSqliteEventStore } from '@wallet-ledger/store-sqlite'
import { expectConserved, openAndFund } from '../benchLedger.js'
import type { Scenario, ScenarioContext, ScenarioRow, Sizes } from '../harness/scenario.js'
import { p2pPayInput } from '../ledgerP2p.js'
import { transfersOf } from '../workload.js'

const FULL_MARKS = [10_000, 100_000, 1_000_000]
const SMOKE_MARKS = [50, 100, 200]
const WARM_UP_TRANSFERS = 2_000
/** The measured window ends at the mark and spans this share of it. */
const WINDOW_SHARE = 0.2

/** Scenario `growth`. */
export const growth: Scenario = {
  name: 'growth',
  title: 'CPU per transfer at 10k, 100k and 1M transfers, in memory and on SQLite NORMAL',
  isInSmoke: true,
  run: async (sizes, context) => {
    const accounts = sizes.pick(10_000, 50)
    const marks = marksOf(sizes)
    context.log(`${accounts} accounts, marks ${marks.join(', ')}`)
    const stores = {
      memory: (): EventStore => createMemoryEventStore(),
      'SQLite NORMAL': (): EventStore =>
        createSqliteEventStore({
          path: join(context.tempDir(), 'growth.db'),
          synchronous: 'NORMAL',
        }),
    }
    // Untimed, so the first mark's window does not pay the JIT's warm-up.
    if (!sizes.isSmoke) {
      for (const [name, open] of Object.entries(stores)) {
        await runGrowth(context, `warm-up ${name}`, open(), 50, [WARM_UP_TRANSFERS])
      }
    }
    const rows: ScenarioRow[] = []
    for (const [name, open] of Object.entries(stores)) {
      rows.push(...(await runGrowth(context, name, open(), accounts, marks)))
    }
    return rows
  },
}

const marksOf = (sizes: Sizes): number[] =>
  sizes.isSmoke
    ? SMOKE_MARKS
    : FULL_MARKS.map((mark, at) => Math.max(SMOKE_MARKS[at] ?? 0, Math.round(mark * sizes.scale)))

const label = (store: string, mark: number): string => `${store} at ${mark.toLocaleString('en-US')}`

/** One continuous run on `store`, timing the window before each mark. */
const runGrowth = async (
  context: ScenarioContext,
  storeName: string,
  store: EventStore,
  accounts: number,
  marks: readonly number[],
): Promise<ScenarioRow[]> => {
  const ledger = await createLedger({ store })
  try {
    await openAndFund(ledger, accounts)
    const last = marks.at(-1) ?? 0
    const windows = marks.map((mark) => ({
      mark,
      from: mark - Math.ceil(mark * WINDOW_SHARE),
      cpuMs: 0,
    }))
    let index = 0
    let cpuStarted = process.cpuUsage()
    for (const transfer of transfersOf({ accounts, transfers: last, seed: context.seed })) {
      const window = windows.find((candidate) => index === candidate.from)
      if (window !== undefined) cpuStarted = process.cpuUsage()
      const paid = await ledger.pay(p2pPayInput(transfer, `bench-growth-${context.seed}-${index}`))
      if (paid._tag === 'Left')
        throw new Error(`growth: transfer ${index} refused: ${paid.left.code}`)
      index += 1
      const ending = windows.find((candidate) => index === candidate.mark)
      if (ending !== undefined) {
        const cpu = process.cpuUsage(cpuStarted)
        ending.cpuMs = (cpu.user + cpu.system) / 1000
        context.log(
          `${label(storeName, ending.mark)}: ${((ending.cpuMs * 1000) / (ending.mark - ending.from)).toFixed(1)} µs CPU/transfer`,
        )
      }
    }
    await expectConserved(ledger, accounts)
    const first = label(storeName, marks[0] ?? 0)
    return windows.map((window) => ({
      system: label(storeName, window.mark),
      figure: (window.cpuMs * 1000) / (window.mark - window.from),
      unit: 'µs CPU/transfer',
      ...(window.mark === marks[0] ? {} : { baseline: first }),
    }))
  } finally {
    await ledger.close()
  }
}
