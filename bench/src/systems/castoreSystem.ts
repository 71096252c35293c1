// castore 2.4 as a P2P system: one event store of accounts on its in-memory adapter; a transfer
// reads both aggregates, checks the payer's balance, and commits a debit and a credit together as
// one event group (both or neither, each at the version it read: optimistic concurrency).
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
  readonly aggregateId: string
  readonly version: number
  readonly type: 'OPENED' | 'DEBITED' | 'CREDITED'
  readonly payload: { readonly asset: string; readonly amount: string }
}
type Account = {
  readonly aggregateId: string
  readonly version: number
  readonly balanceMinor: bigint
}
type Grouped = { readonly __grouped: unknown }
type CastoreEventStore = {
  readonly pushEvent: (event: AccountEvent) => Promise<unknown>
  readonly groupEvent: (event: AccountEvent) => Grouped
  readonly getAggregate: (id: string) => Promise<{ aggregate: Account | undefined }>
}
type CastoreCore = {
  readonly EventType: new (options: { type: string }) => unknown
  readonly EventStore: (new (options: {
    eventStoreId: string
    eventTypes: unknown[]
    reducer: (account: Account | undefined, event: AccountEvent) => Account
    eventStorageAdapter: unknown
  }) => CastoreEventStore) & { pushEventGroup: (...events: Grouped[]) => Promise<unknown> }
}
type CastoreInMemory = { readonly InMemoryEventStorageAdapter: new () => unknown }

/** The packages, as `ScenarioContext.peer` loads them (undefined when not installed). */
export const CASTORE_PACKAGES = [
  '@castore/core',
  '@castore/event-storage-adapter-in-memory',
] as const

// ---------------------------------------------------------------- the system

/** A castore event store of accounts on a fresh in-memory adapter. */
export const createCastoreSystem = (core: unknown, inMemory: unknown): P2pSystem => {
  const { EventStore, EventType } = core as CastoreCore
  const { InMemoryEventStorageAdapter } = inMemory as CastoreInMemory
  const accounts = new EventStore({
    eventStoreId: 'ACCOUNTS',
    eventTypes: ['OPENED', 'DEBITED', 'CREDITED'].map((type) => new EventType({ type })),
    reducer,
    eventStorageAdapter: new InMemoryEventStorageAdapter(),
  })
  const read = async (id: string): Promise<Account> => {
    const { aggregate } = await accounts.getAggregate(id)
    if (aggregate === undefined) throw new Error(`castore: no account ${id}`)
    return aggregate
  }
  return {
    name: 'castore',
    setup: async (count) => {
      for (let index = 0; index < count; index += 1) {
        const payload = { asset: BENCH_ASSET, amount: formatBenchAmount(FUNDING_MINOR) }
        await accounts.pushEvent({
          aggregateId: benchAccountId(index),
          version: 1,
          type: 'OPENED',
          payload,
        })
      }
    },
    transfer: async (transfer) => {
      const [payer, payee] = await Promise.all([
        read(benchAccountId(transfer.payer)),
        read(benchAccountId(transfer.payee)),
      ])
      if (transfer.amountMinor <= 0n || payer.balanceMinor < transfer.amountMinor) {
        throw new Error(`castore: ${payer.aggregateId} cannot pay ${transfer.amountMinor}`)
      }
      const payload = { asset: BENCH_ASSET, amount: formatBenchAmount(transfer.amountMinor) }
      await EventStore.pushEventGroup(
        accounts.groupEvent({
          aggregateId: payer.aggregateId,
          version: payer.version + 1,
          type: 'DEBITED',
          payload,
        }),
        accounts.groupEvent({
          aggregateId: payee.aggregateId,
          version: payee.version + 1,
          type: 'CREDITED',
          payload,
        }),
      )
    },
    totalMinor: async (count) => {
      let totalMinor = 0n
      for (let index = 0; index < count; index += 1)
        totalMinor += (await read(benchAccountId(index))).balanceMinor
      return totalMinor
    },
    close: () => Promise.resolve(),
  }
}

// ---------------------------------------------------------------- helpers

/** Balance in minor units: amounts travel as decimal strings, as in wallet-ledger's events. */
const reducer = (account: Account | undefined, event: AccountEvent): Account => {
  const amountMinor = parseBenchAmount(event.payload.amount)
  const balanceMinor = account?.balanceMinor ?? 0n
  return {
    aggregateId: event.aggregateId,
    version: event.version,
    balanceMinor:
      event.type === 'DEBITED' ? balanceMinor - amountMinor : balanceMinor + amountMinor,
  }
}
