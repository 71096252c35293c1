// The workflows of a simulated ledger (ledgerSimulator.ts): each method builds the command the
// engine would build from real state, runs the workflow's decider, then the account (and promotion)
// steps its events call for. Ids are derived from the workflow id; every method takes an optional
// `at` and a `StepLimit`.
import type {
  AccountKind,
  ConversionEvent,
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
  withdrawalDecider,
  withdrawalStream,
  createBusinessCalendar,
  formatMinor,
  moneyFromCanonical,
  paymentView,
  promotionFactsOf,
  senderFactsOf,
} from '@wallet-ledger/domain'
import type { SimulatorOptions, StepLimit } from './ledgerSimulator.js'
import {
  SIMULATED_FINGERPRINT as FINGERPRINT,
  createSimulatorCore,
  localDateOf,
  zeroLike,
} from './ledgerSimulator.js'

type Run<Event> = (stream: string, command: unknown) => readonly Event[]

const dayAfter = (at: string): string => new Date(Date.parse(at) + 86_400_000).toISOString()

// The aggregates the workflows run, with their stream names.
const A = {
  deposit: { decider: depositDecider, stream: depositStream },
  adjustment: { decider: adjustmentDecider, stream: adjustmentStream },
  payment: { decider: paymentDecider, stream: paymentStream },
  withdrawal: { decider: withdrawalDecider, stream: withdrawalStream },
  dispute: { decider: disputeDecider, stream: disputeStream },
  conversion: { decider: conversionDecider, stream: conversionStream },
  promotion: { decider: promotionDecider, stream: promotionStream },
} as const

/** A simulated ledger: its log and one method per workflow step. */
export type LedgerSimulator = ReturnType<typeof createLedgerSimulator>

