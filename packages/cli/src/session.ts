// What every command shares: the global options, where output goes, and opening a ledger on the
// store in force for the length of one command.
import { createLedger } from '@wallet-ledger/core'
import type { EventStore, Ledger } from '@wallet-ledger/core'
import { cliError } from './cliError.js'
import { createTimeFormatter, isKnownTimeZone, systemTimeZone } from './output/localTime.js'
import type { TimeFormatter } from './output/localTime.js'
import { openStore, storeUrlOf } from './storeUrl.js'

/** Where a command writes: its report (stdout), its notes and progress (stderr). */
export type CliIo = {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** The stream progress bars draw on; `undefined` or not a TTY means no bar. */
  readonly progressStream?: NodeJS.WriteStream
}

/** The options every command accepts (set on the program, read with `optsWithGlobals`). */
export type GlobalOptions = {
  readonly store?: string
  readonly timeZone?: string
  readonly verbose?: boolean
}

/** One command's view of the options: the store URL and the time zone, checked. */
export type Session = {
  readonly io: CliIo
  readonly storeUrl: string
  readonly timeZone: string
  readonly time: TimeFormatter
}

/** Checks the global options once; a bad zone is refused with the option's name. */
export const sessionOf = (options: GlobalOptions, io: CliIo): Session => {
  const timeZone = options.timeZone ?? process.env['WALLET_LEDGER_TIME_ZONE'] ?? systemTimeZone()
  if (!isKnownTimeZone(timeZone)) {
    throw cliError(`--time-zone: "${timeZone}" is not an IANA time zone (e.g. Asia/Shanghai, UTC)`)
  }
  return { io, storeUrl: storeUrlOf(options.store), timeZone, time: createTimeFormatter(timeZone) }
}

/** Opens the store (which must exist for reads) and runs `work` on it, closing it after. */
export const withStore = async <T>(
  session: Session,
  mustExist: boolean,
  work: (store: EventStore) => Promise<T>,
): Promise<T> => {
  const store = await openStore(session.storeUrl, { clock: () => new Date(), mustExist })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

/** Opens a ledger on the session's store and runs `work`, closing it after. */
export const withLedger = async <T>(
  session: Session,
  work: (ledger: Ledger) => Promise<T>,
): Promise<T> =>
  withStore(session, true, async (store) => {
    const ledger = await createLedger({ store, timeZone: session.timeZone })
    return work(ledger)
  })
