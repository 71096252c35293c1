// Emmett 0.42 as a P2P system: its in-memory event store and `CommandHandler`, one stream per
// account. Its stores append to one stream at a time, so a transfer is two commands, as an Emmett
// service would write it: debit the payer (checking the balance), then credit the payee.
import {
  BENCH_ASSET,
  FUNDING_MINOR,
  benchAccountId,
  formatBenchAmount,
  parseBenchAmount,
} from '../workload.js'
import type { P2pSystem } from './p2pSystem.js'

// ---------------------------------------------------------------- the peer's API, as used here

type AccountEvent = {
  readonly type: 'AccountFunded' | 'FundsDebited' | 'FundsCredited'
  readonly data: { readonly asset: string; readonly amount: string }
}
type Account = { readonly isOpen: boolean; readonly balanceMinor: bigint }
type EmmettStore = { readonly __store: unknown }
type Handle = (
  store: EmmettStore,
  id: string,
  decide: (state: Account) => AccountEvent | AccountEvent[],
) => Promise<{ newState: Account }>
type Emmett = {
  readonly getInMemoryEventStore: () => EmmettStore
  readonly CommandHandler: (options: {
    evolve: (state: Account, event: AccountEvent) => Account
    initialState: () => Account
  }) => Handle
}

/** The package, as `ScenarioContext.peer` loads it (undefined when not installed). */
export const EMMETT_PACKAGE = '@event-driven-io/emmett'

// ---------------------------------------------------------------- the system

/**
 * Emmett's in-memory event store of accounts, or `store` (another of Emmett's stores, such as its
 * SQLite one, made by the same Emmett package) under the name `name`.
 */
export const createEmmettSystem = (
  emmett: unknown,
  name = 'emmett',
  store?: unknown,
): P2pSystem => {
  const { getInMemoryEventStore, CommandHandler } = emmett as Emmett
  const eventStore = (store as EmmettStore | undefined) ?? getInMemoryEventStore()
  const handle = CommandHandler({
    evolve,
    initialState: () => ({ isOpen: false, balanceMinor: 0n }),
  })
  const move = (type: AccountEvent['type'], amountMinor: bigint): AccountEvent => ({
    type,
    data: { asset: BENCH_ASSET, amount: formatBenchAmount(amountMinor) },
  })
  return {
    name,
    setup: async (count) => {
      for (let index = 0; index < count; index += 1) {
        await handle(eventStore, benchAccountId(index), () => move('AccountFunded', FUNDING_MINOR))
      }
    },
    transfer: async (transfer) => {
      await handle(eventStore, benchAccountId(transfer.payer), (payer) => {
        if (
          !payer.isOpen ||
          transfer.amountMinor <= 0n ||
          payer.balanceMinor < transfer.amountMinor
        ) {
          throw new Error(`emmett: ${transfer.payer} cannot pay ${transfer.amountMinor}`)
        }
        return move('FundsDebited', transfer.amountMinor)
      })
      await handle(eventStore, benchAccountId(transfer.payee), (payee) => {
        if (!payee.isOpen) throw new Error(`emmett: no account ${transfer.payee}`)
        return move('FundsCredited', transfer.amountMinor)
      })
    },
    totalMinor: async (count) => {
      let totalMinor = 0n
      for (let index = 0; index < count; index += 1) {
        // A handler that decides nothing reads the state and appends no event.
        const { newState } = await handle(eventStore, benchAccountId(index), () => [])
        totalMinor += newState.balanceMinor
      }
      return totalMinor
    },
    close: () => Promise.resolve(),
  }
}

// ---------------------------------------------------------------- helpers

const evolve = (account: Account, event: AccountEvent): Account => {
  const amountMinor = parseBenchAmount(event.data.amount)
  return {
    isOpen: true,
    balanceMinor:
      event.type === 'FundsDebited'
        ? account.balanceMinor - amountMinor
        : account.balanceMinor + amountMinor,
  }
}
