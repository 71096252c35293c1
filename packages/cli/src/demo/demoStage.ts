// What every chapter of the demo works with: the ledger, a clock that moves only when the story
// moves it (in the ledger's local time), and the printer of headings, lines and tables.
import { orThrow } from '@wallet-ledger/core'
import type { Ledger, LedgerError, PaymentView, Result } from '@wallet-ledger/core'
import { createTimeFormatter } from '../output/localTime.js'
import type { TimeFormatter } from '../output/localTime.js'
import { renderTable } from '../output/table.js'
import type { Align } from '../output/table.js'

// ---------------------------------------------------------------- types

/** The demo's stage. */
export type DemoStage = {
  readonly ledger: Ledger
  /** Moves the clock to a local time of the ledger's zone, 'YYYY-MM-DDTHH:MM' (never back). */
  readonly moveTo: (localTime: string) => void
  /** The clock's instant. */
  readonly now: () => Date
  /** Formats an ISO instant in the ledger's zone. */
  readonly time: TimeFormatter
  readonly heading: (title: string) => void
  readonly say: (line: string) => void
  readonly table: (
    head: readonly string[],
    rows: readonly (readonly string[])[],
    align?: readonly Align[],
  ) => void
  /** Payments a later step names in full (the closing hint shows the disputed one). */
  readonly payments: Map<string, PaymentView>
}

/** The demo's zone and its offset, which the clock's local times are read in. */
export const DEMO_TIME_ZONE = 'Asia/Shanghai'
const DEMO_OFFSET = '+08:00'
/** Monday 2026-11-23, 08:00 in Shanghai: the story's first instant. */
export const DEMO_START = '2026-11-23T08:00'

// ---------------------------------------------------------------- constructors

/** The demo's clock: a fixed start, moved forward by the story. */
export const createDemoClock = (): {
  readonly now: () => Date
  readonly moveTo: (localTime: string) => void
} => {
  let nowMs = localMs(DEMO_START)
  return {
    now: () => new Date(nowMs),
    moveTo: (localTime) => {
      const ms = localMs(localTime)
      if (ms < nowMs) throw new Error(`demo: the clock only moves forward (to ${localTime})`)
      nowMs = ms
    },
  }
}

/** A stage printing through `print`. */
export const createDemoStage = (
  ledger: Ledger,
  clock: ReturnType<typeof createDemoClock>,
  print: (text: string) => void,
): DemoStage => ({
  ledger,
  moveTo: clock.moveTo,
  now: clock.now,
  time: createTimeFormatter(DEMO_TIME_ZONE),
  heading: (title) => {
    print('')
    print(`== ${title}`)
  },
  say: print,
  table: (head, rows, align) => print(renderTable(head, rows, align)),
  payments: new Map(),
})

// ---------------------------------------------------------------- helpers

/** The error of a step the story expects to be refused; a success is a broken demo. */
export const refusalOf = <T>(outcome: Awaited<Result<T>>, step: string): LedgerError => {
  if (outcome._tag === 'Right') throw new Error(`demo: ${step} should have been refused`)
  return outcome.left
}

/** The value of a step that must succeed; a refusal is a broken demo and throws with its code. */
export const must = <T>(outcome: Awaited<Result<T>>): T => orThrow(outcome)

const localMs = (localTime: string): number => {
  const ms = Date.parse(`${localTime}:00${DEMO_OFFSET}`)
  if (Number.isNaN(ms)) throw new Error(`demo: bad local time ${localTime}`)
  return ms
}
