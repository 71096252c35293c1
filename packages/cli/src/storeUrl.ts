// Which store a command works on, and opening it: `--store`, else WALLET_LEDGER_STORE, else the
// embedded SQLite file. The CLI loads the adapter package itself (it depends on the SQLite one and
// finds the others where the user installed them) and hands createLedger the opened store.
import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { createMemoryEventStore } from '@wallet-ledger/core'
import type { EventStore } from '@wallet-ledger/core'
import { STORE_SCHEMES } from '@wallet-ledger/core/adapter'
import type { StoreAdapterModule } from '@wallet-ledger/core/adapter'
import { cliError } from './cliError.js'

/** The store used when neither `--store` nor WALLET_LEDGER_STORE names one. */
export const DEFAULT_STORE_URL = 'sqlite:./wallet-ledger.db'

/** The store URL in force: the option, then the environment, then the default. */
export const storeUrlOf = (option: string | undefined): string =>
  option ?? process.env['WALLET_LEDGER_STORE'] ?? DEFAULT_STORE_URL

/** The file a `sqlite:` URL names (absolute), or undefined for other URLs and `sqlite::memory:`. */
export const sqliteFileOf = (url: string): string | undefined => {
  if (!/^sqlite:/i.test(url)) return undefined
  const rest = url.slice('sqlite:'.length).split('?')[0] ?? ''
  if (rest === '' || rest === ':memory:') return undefined
  return resolve(rest)
}

/** How a command opens its store. */
export type OpenOptions = {
  readonly clock: () => Date
  /** A read must not create an empty file where the person mistyped a path. */
  readonly mustExist: boolean
}

/** Opens the store a URL names; a person-readable CliError when it cannot. */
export const openStore = async (url: string, options: OpenOptions): Promise<EventStore> => {
  if (url === 'memory:' || url === 'memory://')
    return createMemoryEventStore({ clock: options.clock })
  const file = sqliteFileOf(url)
  if (options.mustExist && file !== undefined && !existsSync(file)) {
    throw cliError(
      `no store at ${file}: the file does not exist. Run \`wallet-ledger demo\` to make one, ` +
        'or name another with --store (or WALLET_LEDGER_STORE).',
    )
  }
  const adapter = await loadAdapter(url)
  return adapter.openEventStore(url, { clock: options.clock })
}

/** Deletes a SQLite store file and its journal files, for `demo --fresh`. */
export const deleteSqliteFile = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

// ---------------------------------------------------------------- helpers

/** A URL as an error may print it: at most 200 characters, a password never (`user:***@`). */
export const shownUrl = (url: string): string =>
  url.slice(0, 200).replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^@/]*@/i, '$1:***@')

const loadAdapter = async (url: string): Promise<StoreAdapterModule> => {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase()
  const packageName = scheme === undefined ? undefined : STORE_SCHEMES[scheme]
  if (packageName === undefined) {
    const schemes = ['memory:', ...Object.keys(STORE_SCHEMES)].join(', ')
    throw cliError(
      `"${shownUrl(url)}" is not a store URL; use one of ${schemes} ` +
        `(for example ${DEFAULT_STORE_URL})`,
    )
  }
  try {
    const loaded = (await import(packageName)) as Partial<StoreAdapterModule>
    if (typeof loaded.openEventStore !== 'function') {
      throw cliError(`${packageName} does not export openEventStore(url, options)`)
    }
    return loaded as StoreAdapterModule
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code !== 'ERR_MODULE_NOT_FOUND') throw error
    throw cliError(
      `the store URL ${shownUrl(url)} needs the package ${packageName}, which is not ` +
        `installed; install it beside @wallet-ledger/cli (npm install ${packageName})`,
    )
  }
}
