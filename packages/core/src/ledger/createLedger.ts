// createLedger: wires a store, the asset registry, the calendar, the clock and the workflows into
// the Ledger of DESIGN.md section 6.
import { createAssetRegistry, createBusinessCalendar, isNamespace } from '@wallet-ledger/domain'
import { createDefinitions } from '../engine/definitions.js'
import { createIdGenerator, ledgerIdNamespace } from '../engine/ids.js'
import { createLocalTimeFormatter, isKnownTimeZone } from '../engine/localTime.js'
import { createRepository } from '../engine/repository.js'
import { createMemoryKeyVault } from '../privacy/keyVault.js'
import { createInFlight } from '../workflows/execution/inFlight.js'
import type { EventStore } from '../ports/eventStore.js'
import { ledgerMethods } from './methods.js'
import { configurationError, openStoreUrl } from './storeUrl.js'
import type { LedgerContext } from './context.js'
import type { Ledger, LedgerOptions } from './types.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** The store option: an EventStore as given, else a URL (the option, then WALLET_LEDGER_STORE). */
const resolveStore = async (
  store: EventStore | string | undefined,
  clock: () => Date,
): Promise<EventStore> => {
  if (store !== undefined && typeof store !== 'string') return store
  return openStoreUrl(store ?? process.env['WALLET_LEDGER_STORE'] ?? 'memory:', clock)
}

/**
 * Creates a ledger. Throws (an `Error` with `code: 'invalid_configuration'`) for bad options:
 * an unknown time zone, an invalid asset or holiday, a bad namespace, a store URL whose scheme is
 * unknown or whose adapter package is not installed.
 *
 * @example
 * const ledger = await createLedger({ timeZone: 'Asia/Shanghai' })
 */
export const createLedger = async (options: LedgerOptions = {}): Promise<Ledger> => {
  const clock = options.clock ?? (() => new Date())
  const registry = createAssetRegistry(options.assets ?? [])
  if (registry._tag === 'Left') throw configurationError(registry.left.message)
  const timeZone = options.timeZone ?? 'UTC'
  if (!isKnownTimeZone(timeZone))
    throw configurationError(`timeZone: unknown IANA time zone "${timeZone}"`)
  const calendar = createBusinessCalendar({
    holidays: options.holidays ?? [],
    ...(options.cutoff === undefined ? {} : { cutoff: options.cutoff }),
  })
  if (calendar._tag === 'Left') throw configurationError(calendar.left.message)
  if (options.namespace !== undefined && !isNamespace(options.namespace)) {
    throw configurationError('namespace: letters, digits, "-" and "_", at most 64')
  }
  const store = await resolveStore(options.store, clock)
  const isAtomic = options.executor !== 'stepwise' && store.appendMany !== undefined
  const frozenHandlers: ((accountId: string) => Promise<void>)[] = []
  const hooks = options.hooks ?? {}
  const reportSnapshot = (error: unknown): void => {
    try {
      hooks.onError?.({ command: 'snapshot', error })
    } catch {
      // A hook that throws is ignored (LedgerHooks).
    }
  }
  const context: LedgerContext = {
    store,
    repository: createRepository(store, undefined, reportSnapshot),
    definitions: createDefinitions(options.namespace),
    registry: registry.right,
    calendar: calendar.right,
    clock,
    nextId: createIdGenerator(clock),
    idNamespace: ledgerIdNamespace(options.namespace),
    localTime: createLocalTimeFormatter(timeZone),
    hooks,
    keyVault: options.keyVault ?? store.keyVault ?? createMemoryKeyVault(),
    isAtomic,
    inFlight: createInFlight(),
    authorizationTtlMs: options.authorizationTtlMs ?? 7 * DAY_MS,
    disputeResponseMs: options.disputeResponseMs ?? 7 * DAY_MS,
    onFrozen: async (accountId) => {
      for (const handler of frozenHandlers) await handler(accountId)
    },
  }
  return ledgerMethods(context, frozenHandlers)
}
