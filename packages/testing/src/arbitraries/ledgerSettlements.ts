// The withdrawal, dispute and conversion methods of a simulated ledger (ledgerWorkflows.ts).
import type { ConversionEvent, DisputeEvent } from '@wallet-ledger/domain'
import {
  createBusinessCalendar,
  formatMinor,
  moneyFromCanonical,
  paymentView,
} from '@wallet-ledger/domain'
import type { StepLimit } from './ledgerSimulator.js'
import { SIMULATED_FINGERPRINT as FINGERPRINT, localDateOf, zeroLike } from './ledgerSimulator.js'
import type { WorkflowContext } from './ledgerWorkflows.js'
import { AGGREGATES } from './ledgerWorkflows.js'

/** Withdrawals, disputes and conversions. */
export const settlementMethods = (context: WorkflowContext) => {
  const { core, tick, withdrawal, dispute, accountOf, senderOf, holds } = context
  const { disputeRefunds, holdStep, releaseStep, holdsOf, promotionSteps } = context
  const A = AGGREGATES
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
      if (disputeState.status === 'not_opened') throw new Error(`${disputeId} resolved unopened`)
      const { paymentId, payee, payment } = disputeState
      const minor = moneyFromCanonical(event.data.asset, event.data.refunded).minor
      disputeRefunds.set(paymentId, (disputeRefunds.get(paymentId) ?? 0n) + minor)
      // The budget's share goes back through the promotion; a refund that takes nothing from the
      // payee (all of it the fee's share) releases the hold instead of capturing it.
      const budget = promotionSteps(
        entry,
        { type: 'ReturnDiscount', promotionId: payment.promotionId, paymentId },
        at,
      )
      const isCaptured = entry.legs.some((leg) => leg.account === payee)
      const release = isCaptured ? [] : [releaseStep(disputeId, at)]
      const legs = core.legSteps(entry, at, { holds: holdsOf(disputeId) })
      core.runSteps([...legs, ...budget, ...release], limit)
    }
  }

  return {
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
          discount: formatMinor('discount' in paymentState ? paymentState.discount : 0n, scale),
          fee: formatMinor('fee' in paymentState ? paymentState.fee : 0n, scale),
          refunded: formatMinor(refunded, scale),
          status: view.status,
          ...('discount' in paymentState && paymentState.discount > 0n
            ? { promotionId: paymentState.request.promotionId }
            : {}),
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
}
