// The account, deposit, adjustment, promotion and payment methods of a simulated ledger
// (ledgerWorkflows.ts), including a discounted payment whose step-by-step decision was lost.
import type { AccountKind, JournalEntry, PaymentEvent } from '@wallet-ledger/domain'
import { formatMinor, moneyFromCanonical, promotionFactsOf } from '@wallet-ledger/domain'
import type { StepLimit } from './ledgerSimulator.js'
import { SIMULATED_FINGERPRINT as FINGERPRINT, localDateOf } from './ledgerSimulator.js'
import type { WorkflowContext } from './ledgerWorkflows.js'
import { AGGREGATES } from './ledgerWorkflows.js'

const dayAfter = (at: string): string => new Date(Date.parse(at) + 86_400_000).toISOString()

/** What a simulated payment request names; the rest comes from the accounts' states. */
export type PaymentRequestInput = {
  readonly paymentId: string
  readonly payer: string
  readonly payee: string
  readonly asset: string
  readonly amount: string
  readonly channel?: string
  readonly capture?: 'instant' | 'manual'
  readonly promotionId?: string
  readonly expiresAt?: string
  readonly at?: string
}

/** Opening and freezing accounts, deposits, adjustments, promotions and payments. */
export const paymentMethods = (context: WorkflowContext) => {
  const { core, tick, payment, promotion, accountOf, senderOf, holds } = context
  const { disputeRefunds, holdStep, releaseStep, holdsOf, promotionSteps } = context
  const A = AGGREGATES
  // The RequestPayment the engine would build from the accounts' and the promotion's states.
  const requestCommandOf = (request: PaymentRequestInput, holdId: string, at: string) => {
    const { paymentId, payer, payee, asset, amount } = request
    const capture = request.capture ?? 'instant'
    const payeeState = accountOf(payee)
    const promotionState =
      request.promotionId === undefined
        ? undefined
        : core.stateOf(A.promotion.decider, A.promotion.stream(request.promotionId))
    return {
      type: 'RequestPayment',
      paymentId,
      entryId: `${paymentId}:capture`,
      fingerprint: FINGERPRINT,
      channel: request.channel ?? (capture === 'manual' ? 'online' : 'merchant_qr'),
      payer: senderOf(payer, asset, at),
      payee: {
        accountId: payee,
        kind: payeeState.kind,
        status: payeeState.status,
        ...(payeeState.merchantFeeRate === undefined
          ? {}
          : { merchantFeeRate: payeeState.merchantFeeRate }),
      },
      asset,
      amount,
      capture,
      at,
      localDate: localDateOf(at),
      ...(capture === 'manual'
        ? { hold: { holdId, expiresAt: request.expiresAt ?? dayAfter(at) } }
        : {}),
      ...(promotionState?.status === 'active'
        ? { promotion: promotionFactsOf(promotionState, payer) }
        : {}),
    }
  }
  const applyOf = (request: PaymentRequestInput) => ({
    type: 'ApplyDiscount',
    promotionId: request.promotionId,
    paymentId: request.paymentId,
    accountId: request.payer,
    amount: request.amount,
  })
  return {
    /** Opens an account (users and merchants; platform accounts open themselves when used). */
    open: (accountId: string, kind: AccountKind = 'user', merchantFeeRate?: string, at?: string) =>
      core.account({
        type: 'OpenAccount',
        accountId,
        kind,
        at: tick(at),
        ...(merchantFeeRate === undefined ? {} : { merchantFeeRate }),
      } as never),
    /** Freezes an account. */
    freeze: (accountId: string, at?: string) =>
      core.account({
        type: 'FreezeAccount',
        accountId,
        reason: 'stolen phone',
        at: tick(at),
      } as never),
    /** Money arrives by bank transfer. */
    deposit: (
      depositId: string,
      accountId: string,
      asset: string,
      amount: string,
      at?: string,
      limit?: StepLimit,
    ) => {
      const when = tick(at)
      const source = { type: 'bank_transfer', reference: `ref-${depositId}` }
      const [event] = core.run(A.deposit.decider as never, A.deposit.stream(depositId), {
        type: 'RecordDeposit',
        depositId,
        entryId: `${depositId}:entry`,
        accountId,
        asset,
        amount,
        source,
        fingerprint: FINGERPRINT,
        accountStatus: accountOf(accountId).status,
        at: when,
      }) as readonly { data: { entry: JournalEntry } }[]
      if (event !== undefined) core.runSteps(core.legSteps(event.data.entry, when), limit)
    },
    /** A correction against suspense. */
    adjust: (
      adjustmentId: string,
      accountId: string,
      asset: string,
      amount: string,
      direction: 'credit' | 'debit',
      at?: string,
    ) => {
      const when = tick(at)
      const available = formatMinor(
        accountOf(accountId).balances[asset]?.available ?? 0n,
        moneyFromCanonical(asset, amount).scale,
      )
      const [event] = core.run(A.adjustment.decider as never, A.adjustment.stream(adjustmentId), {
        type: 'PostAdjustment',
        adjustmentId,
        entryId: `${adjustmentId}:entry`,
        accountId,
        asset,
        amount,
        direction,
        reason: 'correction',
        fingerprint: FINGERPRINT,
        accountStatus: accountOf(accountId).status,
        available,
        at: when,
      }) as readonly { data: { entry: JournalEntry } }[]
      if (event !== undefined) core.runSteps(core.legSteps(event.data.entry, when))
    },
    /** Creates a promotion funded from the marketing fund; `discount` is `{ percent }` or `{ fixed }`. */
    createPromotion: (
      promotionId: string,
      asset: string,
      budget: string,
      discount: object,
      at?: string,
    ) => {
      const when = tick(at)
      const [event] = promotion(A.promotion.stream(promotionId), {
        type: 'CreatePromotion',
        promotionId,
        asset,
        budget,
        discount,
        entryId: `${promotionId}:funding`,
        at: when,
      })
      if (event?.type === 'PromotionCreated') core.runSteps(core.legSteps(event.data.entry, when))
    },
    /** Requests a payment: instant by default; `capture: 'manual'` (online) authorizes it for a day. */
    pay: (request: PaymentRequestInput, limit?: StepLimit): readonly PaymentEvent[] => {
      const at = tick(request.at)
      const { paymentId, payer, asset, amount } = request
      const holdId = `${paymentId}:hold`
      const events = payment(A.payment.stream(paymentId), requestCommandOf(request, holdId, at))
      for (const event of events) {
        if (event.type === 'PaymentAuthorized') {
          holds.set(paymentId, { accountId: payer, holdId })
          const { expiresAt } = event.data
          core.runSteps(
            [
              holdStep(payer, holdId, asset, amount, at, {
                initiatedBy: 'owner',
                expiresAt,
                limitDate: localDateOf(at),
              }),
            ],
            limit,
          )
        }
        if (event.type === 'PaymentCaptured') {
          const { entry } = event.data
          const steps = core.legSteps(entry, at, { owner: payer, limitDate: localDateOf(at) })
          const discount = promotionSteps(entry, applyOf(request), at)
          core.runSteps([...steps, ...discount], limit)
        }
      }
      return events
    },
    /**
     * An instant discounted payment on the step-by-step executor whose decision was lost: the
     * promotion records its DiscountApplied (appended before the decision), the payment records
     * nothing; with `isVoided` (the default) recover()'s DiscountVoided follows. A payment refused,
     * or given no discount, records nothing at all.
     */
    payLost: (request: PaymentRequestInput & { promotionId: string }, isVoided = true) => {
      const at = tick(request.at)
      const { paymentId, promotionId } = request
      const stream = A.payment.stream(paymentId)
      const command = requestCommandOf({ ...request, capture: 'instant' }, `${paymentId}:hold`, at)
      const decided = A.payment.decider.decide(
        command as never,
        core.stateOf(A.payment.decider, stream),
      )
      if (decided._tag === 'Left') return
      const captured = decided.right.find((event) => event.type === 'PaymentCaptured')
      if (captured?.type !== 'PaymentCaptured') return
      const { entry } = captured.data
      const discount = promotionSteps(entry, applyOf(request), at)
      core.runSteps(discount)
      if (discount.length === 0 || !isVoided) return
      promotion(A.promotion.stream(promotionId), {
        type: 'VoidDiscount',
        promotionId,
        paymentId,
        entryId: entry.entryId,
        at: tick(),
      })
    },
    /** Captures an authorized payment (all of it, or `amount`). */
    capture: (paymentId: string, amount?: string, at?: string, limit?: StepLimit) => {
      const when = tick(at)
      const events = payment(A.payment.stream(paymentId), {
        type: 'CapturePayment',
        paymentId,
        entryId: `${paymentId}:capture`,
        at: when,
        ...(amount === undefined ? {} : { amount }),
      })
      for (const event of events) {
        if (event.type === 'PaymentCaptured')
          core.runSteps(core.legSteps(event.data.entry, when, { holds: holdsOf(paymentId) }), limit)
      }
    },
    /** Cancels an authorized payment and releases its hold. */
    cancel: (paymentId: string, at?: string, limit?: StepLimit) => {
      const when = tick(at)
      payment(A.payment.stream(paymentId), { type: 'CancelPayment', paymentId, at: when })
      core.runSteps([releaseStep(paymentId, when)], limit)
    },
    /** Expires an authorized payment (at its expiry or later) and releases its hold. */
    expire: (paymentId: string, at: string, limit?: StepLimit) => {
      const when = tick(at)
      const events = payment(A.payment.stream(paymentId), {
        type: 'ExpirePayment',
        paymentId,
        at: when,
      })
      if (events.length > 0) core.runSteps([releaseStep(paymentId, when)], limit)
    },
    /** Refunds a captured payment (all that is left, or `amount`). */
    refund: (
      paymentId: string,
      refundId: string,
      amount?: string,
      at?: string,
      limit?: StepLimit,
    ) => {
      const when = tick(at)
      const state = core.stateOf(A.payment.decider, A.payment.stream(paymentId))
      if (state.status === 'not_requested') {
        throw new Error(`RefundPayment on ${A.payment.stream(paymentId)}: payment_not_found (none)`)
      }
      const events = payment(A.payment.stream(paymentId), {
        type: 'RefundPayment',
        paymentId,
        refundId,
        entryId: `${paymentId}:${refundId}`,
        fingerprint: FINGERPRINT,
        hasOpenDispute: false,
        disputeRefunded: formatMinor(disputeRefunds.get(paymentId) ?? 0n, state.scale),
        at: when,
        ...(amount === undefined ? {} : { amount }),
      })
      for (const event of events) {
        if (event.type !== 'PaymentRefunded') continue
        const { entry } = event.data
        const budget = promotionSteps(
          entry,
          { type: 'ReturnDiscount', promotionId: state.request.promotionId, paymentId },
          when,
        )
        core.runSteps([...core.legSteps(entry, when), ...budget], limit)
      }
    },
  }
}
