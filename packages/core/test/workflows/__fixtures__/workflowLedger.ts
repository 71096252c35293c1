// A ledger for workflow tests: a memory store, a clock the test moves by hand, and a second engine
// context over the same store, so a test can record facts straight through a domain decider (a
// dispute, before its workflow exists) and read them back through the ledger.
import type { Either } from 'fp-ts/lib/Either.js'
import {
  assert,
  createAssetRegistry,
  createBusinessCalendar,
  formatMinor,
  paymentView,
} from '@wallet-ledger/domain'
import type { DisputeCommand, PaymentState } from '@wallet-ledger/domain'
import { createDefinitions, definitionOfStream } from '../../../src/engine/definitions.js'
import { createIdGenerator, ledgerIdNamespace } from '../../../src/engine/ids.js'
import { createLocalTimeFormatter } from '../../../src/engine/localTime.js'
import { createRepository } from '../../../src/engine/repository.js'
import { createLedger } from '../../../src/ledger/createLedger.js'
import type { LedgerContext } from '../../../src/ledger/context.js'
import type { Ledger, LedgerError, LedgerOptions } from '../../../src/ledger/types.js'
import { createMemoryKeyVault } from '../../../src/privacy/keyVault.js'
import { createMemoryEventStore } from '../../../src/store/memoryEventStore.js'
import { iterateAll } from '../../../src/store/paging.js'
import { decideWrite } from '../../../src/workflows/shared/common.js'
import { disputeIdOf } from '../../../src/workflows/shared/ids.js'
import { commitPlan } from '../../../src/workflows/execution/run.js'
import { createInFlight } from '../../../src/workflows/execution/inFlight.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** The ledger under test, its clock and a side context over the same store. */
export type WorkflowLedger = {
  readonly ledger: Ledger
  readonly context: LedgerContext
  /** Moves the clock forward by `ms`. */
  readonly advance: (ms: number) => void
  readonly now: () => Date
}

/** A ledger on a memory store whose clock starts at `start` and moves only by `advance`. */
export const workflowLedger = async (
  options: Omit<LedgerOptions, 'store' | 'clock'> = {},
  start = '2025-03-03T09:00:00.000Z',
): Promise<WorkflowLedger> => {
  let nowMs = Date.parse(start)
  const clock = () => new Date(nowMs)
  const store = createMemoryEventStore({ clock })
  const ledger = await createLedger({ ...options, store, clock })
  const registry = createAssetRegistry(options.assets ?? [])
  const calendar = createBusinessCalendar({ holidays: [] })
  assert(registry._tag === 'Right' && calendar._tag === 'Right', 'fixture configuration')
  const context: LedgerContext = {
    store,
    repository: createRepository(store),
    definitions: createDefinitions(options.namespace),
    registry: registry.right,
    calendar: calendar.right,
    clock,
    nextId: createIdGenerator(clock),
    idNamespace: ledgerIdNamespace(options.namespace),
    localTime: createLocalTimeFormatter(options.timeZone ?? 'UTC'),
    hooks: {},
    keyVault: createMemoryKeyVault(),
    isAtomic: true,
    inFlight: createInFlight(),
    authorizationTtlMs: 7 * DAY_MS,
    disputeResponseMs: 7 * DAY_MS,
    onFrozen: async () => {},
  }
  return {
    ledger,
    context,
    advance: (ms) => {
      assert(ms >= 0, 'the fixture clock only moves forward')
      nowMs += ms
    },
    now: clock,
  }
}

/** The value of a `right`, or a test failure naming the error. */
export const rightOf = <T>(result: Either<LedgerError, T>): T => {
  if (result._tag === 'Left') throw new Error(`expected right, got ${JSON.stringify(result.left)}`)
  return result.right
}

/** The code of a `left`, or a test failure. */
export const leftOf = <T>(result: Either<LedgerError, T>): LedgerError => {
  if (result._tag === 'Right') throw new Error(`expected left, got ${JSON.stringify(result.right)}`)
  return result.left
}

