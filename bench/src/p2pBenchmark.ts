// The P2P benchmark through the public API: open and fund N accounts by deposits, then send M
// transfers (`pay` with channel 'p2p') between accounts drawn from a seeded generator, one at a
// time, timing the transfers only. Every check the engine has stays on: codecs, assertions,
// hashes, the commit chain. Afterwards it proves the run was honest: every balance is read back and
// their sum must equal what was deposited.
import { createLedger, createMemoryEventStore } from '@wallet-ledger/core'
import type { Ledger, MemoryEventStore } from '@wallet-ledger/core'
import {
  BENCH_ASSET,
  FUNDING_MINOR,
  benchAccountId,
  formatBenchAmount,
  parseBenchAmount,
  transfersOf,
} from './workload.js'
import type { Transfer, WorkloadOptions } from './workload.js'

// ---------------------------------------------------------------- types

/** What one run measured and checked. Amounts are minor units of `BENCH_ASSET`. */
export type P2pResult = {
  readonly accounts: number
  readonly transfers: number
  readonly seed: number
  /** Transfers that returned a completed payment. */
  readonly completed: number
  /** Refused transfers by error code (none are expected: accounts are funded far beyond need). */
  readonly refused: Readonly<Record<string, number>>
  readonly setupMs: number
  readonly transferMs: number
  /**
   * Process CPU time (user + system, every thread: the GC's helpers included) spent in the timed
   * transfers. Unlike wall time it does not count the time the scheduler gave other processes, so
   * it moves less with the machine's load.
   */
  readonly transferCpuMs: number
  readonly transfersPerSecond: number
  /** Events the store holds for the transfer phase, per transfer (the design caps it at 3). */
  readonly eventsPerTransfer: number
  readonly depositedMinor: bigint
  /** Sum over all accounts of the total balance, read back after the run. */
  readonly balancesMinor: bigint
  /** Sum over all accounts of the held part (no transfer holds anything: must be 0). */
  readonly heldMinor: bigint
  /** The store the run wrote, still open, for the baselines to replay: call `close` after. */
  readonly store: MemoryEventStore
  /** The global position of the first event the transfer phase wrote. */
  readonly transferFromPosition: bigint
  /** Closes the ledger and its store. */
  readonly close: () => Promise<void>
}

/**
 * Work done off the clock after the setup and after each chunk of transfers, given the store and
 * the position of the first event written since the previous call: the baselines interleave here,
 * so both see the same machine load and the same heap.
 */
export type OffClockHook = (store: MemoryEventStore, fromPosition: bigint) => Promise<void>

/** Hooks of a run; absent hooks do nothing. */
export type P2pHooks = {
  readonly afterSetup?: OffClockHook
  readonly afterChunk?: OffClockHook
}

// ---------------------------------------------------------------- constants

/** Transfers timed between two calls of `afterChunk`. */
export const TRANSFERS_PER_CHUNK = 1_000

/** Where the bench's clock starts: fixed, so the stored data is the same in every run. */
const CLOCK_START_MS = Date.parse('2026-01-05T00:00:00.000Z')

// ---------------------------------------------------------------- operations

/**
 * Runs the P2P benchmark and leaves its store open for the baselines (the caller closes it). Throws
 * when the setup or the read-back fails; a refused transfer is counted, not thrown, so the caller
 * decides whether a refusal is a failure.
 */
export const runP2pBenchmark = async (
  options: WorkloadOptions,
  hooks: P2pHooks = {},
): Promise<P2pResult> => {
  const clock = createSteppingClock(CLOCK_START_MS)
  const store = createMemoryEventStore({ clock })
  const ledger = await createLedger({ store, clock })
  try {
    const setupStarted = performance.now()
    const depositedMinor = await openAndFund(ledger, options.accounts)
    const setupMs = performance.now() - setupStarted
    await hooks.afterSetup?.(store, 0n)
    const transferFromPosition = (await store.readHead()).nextPosition
    const { completed, refused, transferMs, transferCpuMs } = await sendTransfers(
      ledger,
      store,
      options,
      hooks,
    )
    const transferEvents = (await store.readHead()).nextPosition - transferFromPosition
    const { balancesMinor, heldMinor } = await sumBalances(ledger, options.accounts)
    return {
      accounts: options.accounts,
      transfers: options.transfers,
      seed: options.seed,
      completed,
      refused,
      setupMs,
      transferMs,
      transferCpuMs,
      transfersPerSecond: perSecond(options.transfers, transferMs),
      eventsPerTransfer: options.transfers === 0 ? 0 : Number(transferEvents) / options.transfers,
      depositedMinor,
      balancesMinor,
      heldMinor,
      store,
      transferFromPosition,
      close: () => ledger.close(),
    }
  } catch (error) {
    await ledger.close()
    throw error
  }
}