/** A simulated ledger starting at `options.start` with an empty log. */
export const createLedgerSimulator = (options: SimulatorOptions = {}) => {
  const core = createSimulatorCore(options)
  const { log, tick } = core
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
    log,
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
    pay: (
      request: {
        paymentId: string
        payer: string
        payee: string
        asset: string
        amount: string
        channel?: string
        capture?: 'instant' | 'manual'
        promotionId?: string
        expiresAt?: string
        at?: string
      },
      limit?: StepLimit,
    ): readonly PaymentEvent[] => {
      const at = tick(request.at)
      const { paymentId, payer, payee, asset, amount } = request
      const capture = request.capture ?? 'instant'
      const payeeState = accountOf(payee)
      const holdId = `${paymentId}:hold`
      const promotionState =
        request.promotionId === undefined
          ? undefined
          : core.stateOf(A.promotion.decider, A.promotion.stream(request.promotionId))
      const events = payment(A.payment.stream(paymentId), {
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
      })
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
          const discount = promotionSteps(
            entry,
            {
              type: 'ApplyDiscount',
              promotionId: request.promotionId,
              paymentId,
              accountId: payer,
              amount,
            },
            at,
          )
          core.runSteps([...steps, ...discount], limit)
        }
      }
      return events
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
    /** Requests a withdrawal to a bank account; `fee` absent is zero. */
    requestWithdrawal: (
      withdrawalId: string,
      accountId: string,
      asset: string,
      amount: string,
      fee?: string,
      at?: string,
      limit?: StepLimit,
    ) => {
      const when = tick(at)
      const holdId = `${withdrawalId}:hold`
      const events = withdrawal(A.withdrawal.stream(withdrawalId), {
        type: 'RequestWithdrawal',
        withdrawalId,
        accountId,
        asset,
        amount,
        destination: { type: 'bank_account', reference: 'sealed' },
        holdId,
        at: when,
        localDate: localDateOf(when),
        fingerprint: FINGERPRINT,
        sender: senderOf(accountId, asset, when),
        ...(fee === undefined ? {} : { fee }),
      })
      for (const event of events) {
        if (event.type !== 'WithdrawalRequested') continue
        const total =
          moneyFromCanonical(asset, amount).minor + moneyFromCanonical(asset, event.data.fee).minor
        holds.set(withdrawalId, { accountId, holdId })
        const held = formatMinor(total, moneyFromCanonical(asset, amount).scale)
        core.runSteps(
          [
            holdStep(accountId, holdId, asset, held, when, {
              initiatedBy: 'owner',
              limitDate: localDateOf(when),
            }),
          ],
          limit,
        )
      }
    },
    /** The identity check's outcome; a failed one releases the hold. */
    verifyWithdrawal: (withdrawalId: string, passed: boolean, at?: string, limit?: StepLimit) => {
      const when = tick(at)
      const events = withdrawal(A.withdrawal.stream(withdrawalId), {
        type: 'VerifyWithdrawalIdentity',
        withdrawalId,
        passed,
        at: when,
      })
      if (events.some((event) => event.type === 'WithdrawalRejected'))
        core.runSteps([releaseStep(withdrawalId, when)], limit)
    },
    /** Hands a verified withdrawal to the bank. */
    submitWithdrawal: (withdrawalId: string, at?: string) => {
      const when = tick(at)
      const calendar = createBusinessCalendar()
      if (calendar._tag === 'Left') throw new Error('calendar')
      withdrawal(A.withdrawal.stream(withdrawalId), {
        type: 'SubmitWithdrawal',
        withdrawalId,
        at: when,
        localDate: localDateOf(when),
        localTime: when.slice(11, 16),
        calendar: calendar.right,
      })
    },
    /** The bank paid out: the hold is captured, the outflow and the fee credited. */
    completeWithdrawal: (withdrawalId: string, at?: string, limit?: StepLimit) => {
      const when = tick(at)
      const events = withdrawal(A.withdrawal.stream(withdrawalId), {
        type: 'CompleteWithdrawal',
        withdrawalId,
        entryId: `${withdrawalId}:payout`,
        at: when,
      })
      for (const event of events) {
        if (event.type === 'WithdrawalCompleted')
          core.runSteps(
            core.legSteps(event.data.entry, when, { holds: holdsOf(withdrawalId) }),
            limit,
          )
      }
    },
    /** The withdrawal failed (before completion) or was cancelled; the hold is released. */
    endWithdrawal: (
      withdrawalId: string,
      how: 'FailWithdrawal' | 'CancelWithdrawal',
      at?: string,
      limit?: StepLimit,
    ) => {
      const when = tick(at)
      withdrawal(A.withdrawal.stream(withdrawalId), {
        type: how,
        withdrawalId,
        reason: 'bank refused',
        at: when,
      })
      core.runSteps([releaseStep(withdrawalId, when)], limit)
    },
    /** The bank sent a completed withdrawal back. */
    returnWithdrawal: (withdrawalId: string, at?: string, limit?: StepLimit) => {
      const when = tick(at)
      const events = withdrawal(A.withdrawal.stream(withdrawalId), {
        type: 'ReturnWithdrawal',
        withdrawalId,
        reason: 'account closed',
        entryId: `${withdrawalId}:return`,
        at: when,
      })
      for (const event of events) {
        if (event.type === 'WithdrawalReturned')
          core.runSteps(core.legSteps(event.data.entry, when), limit)
      }
    },
    /** The payer disputes a captured payment; what the payee has available of it is held. */
    openDispute: (
      disputeId: string,
      paymentId: string,
      responseDueAt: string,
      amount?: string,
      at?: string,
      limit?: StepLimit,
    ) => {
      const when = tick(at)
      const paymentState = core.stateOf(A.payment.decider, A.payment.stream(paymentId))
      if (paymentState.status === 'not_requested') {
        throw new Error(`OpenDispute on ${A.payment.stream(paymentId)}: payment_not_found (none)`)
      }
      const view = paymentView(paymentState)
      const scale = moneyFromCanonical(view.asset, view.amount).scale
      const refunded =
        moneyFromCanonical(view.asset, view.refunded).minor + (disputeRefunds.get(paymentId) ?? 0n)
      const holdId = `${disputeId}:hold`
      const events = dispute(A.dispute.stream(disputeId), {
        type: 'OpenDispute',
        disputeId,
        paymentId,
        openedBy: view.payer,
        reason: 'not_received',
        at: when,
        responseDueAt,
        holdId,
        payment: {
          payer: view.payer,
          payee: view.payee,
          asset: view.asset,
          captured: view.captured ?? zeroLike(view.asset, view.amount),
          refunded: formatMinor(refunded, scale),
          status: view.status,
        },
        payeeAvailable: formatMinor(
          accountOf(view.payee).balances[view.asset]?.available ?? 0n,
          scale,
        ),
        fingerprint: FINGERPRINT,
        ...(amount === undefined ? {} : { amount }),
      })
      for (const event of events) {
        if (
          event.type !== 'DisputeOpened' ||
          moneyFromCanonical(view.asset, event.data.held).minor === 0n
        )
          continue
        holds.set(disputeId, { accountId: view.payee, holdId })
        core.runSteps(
          [
            holdStep(view.payee, holdId, view.asset, event.data.held, when, {
              initiatedBy: 'platform',
            }),
          ],
          limit,
        )
      }
    },
    /** The payee contests (`contest`) or accepts (`accept`, a full refund) a dispute. */
    respondToDispute: (
      disputeId: string,
      response: 'accept' | 'contest',
      at?: string,
      limit?: StepLimit,
    ) => {
      const when = tick(at)
      const events = dispute(A.dispute.stream(disputeId), {
        type: 'RespondToDispute',
        disputeId,
        response,
        entryId: `${disputeId}:refund`,
        at: when,
      })
      settleDispute(disputeId, events, when, limit)
    },
    /** Hands the dispute to support, or (with `ExpireDisputeResponse`) lets the deadline pass. */
    escalateDispute: (
      disputeId: string,
      how: 'EscalateDispute' | 'ExpireDisputeResponse' = 'EscalateDispute',
      at?: string,
    ) => {
      dispute(A.dispute.stream(disputeId), { type: how, disputeId, at: tick(at) })
    },
    /** Support's decision; `payer` refunds all or `amount`, `payee` releases, `legal` waits. */
    resolveDispute: (
      disputeId: string,
      outcome: 'payer' | 'payee' | 'legal',
      amount?: string,
      at?: string,
      limit?: StepLimit,
    ) => {
      const when = tick(at)
      const events = dispute(A.dispute.stream(disputeId), {
        type: 'ResolveDispute',
        disputeId,
        outcome,
        entryId: `${disputeId}:refund`,
        at: when,
        ...(amount === undefined ? {} : { amount }),
      })
      settleDispute(disputeId, events, when, limit)
    },
    /** Converts `from` into `to` at `rate` (units of `to` per unit of `from`). */
    convert: (
      conversionId: string,
      accountId: string,
      from: { asset: string; amount: string },
      to: { asset: string; scale: number },
      rate: string,
      options: { quoteExpiresAt?: string; at?: string } = {},
      limit?: StepLimit,
    ): readonly ConversionEvent[] => {
      const when = tick(options.at)
      const events = core.run(A.conversion.decider as never, A.conversion.stream(conversionId), {
        type: 'ConvertFunds',
        conversionId,
        entryId: `${conversionId}:trade`,
        accountId,
        from,
        to,
        rate,
        sender: senderOf(accountId, from.asset, when),
        at: when,
        localDate: localDateOf(when),
        fingerprint: FINGERPRINT,
        ...(options.quoteExpiresAt === undefined ? {} : { quoteExpiresAt: options.quoteExpiresAt }),
      }) as readonly ConversionEvent[]
      for (const event of events) {
        if (event.type !== 'ConversionExecuted') continue
        core.runSteps(
          core.legSteps(event.data.entry, when, { owner: accountId, limitDate: localDateOf(when) }),
          limit,
        )
      }
      return events
    },
  }

  function settleDispute(
    disputeId: string,
    events: readonly DisputeEvent[],
    at: string,
    limit?: StepLimit,
  ): void {
    for (const event of events) {
      if (event.type !== 'DisputeResolved') continue
      const { entry } = event.data
      if (entry === undefined) {
        core.runSteps([releaseStep(disputeId, at)], limit)
        continue
      }
      const disputeState = core.stateOf(A.dispute.decider, A.dispute.stream(disputeId))
      if (disputeState.status !== 'not_opened') {
        const minor = moneyFromCanonical(event.data.asset, event.data.refunded).minor
        disputeRefunds.set(
          disputeState.paymentId,
          (disputeRefunds.get(disputeState.paymentId) ?? 0n) + minor,
        )
      }
      core.runSteps(core.legSteps(entry, at, { holds: holdsOf(disputeId) }), limit)
    }
  }
}