/**
 * Records the `ordinal`-th dispute of a captured payment on the dispute stream only, through the
 * dispute decider (no hold on the payee: that is the dispute workflow's part). `resolveRefund`
 * resolves it for the payer by support with that refund (canonical); absent, it stays open.
 */
export const recordDispute = async (
  fixture: WorkflowLedger,
  paymentId: string,
  ordinal: number,
  resolveRefund?: string,
): Promise<string> => {
  const { context } = fixture
  const payment = await context.repository.load(context.definitions.payment, paymentId)
  const state: PaymentState = payment.state
  assert(state.status !== 'not_requested' && 'captured' in state, 'dispute of a captured payment')
  const view = paymentView(state)
  const disputeId = disputeIdOf(context, paymentId, ordinal)
  const at = context.clock().toISOString()
  const commands: DisputeCommand[] = [
    {
      type: 'OpenDispute',
      disputeId,
      paymentId,
      openedBy: state.request.payer,
      reason: 'not_received',
      at,
      responseDueAt: new Date(Date.parse(at) + DAY_MS).toISOString(),
      holdId: `${disputeId}:hold`,
      payment: {
        payer: state.request.payer,
        payee: state.request.payee,
        asset: state.request.asset,
        captured: formatMinor(state.captured, state.scale),
        discount: formatMinor(state.discount, state.scale),
        fee: formatMinor(state.fee, state.scale),
        refunded: view.refunded,
        status: view.status,
        ...(state.discount > 0n ? { promotionId: state.request.promotionId } : {}),
      },
      payeeAvailable: formatMinor(state.captured, state.scale),
      fingerprint: '0'.repeat(64),
    } as DisputeCommand,
  ]
  if (resolveRefund !== undefined) {
    commands.push(
      { type: 'EscalateDispute', disputeId, at } as DisputeCommand,
      {
        type: 'ResolveDispute',
        disputeId,
        outcome: 'payer',
        entryId: `${disputeId}:refund`,
        amount: resolveRefund,
        at,
      } as DisputeCommand,
    )
  }
  for (const command of commands) {
    const definition = context.definitions.dispute
    const loaded = await context.repository.load(definition, disputeId)
    const write = rightOf(decideWrite(definition, definition.stream(disputeId), loaded, command))
    await commitPlan(context, [write], {})
  }
  return disputeId
}

/** Events in the store: a call that must write nothing leaves this unchanged. */
export const eventCount = async (fixture: WorkflowLedger): Promise<bigint> =>
  (await fixture.context.store.readHead()).nextPosition

/**
 * Per asset, the sum of every account's balance (available + held) and every promotion's remaining
 * budget, in minor units, over every stream in the store. DESIGN: the world sums to zero per asset.
 */
export const worldTotals = async (fixture: WorkflowLedger): Promise<Record<string, bigint>> => {
  const { context } = fixture
  const streams = new Set<string>()
  for await (const stored of iterateAll(context.store)) streams.add(stored.stream)
  const totals: Record<string, bigint> = {}
  const add = (asset: string, minor: bigint) => {
    totals[asset] = (totals[asset] ?? 0n) + minor
  }
  for (const stream of streams) {
    const definition = definitionOfStream(context.definitions, stream)
    const id = stream.slice(stream.indexOf('-') + 1)
    if (definition === context.definitions.account) {
      const loaded = await context.repository.load(context.definitions.account, id)
      assert(loaded.state.status !== 'not_opened', `${stream} has events but no account`)
      for (const [asset, balance] of Object.entries(loaded.state.balances))
        add(asset, balance.available + balance.held)
    }
    if (definition === context.definitions.promotion) {
      const loaded = await context.repository.load(context.definitions.promotion, id)
      assert(loaded.state.status === 'active', `${stream} has events but no promotion`)
      add(loaded.state.terms.asset, loaded.state.remaining)
    }
  }
  return totals
}
