// Payments: request (instant or manual capture), capture, cancel. The planning that follows a
// payment's event is in paymentSteps.ts. The payment event
// carries the journal entry; the payer's debit (or hold), the payee's credit, the fee and the
// promotion's discount are decided against their own states and committed with it.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  AccountId,
  Authorization,
  boundedString,
  CallerId,
  domainError,
  limits,
  paymentFailureOf,
  promotionFactsOf,
  senderFactsOf,
  storedPaymentFailure,
  keyReusedMessage,
} from '@wallet-ledger/domain'
import type { LocalDate, PaymentCommand } from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import {
  AmountText,
  AssetText,
  decodeCaller,
  fingerprintOf,
  parseCallerAmount,
  withoutContext,
} from '../../ledger/input.js'
import type { Ledger, LedgerError, PaymentView } from '../../ledger/types.js'
import { paymentViewWithDisputes } from '../dispute/disputeFacts.js'
import { followUps, isOpened, planPaymentCommand, viewOf } from './paymentSteps.js'
import {
  IdempotencyKey,
  commitMetadataOf,
  decideWrite,
  readKeyedAmount,
  withContext,
  holdIdsUsedUp,
} from '../shared/common.js'
import { runPlanned } from '../execution/run.js'
import type { Plan } from '../execution/run.js'
import { accountNotFound, promotionNotFound } from '../../ledger/notFound.js'
import { entryIdOf, workflowHoldIdOn } from '../shared/ids.js'

// ---------------------------------------------------------------- input codecs

/** The caller's input to `pay` (contract.unit.spec.ts ties it to `Ledger`). */
export const PayInput = withContext(
  {
    channel: t.keyof({ merchant_qr: null, online: null, p2p: null, bill: null }, 'Channel'),
    payer: AccountId,
    payee: AccountId,
    asset: AssetText,
    amount: AmountText,
    idempotencyKey: IdempotencyKey,
  },
  {
    authorization: Authorization,
    promotionId: CallerId,
    memo: boundedString(limits.MEMO_LENGTH_MAX, 'Memo'),
    capture: t.keyof({ instant: null, manual: null }, 'Capture'),
  },
  'Pay',
)
/** The caller's input to `capturePayment` (contract.unit.spec.ts ties it to `Ledger`). */
export const CaptureInput = withContext({ paymentId: CallerId }, { amount: AmountText }, 'Capture')
/** The caller's input to `cancelPayment` (contract.unit.spec.ts ties it to `Ledger`). */
export const CancelInput = withContext({ paymentId: CallerId }, {}, 'CancelPayment')

// ---------------------------------------------------------------- pay