/** Process CPU time (user + system) in milliseconds since `since`, a `process.cpuUsage()`. */
export const cpuMsSince = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** Operations per second over a duration in milliseconds. */
export const perSecond = (operations: number, durationMs: number): number =>
  durationMs > 0 ? (operations * 1000) / durationMs : 0

// ---------------------------------------------------------------- helpers

/**
 * A clock that moves 1 ms forward at every call: time passes as in a real run, but every run
 * stores the same instants, so event sizes (and hence hashing work) do not vary between runs.
 */
const createSteppingClock = (startMs: number): (() => Date) => {
  let nowMs = startMs
  return () => new Date((nowMs += 1))
}

/** Opens one user account per index and funds it with one deposit; returns the sum deposited. */
const openAndFund = async (ledger: Ledger, accounts: number): Promise<bigint> => {
  let depositedMinor = 0n
  for (let index = 0; index < accounts; index += 1) {
    const accountId = benchAccountId(index)
    orFail(await ledger.openAccount({ accountId, kind: 'user' }), `open ${accountId}`)
    const deposited = await ledger.deposit({
      accountId,
      asset: BENCH_ASSET,
      amount: formatBenchAmount(FUNDING_MINOR),
      source: { type: 'bank_transfer', reference: `bench-funding-${index}` },
      idempotencyKey: `bench-funding-${index}`,
    })
    orFail(deposited, `fund ${accountId}`)
    depositedMinor += FUNDING_MINOR
  }
  return depositedMinor
}

/**
 * Sends the workload's transfers one after the other, timing them in chunks with `afterChunk`
 * called off the clock between chunks; counts completions and refusals.
 */
const sendTransfers = async (
  ledger: Ledger,
  store: MemoryEventStore,
  options: WorkloadOptions,
  hooks: P2pHooks,
): Promise<{
  completed: number
  refused: Record<string, number>
  transferMs: number
  transferCpuMs: number
}> => {
  const tally = { completed: 0, refused: {} as Record<string, number> }
  let transferMs = 0
  let transferCpuMs = 0
  let index = 0
  let started = performance.now()
  let cpuStarted = process.cpuUsage()
  let chunkFrom = (await store.readHead()).nextPosition
  for (const transfer of transfersOf(options)) {
    countOutcome(tally, await ledger.pay(payInput(transfer, options.seed, index)))
    index += 1
    if (index % TRANSFERS_PER_CHUNK === 0 || index === options.transfers) {
      transferMs += performance.now() - started
      transferCpuMs += cpuMsSince(cpuStarted)
      await hooks.afterChunk?.(store, chunkFrom)
      chunkFrom = (await store.readHead()).nextPosition
      cpuStarted = process.cpuUsage()
      started = performance.now()
    }
  }
  return { ...tally, transferMs, transferCpuMs }
}

const payInput = (transfer: Transfer, seed: number, index: number) => ({
  channel: 'p2p' as const,
  payer: benchAccountId(transfer.payer),
  payee: benchAccountId(transfer.payee),
  asset: BENCH_ASSET,
  amount: formatBenchAmount(transfer.amountMinor),
  idempotencyKey: `bench-transfer-${seed}-${index}`,
})

const countOutcome = (
  tally: { completed: number; refused: Record<string, number> },
  paid: Awaited<ReturnType<Ledger['pay']>>,
): void => {
  if (paid._tag === 'Right' && paid.right.status === 'completed') {
    tally.completed += 1
    return
  }
  const code = paid._tag === 'Left' ? paid.left.code : `status_${paid.right.status}`
  tally.refused[code] = (tally.refused[code] ?? 0) + 1
}

/** Reads every account's balances back and sums the totals and held parts. */
const sumBalances = async (
  ledger: Ledger,
  accounts: number,
): Promise<{ balancesMinor: bigint; heldMinor: bigint }> => {
  let balancesMinor = 0n
  let heldMinor = 0n
  for (let index = 0; index < accounts; index += 1) {
    const accountId = benchAccountId(index)
    const balances = orFail(await ledger.balances(accountId), `balances of ${accountId}`)
    const balance = balances[BENCH_ASSET]
    if (balance === undefined) continue
    const available = parseBenchAmount(balance.available)
    const held = parseBenchAmount(balance.held)
    const total = parseBenchAmount(balance.total)
    if (available + held !== total) {
      throw new Error(`${accountId}: available ${balance.available} + held ${balance.held} ≠ total`)
    }
    balancesMinor += total
    heldMinor += held
  }
  return { balancesMinor, heldMinor }
}

/** The value of a successful call; a refusal during setup or read-back ends the run. */
const orFail = <T>(
  result: { _tag: 'Left'; left: { code: string; message: string } } | { _tag: 'Right'; right: T },
  what: string,
): T => {
  if (result._tag === 'Left') {
    throw new Error(`${what}: ${result.left.code}: ${result.left.message}`)
  }
  return result.right
}
