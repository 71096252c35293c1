// The workflows of a simulated ledger (ledgerSimulator.ts): each method builds the command the
// engine would build from real state, runs the workflow's decider, then the account (and promotion)
// steps its events call for. Ids are derived from the workflow id; every method takes an optional
// `at` and a `StepLimit`. This file holds what the methods share; ledgerPayments.ts and
// ledgerSettlements.ts hold the methods.
import type {
  DisputeEvent,
  JournalEntry,
  OpenedAccountState,
  PaymentEvent,
  PromotionEvent,
  WithdrawalEvent,
} from '@wallet-ledger/domain'
import {
  accountDecider,
  accountStream,
  adjustmentDecider,
  adjustmentStream,
  conversionDecider,
  conversionStream,
  depositDecider,
  depositStream,
  disputeDecider,
  disputeStream,
  paymentDecider,
  paymentStream,
  promotionDecider,
  promotionStream,
  senderFactsOf,
  withdrawalDecider,
  withdrawalStream,
} from '@wallet-ledger/domain'
import { paymentMethods } from './ledgerPayments.js'
import { settlementMethods } from './ledgerSettlements.js'
import type { SimulatorCore, SimulatorOptions } from './ledgerSimulator.js'
import { createSimulatorCore, localDateOf } from './ledgerSimulator.js'

type Run<Event> = (stream: string, command: unknown) => readonly Event[]

/** The aggregates the workflows run, with their stream names. */
export const AGGREGATES = {
  deposit: { decider: depositDecider, stream: depositStream },
  adjustment: { decider: adjustmentDecider, stream: adjustmentStream },
  payment: { decider: paymentDecider, stream: paymentStream },
  withdrawal: { decider: withdrawalDecider, stream: withdrawalStream },
  dispute: { decider: disputeDecider, stream: disputeStream },
  conversion: { decider: conversionDecider, stream: conversionStream },
  promotion: { decider: promotionDecider, stream: promotionStream },
} as const

/** What the workflow methods share: the core, typed runners, account facts and hold steps. */
export type WorkflowContext = ReturnType<typeof createWorkflowContext>

/** The shared pieces of the workflow methods over one simulator core. */
export const createWorkflowContext = (core: SimulatorCore) => {
  const A = AGGREGATES
  const { tick } = core
  const runner =
    <Event>(aggregate: { decider: unknown }): Run<Event> =>
    (stream, command) =>
      core.run(aggregate.decider as never, stream, command) as unknown as readonly Event[]
  const payment = runner<PaymentEvent>(A.payment)
  const withdrawal = runner<WithdrawalEvent>(A.withdrawal)
  const dispute = runner<DisputeEvent>(A.dispute)
  const promotion = runner<PromotionEvent>(A.promotion)
  const accountOf = (accountId: string): OpenedAccountState => {
    const state = core.stateOf(accountDecider, accountStream(accountId))
    if (state.status === 'not_opened') {
      throw new Error(`use on ${accountStream(accountId)}: account_not_found (not opened)`)
    }
    return state
  }
  const senderOf = (accountId: string, asset: string, at: string) =>
    senderFactsOf(accountOf(accountId), asset, localDateOf(at) as never)
  const holds = new Map<string, { accountId: string; holdId: string }>()
  const disputeRefunds = new Map<string, bigint>()
  const holdStep =
    (accountId: string, holdId: string, asset: string, amount: string, at: string, extra: object) =>
    () =>
      core.account({
        type: 'HoldFunds',
        accountId,
        operationId: `${holdId}:hold`,
        holdId,
        asset,
        amount,
        at,
        ...extra,
      } as never)
  const releaseStep = (workflowId: string, at: string) => () => {
    const hold = holds.get(workflowId)
    if (hold === undefined) return
    core.account({
      type: 'ReleaseHold',
      ...hold,
      operationId: `${hold.holdId}:release`,
      at,
    } as never)
  }
  const holdsOf = (workflowId: string): ReadonlyMap<string, string> => {
    const hold = holds.get(workflowId)
    return hold === undefined ? new Map() : new Map([[hold.accountId, hold.holdId]])
  }
  const promotionSteps = (entry: JournalEntry, command: object, at: string) =>
    entry.legs.some((leg) => leg.account.startsWith('system:promotion:'))
      ? [
          () =>
            void promotion(A.promotion.stream((command as { promotionId: string }).promotionId), {
              ...command,
              entry,
              at,
            }),
        ]
      : []
  return {
    core,
    tick,
    payment,
    withdrawal,
    dispute,
    promotion,
    accountOf,
    senderOf,
    holds,
    disputeRefunds,
    holdStep,
    releaseStep,
    holdsOf,
    promotionSteps,
  }
}

/** A simulated ledger: its log and one method per workflow step. */
export type LedgerSimulator = ReturnType<typeof createLedgerSimulator>

/** A simulated ledger starting at `options.start` with an empty log. */
export const createLedgerSimulator = (options: SimulatorOptions = {}) => {
  const core = createSimulatorCore(options)
  const context = createWorkflowContext(core)
  return { core, log: core.log, ...paymentMethods(context), ...settlementMethods(context) }
}
