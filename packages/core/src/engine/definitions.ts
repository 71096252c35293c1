// Every aggregate the engine handles, wired once: decider, event codec, upcasters, stream name.
import {
  AccountEvent,
  AccountSnapshot,
  AdjustmentEvent,
  ClaimEvent,
  ConversionEvent,
  DepositEvent,
  DisputeEvent,
  PaymentEvent,
  PromotionEvent,
  WithdrawalEventCodec,
  accountDecider,
  accountSnapshot,
  accountStateFromSnapshot,
  accountStream,
  accountUpcasters,
  adjustmentDecider,
  adjustmentStream,
  adjustmentUpcasters,
  claimDecider,
  claimStream,
  claimUpcasters,
  conversionDecider,
  conversionStream,
  conversionUpcasters,
  depositDecider,
  depositStream,
  depositUpcasters,
  disputeDecider,
  disputeStream,
  disputeUpcasters,
  paymentDecider,
  paymentStream,
  paymentUpcasters,
  promotionDecider,
  promotionStream,
  promotionUpcasters,
  withdrawalDecider,
  withdrawalStream,
  withdrawalUpcasters,
} from '@wallet-ledger/domain'
import type {
  AccountCommand,
  AccountError,
  AccountState,
  AdjustmentCommand,
  AdjustmentError,
  AdjustmentState,
  ClaimCommand,
  ClaimError,
  ClaimState,
  ConversionCommand,
  ConversionError,
  ConversionState,
  DepositCommand,
  DepositError,
  DepositState,
  DisputeCommand,
  DisputeError,
  DisputeState,
  PaymentCommand,
  PaymentError,
  PaymentState,
  PromotionCommand,
  PromotionError,
  PromotionState,
  WithdrawalCommand,
  WithdrawalError,
  WithdrawalEvent,
  WithdrawalState,
} from '@wallet-ledger/domain'
import type {
  AggregateDefinition,
  AnyAggregateDefinition,
  SnapshotDefinition,
} from './aggregate.js'

const accountSnapshots: SnapshotDefinition<AccountState> = {
  schemaVersion: 1,
  encode: (state) => AccountSnapshot.encode(accountSnapshot(state)),
  decode: (stored) => {
    const decoded = AccountSnapshot.decode(stored)
    return decoded._tag === 'Right' ? accountStateFromSnapshot(decoded.right) : undefined
  },
}

/** The aggregates of one ledger. */
export type Definitions = {
  readonly account: AggregateDefinition<AccountState, AccountCommand, AccountEvent, AccountError>
  readonly payment: AggregateDefinition<PaymentState, PaymentCommand, PaymentEvent, PaymentError>
  readonly promotion: AggregateDefinition<
    PromotionState,
    PromotionCommand,
    PromotionEvent,
    PromotionError
  >
  readonly withdrawal: AggregateDefinition<
    WithdrawalState,
    WithdrawalCommand,
    WithdrawalEvent,
    WithdrawalError
  >
  readonly dispute: AggregateDefinition<DisputeState, DisputeCommand, DisputeEvent, DisputeError>
  readonly conversion: AggregateDefinition<
    ConversionState,
    ConversionCommand,
    ConversionEvent,
    ConversionError
  >
  readonly deposit: AggregateDefinition<DepositState, DepositCommand, DepositEvent, DepositError>
  readonly adjustment: AggregateDefinition<
    AdjustmentState,
    AdjustmentCommand,
    AdjustmentEvent,
    AdjustmentError
  >
  /** Idempotency keys claimed ledger-wide (refunds, whose own stream is their payment's). */
  readonly claim: AggregateDefinition<ClaimState, ClaimCommand, ClaimEvent, ClaimError>
}

/** The aggregates of one ledger, their streams under its namespace. */
export const createDefinitions = (namespace: string | undefined): Definitions => {
  const define = <
    State,
    Command,
    Event extends { type: string; schemaVersion: number; data: unknown },
    Error,
  >(
    definition: AggregateDefinition<State, Command, Event, Error>,
  ): AggregateDefinition<State, Command, Event, Error> => definition
  return {
    account: define({
      name: 'account',
      decider: accountDecider,
      eventCodec: AccountEvent,
      upcasters: accountUpcasters,
      stream: (id) => accountStream(id, namespace),
      snapshot: accountSnapshots,
    }),
    payment: define({
      name: 'payment',
      decider: paymentDecider,
      eventCodec: PaymentEvent,
      upcasters: paymentUpcasters,
      stream: (id) => paymentStream(id, namespace),
    }),
    promotion: define({
      name: 'promotion',
      decider: promotionDecider,
      eventCodec: PromotionEvent,
      upcasters: promotionUpcasters,
      stream: (id) => promotionStream(id, namespace),
    }),
    withdrawal: define({
      name: 'withdrawal',
      decider: withdrawalDecider,
      eventCodec: WithdrawalEventCodec,
      upcasters: withdrawalUpcasters,
      stream: (id) => withdrawalStream(id, namespace),
    }),
    dispute: define({
      name: 'dispute',
      decider: disputeDecider,
      eventCodec: DisputeEvent,
      upcasters: disputeUpcasters,
      stream: (id) => disputeStream(id, namespace),
    }),
    conversion: define({
      name: 'conversion',
      decider: conversionDecider,
      eventCodec: ConversionEvent,
      upcasters: conversionUpcasters,
      stream: (id) => conversionStream(id, namespace),
    }),
    deposit: define({
      name: 'deposit',
      decider: depositDecider,
      eventCodec: DepositEvent,
      upcasters: depositUpcasters,
      stream: (id) => depositStream(id, namespace),
    }),
    adjustment: define({
      name: 'adjustment',
      decider: adjustmentDecider,
      eventCodec: AdjustmentEvent,
      upcasters: adjustmentUpcasters,
      stream: (id) => adjustmentStream(id, namespace),
    }),
    claim: define({
      name: 'claim',
      decider: claimDecider,
      eventCodec: ClaimEvent,
      upcasters: claimUpcasters,
      stream: (id) => claimStream(id, namespace),
    }),
  }
}

/** The definition owning a stream name, found by its aggregate prefix. */
export const definitionOfStream = (
  definitions: Definitions,
  stream: string,
): AnyAggregateDefinition | undefined => {
  const local = stream.includes('.') ? stream.slice(stream.indexOf('.') + 1) : stream
  const name = local.slice(0, local.indexOf('-'))
  // Own properties only: a stream named `constructor-1` must not find Object.prototype's member.
  return Object.hasOwn(definitions, name)
    ? (definitions as Record<string, AnyAggregateDefinition>)[name]
    : undefined
}

/**
 * The definition of one of this ledger's own streams, else undefined: a stream of another
 * namespace sharing the store, or of no aggregate. A stream is the ledger's own when its
 * definition names the same id exactly that way.
 */
export const ownDefinitionOf = (
  definitions: Definitions,
  stream: string,
): AnyAggregateDefinition | undefined => {
  const found = definitionOfStream(definitions, stream)
  if (found === undefined) return undefined
  const local = stream.slice(stream.indexOf('.') + 1)
  const id = local.slice(local.indexOf('-') + 1)
  return id.length > 0 && found.stream(id) === stream ? found : undefined
}