const planPay = async (
  context: LedgerContext,
  input: t.TypeOf<typeof PayInput>,
  amount: string,
  paymentId: string,
  fingerprint: string,
): Promise<Either<LedgerError, Plan<PaymentView>>> => {
  const definition = context.definitions.payment
  const loaded = await context.repository.load(definition, paymentId)
  if (loaded.state.status !== 'not_requested') {
    if (loaded.state.request.fingerprint !== fingerprint) {
      return left(
        domainError('idempotency_key_reused', keyReusedMessage('payment'), {
          paymentId,
        }),
      )
    }
    const failure = storedPaymentFailure(loaded.state)
    return right({
      writes: [],
      outcome:
        failure === undefined
          ? right(await paymentViewWithDisputes(context, loaded.state))
          : left(failure),
    })
  }
  const [payer, payee] = await Promise.all([
    context.repository.load(context.definitions.account, input.payer),
    context.repository.load(context.definitions.account, input.payee),
  ])
  // Platform accounts are not callers' accounts: nobody pays out of the fees or a world account.
  if (!isOpened(payer.state) || payer.state.kind === 'system')
    return left({
      ...accountNotFound(input.payer),
      details: { path: 'payer', accountId: input.payer },
    })
  if (!isOpened(payee.state) || payee.state.kind === 'system')
    return left({
      ...accountNotFound(input.payee),
      details: { path: 'payee', accountId: input.payee },
    })
  const promotion = await promotionFacts(context, input.promotionId, input.payer)
  if (promotion._tag === 'Left') return promotion
  const holdId = workflowHoldIdOn('payment', paymentId, payer.state)
  if (holdId === undefined) return left(holdIdsUsedUp(paymentId))
  const now = context.clock()
  const at = now.toISOString()
  const localDate = context.localTime(now).localDate as LocalDate
  const capture = input.capture ?? 'instant'
  const command = {
    type: 'RequestPayment',
    paymentId,
    entryId: entryIdOf('payment', paymentId, 'capture'),
    fingerprint,
    channel: input.channel,
    payer: senderFactsOf(payer.state, input.asset, localDate),
    payee: {
      accountId: input.payee,
      kind: payee.state.kind,
      status: payee.state.status,
      ...(payee.state.merchantFeeRate === undefined
        ? {}
        : { merchantFeeRate: payee.state.merchantFeeRate }),
    },
    asset: input.asset,
    amount,
    capture,
    at,
    localDate,
    ...(input.memo === undefined ? {} : { memo: input.memo }),
    ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
    ...(capture === 'manual'
      ? {
          hold: {
            holdId,
            expiresAt: new Date(now.getTime() + context.authorizationTtlMs).toISOString(),
          },
        }
      : {}),
    ...(promotion.right === undefined ? {} : { promotion: promotion.right }),
  } as PaymentCommand
  const write = decideWrite(definition, definition.stream(paymentId), loaded, command)
  if (write._tag === 'Left') return write
  const paymentWrite = { ...write.right, expectedRevision: 'no_stream' as const }
  const failure = paymentFailureOf(write.right.events)
  if (failure !== undefined) return right({ writes: [paymentWrite], outcome: left(failure) })
  const rest = await followUps(context, loaded.state, write.right.events, at, localDate)
  if (rest._tag === 'Left') return rest
  return right({
    writes: [paymentWrite, ...rest.right],
    outcome: right(viewOf(write.right.nextState)),
  })
}

const promotionFacts = async (
  context: LedgerContext,
  promotionId: string | undefined,
  accountId: string,
) => {
  if (promotionId === undefined) return right(undefined)
  const loaded = await context.repository.load(context.definitions.promotion, promotionId)
  if (loaded.state.status === 'not_created') {
    return left<LedgerError>(promotionNotFound(promotionId, { path: 'promotionId' }))
  }
  return right(promotionFactsOf(loaded.state, accountId))
}

// ---------------------------------------------------------------- the methods

/** The payment methods of the ledger (refunds are in refunds.ts). */
export const paymentCommands = (
  context: LedgerContext,
): Pick<Ledger, 'pay' | 'capturePayment' | 'cancelPayment'> => ({
  pay: async (raw) => {
    const read = readKeyedAmount(context, PayInput, raw, 'payment')
    if (read._tag === 'Left') return read
    const { input, amount: parsed, id: paymentId } = read.right
    const fields = {
      ...withoutContext(input),
      amount: parsed.amount,
      capture: input.capture ?? 'instant',
    }
    const fingerprint = fingerprintOf(fields)
    return runPlanned(context, commitMetadataOf(input), () =>
      planPay(context, input, parsed.amount, paymentId, fingerprint),
    )
  },
  capturePayment: async (raw) => {
    const input = decodeCaller(CaptureInput, raw)
    if (input._tag === 'Left') return input
    const { paymentId, amount } = input.right
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planPaymentCommand(context, paymentId, (state, at) => {
        const base = {
          type: 'CapturePayment',
          paymentId,
          entryId: entryIdOf('payment', paymentId, 'capture'),
          at,
        }
        if (amount === undefined) return right(base as PaymentCommand)
        const parsed = parseCallerAmount(context.registry, state.request.asset, amount, 'amount')
        return parsed._tag === 'Left'
          ? parsed
          : right({ ...base, amount: parsed.right.amount } as PaymentCommand)
      }),
    )
  },
  cancelPayment: async (raw) => {
    const input = decodeCaller(CancelInput, raw)
    if (input._tag === 'Left') return input
    const { paymentId } = input.right
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planPaymentCommand(context, paymentId, (_state, at) =>
        right({ type: 'CancelPayment', paymentId, at } as PaymentCommand),
      ),
    )
  },
})
