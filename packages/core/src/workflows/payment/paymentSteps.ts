// What follows a payment's own event: the account writes (the payer's debit, hold, capture or
// release, the payee's credit, the fee) and the promotion's DiscountApplied, decided against each
// account's state, and the planning of a command on an existing payment (capture, cancel, expire).
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { paymentView } from '@wallet-ledger/domain'
import type {
  AccountState,
  PaymentCommand,
  PaymentEvent,
  PaymentState,
  PromotionCommand,
} from '@wallet-ledger/domain'
import type { Write } from '../../engine/commit.js'
import type { LedgerContext } from '../../ledger/context.js'
import type { LedgerError, PaymentView } from '../../ledger/types.js'
import { decideAccountWrites, legCommands, stepCommand } from '../shared/accountWrites.js'
import type { LegOverride } from '../shared/accountWrites.js'
import { decideWrite } from '../shared/common.js'
import type { Plan } from '../execution/run.js'
import { paymentNotFound } from '../../ledger/notFound.js'

// ---------------------------------------------------------------- helpers

export type Opened = Exclude<AccountState, { status: 'not_opened' }>
export const isOpened = (state: AccountState): state is Opened => state.status !== 'not_opened'

export const viewOf = (state: PaymentState): PaymentView => paymentView(state)

/** The account and promotion writes that follow a payment event. */
export const followUps = async (
  context: LedgerContext,
  state: PaymentState,
  events: readonly PaymentEvent[],
  at: string,
  localDate: string,
): Promise<Either<LedgerError, Write[]>> => {
  const writes: Write[] = []
  for (const event of events) {
    const decided = await followUpOf(context, state, event, at, localDate)
    if (decided._tag === 'Left') return decided
    writes.push(...decided.right)
  }
  return right(writes)
}

const followUpOf = async (
  context: LedgerContext,
  state: PaymentState,
  event: PaymentEvent,
  at: string,
  localDate: string,
): Promise<Either<LedgerError, Write[]>> => {
  switch (event.type) {
    case 'PaymentCaptured': {
      const payer =
        event.data.request?.payer ?? ('request' in state ? state.request.payer : undefined)
      const holdId = state.status === 'authorized' ? state.holdId : undefined
      const overrides: Record<string, LegOverride> =
        payer === undefined
          ? {}
          : {
              [payer]:
                holdId === undefined
                  ? { initiatedBy: 'owner', limitDate: localDate }
                  : { captureHoldId: holdId, initiatedBy: 'platform' },
            }
      const accounts = await decideAccountWrites(
        context,
        legCommands(event.data.entry, at, overrides),
        at,
      )
      if (accounts._tag === 'Left') return accounts
      const discount = await discountWrite(context, state, event, at)
      return discount._tag === 'Left' ? discount : right([...accounts.right, ...discount.right])
    }
    case 'PaymentAuthorized': {
      const { request, holdId, expiresAt } = event.data
      const hold = stepCommand(
        {
          kind: 'hold',
          accountId: request.payer,
          holdId,
          asset: request.asset,
          amount: request.amount,
          initiatedBy: 'owner',
          expiresAt,
          limitDate: localDate,
        },
        at,
      )
      return decideAccountWrites(context, [hold], at)
    }
    case 'PaymentCancelled':
    case 'PaymentExpired': {
      if (state.status !== 'authorized') return right([])
      return decideAccountWrites(
        context,
        [
          stepCommand(
            { kind: 'release', accountId: state.request.payer, holdId: state.holdId },
            at,
          ),
        ],
        at,
      )
    }
    default:
      return right([])
  }
}

/** The promotion's DiscountApplied, when a captured payment used one. */
const discountWrite = async (
  context: LedgerContext,
  state: PaymentState,
  event: Extract<PaymentEvent, { type: 'PaymentCaptured' }>,
  at: string,
): Promise<Either<LedgerError, Write[]>> => {
  const request = event.data.request ?? ('request' in state ? state.request : undefined)
  if (request?.promotionId === undefined || event.data.discount === undefined) return right([])
  const definition = context.definitions.promotion
  const loaded = await context.repository.load(definition, request.promotionId)
  const command = {
    type: 'ApplyDiscount',
    promotionId: request.promotionId,
    paymentId: event.data.paymentId,
    accountId: request.payer,
    amount: event.data.amount,
    entry: event.data.entry,
    at,
  } as PromotionCommand
  const write = decideWrite(definition, definition.stream(request.promotionId), loaded, command)
  return write._tag === 'Left' ? write : right([write.right])
}

/** Decides a command on an existing payment and everything that follows from it. */
export const planPaymentCommand = async (
  context: LedgerContext,
  paymentId: string,
  build: (
    state: Exclude<PaymentState, { status: 'not_requested' }>,
    at: string,
  ) => Either<LedgerError, PaymentCommand>,
): Promise<Either<LedgerError, Plan<PaymentView>>> => {
  const definition = context.definitions.payment
  const loaded = await context.repository.load(definition, paymentId)
  if (loaded.state.status === 'not_requested') return left(paymentNotFound(paymentId))
  const now = context.clock()
  const at = now.toISOString()
  const command = build(loaded.state, at)
  if (command._tag === 'Left') return command
  const write = decideWrite(definition, definition.stream(paymentId), loaded, command.right)
  if (write._tag === 'Left') return write
  const rest = await followUps(
    context,
    loaded.state,
    write.right.events,
    at,
    context.localTime(now).localDate,
  )
  if (rest._tag === 'Left') return rest
  return right({
    writes: [write.right, ...rest.right],
    outcome: right(viewOf(write.right.nextState)),
  })
}
